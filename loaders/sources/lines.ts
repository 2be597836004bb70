// Splits a file into lines without holding the file: a line is the bytes up to a `\n`,
// or up to the end of the file for a last line without one; an empty last segment is no
// line (docs/tables.md, "Line accounting"). Lines that are not UTF-8, or longer than the
// limit, are reported by reason and never decoded.
//
// A reader that keeps few of a line's strings may ask for its JSON lines as Latin-1, one
// character a byte: decoding UTF-8 took 30% of parsing the lines that hold bytes above 127
// (tool output, mostly), and those strings parse a third faster with one byte a character
// (BENCHMARKS.md, §1). JSON writes those bytes only inside strings, and a string's bytes
// are whole UTF-8 sequences (a quote or a backslash is never part of one), so each string
// the reader keeps is the same once its bytes are decoded again (utf8 below). An escape of
// a code point above 127 (`\u00e9`, or a surrogate) would not be: a line that may hold one
// is decoded as UTF-8, as is a line that does not start with `{` (a byte-order mark,
// blanks, or not JSON: lines whose skip reason reads their text).
import {closeSync, openSync, readSync} from "node:fs";
import {isAscii, isUtf8} from "node:buffer";
import {samplerOf} from "./sample.ts";

export type LineSkip = "invalid_utf8" | "too_large";

export type LineVisitor = {
  /** `wide`: the line came as Latin-1 and holds bytes above 127, whose strings utf8() decodes. */
  line(text: string, lineNo: number, last: boolean, wide: boolean): void;
  skip(reason: LineSkip, lineNo: number): void;
};

const ESCAPE = Buffer.from("\\u");

// Whether a line's escapes all stand for code points below 128 (`\u001b`, as JSON.stringify
// writes control characters). A backslash that is itself escaped can only make this say no.
function asciiEscapes(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(ESCAPE); at !== -1; at = bytes.indexOf(ESCAPE, at + 2)) {
    if (bytes[at + 2] !== 0x30 || bytes[at + 3] !== 0x30 || !(bytes[at + 4] >= 0x30 && bytes[at + 4] <= 0x37)) return false;
  }
  return true;
}

const HIGH = /[\u0080-\u00ff]/;

/** A string of a wide line, decoded as UTF-8: the string the line's UTF-8 text parses to. */
export const utf8 = (s: string): string => (HIGH.test(s) ? Buffer.from(s, "latin1").toString("utf8") : s);

const CHUNK = 1 << 22;
// One buffer a thread, reused from file to file: most transcripts are far smaller than it.
let shared: Buffer | undefined;

/** Calls `visit` for every line of `path`, as Latin-1 where `latin1` asks and it is safe (above); returns the number of bytes read. */
export function readLines(path: string, maxLineBytes: number, visit: LineVisitor, latin1 = false): number {
  const fd = openSync(path, "r");
  const sampler = samplerOf(path);
  try {
    let buffer = (shared ??= Buffer.allocUnsafe(CHUNK));
    let start = 0; // first byte of the current line in `buffer`
    let end = 0; // bytes held in `buffer`
    let skipping = false; // inside a line already known to be too large
    let lineNo = 0;
    let total = 0;
    const emit = (from: number, to: number, last: boolean) => {
      lineNo++;
      if (skipping || to - from > maxLineBytes) visit.skip("too_large", lineNo);
      else {
        const bytes = buffer.subarray(from, to);
        const json = latin1 && bytes[0] === 0x7b;
        if (json && isAscii(bytes)) visit.line(bytes.toString("latin1"), lineNo, last, false);
        else if (!isUtf8(bytes)) visit.skip("invalid_utf8", lineNo);
        else if (json && asciiEscapes(bytes)) visit.line(bytes.toString("latin1"), lineNo, last, true);
        else visit.line(bytes.toString("utf8"), lineNo, last, false);
      }
      skipping = false;
    };
    for (;;) {
      if (end === buffer.length) {
        if (start > 0) {
          buffer.copy(buffer, 0, start, end);
          end -= start;
          start = 0;
        } else if (skipping || end > maxLineBytes) {
          skipping = true; // drop what we hold of the long line and keep looking for its end
          end = 0;
        } else {
          const grown = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(grown, 0, 0, end);
          buffer = shared = grown;
        }
      }
      const n = readSync(fd, buffer, end, buffer.length - end, null);
      if (n === 0) break;
      sampler?.feed(buffer.subarray(end, end + n), total);
      total += n;
      const scanFrom = end;
      end += n;
      // Search only what was read: past `end` the buffer holds an earlier file's bytes, and
      // a search to its end would scan megabytes for every small file.
      const held = buffer.subarray(0, end);
      let nl = held.indexOf(10, scanFrom);
      while (nl !== -1) {
        emit(start, nl, false);
        start = nl + 1;
        nl = held.indexOf(10, start);
      }
    }
    if (end > start || skipping) emit(start, end, true);
    sampler?.end();
    return total;
  } finally {
    closeSync(fd);
  }
}

export type LineShapeSkip = "blank" | "not_json" | "truncated" | "not_object";

/**
 * A JSON line's object, or why it is none: blank (after a byte-order mark), not JSON (on
 * the file's last line without its `\n`, `truncated`: a cut rather than bad JSON), or JSON
 * that is no object.
 */
export function objectOf(raw: string, last: boolean): Record<string, unknown> | LineShapeSkip {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) return "blank";
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    return last ? "truncated" : "not_json";
  }
  return typeof line === "object" && line !== null && !Array.isArray(line) ? (line as Record<string, unknown>) : "not_object";
}
