import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {AppendFile} from "../../loaders/ingest/append-file.ts";

const dir = mkdtempSync(join(tmpdir(), "append-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("AppendFile", () => {
  it("writes every text in order as UTF-8, across its buffer's flushes, and says how many bytes each took", () => {
    const path = join(dir, "mixed.jsonl");
    const file = new AppendFile(path);
    // Texts of one, two, three and four bytes a character (an emoji is two UTF-16 units),
    // small ones that fill the buffer many times, and one larger than the buffer itself.
    const texts: string[] = [];
    for (let i = 0; i < 40_000; i++) texts.push(`{"n":${i},"s":"a é 漢 😀"}\n`);
    texts.splice(20_000, 0, "漢".repeat(700_000) + "\n", "😀".repeat(300_000) + "\n");
    const counted = texts.map((t) => file.append(t));
    file.close();
    const whole = texts.join("");
    expect(readFileSync(path, "utf8")).toBe(whole);
    expect(counted).toEqual(texts.map((t) => Buffer.byteLength(t)));
  });

  it("writes a file with nothing appended as an empty file", () => {
    const path = join(dir, "empty.jsonl");
    new AppendFile(path).close();
    expect(readFileSync(path)).toHaveLength(0);
  });
});
