// How many threads read an input (loaders/ingest/run.ts, readerThreads): each reader warms
// V8's compiler up on its own, so a thread is started only for a share of input that pays
// for it (150 MB), one a core at most, and never more than there are groups to share. And
// the memory DuckDB's threads get to write the tables (loaders/ingest/output.ts).
import {expect, test} from "vitest";
import {memoryLimit, withTableWriter} from "../../loaders/ingest/output.ts";
import {readerThreads} from "../../loaders/ingest/run.ts";
import {tmp} from "../helpers/tmp.ts";

const MB = 1 << 20;

test("unasked: one thread a core, as far as the input pays for them", () => {
  expect(readerThreads(165 * MB, 3000, 2)).toBe(1);
  expect(readerThreads(299 * MB, 3000, 2)).toBe(1);
  expect(readerThreads(300 * MB, 3000, 2)).toBe(2);
  expect(readerThreads(1000 * MB, 15000, 2)).toBe(2);
  expect(readerThreads(1000 * MB, 15000, 8)).toBe(6);
  expect(readerThreads(20000 * MB, 6720, 8)).toBe(8);
  expect(readerThreads(0, 0, 8)).toBe(1);
});

test("never more threads than groups; asked for, as many as asked", () => {
  expect(readerThreads(20000 * MB, 3, 8)).toBe(3);
  expect(readerThreads(1 * MB, 10, 2, 2)).toBe(2);
  expect(readerThreads(1 * MB, 10, 2, 1)).toBe(1);
  expect(readerThreads(1000 * MB, 1, 8, 4)).toBe(1);
});

test("a table's write has 64 MB of DuckDB's memory a thread, 256 MB at least", async () => {
  expect([1, 2, 4, 6, 8, 16].map(memoryLimit)).toEqual(["256MB", "256MB", "256MB", "384MB", "512MB", "1024MB"]);
  // The engine that writes a table is given the limit for the threads it runs.
  const [threads, limit] = await withTableWriter(tmp(), async (db) => (await db.runAndReadAll("select current_setting('threads'), current_setting('memory_limit')")).getRows()[0]);
  // DuckDB's MB is 10^6 bytes; it shows the limit in MiB.
  expect(limit).toBe(`${((Math.max(256, 64 * Number(threads)) * 1e6) / 2 ** 20).toFixed(1)} MiB`);
});
