// How many threads read an input (loaders/ingest/run.ts, readerThreads), the main thread
// among them: each reader warms V8's compiler up on its own, so a thread is started only for
// a share of input that pays for it (64 MB), one a core at most, and never more than there
// are groups to share. And
// the memory DuckDB's threads get to write the tables, and how a write's statements share
// engines (loaders/ingest/output.ts).
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {memoryLimit, withTableWriter, writeStages, type Stage} from "../../loaders/ingest/output.ts";
import {ingestRun, readerThreads, type Progress} from "../../loaders/ingest/run.ts";
import {tmp} from "../helpers/tmp.ts";
import {Transcript, writeTree} from "../helpers/transcript.ts";

const MB = 1 << 20;

test("unasked: one thread a core, as far as the input pays for them", () => {
  expect(readerThreads(100 * MB, 1800, 2)).toBe(1);
  expect(readerThreads(127 * MB, 3000, 2)).toBe(1);
  expect(readerThreads(128 * MB, 3000, 2)).toBe(2);
  expect(readerThreads(165 * MB, 3000, 2)).toBe(2);
  expect(readerThreads(1000 * MB, 15000, 2)).toBe(2);
  expect(readerThreads(400 * MB, 15000, 8)).toBe(6);
  expect(readerThreads(1000 * MB, 15000, 8)).toBe(8);
  expect(readerThreads(20000 * MB, 6720, 8)).toBe(8);
  expect(readerThreads(0, 0, 8)).toBe(1);
});

test("never more threads than groups; asked for, as many as asked", () => {
  expect(readerThreads(20000 * MB, 3, 8)).toBe(3);
  expect(readerThreads(1 * MB, 10, 2, 2)).toBe(2);
  expect(readerThreads(1 * MB, 10, 2, 1)).toBe(1);
  expect(readerThreads(1000 * MB, 1, 8, 4)).toBe(1);
});

// Three projects: on two readers the worker takes the largest left, the main thread the
// smallest; each of the main thread's reports waits until the worker has started, so the
// third report is the worker's, heard in its message handler. An exception there once
// escaped the handler and killed the process; it must stop the run with its error, as it
// does on one reader.
test.each([1, 2])("an exception in what hears a group's result stops the run with it (%i readers), and writes no tables", async (workers) => {
  const session = (id: string, words: number) => new Transcript(id).prompt(0, "fix the build ".repeat(words)).text(5, "Fixed.").toString();
  const root = writeTree({
    "u/projects/small/a.jsonl": session("aaaaaaaa-0000-4000-8000-000000000001", 1),
    "u/projects/middle/b.jsonl": session("bbbbbbbb-0000-4000-8000-000000000002", 100),
    "u/projects/large/c.jsonl": session("cccccccc-0000-4000-8000-000000000003", 400)
  });
  const out = join(tmp(), "t");
  let reports = 0;
  const progress = (p: Progress) => {
    if (p.stage !== "reading") return;
    if (++reports === (workers === 1 ? 1 : 3)) throw new Error("the progress bar broke");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  };
  await expect(ingestRun({inputs: [root], out, workers, progress})).rejects.toThrow("the progress bar broke");
  expect(existsSync(join(out, "turns.parquet"))).toBe(false);
});

test("a table's write has 64 MB of DuckDB's memory a thread, 256 MB at least", async () => {
  expect([1, 2, 4, 6, 8, 16].map(memoryLimit)).toEqual(["256MB", "256MB", "256MB", "384MB", "512MB", "1024MB"]);
  // The engine that writes a table is given the limit for the threads it runs.
  const [threads, limit] = await withTableWriter(tmp(), async (db) => (await db.runAndReadAll("select current_setting('threads'), current_setting('memory_limit')")).getRows()[0]);
  // DuckDB's MB is 10^6 bytes; it shows the limit in MiB.
  expect(limit).toBe(`${((Math.max(256, 64 * Number(threads)) * 1e6) / 2 ** 20).toFixed(1)} MiB`);
});

test("a small write, its statements at once on one engine, writes what a large one writes in turn", async () => {
  const dir = tmp();
  const write = async (bytes: number) => {
    const file = (name: string) => `'${join(dir, `${name}-${bytes}.parquet`)}'`;
    let done = 0;
    const stages: Stage<unknown>[] = [
      {anyOrder: true, statements: ["a", "b"].map((name) => (db) => db.run(`copy (select range % 97 as x, range as y from range(50000)) to ${file(name)} (format parquet)`))},
      {
        statements: ["a", "b"].map((name) => async (db) => {
          await db.run(`copy (select * from read_parquet(${file(name)}) order by x, y) to ${file(`${name}-sorted`)} (format parquet)`);
          // What the stage before set for itself is not left to this one.
          return (await db.runAndReadAll("select current_setting('preserve_insertion_order')")).getRows()[0][0];
        })
      }
    ];
    const results = await writeStages(dir, bytes, stages, () => done++);
    return {ordered: results[1], done, bytes: ["a", "b"].map((name) => readFileSync(join(dir, `${name}-sorted-${bytes}.parquet`)))};
  };
  const small = await write(0);
  const large = await write(Number.MAX_SAFE_INTEGER);
  expect(small.ordered).toEqual([true, true]);
  expect(large.ordered).toEqual([true, true]);
  expect([small.done, large.done]).toEqual([4, 4]);
  expect(small.bytes).toEqual(large.bytes);
});

test("a statement that fails in a small write fails the write, once every statement of its stage has ended", async () => {
  const dir = tmp();
  const big = join(dir, "big.parquet");
  let ended = false;
  const write = writeStages<unknown>(dir, 0, [
    {
      statements: [
        (db) => db.run(`select * from read_parquet('${join(dir, "missing.parquet")}')`),
        async (db) => {
          await db.run(`copy (select range as x, md5(range::varchar) as y from range(3000000)) to '${big}' (format parquet)`);
          ended = true;
        }
      ]
    }
  ]);
  await expect(write).rejects.toThrow(/missing\.parquet/);
  expect(ended).toBe(true);
  // The engine closed after the copy had written its file whole.
  expect((await withTableWriter(dir, (db) => db.runAndReadAll(`select count(*) from read_parquet('${big}')`))).getRows()[0][0]).toBe(3000000n);
});
