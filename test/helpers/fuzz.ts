// The hostile-input fuzz: real transcripts and Codex rollouts (test/fixtures), 2.x-shaped ones
// (test/helpers/transcript.ts) and OTLP files (test/helpers/otlp.ts), mutated (cut, bits
// flipped, invalid UTF-8, BOMs, CRLF, NULs, lines of many MB, nesting 100,000 deep, a
// wrong type in any field, unknown line types, empty and binary files, symlink loops) and
// laid out as a fleet, a person's tree, a project folder or single files. For every case:
// - no exception escapes, and no case runs away (the parent test's watchdog);
// - every file of every group counts exactly its physical lines, and
//   lines = parsed + duplicates + sum(skipped), each skip with a snake_case reason;
// - every `wholeEvery`-th case also runs the whole ingest in this process (DuckDB, the
//   output folder, the report), whose report must hold the same identity.
//
// Run by test/ingest/fuzz.test.ts as a child process (so a runaway case can be
// killed); alone: `npx tsx test/helpers/fuzz.ts --cases 10000 [--seed n]`.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {parseArgs} from "node:util";
import fc from "fast-check";
import {defaultClassifiers} from "../../loaders/classify/index.ts";
import {InputError} from "../../loaders/errors.ts";
import {discover} from "../../loaders/ingest/discover.ts";
import {ingest} from "../../loaders/ingest/run.ts";
import type {FileCounts} from "../../loaders/sources/counts.ts";
import {readGroup} from "../../loaders/sources/index.ts";
import {corpus as otelCorpus} from "./otel-corpus.ts";
import {CcSession, file, V2_0} from "./otlp.ts";
import {Transcript} from "./transcript.ts";
import {fleetFiles} from "./ingest-corpus.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const SNAKE = /^[a-z]+(_[a-z0-9]+)*$/;

/** The seeds: every real transcript and rollout, 2.x-shaped sessions, and OTLP files. */
function seeds(): {name: string; bytes: Buffer}[] {
  const real = (readdirSync(FIXTURES, {recursive: true}) as string[]).filter((f) => f.endsWith(".jsonl")).map((f) => ({name: f, bytes: readFileSync(join(FIXTURES, f))}));
  const shaped = Object.entries(fleetFiles(2, 3)).filter(([p]) => p.endsWith(".jsonl") && !p.startsWith("telemetry/")).map(([name, text]) => ({name, bytes: Buffer.from(text)}));
  const t = new Transcript("5eed0000-0000-4000-8000-000000000001");
  t.raw(JSON.stringify({type: "permission-mode", permissionMode: "plan", sessionId: t.sessionId}));
  t.prompt(0, "plan it", {permissionMode: "plan"}).tool(1, "toolu_q", "AskUserQuestion", {questions: [{question: "Which?", options: [{label: "A"}]}]});
  t.result(5, "toolu_q", 'User has answered your questions: "Which?"="A". You can now continue.').tool(6, "toolu_p", "ExitPlanMode", {plan: "do it"});
  t.reject(9, "toolu_p", "no, the other way").system(10, "turn_duration", {durationMs: 9000}).system(11, "compact_boundary", {compactMetadata: {trigger: "auto"}});
  shaped.push({name: "shaped-2x.jsonl", bytes: Buffer.from(t.toString())});
  const otel = Object.entries(otelCorpus().files).map(([name, content]) => ({name: `otel/${name}`, bytes: Buffer.from(content)}));
  // 2.0.x events carry no sequence: records are told apart by a digest of the whole record.
  const old = new CcSession("5eed0000-0000-4000-8000-000000000002", V2_0).prompt(0).request(2).decision(3, "Bash", "accept", "user_temporary").result(5, "Bash", false, 80, "user_temporary").request(7);
  otel.push({name: "otel/v2.0.jsonl", bytes: Buffer.from(file(old.lines(2)))});
  return [...real, ...shaped, ...otel];
}

const SEEDS = seeds();
const FIRST_OTLP = SEEDS.findIndex((s) => s.name.startsWith("otel/"));

// Byte sequences that are not UTF-8, and other bytes worth planting.
const PLANTS = [
  [0xff], [0xfe, 0xff], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], // invalid UTF-8
  [0xef, 0xbb, 0xbf], [0x00], [0x0d, 0x0a], [0x0d], [0x0a], [0x0a, 0x0a], [0x22], [0x7b], [0x5d], [0x5c], [0xe2, 0x80, 0xa8] // BOM, NUL, CR, LF, ", {, ], \, U+2028
].map((b) => Buffer.from(b));

const fraction = fc.double({min: 0, max: 1, noNaN: true, maxExcluded: true});

/** A value of any JSON type, or one that is valid JSON but wrong in every field that reads it. */
const wrongValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0.5, "", "x", "2026-13-45T99:99:99Z", "NaN", "toolu_", [], {}, [null], {type: null}, {content: 7}, "\u0000", "\ud800"),
  fc.jsonValue({maxDepth: 3}),
  fc.string({maxLength: 40})
);

type Mutation =
  | {k: "truncate"; at: number}
  | {k: "flip"; at: number; bit: number}
  | {k: "plant"; at: number; plant: number}
  | {k: "crlf"}
  | {k: "bom"}
  | {k: "dup" | "drop"; line: number}
  | {k: "swap"; line: number; other: number}
  | {k: "field"; line: number; node: number; value: unknown}
  | {k: "type"; line: number; type: string}
  | {k: "deep"; line: number; node: number; depth: number; array: boolean}
  | {k: "huge"; line: number; mb: number; json: boolean};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {arbitrary: fc.record({k: fc.constant("truncate" as const), at: fraction}), weight: 3},
  {arbitrary: fc.record({k: fc.constant("flip" as const), at: fraction, bit: fc.integer({min: 0, max: 7})}), weight: 4},
  {arbitrary: fc.record({k: fc.constant("plant" as const), at: fraction, plant: fc.integer({min: 0, max: PLANTS.length - 1})}), weight: 4},
  {arbitrary: fc.record({k: fc.constant("crlf" as const)}), weight: 1},
  {arbitrary: fc.record({k: fc.constant("bom" as const)}), weight: 1},
  {arbitrary: fc.record({k: fc.constantFrom("dup" as const, "drop" as const), line: fraction}), weight: 2},
  {arbitrary: fc.record({k: fc.constant("swap" as const), line: fraction, other: fraction}), weight: 1},
  {arbitrary: fc.record({k: fc.constant("field" as const), line: fraction, node: fraction, value: wrongValue}), weight: 8},
  {arbitrary: fc.record({k: fc.constant("type" as const), line: fraction, type: fc.oneof(fc.string({maxLength: 12}), fc.constantFrom("User", "assistant ", "system", "tool_result", "progress", "summary"))}), weight: 2},
  {arbitrary: fc.record({k: fc.constant("deep" as const), line: fraction, node: fraction, depth: fc.oneof(fc.integer({min: 1, max: 64}), fc.constant(100_000)), array: fc.boolean()}), weight: 3},
  {arbitrary: fc.record({k: fc.constant("huge" as const), line: fraction, mb: fc.integer({min: 1, max: 12}), json: fc.boolean()}), weight: 1}
);

/** Every path (of keys) into a JSON value, the root's included. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return root;
}

const pick = <T>(items: T[], f: number): T => items[Math.min(items.length - 1, Math.floor(f * items.length))];

/** A line replaced through its JSON, if it is JSON; else left alone. */
function viaJson(lines: Buffer[], f: number, change: (value: unknown) => string): void {
  if (lines.length === 0) return;
  const i = Math.min(lines.length - 1, Math.floor(f * lines.length));
  let value: unknown;
  try {
    value = JSON.parse(lines[i].toString("utf8"));
  } catch {
    return;
  }
  try {
    lines[i] = Buffer.from(change(value));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // a line already nested too deep to walk: left as it is
  }
}

function deep(depth: number, array: boolean): string {
  return array ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

export function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = (f: number) => Math.floor(f * (bytes.length + 1));
  switch (m.k) {
    case "truncate":
      return bytes.subarray(0, at(m.at));
    case "flip": {
      if (bytes.length === 0) return bytes;
      const out = Buffer.from(bytes);
      const i = Math.min(out.length - 1, at(m.at));
      out[i] ^= 1 << m.bit;
      return out;
    }
    case "plant":
      return Buffer.concat([bytes.subarray(0, at(m.at)), PLANTS[m.plant], bytes.subarray(at(m.at))]);
    case "crlf":
      return Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r\n"), "latin1");
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  }
  const lines = splitLines(bytes);
  const n = lines.length;
  const index = (f: number) => Math.min(n - 1, Math.floor(f * n));
  switch (m.k) {
    case "dup":
      if (n) lines.splice(index(m.line), 0, lines[index(m.line)]);
      break;
    case "drop":
      if (n) lines.splice(index(m.line), 1);
      break;
    case "swap":
      if (n) [lines[index(m.line)], lines[index(m.other)]] = [lines[index(m.other)], lines[index(m.line)]];
      break;
    case "field":
      viaJson(lines, m.line, (v) => JSON.stringify(setAt(v, pick(paths(v).slice(1).length ? paths(v).slice(1) : [[]], m.node), m.value)));
      break;
    case "type":
      viaJson(lines, m.line, (v) => JSON.stringify(v && typeof v === "object" && !Array.isArray(v) ? {...v, type: m.type} : v));
      break;
    case "deep":
      // Written as text: the value is deeper than JSON.stringify could write.
      viaJson(lines, m.line, (v) => {
        const marker = "\u0000DEEP\u0000";
        return JSON.stringify(setAt(v, pick(paths(v), m.node), marker)).replace(JSON.stringify(marker), deep(m.depth, m.array));
      });
      break;
    case "huge": {
      const size = m.mb << 20;
      const line = m.json ? Buffer.from(JSON.stringify({type: "user", sessionId: "5eed0000-0000-4000-8000-00000000b16b", uuid: `huge-${size}`, timestamp: "2026-01-05T10:00:00Z", message: {role: "user", content: "x".repeat(size)}})) : Buffer.alloc(size, 0x61);
      lines.splice(n ? index(m.line) : 0, 0, line);
      break;
    }
  }
  return Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || endsWithNewline(bytes) ? [l, NL] : [l])));
}

const NL = Buffer.from("\n");
const endsWithNewline = (b: Buffer) => b.length > 0 && b[b.length - 1] === 0x0a;

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

/** Lines as docs/tables.md ("Line accounting") defines them: up to each `\n`, and a last one without it. */
export function physicalLines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n + (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? 1 : 0);
}

/** One file of a case: a seed mutated, or a file of its own kind. */
type FileSpec =
  | {kind: "seed"; seed: number; mutations: Mutation[]}
  | {kind: "empty"}
  | {kind: "binary"; bytes: Uint8Array}
  | {kind: "loop"}; // a symlink loop named like a transcript

const fileSpec: fc.Arbitrary<FileSpec> = fc.oneof(
  // Transcripts and OTLP files as often as each other, whatever the number of seeds of each.
  {arbitrary: fc.record({kind: fc.constant("seed" as const), seed: fc.oneof(fc.integer({min: 0, max: FIRST_OTLP - 1}), fc.integer({min: FIRST_OTLP, max: SEEDS.length - 1})), mutations: fc.array(mutation, {minLength: 0, maxLength: 4})}), weight: 12},
  {arbitrary: fc.record({kind: fc.constant("empty" as const)}), weight: 1},
  {arbitrary: fc.record({kind: fc.constant("binary" as const), bytes: fc.uint8Array({minLength: 1, maxLength: 4096})}), weight: 1},
  {arbitrary: fc.record({kind: fc.constant("loop" as const)}), weight: 1}
);

// Where a file lies in the tree: the names discovery treats each in its own way.
const NAMES = [
  "s1.jsonl", "s2.jsonl", "agent-a1.jsonl", "s1/subagents/agent-b2.jsonl", "journal.jsonl", "otel.json", "otel.jsonl", "otel.json.1", "logs.jsonl.gz",
  "rollout-2026-01-05T10-00-00-f.jsonl" // a Codex rollout's name: the Codex source sniffs it wherever it lies
];

export type Case = {layout: "fleet" | "person" | "project" | "files"; files: {spec: FileSpec; name: number}[]; maxLine: "small" | "default"; otherFolder: boolean};

export const caseArb: fc.Arbitrary<Case> = fc.record({
  layout: fc.constantFrom("fleet" as const, "person" as const, "project" as const, "files" as const),
  files: fc.array(fc.record({spec: fileSpec, name: fc.nat({max: NAMES.length - 1})}), {minLength: 1, maxLength: 4}),
  maxLine: fc.constantFrom("small" as const, "default" as const),
  otherFolder: fc.boolean()
});

/** Writes a case's tree; returns its root and the inputs to name. */
export function layCase(c: Case, base: string): {inputs: string[]; written: Map<string, Buffer>} {
  const project = c.layout === "fleet" ? join(base, "u1", "projects", "-p") : c.layout === "person" ? join(base, "projects", "-p") : base;
  const written = new Map<string, Buffer>();
  const inputs: string[] = [];
  c.files.forEach(({spec, name}, i) => {
    const rel = NAMES[name].replace(/^s1/, `s1-${i}`).replace(/\.(jsonl|json)/, `-${i}.$1`);
    const path = join(c.otherFolder && i % 2 ? join(project, "..", "-q") : project, rel);
    mkdirSync(dirname(path), {recursive: true});
    if (spec.kind === "loop") {
      symlinkSync(`${path}.other`, path);
      symlinkSync(path, `${path}.other`);
      inputs.push(path);
      return;
    }
    const bytes = spec.kind === "empty" ? Buffer.alloc(0) : spec.kind === "binary" ? Buffer.from(spec.bytes) : spec.mutations.reduce(mutate, SEEDS[spec.seed].bytes);
    writeFileSync(path, bytes);
    written.set(path, bytes);
    inputs.push(path);
  });
  // A folder that is a symlink to its own parent: never followed.
  symlinkSync("..", join(project, "loop"));
  return {inputs: c.layout === "files" ? inputs.filter((p) => written.has(p)) : [base], written};
}

export type Outcome = {files: number; lines: number; skipped: Record<string, number>; whole: boolean};

function checkCounts(where: string, c: FileCounts | {lines: number; parsed: number; duplicates: number; skipped: Record<string, number>}): void {
  const skipped = Object.values(c.skipped).reduce((a, b) => a + b, 0);
  if (c.lines !== c.parsed + c.duplicates + skipped) throw new Error(`${where}: lines ${c.lines} ≠ parsed ${c.parsed} + duplicates ${c.duplicates} + skipped ${skipped}`);
  for (const [reason, n] of Object.entries(c.skipped)) {
    if (!SNAKE.test(reason)) throw new Error(`${where}: a skip without a snake_case reason: ${JSON.stringify(reason)}`);
    if (!(n > 0)) throw new Error(`${where}: ${n} lines skipped as ${reason}`);
  }
  if (c.parsed < 0 || c.duplicates < 0) throw new Error(`${where}: negative counts ${JSON.stringify(c)}`);
}

/** Runs one case in this process; throws what it finds wrong. */
export async function runCase(c: Case, whole: boolean): Promise<Outcome> {
  const base = mkdtempSync(join(tmpdir(), "aa-fuzz-"));
  try {
    const {inputs, written} = layCase(c, join(base, "in"));
    const maxLineBytes = c.maxLine === "small" ? 256 << 10 : 64 << 20;
    const scratch = join(base, "scratch");
    mkdirSync(scratch);
    const outcome: Outcome = {files: 0, lines: 0, skipped: {}, whole};
    let discovered: ReturnType<typeof discover>;
    try {
      discovered = discover(inputs);
    } catch (error) {
      // A named path that cannot be read is an InputError: one line for the person.
      if (error instanceof InputError) return outcome;
      throw error;
    }
    for (const group of discovered.groups) {
      const rows: unknown[] = [];
      const result = readGroup(group, {maxLineBytes, classifiers: defaultClassifiers, scratch}, (_, row) => rows.push(row));
      JSON.stringify(rows); // rows must be writable as the parts write them
      result.counts.forEach((counts, i) => {
        const path = group.files[i].path;
        checkCounts(path, counts);
        const bytes = written.get(path);
        if (bytes && !counts.unreadable && counts.lines !== physicalLines(bytes)) throw new Error(`${path}: counted ${counts.lines} lines of ${physicalLines(bytes)}`);
        if (counts.unreadable && bytes) throw new Error(`${path}: a readable file counted as unreadable`);
        outcome.files++;
        outcome.lines += counts.lines;
        for (const [k, v] of Object.entries(counts.skipped)) outcome.skipped[k] = (outcome.skipped[k] ?? 0) + v;
      });
    }
    if (whole && discovered.groups.length) {
      const report = await ingest({inputs, out: join(base, "out"), maxLineBytes, workers: 1});
      checkCounts("the report", report);
      for (const f of report.files_with_skips) checkCounts(`the report's ${f.file}`, f);
      if (report.lines !== outcome.lines) throw new Error(`the report counts ${report.lines} lines, the readers ${outcome.lines}`);
    }
    return outcome;
  } finally {
    rmSync(base, {recursive: true, force: true});
  }
}

export type Summary = {cases: number; seconds: number; lines: number; files: number; whole: number; skipped: Record<string, number>; seed: number};

/** Runs `cases` cases (every `wholeEvery`-th through the whole ingest), calling `onCase` before each. */
export async function fuzz(cases: number, seed: number, wholeEvery: number, onCase: (i: number, c: Case) => void = () => {}): Promise<Summary> {
  const started = Date.now();
  const summary: Summary = {cases: 0, seconds: 0, lines: 0, files: 0, whole: 0, skipped: {}, seed};
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const i = summary.cases++;
      onCase(i, c);
      const o = await runCase(c, i % wholeEvery === 0);
      summary.lines += o.lines;
      summary.files += o.files;
      summary.whole += o.whole ? 1 : 0;
      for (const [k, v] of Object.entries(o.skipped)) summary.skipped[k] = (summary.skipped[k] ?? 0) + v;
    }),
    {numRuns: cases, seed}
  );
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Describes a case in one line for a message (mutations by kind, huge values by size). */
export function describe(c: Case): string {
  return JSON.stringify(c, (_, v) => (v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === "string" && v.length > 80 ? `<${v.length} chars>` : v));
}

if (process.argv[1] === import.meta.filename) {
  const {values} = parseArgs({options: {cases: {type: "string", default: "300"}, seed: {type: "string"}, "whole-every": {type: "string", default: "50"}}});
  const seed = values.seed ? Number(values.seed) : Date.now() % 2 ** 31;
  const send = (m: object) => (process.send ? process.send(m) : process.stderr.write(`${JSON.stringify(m)}\n`));
  let last = "";
  fuzz(Number(values.cases), seed, Number(values["whole-every"]), (i, c) => {
    last = describe(c);
    if (process.send) process.send({case: i, c: last});
    else if (i % 500 === 0) process.stderr.write(`${i} cases\n`);
  })
    .then((summary) => {
      send({summary});
      process.exit(0);
    })
    .catch((error: Error) => {
      const cause = error.cause instanceof Error ? error.cause : null;
      send({failure: `${cause ? `${cause.stack}\n` : ""}${error.message}`, last, seed});
      process.exit(1);
    });
}
