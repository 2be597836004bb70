// The Framework data loaders, run as Framework runs them (a child process writing the
// file to stdout) on a corpus whose numbers are worked out by hand below.
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {ROOT, tmp} from "../helpers/cli.ts";
import {canonicalTables} from "../../loaders/site/tables.ts";
import {dataFile, handCorpus, handEnv, runLoader} from "../helpers/site-corpus.ts";

const env = await handEnv();

describe("F1 data loader", () => {
  const parquet = dataFile("f1-turn-duration.parquet", env);

  test("writes Parquet that DuckDB reads back with the quantiles worked out by hand", async () => {
    expect(parquet.subarray(0, 4).toString()).toBe("PAR1");
    const file = join(tmp(), "f1.parquet");
    writeFileSync(file, parquet);
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const rows = (
      await db.runAndReadAll(`select strftime(day, '%d') as day, turns, users, p50_s, p90_s, round(p99_s, 6) as p99_s, round(p999_s, 6) as p999_s
        from '${file}' where model = '(all)' and sessions = 'interactive' and agent = '(all)' order by day nulls last`)
    ).getRowObjectsJS();
    db.closeSync();
    // quantile_cont over n sorted values: position (n − 1)·q, linearly interpolated.
    // Day 3 (Nov 3): {10, 20, 30, 40} → p50 25, p90 at 2.7 → 37, p99 at 2.97 → 39.7.
    // Days 6–9: the window also holds day 3's 100 s turn ... until it leaves on day 10.
    // Day 13: only the 50 s turn.
    expect(rows.map((r) => [r.day, Number(r.turns), r.p50_s, r.p90_s, r.p99_s, r.p999_s])).toEqual([
      ["03", 4, 25, 37, 39.7, 39.97],
      ["04", 4, 25, 37, 39.7, 39.97],
      ["05", 4, 25, 37, 39.7, 39.97],
      ["06", 5, 30, 76, 97.6, 99.76],
      ["07", 5, 30, 76, 97.6, 99.76],
      ["08", 5, 30, 76, 97.6, 99.76],
      ["09", 5, 30, 76, 97.6, 99.76],
      ["10", 1, 100, 100, 100, 100],
      ["11", 1, 100, 100, 100, 100],
      ["12", 1, 100, 100, 100, 100],
      ["13", 1, 50, 50, 50, 50],
      // The whole period (no day): {10, 20, 30, 40, 50, 100} → p50 at 2.5 → 35, p90 at 4.5
      // → 75, p99 at 4.95 → 97.5, p99.9 at 4.995 → 99.75.
      [null, 6, 35, 75, 97.5, 99.75]
    ]);
  });

  test("the SQL loader prints the metric's file, and the provenance names no identifier", () => {
    const sql = dataFile("sql/f1-turn-duration.sql", env).toString();
    expect(sql).toMatch(/^-- F1: how long Claude Code works before it stops\./);
    const info = JSON.parse(runLoader("provenance.json.ts", env).toString());
    expect(info).toMatchObject({kind: "logs", users: 1, sessions: 1, turns: 6, first_day: "2025-11-03", last_day: "2025-11-13", synthetic: false, minUsers: 1});
    // A transcript with a permission mode, which logs prompts and approvals; it has no stop, so no stop's reason.
    const recorded = {modes: true, prompts: true, approvals: true, reasons: false};
    expect(info.records).toEqual({"(all)": recorded, "claude-code": recorded});
    expect(JSON.stringify(info)).not.toContain("c0ffee00");
  });
});

describe("the publication threshold", () => {
  const tsx = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), args, {cwd: ROOT, encoding: "utf8", env: {...process.env, ...env}});

  test("--min-users and AUTONOMY_MIN_USERS take a whole number of users, and refuse anything else, before any work", async () => {
    expect(tsx([join(ROOT, "scripts", "build.ts"), "--min-users", "0"])).toMatchObject({status: 2, stderr: "build: --min-users needs a whole number of users, 1 or more, not 0\n"});
    expect(tsx([join(ROOT, "scripts", "build.ts")], {AUTONOMY_MIN_USERS: "five", AUTONOMY_CACHE: tmp()})).toMatchObject({
      status: 1,
      stderr: "build: AUTONOMY_MIN_USERS needs a whole number of users, 1 or more, not five\n"
    });
    expect(JSON.parse(runLoader("provenance.json.ts", await handEnv({AUTONOMY_MIN_USERS: "3"})).toString())).toMatchObject({minUsers: 3});
  });

  test("is each build's own: tables resolved again with another threshold are not ingested again, and take it", async () => {
    const logs = {AUTONOMY_LOGS: handCorpus(), AUTONOMY_CACHE: tmp()};
    const first = await canonicalTables({...logs, AUTONOMY_MIN_USERS: "4"});
    const again = await canonicalTables(logs);
    expect(again.dir).toBe(first.dir);
    expect([first.origin.minUsers, again.origin.minUsers]).toEqual([4, 1]);
  });

  test("a data loader run outside a build says what to run instead", () => {
    const loader = tsx([join(ROOT, "src", "data", "provenance.json.ts")], {AUTONOMY_BUILT: ""});
    expect(loader.status).not.toBe(0);
    expect(loader.stderr).toContain("a data loader runs inside `npm run build` or `npm run dev`");
  });
});
