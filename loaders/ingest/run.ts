// `agent-autonomy ingest`: raw logs in, the canonical tables and the ingest report out.
// The groups of files are found (on a thread of their own when the input is large:
// find.ts) and wait on disk for their readers (group-file.ts). They are read on the main
// thread and, as far as the input pays for them, on worker threads beside it (one a core),
// each reader appending rows to its own parts; DuckDB then types, orders and writes the
// Parquet tables into a new generation of the output folder, which becomes current as one
// (output.ts). With `incremental`, groups whose files have not changed since the current
// generation are not read again: their rows and counts are taken from it (state.ts).
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {setFlagsFromString} from "node:v8";
import type {Worker} from "node:worker_threads";
import {loadClassifiers} from "../classify/index.ts";
import type {DuckDBConnection} from "@duckdb/node-api";
import {startWorker} from "../paths.ts";
import type {Classifiers} from "../classify/types.ts";
import {TABLE_NAMES, copySql, partsSql, perTable, shadowedSql, sqlString, type TableName} from "../tables.ts";
import {InputError, rebuilt, type PostedError} from "../errors.ts";
import type {Discovery} from "./discover.ts";
import {find, findHere, type Finding, type FindingProgress} from "./find.ts";
import {buildGeneration, checkOut, checkShardRoot, closeEngine, currentGeneration, openEngine, valueOf, writeStages, type Engine} from "./output.ts";
import {shardFolder, type Shard} from "./shard.ts";
import {PartWriter} from "./parts.ts";
import {readJob, SharedJobs, type Read} from "./job.ts";
import type {ReaderInit} from "./worker.ts";
import {GroupFile} from "./group-file.ts";
import {codeHash, configHash, readState, StateWriter, type GroupState} from "./state.ts";
import {addCounts, emptyCounts, reportOf, sorted, type FileReport, type IngestReport, type Tally} from "./report.ts";

export {OUTPUT_FILES} from "./output.ts";

export type IngestOptions = {
  inputs: string[];
  /** What `discover(inputs)` found, when the caller has it already. */
  discovery?: Discovery;
  out: string;
  workers?: number;
  maxLineBytes?: number;
  classifiers?: string;
  /** Put file paths in the report (off by default: paths hold project names). */
  reportPaths?: boolean;
  /** Reuse the current generation's rows of groups whose files have not changed. */
  incremental?: boolean;
  /** Read only the groups of this shard's owners, into `<out>/shard=<i>/` (shard.ts). */
  shard?: Shard;
  progress?: (p: Progress) => void;
};

/** How far a run has gone: finding the files (find.ts), reading them, writing the tables (a statement a table's `rows/`, one a table). */
export type Progress =
  | ({stage: "finding"} & FindingProgress)
  /** `since`: when the reading began (ms since the epoch), where a rate counts from. */
  | {stage: "reading"; files: number; filesTotal: number; bytes: number; bytesTotal: number; lines: number; since: number}
  | {stage: "writing"; done: number; total: number};

/** Where a run's time went, in ms: finding and fingerprinting files, reading them, writing the tables. */
export type Phases = {find: number; read: number; write: number};

/** What a run did beside the report: how many groups it read and reused (incremental), and its time. */
export type IngestRun = {report: IngestReport; groupsRead: number; groupsReused: number; workers: number; phases: Phases};

const DEFAULT_MAX_LINE = 64 << 20;
// The input a reader thread must have to pay for itself: each warms V8's compiler up on its
// own (BENCHMARKS.md, §1). On two cores, with the main thread one of the readers, 51 MB took
// 1.19 s on one and 1.25 s on two; 100 MB 1.65 s on either; 165 MB 2.66 s on one and 2.28 s
// on two: two pay from about 128 MB.
const BYTES_A_THREAD = 64 << 20;

/**
 * How many threads read `bytes` of input in `groups` groups: those asked for, else one a
 * core as far as the input pays for them; never more than there are groups. One is the
 * main thread.
 */
export function readerThreads(bytes: number, groups: number, cores: number, asked?: number): number {
  return Math.max(1, Math.min(asked ?? Math.min(cores, Math.floor(bytes / BYTES_A_THREAD)), groups));
}
const STATE = "state.jsonl";
const ROWS = "rows";

type Job = {index: number; bytes: number; files: number};
type Done = (index: number, read: Read) => void;
/**
 * What the readers share: the group file, each group's key, and whether the readers take
 * the groups' fingerprints (`print`: a run that did not take them all first).
 */
type Groups = {waiting: GroupFile; keys: string[]; print: boolean};

/**
 * Reads the jobs on `n` threads: this one and n - 1 workers, the workers taking the largest
 * group left and this thread the smallest (SharedJobs in job.ts). `aside` is work of this
 * thread's that can wait for the reading: it runs once, between this thread's groups once
 * a worker is reading (the workers then take more of the groups), or before them when
 * there is no worker.
 */
async function readOn(n: number, jobs: Job[], groups: Groups, work: string, opts: IngestOptions, classifiers: Classifiers, done: Done, aside: () => void) {
  const list = new SharedJobs(jobs.sort((a, b) => b.bytes - a.bytes).map((j) => j.index));
  const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE;
  // The first failure, on any thread, stops every reader and is the run's; what the others
  // report after it is dropped.
  let failure: {error: unknown} | undefined;
  let asideLeft: (() => void) | undefined = aside;
  const runAside = () => {
    const run = asideLeft;
    asideLeft = undefined;
    run?.();
  };
  let workerReading = false;
  const started: Worker[] = [];
  const fail = (error: unknown) => {
    failure ??= {error};
    list.stop();
    for (const worker of started) void worker.terminate();
  };
  const reading = (worker: Worker) =>
    new Promise<void>((resolveWorker, reject) => {
      let closed = false;
      worker.on("message", (m: {ready?: true; closed?: true; index?: number; result?: Tally; print?: string | null; error?: PostedError}) => {
        if (failure) return;
        workerReading = true;
        try {
          if (m.error) reject(rebuilt(m.error));
          else if (m.closed) {
            closed = true;
            void worker.terminate();
          } else if (m.result) done(m.index!, {result: m.result, print: m.print});
        } catch (error) {
          reject(error);
        }
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (closed || failure ? resolveWorker() : reject(new Error(`a reader thread stopped (exit code ${code})`))));
    }).catch(fail);
  const workers: Promise<void>[] = [];
  try {
    const {waiting, keys, print} = groups;
    for (let w = 0; w < n - 1; w++) {
      started.push(startWorker("ingest", {work, name: `w${w}`, maxLineBytes, classifiers: opts.classifiers, groups: waiting.path, ends: waiting.ends, keys, print, jobs: list.buffer} satisfies ReaderInit));
      workers.push(reading(started[w]));
    }
    const ctx = {maxLineBytes, classifiers, scratch: join(work, "scratch")};
    const parts = new PartWriter(join(work, "parts"), "main");
    try {
      if (n === 1) runAside();
      for (let index = list.take(true); index !== undefined && !failure; index = list.take(true)) {
        done(index, readJob(waiting.get(index), ctx, parts.writer(keys[index]), print));
        // The workers' reports are heard between this thread's groups.
        if (n > 1) await new Promise((resolve) => setImmediate(resolve));
        if (workerReading) runAside();
      }
      if (!failure) runAside();
    } finally {
      parts.close();
    }
  } catch (error) {
    fail(error);
  }
  await Promise.all(workers);
  if (failure) throw failure.error;
}

export async function ingest(opts: IngestOptions): Promise<IngestReport> {
  return (await ingestRun(opts)).report;
}

export async function ingestRun(opts: IngestOptions): Promise<IngestRun> {
  const started = performance.now();
  // Each reader thread warms V8's optimising compiler up on its own, on a core it shares
  // with the compiler (BENCHMARKS.md, §1). Without inlining, the readers' hot functions
  // compile in half the CPU (0.7 s against 1.5 s on the 165 MB tree) and the reading ends
  // 0.1 s sooner. The flag is the process's from here on, and every thread's; it changes
  // what V8 compiles, never what the code does.
  setFlagsFromString("--no-turbo-inlining");
  if (opts.shard) checkShardRoot(resolve(opts.out));
  const out = opts.shard ? join(resolve(opts.out), shardFolder(opts.shard)) : resolve(opts.out);
  checkOut(out);
  // The classifiers are loaded here even when workers load their own: a module that cannot
  // be used fails before the output folder is touched, with the loader's own message.
  const settled = Promise.allSettled([
    opts.discovery ? Promise.resolve().then(() => findHere(opts.discovery!, opts)) : find(opts, opts.progress && ((p) => opts.progress!({stage: "finding", ...p}))),
    loadClassifiers(opts.classifiers)
  ]);
  // The code's digest is taken (state.ts) while a thread finds the files.
  codeHash();
  const [finding, classifiers] = await settled;
  if (finding.status === "rejected") throw finding.reason;
  try {
    if (classifiers.status === "rejected") throw classifiers.reason;
    return await ingestFound(out, opts, finding.value, classifiers.value, started);
  } finally {
    finding.value.close();
  }
}

async function ingestFound(out: string, opts: IngestOptions, finding: Finding, classifiers: Classifiers, started: number): Promise<IngestRun> {
  return buildGeneration(out, async (work, generation) => {
    mkdirSync(join(work, "parts"));
    mkdirSync(join(work, "scratch"));
    mkdirSync(join(generation, ROWS));

    const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE;
    const config = configHash(maxLineBytes, opts.classifiers);
    // The groups wait on disk for their readers (group-file.ts): what the main thread keeps
    // of a group is its key, its size, its fingerprint and, until it is read, its job.
    const groupsPath = join(work, "groups.jsonl");
    const {keys, bytes, files, prints, ends} = await finding.place(groupsPath);
    // A generation whose state or rows are missing (an older version's, or one a person
    // pruned) is not reused: everything is read.
    const current = opts.incremental ? currentGeneration(out) : null;
    const previousDir = current && TABLE_NAMES.every((t) => existsSync(join(current, ROWS, `${t}.parquet`))) ? current : null;
    const previous = previousDir ? readState(join(previousDir, STATE)) : null;
    const reusable = previous?.config === config ? previous.groups : new Map<string, GroupState>();

    // The groups whose files have not changed since the previous generation are reused (by
    // index); the others are read.
    const reused: number[] = [];
    const jobs: Job[] = [];
    keys.forEach((key, index) => {
      if (prints[index] !== null && reusable.get(key)?.fingerprint === prints[index]) reused.push(index);
      else jobs.push({index, bytes: bytes[index], files: files[index]});
    });
    const waiting = new GroupFile(groupsPath, ends);

    // Each group's counts go into the totals, and its state to the state's file, as it
    // finishes (report.ts).
    const totals = emptyCounts();
    const withSkips: FileReport[] = [];
    const name = fileNamer(opts.inputs, opts.reportPaths ?? false);
    const state = new StateWriter(join(generation, STATE), config);
    const record = (i: number, t: Tally) => {
      addCounts(totals, t);
      const paths = t.with_skips.length ? waiting.get(i).files : [];
      for (const {file, ...counts} of t.with_skips) withSkips.push({file: name(paths[file].path), ...counts, skipped: sorted(counts.skipped)});
      if (prints[i] !== null) state.add(keys[i], {fingerprint: prints[i]!, result: t});
    };

    let threads = 1;
    const reading = performance.now();
    // The engine that writes the tables is loaded on this thread between its groups, where
    // a worker reads meanwhile, and opened (on DuckDB's threads) while the reading goes on:
    // loaded and opened after it, the two took 0.1 s and 0.04 s of the 165 MB tree's time.
    let engine: Promise<Engine> | undefined;
    const openAhead = () => {
      engine = openEngine(work);
      // Its failure is the write's, when the write takes it.
      engine.catch(() => {});
    };
    const closeAhead = () => void engine?.then(closeEngine, () => {});
    try {
      for (const i of reused) record(i, reusable.get(keys[i])!.result);
      const bytesTotal = jobs.reduce((s, j) => s + j.bytes, 0);
      const progress: Progress = {stage: "reading", files: 0, filesTotal: jobs.reduce((s, j) => s + j.files, 0), bytes: 0, bytesTotal, lines: 0, since: Date.now()};
      const done: Done = (i, {result: t, print}) => {
        if (print !== undefined) prints[i] = print;
        record(i, t);
        progress.files += t.files;
        progress.bytes += t.bytes;
        progress.lines += t.lines;
        opts.progress?.(progress);
      };
      const cores = availableParallelism();
      threads = readerThreads(bytesTotal, jobs.length, cores, opts.workers);
      // When the readers take every core, V8's compiler takes its CPU from them. With
      // sixteen times V8's interrupt budget, a function is optimised only after sixteen
      // times as much of its bytecode has run: most of those that run once a session or a
      // group (assembling it, its classifiers) never are. On the 165 MB tree (two readers,
      // two cores), 66 functions were compiled in 0.14 s of CPU, against 394 in 1.3 s, and
      // the ingest took 2.07 s against 2.26. With a core to spare, the compiler's work costs
      // the readers nothing and pays: one reader took 3.78 s against 3.36, and a Codex home
      // (one group) 7.64 against 6.99. The flag stays the process's.
      if (threads >= cores) setFlagsFromString(`--interrupt-budget=${16 * 66 * 1024}`);
      await readOn(threads, jobs, {waiting, keys, print: !opts.incremental}, work, opts, classifiers, done, openAhead);
    } catch (error) {
      closeAhead();
      throw error;
    } finally {
      state.close();
      waiting.close();
    }

    const writing = performance.now();
    if (keys.length && totals.unreadable === totals.files) {
      closeAhead();
      throw new InputError(`no transcript could be read in ${opts.inputs.join(", ")}`);
    }
    const wrote = (done: number, total: number) => opts.progress?.({stage: "writing", done, total});
    const {tables, shadowed} = await writeTables(join(work, "parts"), work, generation, previousDir, reused.map((i) => keys[i]), wrote, engine);
    const report: IngestReport = {
      ...reportOf(finding.layouts, {...totals, unreadable: totals.unreadable + finding.unreadable}, shadowed, tables, withSkips),
      ...(opts.shard && {shard: {...opts.shard, groups_elsewhere: finding.elsewhere}})
    };
    writeFileSync(join(generation, "ingest-report.json"), JSON.stringify(report, null, 2) + "\n");
    const phases = {find: reading - started, read: writing - reading, write: performance.now() - writing};
    return {report, groupsRead: keys.length - reused.length, groupsReused: reused.length, workers: threads, phases};
  });
}

/**
 * Writes the generation's `rows/` (every row as sources wrote it, with its group's key) for
 * a later incremental run: the rows read now, and the rows of the groups in `reused` from
 * the previous generation's `rows/`; then its tables from those. Each statement streams
 * from files to a file, on an engine of its own when the write is large (writeStages in
 * output.ts), and only the tables' sort holds rows, within DuckDB's memory limit (spilling
 * past it): the memory this takes does not grow with the input.
 */
async function writeTables(partsDir: string, work: string, generation: string, previous: string | null, reused: string[], wrote: (done: number, total: number) => void, opened?: Promise<Engine>): Promise<{tables: Record<TableName, number>; shadowed: number}> {
  // A statement for each table's `rows/`, one for each table, and the sessions shadowed: `wrote` hears of each.
  const total = 2 * TABLE_NAMES.length + 1;
  let statements = 0;
  const done = () => wrote(++statements, total);
  wrote(0, total);
  const parts = readdirSync(partsDir).map((p) => join(partsDir, p));
  const partsOf = (table: TableName) => parts.filter((p) => basename(p).startsWith(`${table}-`)).sort();
  const rowsFile = (table: TableName) => sqlString(join(generation, ROWS, `${table}.parquet`));
  const rows = (table: TableName) => `read_parquet(${rowsFile(table)})`;
  const kept = reused.length ? `_group in (select unnest([${reused.map(sqlString).join(", ")}]))` : "";
  const size = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);
  const [, counts] = await writeStages(
    work,
    size(parts) + (previous ? size(TABLE_NAMES.map((t) => join(previous, ROWS, `${t}.parquet`))) : 0),
    [
      {
        // In any order: the tables are written from these in an order of their own. Row
        // groups smaller than the default: the writer holds one whole, beyond the memory limit.
        anyOrder: true,
        statements: TABLE_NAMES.map((table) => async (db) => {
          const fresh = `select * from ${partsSql(table, partsOf(table))}`;
          const old = kept && ` union all select * from read_parquet(${sqlString(join(previous!, ROWS, `${table}.parquet`))}) where ${kept}`;
          await db.run(`copy (${fresh}${old}) to ${rowsFile(table)} (format parquet, compression zstd, row_group_size 20000)`);
          return 0;
        })
      },
      // The tables, and the sessions shadowed (which reads only `rows/`).
      {
        statements: [
          ...TABLE_NAMES.map((table) => (db: DuckDBConnection) => valueOf(db, copySql(table, rows(table), join(generation, `${table}.parquet`), rows("sessions")))),
          (db: DuckDBConnection) => valueOf(db, shadowedSql(rows("sessions")))
        ]
      }
    ],
    done,
    opened
  );
  return {tables: perTable((_, i) => counts[i]), shadowed: counts[TABLE_NAMES.length]};
}

/**
 * How the report names a file: by path when asked (relative to the working folder), else
 * by a digest of its place under the input that named it (the input's position and the
 * path below it), so that the same tree read from two places gives the same report.
 */
function fileNamer(inputs: string[], paths: boolean): (path: string) => string {
  if (paths) return (path) => relative(process.cwd(), path);
  const roots = inputs.map((input) => {
    try {
      const real = realpathSync(resolve(input));
      return statSync(real).isDirectory() ? real : dirname(real);
    } catch {
      return resolve(input);
    }
  });
  return (path) => {
    const i = roots.findIndex((root) => path === root || path.startsWith(root + sep));
    return fileId(i < 0 ? path : `${i}\u0000${relative(roots[i], path)}`);
  };
}

/** A digest of a path, which holds project names. */
export function fileId(path: string): string {
  return createHash("sha256").update(path).digest("hex").slice(0, 16);
}
