// The ingest command as a user meets it: layouts, exit status, messages.
import {cpSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {currentTables} from "../../loaders/ingest/output.ts";
import {cli, FIXTURES, readReport, sqlOn, tmp} from "../helpers/cli.ts";
import {Transcript, writeTree} from "../helpers/transcript.ts";

const SNIFFLY = join(FIXTURES, "sniffly", "mock-data", "-Users-chip-dev-ai-music");

function session(id: string, startIso: string): string {
  return new Transcript(id, undefined, Date.parse(startIso)).prompt(0, "go", {permissionMode: "default"}).text(3, "done").toString();
}

describe("agent-autonomy ingest", () => {
  test("--help explains every option; help prints the usage", () => {
    const help = cli(["ingest", "--help"]);
    expect(help.code).toBe(0);
    for (const option of ["--out", "--incremental", "--workers", "--max-line-mb", "--classifiers", "--report-paths", "--quiet", "--verbose", "CLAUDE_CONFIG_DIR", "Exit status"]) expect(help.stdout).toContain(option);
    expect(cli(["help"]).stdout).toContain("Usage:");
  });

  test("a fleet: one folder a user, tenure counted per user", async () => {
    const root = writeTree({
      "alice/projects/-home-alice-app/a1.jsonl": session("a1", "2025-10-01T10:00:00Z"),
      "alice/projects/-home-alice-app/a2.jsonl": session("a2", "2025-10-02T10:00:00Z"),
      "alice/projects/-home-alice-lib/a3.jsonl": session("a3", "2025-10-03T10:00:00Z"),
      "bob/projects/-home-bob-x/b1.jsonl": session("b1", "2025-10-02T12:00:00Z")
    });
    const out = join(tmp(), "t");
    const run = cli(["ingest", root, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/4 files, 8 lines: 8 parsed, 0 duplicates, 0 skipped\n4 sessions, 4 turns/);
    expect(await sqlOn(out, "select user_id, session_id, tenure, synthetic from sessions order by user_id, tenure")).toEqual([
      {user_id: "alice", session_id: "a1", tenure: 0, synthetic: false},
      {user_id: "alice", session_id: "a2", tenure: 1, synthetic: false},
      {user_id: "alice", session_id: "a3", tenure: 2, synthetic: false},
      {user_id: "bob", session_id: "b1", tenure: 0, synthetic: false}
    ]);
    expect(readReport(out).inputs).toEqual(["fleet"]);
  });

  test("the generator's marker at a fleet's root marks every session synthetic", async () => {
    const root = writeTree({"agent-autonomy-fleet.json": "{}", "u1/projects/p/s.jsonl": session("s", "2025-10-01T10:00:00Z")});
    const out = join(tmp(), "t");
    expect(cli(["ingest", root, "--out", out, "-q"]).code).toBe(0);
    expect(await sqlOn(out, "select user_id, synthetic from sessions")).toEqual([{user_id: "u1", synthetic: true}]);
  });

  test("one person's tree, its projects folder, single files and CLAUDE_CONFIG_DIR give the same tables", async () => {
    const home = tmp();
    mkdirSync(join(home, ".claude", "projects"), {recursive: true});
    cpSync(SNIFFLY, join(home, ".claude", "projects", "-Users-chip-dev-ai-music"), {recursive: true});
    const runs = [
      ["ingest", join(home, ".claude")],
      ["ingest", join(home, ".claude", "projects")],
      ["ingest", join(SNIFFLY, "ba79134d-b6e9-4867-af0c-6941038c9e4b.jsonl"), join(SNIFFLY, "d3ad4cdc-5657-435d-98fa-0035d53e383d.jsonl"), join(SNIFFLY, "fed8ce56-bc79-401f-a83e-af084253362f.jsonl")],
      ["ingest"]
    ];
    const counts = [];
    for (const args of runs) {
      const out = join(tmp(), "t");
      const run = cli([...args, "--out", out, "-q"], {CLAUDE_CONFIG_DIR: join(home, ".claude")});
      expect(run.code, run.stderr).toBe(0);
      counts.push(await sqlOn(out, "select (select count(*) from sessions)::INTEGER as s, (select count(*) from turns)::INTEGER as t, (select count(*) from tool_calls)::INTEGER as c"));
    }
    expect(counts).toEqual(Array(4).fill([{s: 3, t: 13, c: 96}]));
  });

  test("a missing path, an output folder holding other files, or nothing to read: one line and exit 1", () => {
    const missing = cli(["ingest", "/no/such/place", "--out", join(tmp(), "t")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("agent-autonomy: no such file or folder: /no/such/place\n");

    const out = tmp();
    writeFileSync(join(out, "notes.txt"), "mine");
    const foreign = cli(["ingest", SNIFFLY, "--out", out]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toBe(`agent-autonomy: output folder holds files the ingest did not write (notes.txt): ${out}\n`);

    const empty = tmp();
    const nothing = cli(["ingest", empty, "--out", join(tmp(), "t")]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toBe(`agent-autonomy: no transcripts found in ${empty}\n`);
  });

  test("a usage error exits 2 and says so", () => {
    expect(cli(["ingest", SNIFFLY])).toMatchObject({code: 2, stderr: "agent-autonomy: ingest needs --out <dir> (see agent-autonomy help)\n"});
    expect(cli(["ingest", SNIFFLY, "--out", tmp(), "--workers", "zero"]).code).toBe(2);
    expect(cli(["frobnicate"]).code).toBe(2);
  });

  test("a rerun into the same folder replaces the previous tables", async () => {
    const out = join(tmp(), "t");
    expect(cli(["ingest", SNIFFLY, "--out", out, "-q"]).code).toBe(0);
    expect(cli(["ingest", join(SNIFFLY, "fed8ce56-bc79-401f-a83e-af084253362f.jsonl"), "--out", out, "-q"]).code).toBe(0);
    expect(await sqlOn(out, "select count(*)::INTEGER as n from sessions")).toEqual([{n: 1}]);
  });

  test("worker threads give the same tables as one thread", async () => {
    const big = writeTree(Object.fromEntries(Array.from({length: 40}, (_, i) => [`u/projects/p${i % 8}/s${i}.jsonl`, session(`s${i}`, `2025-10-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`).repeat(1)])));
    const one = join(tmp(), "t");
    const two = join(tmp(), "t");
    expect(cli(["ingest", big, "--out", one, "-q", "--workers", "1"]).code).toBe(0);
    expect(cli(["ingest", big, "--out", two, "-q", "--workers", "2"]).code).toBe(0);
    for (const t of ["sessions", "turns", "tool_calls", "stops"]) expect(readFileSync(join(currentTables(two), `${t}.parquet`))).toEqual(readFileSync(join(currentTables(one), `${t}.parquet`)));
  });

  test("--verbose says where the time went, and on how many threads the files were read", () => {
    // Two projects: two groups of files, one for each thread.
    const tree = writeTree({"u/projects/p1/a.jsonl": session("a", "2025-10-01T10:00:00Z"), "u/projects/p2/b.jsonl": session("b", "2025-10-02T10:00:00Z")});
    const run = cli(["ingest", tree, "--out", join(tmp(), "t"), "--verbose", "--workers", "2"]);
    expect(run.code).toBe(0);
    const [, find, read, threads, write] = run.stderr.match(/time: finding files (\d+\.\d\d) s, reading them (\d+\.\d\d) s \((\d+) threads?\), writing the tables (\d+\.\d\d) s\n/) ?? [];
    expect(Number(threads)).toBe(2);
    const total = Number(run.stderr.match(/\(([\d.]+) s\)\n/)![1]);
    // The three phases are parts of the whole run, which the summary times.
    expect(Number(find) + Number(read) + Number(write)).toBeLessThanOrEqual(total + 0.05);
    expect(Number(read)).toBeGreaterThan(0);
    // Unasked, an input this small is read on the main thread, and the summary says so.
    expect(cli(["ingest", tree, "--out", join(tmp(), "t"), "--verbose"]).stderr).toContain("(1 thread)");
    expect(cli(["ingest", tree, "--out", join(tmp(), "t")]).stderr).not.toContain("time:");
  });
});
