// The OpenTelemetry source: every OTLP file of an ingest → canonical rows with
// `source = 'otel'`, and the count of every line (docs/otel-format.md).
//
// Design. OTLP lines are not in time order, a session's records are spread over many
// lines and files, and a retried export repeats them, so nothing can be decided line by
// line, and a corpus may be far larger than memory. The reader never holds more than one
// shard:
// 1. Pass 1 streams every line of every file (in path order) once. A line that is no OTLP
//    record is skipped with its reason; the records of a line are cut to compact records
//    (records.ts, which also says what is read at all) and appended to shard files in the
//    ingest's work folder: Claude Code events by a hash of their `session.id`, spans by a
//    hash of their traceId. N shards, by input size (one per SHARD_BYTES of input).
// 2. Pass 2 reads one trace shard at a time: drops repeated spans (the first copy in
//    path, line order is kept), and turns each trace into units (a turn and its calls, or
//    calls with no turn), which it appends to the session shards by session key.
// 3. Pass 3 reads one session shard at a time: drops repeated events, and builds each
//    session (events.ts, spans.ts) and its rows (rows.ts). When the same id has Claude Code
//    events and GenAI spans, the events are kept (they tell approvals), and the spans'
//    session is counted in `sessions_dropped.otel_spans_in_events`.
// A line is `parsed` when one of its records was kept in pass 2 or 3 (one bit a line,
// set as records are kept), a `duplicate` when all of them were repeats. A compressed
// file is not read: its lines are counted as `compressed`.
import {mkdtempSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {addSkip, emptyCounts, type FileCounts, type GroupResult} from "../counts.ts";
import {readLines} from "../lines.ts";
import type {ReadContext} from "../types.ts";
import type {Emit} from "../../tables.ts";
import type {OtelGroup} from "./discover.ts";
import {eventSession} from "./events.ts";
import {readLine, type EventRecord, type SpanRecord} from "./records.ts";
import {emitSession} from "./rows.ts";
import {Shards} from "./shards.ts";
import {spanSession, traceUnits, type SpanUnit} from "./spans.ts";

/** Input bytes a shard holds the compact records of: its records are a fraction of that. */
export const SHARD_BYTES = 64 << 20;
const MAX_SHARDS = 256;

/** One bit a line: whether a record of it was kept. */
class LineBits {
  private readonly bits: Uint8Array[] = [];

  size(file: number, lines: number) {
    this.bits[file] = new Uint8Array((lines >> 3) + 1);
  }

  set(file: number, line: number) {
    this.bits[file][line >> 3] |= 1 << (line & 7);
  }

  count(file: number): number {
    let n = 0;
    for (const byte of this.bits[file] ?? []) for (let b = byte; b; b &= b - 1) n++;
    return n;
  }
}

/** Pass 1: every line counted, its records sharded. Returns per file how many lines hold known records. */
function readFiles(group: OtelGroup, maxLineBytes: number, counts: FileCounts[], sessions: Shards<EventRecord | SpanUnit>, traces: Shards<SpanRecord>, kept: LineBits): number[] {
  const sink = {event: (e: EventRecord) => sessions.add(e.s, e), span: (s: SpanRecord) => traces.add(s.tr, s)};
  return group.files.map((file, f) => {
    const c = counts[f];
    let known = 0;
    try {
      c.bytes = readLines(file.path, maxLineBytes, {
        line(text, l) {
          c.lines++;
          if (file.compressed) return addSkip(c, "compressed");
          const result = readLine(text, f, l, sink);
          if (result.skip) addSkip(c, result.skip);
          else known++;
        },
        skip(reason) {
          c.lines++;
          addSkip(c, file.compressed ? "compressed" : reason);
        }
      });
    } catch {
      c.unreadable = true;
    }
    kept.size(f, c.lines);
    return known;
  });
}

/** Keeps the first record of each key, marking its line; the rest are repeats. */
function firstOfEach<T extends {k: string; f: number; l: number}>(records: readonly T[], kept: LineBits, key: (r: T) => string = (r) => r.k): T[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    kept.set(r.f, r.l);
    return true;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return out;
}

export function readOtel(group: OtelGroup, ctx: ReadContext, emit: Emit, shardBytes = SHARD_BYTES): GroupResult {
  const dir = mkdtempSync(join(ctx.scratch, "otel-"));
  try {
    const bytes = group.files.reduce((s, f) => s + (statSync(f.path, {throwIfNoEntry: false})?.size ?? 0), 0);
    const n = Math.min(MAX_SHARDS, Math.max(1, Math.ceil(bytes / shardBytes)));
    const sessions = new Shards<EventRecord | SpanUnit>(join(dir, "sessions"), n);
    const traces = new Shards<SpanRecord>(join(dir, "traces"), n);
    const counts = group.files.map(() => emptyCounts());
    const kept = new LineBits();
    const known = readFiles(group, ctx.maxLineBytes, counts, sessions, traces, kept);
    traces.close();

    const synthetic = (f: number) => group.files[f].synthetic;
    for (let shard = 0; shard < n; shard++) {
      const spans = firstOfEach(traces.read(shard), kept, (s) => `${s.tr}\u0000${s.k}`);
      for (const [trace, records] of groupBy(spans, (s) => s.tr)) for (const unit of traceUnits(trace, records, synthetic)) sessions.add(unit.s, unit);
    }
    sessions.close();

    const result: GroupResult = {counts, unansweredPrompts: 0, replayedEvents: 0, orphanLines: 0, droppedSessions: {}};
    const drop = (reason: string) => (result.droppedSessions[reason] = (result.droppedSessions[reason] ?? 0) + 1);
    for (let shard = 0; shard < n; shard++) {
      const records = sessions.read(shard);
      const events = groupBy(firstOfEach(records.filter((r): r is EventRecord => r.r === "e"), kept), (e) => e.s);
      const units = groupBy(records.filter((r): r is SpanUnit => r.r === "u"), (u) => u.s);
      for (const id of new Set([...events.keys(), ...units.keys()])) {
        // A session is written whole or not at all: a shape no rule foresaw drops it, counted.
        const staged: Parameters<Emit>[] = [];
        let unanswered = 0;
        let shadows = false;
        try {
          const mine = events.get(id) ?? [];
          const fromEvents = eventSession(id, mine, mine.some((e) => synthetic(e.f)));
          const session = fromEvents.session ?? (units.has(id) ? spanSession(id, units.get(id)!) : null);
          if (session) emitSession(session, ctx.classifiers, (table, row) => staged.push([table, row]));
          unanswered = fromEvents.unanswered;
          shadows = fromEvents.session !== null && units.has(id);
        } catch {
          drop("otel_internal_error");
          continue;
        }
        for (const [table, row] of staged) emit(table, row);
        result.unansweredPrompts += unanswered;
        if (shadows) drop("otel_spans_in_events");
      }
    }

    counts.forEach((c, f) => {
      c.parsed = kept.count(f);
      c.duplicates = known[f] - c.parsed;
    });
    return result;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
