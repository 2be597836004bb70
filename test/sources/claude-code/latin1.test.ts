// Transcript lines read as Latin-1 (sources/lines.ts) parse to the same events as read as
// UTF-8: every string the parser keeps, cuts, measures or trims, in every shape a line
// takes, with the characters where the two readings could part (multibyte text, spaces
// outside ASCII that trim removes, escapes of code points above 127 as another writer
// than Claude Code would write them, lone surrogates, byte-order marks).
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {expect, test} from "vitest";
import {parseLine, type Parsed} from "../../../loaders/sources/claude-code/parse.ts";
import {readLines} from "../../../loaders/sources/lines.ts";

const PIECES = ["a", "Z", " ", "\n", "\t", "é", "Ã", "ß", "中文", "😀", "\u00a0", "\u3000", "\u2028", "\ufeff", "\u0085", "\u001b", "\\", '"', "{", "u00e9"];
// Rarer: each sends its whole line to the UTF-8 reading.
const RARE = ["\ud800", "\udfff", "\\u00e9"];
const piece = fc.oneof({arbitrary: fc.constantFrom(...PIECES), weight: 40}, {arbitrary: fc.constantFrom(...RARE), weight: 1});
const text = (max: number) => fc.array(piece, {maxLength: max}).map((p) => p.join(""));
// Long enough that the parser's cuts (2,000 characters) fall inside multibyte text.
const long = fc.tuple(text(8), fc.constantFrom(0, 700, 2100), text(8)).map(([a, n, b]) => a + "é中😀".repeat(n) + b);
const str = fc.oneof(text(12), long, fc.constantFrom("[Request interrupted by user]", "<command-name>/x</command-name>", "Warmup", ""));
const REJECTED = "The user doesn't want to proceed with this tool use. The tool use was rejected. To tell you how to proceed, the user said:\n";

const common = fc.record({uuid: str, sessionId: str, timestamp: fc.constantFrom("2026-01-02T03:04:05.678Z", "2026-01-02 (é)", "é"), version: str, permissionMode: str});
const input = fc.dictionary(str, fc.oneof(str, fc.array(str, {maxLength: 3}), fc.dictionary(str, str, {maxKeys: 2})), {maxKeys: 3});
const line = fc.oneof(
  fc.record({c: common, content: fc.oneof(str, fc.array(fc.oneof(str, fc.record({type: fc.constant("text"), text: str})), {maxLength: 3}))}).map(({c, content}) => ({...c, type: "user", message: {role: "user", content}})),
  fc.record({c: common, id: str, said: str, result: fc.oneof(str, fc.constant(REJECTED)), denial: fc.option(str)}).map(({c, id, said, result, denial}) => ({
    ...c,
    type: "user",
    message: {role: "user", content: [{type: "tool_result", tool_use_id: id, content: result === REJECTED ? REJECTED + said : result, ...(denial !== null && {toolDenialKind: denial})}]},
    toolUseResult: {stdout: said}
  })),
  fc.record({c: common, id: str, model: str, blocks: fc.array(fc.oneof(fc.record({type: fc.constant("text"), text: str}), fc.record({type: fc.constant("tool_use"), id: str, name: str, input: fc.oneof(input, str, fc.array(str))}), fc.record({type: str})), {maxLength: 4})}).map(({c, id, model, blocks}) => ({...c, type: "assistant", message: {id, model, role: "assistant", content: blocks}})),
  fc.record({c: common, id: str}).map(({c, id}) => ({...c, type: "progress", data: {type: "hook_progress"}, parentToolUseID: `toolu_${id}`})),
  fc.record({c: common, mode: str}).map(({c, mode}) => ({...c, type: "mode", mode}))
);
// As Claude Code writes (JSON.stringify), with every character above 127 escaped (as
// Python's json writes), or with some escaped; or damaged at its start.
const written = fc.tuple(line, fc.constantFrom("raw", "escaped", "some", "bom", "blank")).map(([l, how]) => {
  const json = JSON.stringify(l);
  if (how === "escaped") return json.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (how === "some") return json.replace(/[é中]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (how === "bom") return "\ufeff" + json;
  return how === "blank" ? " \u00a0" : json;
});

function parseAll(path: string, latin1: boolean): Parsed[] {
  const out: Parsed[] = [];
  readLines(path, 1 << 20, {line: (t, n, last, wide) => out.push(parseLine(t, 0, n, false, last, wide)), skip: (r) => out.push(r as Parsed)}, latin1);
  return out;
}

test("every line parses to the same event read as Latin-1 as read as UTF-8", () => {
  const dir = mkdtempSync(join(tmpdir(), "latin1-"));
  let wideLines = 0;
  fc.assert(
    fc.property(fc.array(written, {minLength: 1, maxLength: 12}), (lines) => {
      const path = join(dir, "t.jsonl");
      writeFileSync(path, lines.join("\n"));
      readLines(path, 1 << 20, {line: (_t, _n, _l, wide) => void (wideLines += wide ? 1 : 0), skip() {}}, true);
      expect(parseAll(path, true)).toEqual(parseAll(path, false));
    }),
    {numRuns: 400}
  );
  // The Latin-1 reading was taken, not only the fallback to UTF-8.
  expect(wideLines).toBeGreaterThan(100);
});

test("a line is read as Latin-1 only where its strings decode back to the same text", () => {
  const dir = mkdtempSync(join(tmpdir(), "latin1-"));
  const path = join(dir, "t.jsonl");
  const lines = ['{"a":"é"}', '{"a":"\\u00e9"}', '{"a":"é\\u001b"}', '{"a":"é\\\\u00e9"}', '\ufeff{"a":"é"}', '{"a":"plain"}', '{"a":"é\\ud800"}'];
  writeFileSync(path, lines.join("\n") + "\n");
  const seen: [string, boolean][] = [];
  readLines(path, 1 << 20, {line: (t, _n, _l, wide) => seen.push([t, wide]), skip() {}}, true);
  // Wide: Latin-1 with bytes above 127. An escape above 127, an escaped backslash before
  // `u`, a byte-order mark: UTF-8. A line of ASCII alone reads the same either way.
  expect(seen.map(([, wide]) => wide)).toEqual([true, false, true, false, false, false, false]);
  expect(seen[0][0]).toBe('{"a":"Ã©"}');
  expect(seen[1][0]).toBe(lines[1]);
});
