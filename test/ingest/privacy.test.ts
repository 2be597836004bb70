// Privacy by construction: a canary planted in every text field of a fleet's transcripts and
// Codex rollouts (prompts, tool inputs and outputs, paths, branches, project folders,
// summaries, titles, instructions, patches)
// appears in no output: not in any table row, not in the report, not in anything printed
// (on an error path too, with --verbose). User and session identifiers are kept in the
// tables (tenure needs them); test/site/published.test.ts checks that neither they nor the
// canary reach the built site.
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {currentTables} from "../../loaders/ingest/output.ts";
import {cli, readReport, sqlOn, tmp} from "../helpers/cli.ts";
import {CANARY, canaryFleet} from "../helpers/canary.ts";
import {tinyDisk} from "../helpers/system.ts";
import {writeTree} from "../helpers/transcript.ts";

const USERS = ["usercanary-alice", "usercanary-bob"];
const fleet = () => writeTree(canaryFleet(USERS));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: false})
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

describe("no text leaves the ingest", () => {
  const root = fleet();
  const out = join(tmp(), "tables");
  const run = cli(["ingest", root, "--out", out]);

  test("the corpus is read whole, and the canary is everywhere in it", () => {
    expect(run.code, run.stderr).toBe(0);
    const report = readReport(out);
    expect(report.skipped).toEqual({});
    // Two Claude Code sessions and a Codex rollout a user.
    expect(report.tables).toMatchObject({sessions: 6});
    const corpus = filesUnder(root).map((f) => readFileSync(f, "utf8")).join("\n");
    expect(corpus.split(CANARY).length).toBeGreaterThan(200);
  });

  test("no table row, no report, nothing printed holds the canary", async () => {
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    expect(readFileSync(join(currentTables(out), "ingest-report.json"), "utf8")).not.toContain(CANARY);
    for (const table of ["sessions", "turns", "tool_calls", "stops"]) {
      const rows = await sqlOn(out, `select * from ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(JSON.stringify(rows), table).not.toContain(CANARY);
      expect(readFileSync(join(currentTables(out), `${table}.parquet`)).includes(CANARY), table).toBe(false);
    }
  });

  test("nothing the ingest keeps in its output folder for --incremental holds it either (its state names files by digests)", async () => {
    const kept = filesUnder(out);
    expect(kept.some((f) => f.endsWith("state.jsonl"))).toBe(true);
    for (const file of kept) expect(readFileSync(file).includes(CANARY), file).toBe(false);
    const rows = await sqlOn(out, `select * from read_parquet('${join(currentTables(out), "rows", "*.parquet")}', union_by_name = true)`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(CANARY);
  });

  test("the tables keep the identifiers that count sessions and users", async () => {
    expect((await sqlOn(out, "select distinct user_id from sessions order by 1")).map((r) => r.user_id)).toEqual(USERS);
  });
});

describe("nothing printed on an error path holds text from the logs, even with --verbose", () => {
  // A classifiers module that fails on what it reads, with that text in its error, as a
  // careless plugin would: the session is counted as an internal error, nothing is printed.
  const module = join(tmp(), "leaky.ts");
  writeFileSync(module, "export default {complexity: (turn: {prompt: string}) => { throw new Error(`cannot classify: ${turn.prompt}`); }, toolCall: (call: unknown) => { throw new Error(`bad call ${JSON.stringify(call)}`); }};\n");

  test.each([["one thread", "1"], ["worker threads", "2"]])("a classifier that throws with the prompt in its message (%s)", (_, workers) => {
    const out = join(tmp(), "t");
    const run = cli(["ingest", fleet(), "--out", out, "--classifiers", module, "--workers", workers, "--verbose"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readReport(out).skipped).toMatchObject({internal_error: expect.any(Number)});
    expect(run.stdout + run.stderr).not.toContain(CANARY);
  });

  const disk = tinyDisk(32 << 10);
  afterAll(() => void ("unmount" in disk && disk.unmount()));
  test.skipIf("skip" in disk)(`a full disk, with the detail --verbose asks for${"skip" in disk ? ` (skipped: ${disk.skip})` : ""}`, () => {
    const out = join("dir" in disk ? disk.dir : "", "t");
    for (const workers of ["1", "2"]) {
      const run = cli(["ingest", fleet(), "--out", out, "--workers", workers, "--verbose"]);
      expect(run.code).toBe(1);
      // The message, then the cause --verbose asks for (a stack, or DuckDB's own message).
      expect(run.stderr).toMatch(/^agent-autonomy: no space left on the device[^\n]*\n\w*Error: [^]*No space left on device/i);
      expect(run.stdout + run.stderr).not.toContain(CANARY);
    }
  });
});
