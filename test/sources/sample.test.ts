// A file's sample taken from its reading as lines is the sample read for it alone
// (loaders/sources/sample.ts), whatever the file's size against the sample's and the
// reading's chunks: a group read by a full run is then known unchanged by an incremental one.
import {appendFileSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {readLines} from "../../loaders/sources/lines.ts";
import {sample, Sampler, sampling} from "../../loaders/sources/sample.ts";

const dir = mkdtempSync(join(tmpdir(), "sample-"));
const read = (path: string) => readLines(path, 1 << 30, {line() {}, skip() {}});

test.each([0, 1, 4095, 4096, 4097, 8192, 8193, 70_000, (4 << 20) + 5000, (9 << 20) + 1])("a file of %i bytes", (size) => {
  const path = join(dir, `f${size}`);
  // Lines of varied length, so that a chunk ends inside a line and the reader carries it over.
  const line = (i: number) => `${"x".repeat(i % 3000)}${i}\n`;
  let text = "";
  for (let i = 0; text.length < size; i++) text += line(i);
  writeFileSync(path, text.slice(0, size));
  const sampler = new Sampler(size);
  sampling(new Map([[path, sampler]]), () => read(path));
  expect(sampler.digest()).toBe(sample(path, size));
});

test("a file that shrank before its reading gives no sample: it is read for one", () => {
  const path = join(dir, "shrank");
  writeFileSync(path, "a\n".repeat(5000));
  const sampler = new Sampler(20_000);
  sampling(new Map([[path, sampler]]), () => read(path));
  expect(sampler.digest()).toBeNull();
});

test("a file read twice keeps the sample of its first reading, and a reading that failed gives none", () => {
  const path = join(dir, "twice");
  writeFileSync(path, "a\n".repeat(5000));
  const sampler = new Sampler(10_000);
  sampling(new Map([[path, sampler]]), () => {
    read(path);
    writeFileSync(path, "b\n".repeat(5000));
    read(path);
  });
  writeFileSync(join(dir, "first-a"), "a\n".repeat(5000));
  expect(sampler.digest()).toBe(sample(join(dir, "first-a"), 10_000));
  const unread = new Sampler(10);
  sampling(new Map([[join(dir, "missing"), unread]]), () => expect(() => read(join(dir, "missing"))).toThrow());
  expect(unread.digest()).toBeNull();
});

test("a reading that stopped after its first chunk gives no sample, also when that chunk held the whole file", () => {
  for (const size of [100, 10_000, (4 << 20) + 5000]) {
    const path = join(dir, `stopped${size}`);
    writeFileSync(path, "a\n".repeat(size / 2));
    const sampler = new Sampler(size);
    const stop = {line() { throw new Error("stop"); }, skip() {}};
    sampling(new Map([[path, sampler]]), () => expect(() => readLines(path, 1 << 30, stop)).toThrow("stop"));
    expect(sampler.digest()).toBeNull();
  }
});

test("a file that grew before its reading is sampled at the size taken first", () => {
  const path = join(dir, "grew");
  writeFileSync(path, "a\n".repeat(5000));
  const sampler = new Sampler(10_000);
  appendFileSync(path, "b\n".repeat(5000));
  sampling(new Map([[path, sampler]]), () => read(path));
  writeFileSync(join(dir, "first"), "a\n".repeat(5000));
  expect(sampler.digest()).toBe(sample(join(dir, "first"), 10_000));
});
