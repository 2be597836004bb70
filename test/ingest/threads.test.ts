// How many threads read an input (loaders/ingest/run.ts, readerThreads): each reader warms
// V8's compiler up on its own, so a thread is started only for a share of input that pays
// for it (150 MB), one a core at most, and never more than there are groups to share.
import {expect, test} from "vitest";
import {readerThreads} from "../../loaders/ingest/run.ts";

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
