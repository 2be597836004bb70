// The ingest's output folder, which changes as one set (loaders/tables.ts, "The output
// folder"): every run builds a complete generation (the tables, the report, and what
// `--incremental` reuses) in its own work folder, moves it whole into `generations/`, and
// then switches the `current` symlink to it with one rename(2), which is atomic. The
// documented names at the top (`<out>/sessions.parquet`, ...) are symlinks through
// `current`, so they are never rewritten. A run killed at any moment leaves `current` on
// the previous complete generation (or absent, before the first), never on a mix.
//
//   <out>/sessions.parquet → current/sessions.parquet   (turns, tool_calls, stops, ingest-report.json alike)
//   <out>/current → .agent-autonomy/generations/<n>
//   <out>/.agent-autonomy/lock                           the running ingest's process
//   <out>/.agent-autonomy/generations/<n>/               one complete set
//   <out>/.agent-autonomy/run-<pid>/                     a run's work, removed at its end (or by the next run)
import {closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeSync} from "node:fs";
import {basename, join} from "node:path";
import type {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import {duckdb} from "../duckdb.ts";
import {TABLE_NAMES} from "../tables.ts";
import {InputError} from "../errors.ts";

/** The files a reader finds in a generation, and under the same names at the output's top. */
export const OUTPUT_FILES = [...TABLE_NAMES.map((t) => `${t}.parquet`), "ingest-report.json"];
/** The ingest's own folder inside the output folder. */
export const WORK = ".agent-autonomy";
const CURRENT = "current";
const GENERATIONS = "generations";

/**
 * The folder that holds the current generation's tables: what every reader of an output
 * folder opens, so that all its tables come from one generation even while an ingest
 * switches to the next. A folder of plain table files (an older layout, or tables a test
 * wrote) is its own current generation.
 */
export function currentTables(out: string): string {
  const current = join(out, CURRENT);
  return existsSync(current) ? realpathSync(current) : out;
}

const SHARD = /^shard=([1-9]\d*)$/;

/** The shards' folders in a folder of shards; none in any other folder. */
export const shardsIn = (dir: string) => (existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir).filter((d) => SHARD.test(d)) : []);

/**
 * The folders that hold an output folder's tables and report: its current generation; or,
 * in a folder of shards (`shard=<i>/`, each the output folder of one `ingest --shard
 * i/n`), every shard's, once the folder is known to hold each shard of one count exactly
 * once. Read together, the shards' tables are those one ingest of the same input writes
 * (merge.ts).
 */
export function tableFolders(out: string): string[] {
  const shards = shardsIn(out);
  if (shards.length === 0) return [currentTables(out)];
  const counts = shards.map((d) => {
    const report = join(currentTables(join(out, d)), "ingest-report.json");
    const shard = existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as {shard?: {index: number; count: number}}).shard : undefined;
    if (!shard || `shard=${shard.index}` !== d) throw new InputError(`${join(out, d)} holds no shard's tables (ingest --shard ${d.slice(6)}/<n> writes them)`);
    return shard.count;
  });
  const n = counts[0];
  if (counts.some((c) => c !== n)) throw new InputError(`the shards in ${out} were written for different counts (${[...new Set(counts)].join(" and ")}): write them again with one n`);
  const missing = Array.from({length: n}, (_, i) => `shard=${i + 1}`).filter((d) => !shards.includes(d));
  if (missing.length) throw new InputError(`${missing.length} of the ${n} shards are missing in ${out} (${missing.join(", ")}): run ingest --shard i/${n} for each`);
  return shards.sort((a, b) => Number(a.slice(6)) - Number(b.slice(6))).map((d) => currentTables(join(out, d)));
}

/** Whether a folder holds tables: an output folder, or a folder of shards. */
export const holdsTables = (dir: string) => existsSync(join(dir, "sessions.parquet")) || shardsIn(dir).length > 0;

/** Refuses, as the root of shards, a folder that holds anything but shards' folders. */
export function checkShardRoot(root: string): void {
  if (!existsSync(root)) return;
  if (!statSync(root).isDirectory()) throw new InputError(`output is not a folder: ${root}`);
  const foreign = readdirSync(root).filter((d) => !SHARD.test(d));
  if (foreign.length) throw new InputError(`output folder of shards holds files that are not shards (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}): ${root}`);
}

/**
 * An error met while writing the output folder, told as a person can act on it: what went
 * wrong and where, in one line (the cause stays attached for --verbose). Other errors are
 * returned as they are.
 */
export function writeError(error: unknown, out: string): unknown {
  if (error instanceof InputError) return error;
  const e = error as NodeJS.ErrnoException;
  const message = String(e?.message ?? error);
  const inOut = typeof e?.path === "string" ? e.path === out || e.path.startsWith(`${out}/`) : message.includes(out);
  const say = (what: string) => new InputError(`${what}: ${out}`, {cause: error});
  if (e?.code === "ENOSPC" || e?.code === "EDQUOT" || /No space left on device|Disk quota exceeded/i.test(message)) return say("no space left on the device to write the tables (the previous tables, if any, are unchanged)");
  if (e?.code === "EROFS" || /Read-only file system/i.test(message)) return say("the output folder is on a read-only file system");
  if (inOut && (e?.code === "EACCES" || e?.code === "EPERM" || /Permission denied/i.test(message))) return say("no permission to write in the output folder");
  return error;
}

/**
 * Builds a new generation of `out` and publishes it: takes the folder's lock, hands
 * `build` its work folder and the generation folder inside it, publishes the generation
 * once `build` returns, and always removes the work folder and releases the lock. An
 * error is told as writeError tells it.
 */
export async function buildGeneration<T>(out: string, build: (work: string, generation: string) => Promise<T>): Promise<T> {
  let release: () => void;
  try {
    mkdirSync(out, {recursive: true});
    release = lock(out);
  } catch (error) {
    throw writeError(error, out);
  }
  const work = join(out, WORK, `run-${process.pid}`);
  const generation = join(work, "generation");
  try {
    mkdirSync(generation, {recursive: true});
    const result = await build(work, generation);
    publish(out, generation);
    return result;
  } catch (error) {
    throw writeError(error, out);
  } finally {
    rmSync(work, {recursive: true, force: true});
    release();
  }
}

/**
 * DuckDB's memory limit for a table's write, given the threads it runs (one a core by
 * default): 64 MB a thread, 256 MB at least. Past it the sort spills to the work folder;
 * the Parquet writer's buffers are outside it. Measured on a million sessions: writing
 * `rows/`, each thread needs about 48 MB (eight failed at 384 MB, sixteen at 512 MB), and two
 * threads wrote every table at 200 MB (not at 160). A table's write peaked at about 0.25 GB
 * above the limit, so a fixed 512 MB set the peak of a large ingest (BENCHMARKS.md, §3).
 */
export const memoryLimit = (threads: number) => `${Math.max(256, 64 * threads)}MB`;

/**
 * Runs `use` on an engine of its own, opened alike by ingest and merge so that both write
 * the same bytes, and closes it; `connect` opens more connections to it, for statements
 * run at once. An engine keeps what its statements took until it is closed, so a large
 * write gives each table an engine of its own (writeStages): on a million sessions, one
 * engine for all four tables peaked at 0.99 GB, one a table at 0.77 GB, in the same time.
 */
export async function withTableWriter<T>(work: string, use: (db: DuckDBConnection, connect: () => Promise<DuckDBConnection>) => Promise<T>, opened = openEngine(work)): Promise<T> {
  const {instance, db} = await opened;
  const more: DuckDBConnection[] = [];
  try {
    return await use(db, async () => more[more.push(await instance.connect()) - 1]);
  } finally {
    closeEngine({instance, db}, more);
  }
}

/** An engine for a write and its first connection, its memory limit set. */
export type Engine = {instance: DuckDBInstance; db: DuckDBConnection};

/**
 * Opens the engine a write runs on. Loading DuckDB (about 0.1 s) blocks the thread that
 * calls this; opening the engine does not. A caller that opens one ahead of its write
 * hands it to writeStages, or closes it.
 */
export async function openEngine(work: string): Promise<Engine> {
  const {DuckDBInstance} = duckdb();
  const instance = await DuckDBInstance.create(":memory:", {temp_directory: join(work, "spill")});
  const db = await instance.connect();
  try {
    await db.run(`set memory_limit = '${memoryLimit(await valueOf(db, "select current_setting('threads')"))}'`);
  } catch (error) {
    closeEngine({instance, db});
    throw error;
  }
  return {instance, db};
}

/** Closes an engine and the connections opened to it. */
export function closeEngine({instance, db}: Engine, more: DuckDBConnection[] = []): void {
  for (const c of [...more, db]) c.closeSync();
  instance.closeSync();
}

/** A statement of a write, run on the connection it is handed. */
export type Statement<T> = (db: DuckDBConnection) => Promise<T>;

/** Statements that read only what earlier stages wrote; `anyOrder`: their rows may be written in any order. */
export type Stage<T> = {statements: Statement<T>[]; anyOrder?: boolean};

// Below this many bytes of input, a write runs on one engine, each stage's statements at
// once: an engine a statement spent a third of the 165 MB tree's write (16 MB of row parts)
// opening engines, and statements that small do not keep DuckDB's threads busy alone (0.30
// s, against 0.15 s at once). Its memory is bounded by the input's size.
const SMALL_WRITE = 128 << 20;

/**
 * Runs a write's stages in order and returns each stage's results; `done` hears of each
 * statement. A write of more than SMALL_WRITE bytes of input runs each statement in turn on
 * an engine of its own, for memory; a smaller one, each stage's statements at once on one.
 * `opened`: an engine opened ahead (openEngine), the first statement's.
 */
export async function writeStages<T>(work: string, bytes: number, stages: Stage<T>[], done: () => void = () => {}, opened?: Promise<Engine>): Promise<T[][]> {
  // Kept in the order read, the rows of a million sessions took 0.5 GB and four times as long.
  const order = (anyOrder = false) => `set preserve_insertion_order = ${!anyOrder}`;
  const results: T[][] = [];
  if (bytes > SMALL_WRITE) {
    for (const {statements, anyOrder} of stages) {
      const out: T[] = [];
      for (const statement of statements) {
        out.push(
          await withTableWriter(
            work,
            async (db) => {
              await db.run(order(anyOrder));
              return statement(db);
            },
            opened
          )
        );
        opened = undefined;
        done();
      }
      results.push(out);
    }
    return results;
  }
  return withTableWriter(
    work,
    async (db, connect) => {
      for (const {statements, anyOrder} of stages) {
        await db.run(order(anyOrder));
        const dbs = [db, ...(await Promise.all(statements.slice(1).map(connect)))];
        // Every statement ends before the engine closes, also when one fails: its error is the stage's.
        const settled = await Promise.allSettled(
          statements.map(async (statement, i) => {
            const result = await statement(dbs[i]);
            done();
            return result;
          })
        );
        const failed = settled.find((s) => s.status === "rejected");
        if (failed) throw failed.reason;
        results.push(settled.map((s) => (s as PromiseFulfilledResult<T>).value));
      }
      return results;
    },
    opened
  );
}

/** The one value a statement returns: a count, or the rows a COPY wrote (the tables' counts in the report). */
export async function valueOf(db: DuckDBConnection, sql: string): Promise<number> {
  return Number((await db.runAndReadAll(sql)).getRows()[0][0]);
}

/** Refuses an output folder that holds anything the ingest did not write. */
export function checkOut(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new InputError(`output is not a folder: ${out}`);
  const ours = (name: string) => name === WORK || OUTPUT_FILES.includes(name) || (name === CURRENT && lstatSync(join(out, name)).isSymbolicLink());
  const foreign = readdirSync(out).filter((name) => !ours(name));
  if (foreign.length) throw new InputError(`output folder holds files the ingest did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}): ${out}`);
}

// A process's start time (Linux), so that a lock left by a killed run is not taken for a
// live one when the process id has been reused.
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

function alive(pid: number, started: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  return started === "" || startTime(pid) === "" || startTime(pid) === started;
}

/**
 * Takes the output folder for this process: one ingest at a time writes to it. A lock
 * whose process is gone (a killed run) is taken over, and the work folders such runs left
 * are removed. Returns the function that releases it.
 */
export function lock(out: string): () => void {
  const work = join(out, WORK);
  mkdirSync(work, {recursive: true});
  const path = join(work, "lock");
  const mine = `${process.pid} ${startTime(process.pid)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const [pid, started = ""] = readFileSync(path, "utf8").trim().split(" ");
      if (Number(pid) > 0 && alive(Number(pid), started)) throw new InputError(`another ingest (process ${pid}) is writing to ${out}`);
      rmSync(path, {force: true});
    }
  }
  for (const name of readdirSync(work)) if (name.startsWith("run-")) rmSync(join(work, name), {recursive: true, force: true});
  return () => rmSync(path, {force: true});
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's files and the folder itself, so a generation is on disk before it becomes current. */
function flush(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) flush(path);
    else fsyncPath(path);
  }
  fsyncPath(dir);
}

/** Replaces `name` in `out` with a symlink to `target`, in one rename. */
function link(out: string, name: string, target: string): void {
  const temp = join(out, WORK, `link-${process.pid}`);
  rmSync(temp, {force: true});
  symlinkSync(target, temp);
  renameSync(temp, join(out, name));
}

function generations(out: string): string[] {
  const dir = join(out, WORK, GENERATIONS);
  return existsSync(dir) ? readdirSync(dir).filter((n) => /^\d+$/.test(n)).sort() : [];
}

/**
 * Makes the complete set of files in `built` the output's current generation: moves it
 * into `generations/`, switches `current` to it, and removes the generations older than
 * the one it replaced (which stays, so that a reader still in it can finish).
 */
export function publish(out: string, built: string): void {
  flush(built);
  const all = generations(out);
  const previous = currentGeneration(out) && basename(readlinkSync(join(out, CURRENT)));
  const name = String(all.length ? Number(all[all.length - 1]) + 1 : 1).padStart(6, "0");
  mkdirSync(join(out, WORK, GENERATIONS), {recursive: true});
  renameSync(built, join(out, WORK, GENERATIONS, name));
  fsyncPath(join(out, WORK, GENERATIONS));
  link(out, CURRENT, `${WORK}/${GENERATIONS}/${name}`);
  // The top-level names point through `current` and never change once made; a plain file
  // of the older layout is replaced by its link.
  for (const file of OUTPUT_FILES) {
    if (!lstatSync(join(out, file), {throwIfNoEntry: false})?.isSymbolicLink()) link(out, file, `${CURRENT}/${file}`);
  }
  fsyncPath(out);
  for (const old of all) if (old !== previous) rmSync(join(out, WORK, GENERATIONS, old), {recursive: true, force: true});
}

/** The current generation's folder, if there is one: what `--incremental` reuses. */
export function currentGeneration(out: string): string | null {
  const current = join(out, CURRENT);
  return lstatSync(current, {throwIfNoEntry: false})?.isSymbolicLink() && existsSync(current) ? realpathSync(current) : null;
}
