// `agent-autonomy generate` and `calibrate` as a user meets them: help, exit status,
// messages, and what they write.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {cli, tmp} from "../helpers/cli.ts";

describe("agent-autonomy generate", () => {
  test("--help explains every option; the overview names both commands", () => {
    const help = cli(["generate", "--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--out", "--users", "--codex-users", "--telemetry-users", "--api-agents", "--seed", "--size", "--variant", "--calibration", "--quiet", "agent-autonomy-fleet.json", "data/calibration.json"]) expect(help.stdout).toContain(option);
    const overview = cli(["help"]).stdout;
    expect(overview).toMatch(/agent-autonomy generate --out <dir>/);
    expect(overview).toMatch(/agent-autonomy calibrate \[<path>\]/);
  });

  test("usage errors exit 2 and say what is wrong", () => {
    expect(cli(["generate", "--users", "2"])).toMatchObject({code: 2, stderr: "agent-autonomy: generate needs --out <dir> (see agent-autonomy help)\n"});
    expect(cli(["generate", "--out", join(tmp(), "f"), "--users", "two"])).toMatchObject({code: 2, stderr: "agent-autonomy: --users needs a whole number, not two (see agent-autonomy help)\n"});
    expect(cli(["generate", "--out", join(tmp(), "f"), "--users", "0", "--codex-users", "0", "--api-agents", "0"])).toMatchObject({
      code: 2,
      stderr: "agent-autonomy: a fleet needs someone in it: one of --users, --codex-users, --telemetry-users or --api-agents above 0 (see agent-autonomy help)\n"
    });
    expect(cli(["generate", "--out", join(tmp(), "f"), "--size", "huge"]).stderr).toBe("agent-autonomy: --size must be one of default, small, circularity, not huge (see agent-autonomy help)\n");
    expect(cli(["generate", "--out", join(tmp(), "f"), "--variant", "uniform"]).stderr).toBe("agent-autonomy: --variant must be one of calibrated, null, paraphrased, not uniform (see agent-autonomy help)\n");
    expect(cli(["generate", "--out", join(tmp(), "f"), "--users", "1", "--api-agents", "1.5"]).stderr).toBe("agent-autonomy: --api-agents needs a whole number, not 1.5 (see agent-autonomy help)\n");
  });

  test("an output folder holding other files is refused; a fleet written before is replaced", () => {
    const mine = tmp();
    writeFileSync(join(mine, "notes.txt"), "mine");
    expect(cli(["generate", "--users", "1", "--api-agents", "0", "--out", mine])).toMatchObject({code: 1, stderr: `agent-autonomy: output folder holds files the generator did not write (notes.txt): ${mine}\n`});
    expect(readFileSync(join(mine, "notes.txt"), "utf8")).toBe("mine");

    const out = join(tmp(), "fleet");
    expect(cli(["generate", "--users", "2", "--codex-users", "0", "--api-agents", "3", "--seed", "one", "--out", out, "-q"]).code).toBe(0);
    mkdirSync(join(out, "user-0009"));
    const rerun = cli(["generate", "--users", "1", "--codex-users", "0", "--api-agents", "0", "--seed", "two", "--out", out]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/^1 users, [\d,]+ sessions; [\d,]+ files, [\d.]+ MB → .* \(seed "two", calibration [0-9a-f]{16}, [\d.]+ s\)\n$/);
    expect(existsSync(join(out, "otel"))).toBe(false);
    expect(existsSync(join(out, "user-0002"))).toBe(false);
    expect(existsSync(join(out, "user-0009"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, "agent-autonomy-fleet.json"), "utf8"))).toMatchObject({seed: "two", users: 1});
  });
});

describe("agent-autonomy calibrate", () => {
  test("on a fleet: ingests it, prints each target beside what was recovered, and writes the report", () => {
    const fleet = join(tmp(), "fleet");
    expect(cli(["generate", "--users", "2", "--codex-users", "0", "--api-agents", "4", "--seed", "c", "--out", fleet, "-q"]).code).toBe(0);
    const json = join(tmp(), "report.json");
    const run = cli(["calibrate", fleet, "--json", json]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Synthetic fleet: 2 users/);
    expect(run.stdout).toMatch(/Targets \(\d+ recovered \(the interval holds the aim\), \d+ within band only, \d+ outside, of \d+\)/);
    expect(run.stdout).toMatch(/f2\.new +about 20% +20\.0 +17\.\.23 +[\d.]+ +\[[\d.]+, [\d.]+\]/);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.data).toMatchObject({users: 2, synthetic: true});
    const target = report.targets.find((t: {id: string}) => t.id === "f3.new");
    expect(target).toMatchObject({published: "about 5%", source: "Fig. 3 (text)", pass: {min: 4, max: 6}});
    expect(target.lo).toBeLessThanOrEqual(target.value);
    expect(target.hi).toBeGreaterThanOrEqual(target.value);
    // The same tables read straight from an ingest's output give the same report.
    const tables = join(tmp(), "t");
    expect(cli(["ingest", fleet, "--out", tables, "-q"]).code).toBe(0);
    const again = join(tmp(), "again.json");
    expect(cli(["calibrate", tables, "--json", again, "-q"])).toMatchObject({code: 0, stdout: ""});
    expect(JSON.parse(readFileSync(again, "utf8"))).toEqual(report);
  });

  test("a path that does not exist: one line and exit 1", () => {
    expect(cli(["calibrate", "/no/such/place"])).toMatchObject({code: 1, stderr: "agent-autonomy: no such file or folder: /no/such/place\n"});
  });
});
