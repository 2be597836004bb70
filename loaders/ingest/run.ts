// `agent-autonomy ingest`: raw logs in, the canonical tables and the ingest report out.
// Groups of transcripts are read on worker threads (one per core), each appending rows
// to its own parts; DuckDB then types, orders and writes the Parquet tables.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {join, relative, resolve} from "node:path";
import {Worker} from "node:worker_threads";
import {DuckDBInstance} from "@duckdb/node-api";
import {loadClassifiers} from "../classify/index.ts";
import {TABLE_NAMES, copySql, shadowedSql, type TableName} from "../tables.ts";
import type {GroupResult} from "./counts.ts";
import {discover, InputError, type Group, type Layout} from "./discover.ts";
import {PartWriter} from "./parts.ts";
import {readGroup} from "./sources.ts";

export const OUTPUT_FILES = [...TABLE_NAMES.map((t) => `${t}.parquet`), "ingest-report.json"];
/** The ingest's own working folder inside the output folder. */
const WORK = ".agent-autonomy";

export type IngestOptions = {
  inputs: string[];
  out: string;
  workers?: number;
  maxLineBytes?: number;
  classifiers?: string;
  /** Put file paths in the report (off by default: paths hold project names). */
  reportPaths?: boolean;
  progress?: (p: Progress) => void;
};

export type Progress = {files: number; filesTotal: number; bytes: number; bytesTotal: number; lines: number};

export type FileReport = {file: string; lines: number; parsed: number; duplicates: number; skipped: Record<string, number>};

export type IngestReport = {
  inputs: Layout[];
  files: number;
  unreadable: number;
  bytes: number;
  lines: number;
  parsed: number;
  duplicates: number;
  skipped: Record<string, number>;
  unanswered_prompts: number;
  replayed_events: number;
  orphan_lines: number;
  /** Sessions read but not written because a better record of the same session was read, by reason. */
  sessions_dropped: Record<string, number>;
  tables: Record<TableName, number>;
  files_with_skips: FileReport[];
};

const DEFAULT_MAX_LINE = 64 << 20;
// Below this much input, starting workers costs more than it saves.
const INLINE_BYTES = 16 << 20;

function checkOut(out: string) {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new InputError(`output is not a folder: ${out}`);
  const foreign = readdirSync(out).filter((name) => name !== WORK && !OUTPUT_FILES.includes(name));
  if (foreign.length) throw new InputError(`output folder holds files the ingest did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}): ${out}`);
}

function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

async function inline(groups: Group[], work: string, opts: IngestOptions, done: (i: number, r: GroupResult) => void) {
  const ctx = {maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE, classifiers: await loadClassifiers(opts.classifiers), scratch: join(work, "scratch")};
  const parts = new PartWriter(join(work, "parts"), "main");
  try {
    groups.forEach((g, i) => done(i, readGroup(g, ctx, parts.write)));
  } finally {
    parts.close();
  }
}

async function pooled(groups: Group[], work: string, opts: IngestOptions, n: number, done: (i: number, r: GroupResult) => void) {
  // Largest groups first, so no worker is left with a big one at the end.
  const queue = groups.map((_, i) => i).sort((a, b) => size(groups[b]) - size(groups[a]));
  const url = new URL("./worker.js", import.meta.url);
  await Promise.all(
    Array.from({length: n}, (_, w) =>
      new Promise<void>((resolveWorker, reject) => {
        const worker = new Worker(url, {
          workerData: {work, name: `w${w}`, maxLineBytes: opts.maxLineBytes ?? DEFAULT_MAX_LINE, classifiers: opts.classifiers}
        });
        const next = () => {
          const index = queue.shift();
          if (index === undefined) worker.postMessage({close: true});
          else worker.postMessage({index, group: groups[index]});
        };
        worker.on("message", (m: {ready?: true; closed?: true; index?: number; result?: GroupResult; error?: string}) => {
          if (m.error) reject(new Error(m.error));
          else if (m.closed) worker.terminate().then(() => resolveWorker());
          else {
            if (m.result) done(m.index!, m.result);
            next();
          }
        });
        worker.on("error", reject);
      })
    )
  );
}

function size(g: Group): number {
  return g.files.reduce((s, f) => s + (statSync(f.path, {throwIfNoEntry: false})?.size ?? 0), 0);
}

export async function ingest(opts: IngestOptions): Promise<IngestReport> {
  const out = resolve(opts.out);
  checkOut(out);
  const {groups, layouts, unreadable} = discover(opts.inputs);
  const files = groups.flatMap((g): {path: string}[] => g.files);
  if (files.length === 0) throw new InputError(`no transcripts found in ${opts.inputs.join(", ")}`);

  const work = join(out, WORK, `run-${process.pid}`);
  const partsDir = join(work, "parts");
  mkdirSync(partsDir, {recursive: true});
  mkdirSync(join(work, "scratch"));
  try {
    const bytesTotal = groups.reduce((s, g) => s + size(g), 0);
    const results: GroupResult[] = new Array(groups.length);
    const progress: Progress = {files: 0, filesTotal: files.length, bytes: 0, bytesTotal, lines: 0};
    const done = (i: number, r: GroupResult) => {
      results[i] = r;
      progress.files += r.counts.length;
      progress.bytes += r.counts.reduce((s, c) => s + c.bytes, 0);
      progress.lines += r.counts.reduce((s, c) => s + c.lines, 0);
      opts.progress?.(progress);
    };
    // Unless asked for a number of workers, small inputs are read on this thread.
    const n = Math.min(opts.workers ?? availableParallelism(), groups.length);
    if (n <= 1 || (opts.workers === undefined && bytesTotal < INLINE_BYTES)) await inline(groups, work, opts, done);
    else await pooled(groups, work, opts, n, done);

    if (results.every((r) => r.counts.every((c) => c.unreadable))) throw new InputError(`no transcript could be read in ${opts.inputs.join(", ")}`);
    const {tables, shadowed} = await writeTables(partsDir, work);
    const report = summarize(groups, results, layouts, unreadable, tables, shadowed, opts.reportPaths ?? false);
    writeFileSync(join(work, "ingest-report.json"), JSON.stringify(report, null, 2) + "\n");
    mkdirSync(out, {recursive: true});
    for (const name of OUTPUT_FILES) renameSync(join(work, name), join(out, name));
    return report;
  } finally {
    rmSync(join(out, WORK), {recursive: true, force: true});
  }
}

async function writeTables(partsDir: string, work: string): Promise<{tables: Record<TableName, number>; shadowed: number}> {
  const parts = readdirSync(partsDir);
  const partsOf = (table: TableName) => parts.filter((p) => p.startsWith(`${table}-`)).sort().map((p) => join(partsDir, p));
  const instance = await DuckDBInstance.create(":memory:", {temp_directory: join(work, "spill")});
  const db = await instance.connect();
  const tables = {} as Record<TableName, number>;
  const count = async (sql: string) => (await db.runAndReadAll(sql)).getRows()[0][0] as number;
  try {
    for (const table of TABLE_NAMES) {
      const file = join(work, `${table}.parquet`);
      await db.run(copySql(table, partsOf(table), file, partsOf("sessions")));
      tables[table] = await count(`select count(*)::INTEGER as n from read_parquet('${file.replace(/'/g, "''")}')`);
    }
    return {tables, shadowed: await count(shadowedSql(partsOf("sessions")))};
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

function summarize(groups: Group[], results: GroupResult[], layouts: Layout[], unreadable: number, tables: Record<TableName, number>, shadowed: number, paths: boolean): IngestReport {
  const total = {lines: 0, parsed: 0, duplicates: 0, bytes: 0, unanswered: 0, replayed: 0, orphans: 0};
  const skipped: Record<string, number> = {};
  // OTel sessions whose transcript was read too (tables.ts keeps the transcript's rows).
  const dropped: Record<string, number> = shadowed ? {otel_in_transcripts: shadowed} : {};
  const withSkips: FileReport[] = [];
  const root = process.cwd();
  groups.forEach((g, gi) => {
    const r = results[gi];
    total.unanswered += r.unansweredPrompts;
    total.replayed += r.replayedEvents;
    total.orphans += r.orphanLines;
    for (const [reason, n] of Object.entries(r.droppedSessions)) dropped[reason] = (dropped[reason] ?? 0) + n;
    r.counts.forEach((c, fi) => {
      if (c.unreadable) unreadable++;
      total.lines += c.lines;
      total.parsed += c.parsed;
      total.duplicates += c.duplicates;
      total.bytes += c.bytes;
      for (const [reason, n] of Object.entries(c.skipped)) skipped[reason] = (skipped[reason] ?? 0) + n;
      if (Object.keys(c.skipped).length) {
        const path = g.files[fi].path;
        withSkips.push({file: paths ? relative(root, path) : fileId(path), lines: c.lines, parsed: c.parsed, duplicates: c.duplicates, skipped: sorted(c.skipped)});
      }
    });
  });
  return {
    inputs: layouts,
    files: results.reduce((s, r) => s + r.counts.length, 0),
    unreadable,
    bytes: total.bytes,
    lines: total.lines,
    parsed: total.parsed,
    duplicates: total.duplicates,
    skipped: sorted(skipped),
    unanswered_prompts: total.unanswered,
    replayed_events: total.replayed,
    orphan_lines: total.orphans,
    sessions_dropped: sorted(dropped),
    tables,
    files_with_skips: withSkips.sort((a, b) => (a.file < b.file ? -1 : 1))
  };
}

/** A file's name in the report: a digest of its path, which holds project names. */
export function fileId(path: string): string {
  return createHash("sha256").update(path).digest("hex").slice(0, 16);
}
