// Runs the command a user runs, as a child process, and reads back what it wrote.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {expect} from "vitest";
import {currentTables} from "../../loaders/ingest/output.ts";
import type {IngestReport} from "../../loaders/ingest/report.ts";
import {tmp} from "./tmp.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const FIXTURES = join(ROOT, "test", "fixtures");

export function cli(args: string[], env: NodeJS.ProcessEnv = {}): {code: number; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "agent-autonomy.js"), ...args], {encoding: "utf8", env: {...process.env, ...env}, cwd: ROOT});
  return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

export {tmp};

/** Runs a quiet ingest of `args` that must succeed silently; returns its output folder and report. */
export function ingestQuietly(...args: string[]): {out: string; report: IngestReport} {
  const out = join(tmp(), "tables");
  const run = cli(["ingest", ...args, "--out", out, "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return {out, report: readReport(out)};
}

/** The report of an ingest's output folder (its current generation). */
export function readReport(out: string): IngestReport {
  return JSON.parse(readFileSync(join(currentTables(out), "ingest-report.json"), "utf8"));
}

/** Runs SQL over an ingest's output folder, its current generation's tables as views. */
export async function sqlOn(out: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const dir = currentTables(out);
  try {
    for (const t of ["sessions", "turns", "tool_calls", "stops"]) await db.run(`create view ${t} as select * from read_parquet('${join(dir, `${t}.parquet`)}')`);
    const rows = (await db.runAndReadAll(sql)).getRowObjectsJS();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  } finally {
    db.closeSync();
  }
}
