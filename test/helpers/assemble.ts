// Runs the readers over files written in a test, without DuckDB: the rows each table
// would get, and every line's count.
import {defaultClassifiers} from "../../loaders/classify/index.ts";
import {discover} from "../../loaders/ingest/discover.ts";
import type {GroupResult} from "../../loaders/sources/counts.ts";
import {readGroup} from "../../loaders/sources/index.ts";
import type {Row, TableName} from "../../loaders/tables.ts";
import {tmp} from "./tmp.ts";
import {writeTree} from "./transcript.ts";

export type Assembled = Record<TableName, Row[]> & {results: GroupResult[]; root: string};

export function assemble(files: Record<string, string | Buffer>): Assembled {
  const root = writeTree(files);
  const out: Assembled = {sessions: [], turns: [], tool_calls: [], stops: [], results: [], root};
  const ctx = {maxLineBytes: 1 << 20, classifiers: defaultClassifiers, scratch: tmp("scratch-")};
  for (const group of discover([root]).groups) {
    out.results.push(readGroup(group, ctx, (table, row) => out[table].push(row)));
  }
  return out;
}

/** Sums a count over every file of every group. */
export function total(a: Assembled, key: "lines" | "parsed" | "duplicates"): number {
  return a.results.reduce((s, r) => s + r.counts.reduce((t, c) => t + c[key], 0), 0);
}

export function skipped(a: Assembled): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of a.results) for (const c of r.counts) for (const [k, v] of Object.entries(c.skipped)) out[k] = (out[k] ?? 0) + v;
  return out;
}
