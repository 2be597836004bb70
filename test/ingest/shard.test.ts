// `ingest --shard i/n`: n ingests of the same input, run as separate processes, whose
// folder of shards reads back as the tables of one ingest: the same rows in every table
// and the same aggregate of every metric; `merge` writes them as one ingest's tables,
// byte for byte. The input holds every source (Claude Code's
// transcripts, Codex's rollouts, telemetry of Claude Code users and of API agents) and
// sessions read twice: the same people's transcripts and telemetry, which one ingest
// keeps once (the transcript) and shards keep once too, though different shards read them.
import {spawn} from "node:child_process";
import {cpSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {OTEL_FOLDER} from "../../loaders/generate/api-fleet.ts";
import {currentTables, tableFolders} from "../../loaders/ingest/output.ts";
import {metricSql, statement} from "../../loaders/metrics/sql.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {loaderEnv} from "../../loaders/site/built.ts";
import {canonicalTables} from "../../loaders/site/tables.ts";
import {TABLE_NAMES} from "../../loaders/tables.ts";
import {cli, readReport, ROOT, tmp} from "../helpers/cli.ts";
import {dataFile} from "../helpers/site-corpus.ts";

const SHARDS = 3;
let input: string;
let single: string;
let sharded: string;

/** Runs the command as its own process; resolves with its exit code and error output. */
function run(args: string[]): Promise<{code: number | null; stderr: string}> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "agent-autonomy.js"), ...args], {cwd: ROOT});
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => done({code, stderr}));
  });
}

beforeAll(async () => {
  input = join(tmp(), "fleet");
  expect(cli(["generate", "--users", "7", "--codex-users", "3", "--telemetry-users", "2", "--api-agents", "2", "--seed", "shards", "--out", input, "-q"]).code).toBe(0);
  // The two telemetry users' sessions again, as transcripts: the generator draws them from the seed's own stream.
  const twice = join(tmp(), "twice");
  expect(cli(["generate", "--users", "2", "--codex-users", "0", "--api-agents", "0", "--seed", "shards/telemetry", "--out", twice, "-q"]).code).toBe(0);
  for (const user of readdirSync(twice).filter((d) => d.startsWith("user-"))) cpSync(join(twice, user), join(input, `again-${user}`), {recursive: true});
  // Every fourth of those transcripts is missing: the telemetry alone holds those sessions,
  // so one ingest keeps some of a telemetry user's sessions and drops the rest, and their
  // tenure counts only the kept ones, whichever shard read the transcripts.
  const sessions = readdirSync(input, {recursive: true, encoding: "utf8"}).filter((f) => f.startsWith("again-") && /projects\/[^/]+\/[^/]+\.jsonl$/.test(f)).sort();
  for (const f of sessions.filter((_, i) => i % 4 === 0)) {
    rmSync(join(input, f));
    rmSync(join(input, f.slice(0, -".jsonl".length)), {recursive: true, force: true});
  }

  single = join(tmp(), "single");
  expect(cli(["ingest", input, "--out", single, "-q"]).code).toBe(0);
  sharded = join(tmp(), "sharded");
  const runs = await Promise.all(Array.from({length: SHARDS}, (_, i) => run(["ingest", input, "--out", sharded, "--shard", `${i + 1}/${SHARDS}`, "-q"])));
  for (const r of runs) expect(r, r.stderr).toEqual({code: 0, stderr: ""});
}, 120_000);

describe("a folder of shards", () => {
  test("each shard read some users' groups and left the rest to the others; the telemetry, one group, went to one shard", () => {
    const reports = Array.from({length: SHARDS}, (_, i) => readReport(join(sharded, `shard=${i + 1}`)));
    const whole = readReport(single);
    expect(reports.map((r) => r.shard!.index)).toEqual([1, 2, 3]);
    expect(reports.every((r) => r.shard!.count === SHARDS)).toBe(true);
    expect(reports.filter((r) => r.tables.sessions > 0).length).toBeGreaterThan(1);
    expect(reports.reduce((s, r) => s + r.files, 0)).toBe(whole.files);
    expect(reports.reduce((s, r) => s + r.lines, 0)).toBe(whole.lines);
    expect(reports.every((r) => r.shard!.groups_elsewhere > 0)).toBe(true);
    // One ingest drops the telemetry of the sessions it read as transcripts too; there are some.
    expect(whole.sessions_dropped.otel_in_transcripts).toBeGreaterThan(100);
  });

  test("where another shard's transcripts hold some, not all, of a telemetry user's sessions, those users' tenure counts only the sessions kept, as in one ingest", async () => {
    const [a, b] = await Promise.all([connect(single, 1), connect(sharded, 1)]);
    try {
      // Telemetry users with sessions kept and sessions dropped: the case a shard alone cannot decide.
      const partly = (await a.runAndReadAll(`select count(distinct user_id)::INTEGER as n from sessions where source = 'otel' and agent = 'claude-code' and tenure > 0`)).getRowObjectsJson()[0].n;
      expect(partly).toBeGreaterThan(0);
      const tenure = async (db: typeof a) => (await db.runAndReadAll(`select session_id, tenure from sessions where source = 'otel' order by all`)).getRowObjectsJson();
      expect(await tenure(b)).toEqual(await tenure(a));
    } finally {
      a.closeSync();
      b.closeSync();
    }
  });

  test("reads back as one ingest's tables: the same rows in every table", async () => {
    const [a, b] = await Promise.all([connect(single, 1), connect(sharded, 1)]);
    try {
      for (const table of TABLE_NAMES) {
        const rows = async (db: typeof a) => (await db.runAndReadAll(`select * from ${table} order by all`)).getRowObjectsJson();
        const [one, many] = await Promise.all([rows(a), rows(b)]);
        expect(many.length, table).toBe(one.length);
        expect(many, table).toEqual(one);
      }
    } finally {
      a.closeSync();
      b.closeSync();
    }
  });

  /** Every metric's aggregate at the publication threshold, over one connection, by metric. */
  async function aggregates(dir: string): Promise<Record<string, Record<string, unknown>[]>> {
    const metrics = readdirSync(join(ROOT, "loaders", "metrics")).filter((f) => /^f\d+-.*\.sql$/.test(f)).map((f) => f.slice(0, -4));
    expect(metrics.length).toBeGreaterThan(10);
    const db = await connect(dir, 5);
    try {
      const out: Record<string, Record<string, unknown>[]> = {};
      for (const name of metrics) out[name] = (await db.runAndReadAll(`select * from (${statement(metricSql(name))}) order by all`)).getRowObjectsJS();
      return out;
    } finally {
      db.closeSync();
    }
  }

  test("gives every metric's aggregate as one ingest does, at the publication threshold: the same cells, the same values but for the last bits of sums taken in another order", async () => {
    const [one, many] = await Promise.all([aggregates(single), aggregates(sharded)]);
    for (const [name, rows] of Object.entries(one)) {
      expect(many[name].length, name).toBe(rows.length);
      rows.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) {
          const w = many[name][i][k];
          if (typeof v === "number" && !Number.isInteger(v)) expect(Math.abs((w as number) - v), `${name} ${k}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
          else expect(w, `${name} ${k}`).toEqual(v);
        }
      });
    }
  });

  test("merge writes them as one ingest's tables, byte for byte, with one ingest's report; every aggregate is then exactly one ingest's", async () => {
    const merged = join(tmp(), "merged");
    const made = cli(["merge", sharded, "--out", merged]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/^\d+ files, \d+ lines in the shards; \d+ sessions, \d+ turns, \d+ tool calls, \d+ stops → /);
    for (const table of TABLE_NAMES) {
      const bytes = (dir: string) => readFileSync(join(currentTables(dir), `${table}.parquet`));
      expect(bytes(merged).equals(bytes(single)), table).toBe(true);
    }
    expect(readReport(merged)).toEqual(readReport(single));
    expect(await aggregates(merged)).toEqual(await aggregates(single));
    const none = tmp();
    expect(cli(["merge", none, "--out", join(tmp(), "m")])).toMatchObject({code: 1, stderr: `agent-autonomy: no tables in ${none}: an ingest's output folder, or a folder of shards (ingest --shard i/n --out ${none} writes them)\n`});
  });

  test("a site built from the folder of shards (AUTONOMY_LOGS) is built from one ingest's tables: its data files are byte for byte those of a site built from the logs", async () => {
    const [fromShards, fromLogs] = await Promise.all([sharded, input].map((logs) => canonicalTables({...process.env, AUTONOMY_LOGS: logs, AUTONOMY_CACHE: tmp(), AUTONOMY_MIN_USERS: "5"})));
    for (const table of TABLE_NAMES) {
      const bytes = (dir: string) => readFileSync(join(currentTables(dir), `${table}.parquet`));
      expect(bytes(fromShards.dir).equals(bytes(fromLogs.dir)), table).toBe(true);
    }
    expect(fromShards.origin.users).toBe(fromLogs.origin.users);
    for (const file of ["f4-stops.parquet", "f7-risk-autonomy.parquet", "comparisons.json", "provenance.json"]) {
      const [a, b] = [fromShards, fromLogs].map((t) => dataFile(file, loaderEnv(t)));
      if (file.endsWith(".json")) expect(a.toString(), file).toBe(b.toString());
      expect(a.equals(b), file).toBe(true);
    }
  }, 120_000);

  test("a folder missing a shard, or mixing counts, is refused with what to do; so is a bad --shard or a root holding other files", async () => {
    const partial = join(tmp(), "partial");
    cpSync(join(sharded, "shard=1"), join(partial, "shard=1"), {recursive: true});
    cpSync(join(sharded, "shard=3"), join(partial, "shard=3"), {recursive: true});
    expect(() => tableFolders(partial)).toThrow(`1 of the 3 shards are missing in ${partial} (shard=2): run ingest --shard i/3 for each`);
    const calibrate = cli(["calibrate", partial]);
    expect(calibrate).toMatchObject({code: 1, stderr: `agent-autonomy: 1 of the 3 shards are missing in ${partial} (shard=2): run ingest --shard i/3 for each\n`});
    expect(cli(["ingest", input, "--out", partial, "--shard", "2/2", "-q"]).code).toBe(0);
    expect(() => tableFolders(partial)).toThrow(`the shards in ${partial} were written for different counts (3 and 2): write them again with one n`);

    expect(cli(["ingest", input, "--out", join(tmp(), "x"), "--shard", "3/2"])).toMatchObject({code: 2, stderr: "agent-autonomy: --shard needs i/n, shard i of n with 1 ≤ i ≤ n (1/4 is the first of four), not 3/2 (see agent-autonomy help)\n"});
    const other = tmp();
    writeFileSync(join(other, "notes.txt"), "mine");
    expect(cli(["ingest", input, "--out", other, "--shard", "1/2"])).toMatchObject({code: 1, stderr: `agent-autonomy: output folder of shards holds files that are not shards (notes.txt): ${other}\n`});
  });

  test("a shard read again with --incremental reuses every group it read, and writes the same bytes", () => {
    const again = join(tmp(), "again");
    cpSync(sharded, again, {recursive: true, verbatimSymlinks: true});
    const run = cli(["ingest", input, "--out", again, "--shard", `2/${SHARDS}`, "--incremental"]);
    expect(run.code, run.stderr).toBe(0);
    const read = readReport(join(sharded, "shard=2"));
    expect(run.stderr).toContain(`groups of files unchanged and reused, 0 read`);
    expect(run.stderr).toContain(`shard 2 of ${SHARDS}: ${read.shard!.groups_elsewhere} groups of files left to the other shards`);
    for (const table of TABLE_NAMES) {
      const bytes = (dir: string) => readFileSync(join(currentTables(join(dir, "shard=2")), `${table}.parquet`));
      expect(bytes(again).equals(bytes(sharded)), table).toBe(true);
    }
  });

  test("a shard of no user writes empty tables, so that the set is whole", async () => {
    // Telemetry alone is one owner: of 3 shards, two read nothing.
    const otel = join(tmp(), "otel");
    const runs = await Promise.all([1, 2, 3].map((i) => run(["ingest", join(input, OTEL_FOLDER), "--out", otel, "--shard", `${i}/3`, "-q"])));
    for (const r of runs) expect(r, r.stderr).toEqual({code: 0, stderr: ""});
    const sessions = [1, 2, 3].map((i) => readReport(join(otel, `shard=${i}`)).tables.sessions);
    expect(sessions.filter((n) => n === 0).length).toBe(2);
    const db = await connect(otel, 1);
    const [{n}] = (await db.runAndReadAll("select count(*)::INTEGER as n from sessions")).getRowObjectsJson();
    db.closeSync();
    expect(n).toBe(Math.max(...sessions));
  });
});
