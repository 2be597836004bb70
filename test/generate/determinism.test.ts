// Same arguments, same bytes: the fleet (transcripts, Codex rollouts and the API agents'
// telemetry) is a function of the generator's code, the calibration, the number of users,
// of Codex users and of API agents, and the seed; never of the clock, the Node version or how many threads wrote it.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, test} from "vitest";
import {generate} from "../../loaders/generate/fleet.ts";
import {Rng} from "../../loaders/generate/rng.ts";
import {cli, tmp} from "../helpers/cli.ts";

/** Every file under `root`, path → bytes. */
function tree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return out;
}

describe("agent-autonomy generate is deterministic", () => {
  const runs = ["a", "b"].map(() => {
    const out = join(tmp(), "fleet");
    const run = cli(["generate", "--users", "3", "--codex-users", "2", "--api-agents", "6", "--seed", "same", "--out", out, "-q"]);
    expect(run, run.stderr).toMatchObject({code: 0, stderr: ""});
    return tree(out);
  });

  test("two runs with the same arguments write the same files, byte for byte", () => {
    const [a, b] = runs;
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(50);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  test("the marker names the generator, the seed and the calibration, and nothing that varies", () => {
    const marker = JSON.parse(runs[0].get("agent-autonomy-fleet.json")!.toString());
    expect(marker).toMatchObject({generator: "agent-autonomy generate", seed: "same", users: 3, format: "Claude Code 2.1.x transcripts", codex: {users: 2}, api: {agents: 6}});
    expect([...runs[0].keys()].filter((p) => /^codex-user-\d+\/sessions\/.*\/rollout-.*\.jsonl$/.test(p)).length).toBe(marker.codex.files);
    expect(marker.api.format).toMatch(/^OTLP JSON of GenAI agent spans/);
    expect([...runs[0].keys()].filter((p) => p.startsWith("otel/")).length).toBe(marker.api.files);
    expect(marker.calibration).toMatch(/^[0-9a-f]{16}$/);
    expect(marker.files).toBe(runs[0].size - 1);
    expect(marker.bytes).toBe([...runs[0].entries()].filter(([p]) => p !== "agent-autonomy-fleet.json").reduce((s, [, b]) => s + b.length, 0));
  });

  test("another seed is another fleet; threads never change the bytes", async () => {
    const other = join(tmp(), "fleet");
    expect(cli(["generate", "--users", "3", "--codex-users", "2", "--api-agents", "6", "--seed", "other", "--out", other, "-q"]).code).toBe(0);
    const theirs = tree(other);
    expect([...theirs.keys()].filter((p) => p.endsWith(".jsonl") && runs[0].has(p))).toEqual([]);
    expect(theirs.get("otel/gateway-us-east/traces.json")!.equals(runs[0].get("otel/gateway-us-east/traces.json")!)).toBe(false);

    // One thread writes everything; two write each agent's users, and another the API agents.
    const two = join(tmp(), "fleet");
    await generate({users: 3, codexUsers: 2, apiAgents: 6, seed: "same", out: two, threads: 2});
    const threaded = tree(two);
    expect([...threaded.keys()]).toEqual([...runs[0].keys()]);
    for (const [path, bytes] of runs[0]) expect(bytes.equals(threaded.get(path)!), path).toBe(true);
  });
});

describe("the PRNG", () => {
  test("named streams do not depend on what was drawn before", () => {
    const a = new Rng("s");
    a.uint32();
    expect(a.fork("x").uint32()).toBe(new Rng("s").fork("x").uint32());
  });

  test("draws have the moments their distributions should", () => {
    const rng = new Rng("moments");
    const n = 200_000;
    const normals = Array.from({length: n}, () => rng.normal());
    const m = normals.reduce((a, b) => a + b, 0) / n;
    const v = normals.reduce((a, b) => a + (b - m) ** 2, 0) / n;
    // Standard errors: 1/sqrt(n) = 0.0022 for the mean, sqrt(2/n) = 0.0032 for the variance.
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(Math.abs(v - 1)).toBeLessThan(0.015);
    const poisson = Array.from({length: n}, () => rng.poisson(3.5));
    expect(Math.abs(poisson.reduce((a, b) => a + b, 0) / n - 3.5)).toBeLessThan(0.02);
  });
});
