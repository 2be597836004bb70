// Telemetry on its way to files, as it travels in a real deployment (docs/otel-format.md):
// an SDK exports its ended spans, or its log records (Claude Code's events), in batches;
// each batch reaches one of a few OpenTelemetry Collectors after a network delay, so
// batches arrive out of time order; a Collector's `file` exporter (format json) writes each
// export request it receives as one line, `{"resourceSpans": [...]}` or
// `{"resourceLogs": [...]}`, now and then two requests received together as one line (two
// resources); an export whose answer was lost is sent again, so its line is written twice;
// and the exporter rotates its file when it grows past a size, renaming it
// `traces-<rotation time>.json` (or `logs-...`) as lumberjack does. Arrivals are written in
// the order they arrive; `drain(t)` writes every batch that has arrived by t.
import {closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync} from "node:fs";
import {join} from "node:path";
import type {ApiAssumptions} from "./calibration.ts";
import {Heap} from "./heap.ts";
import type {Rng} from "./rng.ts";

type Value = {stringValue: string} | {intValue: string} | {doubleValue: number} | {arrayValue: {values: {stringValue: string}[]}};
export type Attribute = {key: string; value: Value};

export const str = (key: string, value: string): Attribute => ({key, value: {stringValue: value}});
/** int64 as the JSON encoding writes it: a decimal string. */
export const int = (key: string, value: number): Attribute => ({key, value: {intValue: String(value)}});
export const double = (key: string, value: number): Attribute => ({key, value: {doubleValue: value}});
export const strings = (key: string, values: string[]): Attribute => ({key, value: {arrayValue: {values: values.map((v) => ({stringValue: v}))}}});

/** A span as the generator builds it: times in epoch milliseconds. */
export type Span = {traceId: string; spanId: string; parentSpanId: string; name: string; kind: number; start: number; end: number; attributes: Attribute[]; error: boolean};

/** Epoch ms → `*UnixNano`, a decimal string (whole microseconds). */
export const nanos = (t: number) => `${Math.round(t * 1000)}000`;

function encodeSpan(s: Span): object {
  return {
    traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, flags: 257, name: s.name, kind: s.kind,
    startTimeUnixNano: nanos(s.start), endTimeUnixNano: nanos(s.end), attributes: s.attributes,
    status: s.error ? {code: 2, message: "synthetic failure"} : {}
  };
}

/** A span or log record ready to export: when it ended (when the SDK hands it on) and its JSON. */
export type Item = {at: number; json: object};

/** Ended spans, as their SDK hands them on: by end, then start. */
export const spanItems = (spans: Span[]): Item[] => [...spans].sort((a, b) => a.end - b.end || a.start - b.start).map((s) => ({at: s.end, json: encodeSpan(s)}));

/** What a Collector's pipeline is for: the file it writes, and the keys of an export request. */
export type Signal = {file: string; resources: string; scopes: string; items: string};
export const TRACES: Signal = {file: "traces", resources: "resourceSpans", scopes: "scopeSpans", items: "spans"};
export const LOGS: Signal = {file: "logs", resources: "resourceLogs", scopes: "scopeLogs", items: "logRecords"};

type Arrival = {
  collector: number;
  at: number;
  seq: number;
  /** One `resourceSpans`/`resourceLogs` entry (a batch), or a whole line sent again. */
  text: string;
  retry: boolean;
  merge: boolean;
  resendAfter: number | null;
};

export type Exported = {lines: number; retries: number; files: number; bytes: number};

/** One Collector's file exporter: its current file and its rotated ones. */
class FileExporter {
  private fd: number | null = null;
  private size = 0;
  private buffer: string[] = [];
  private buffered = 0;

  constructor(
    private readonly dir: string,
    private readonly stem: string,
    private readonly limit: number,
    private readonly out: Exported
  ) {}

  write(line: string, at: number) {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.fd !== null && this.size > 0 && this.size + bytes > this.limit) this.rotate(at);
    if (this.fd === null) {
      mkdirSync(this.dir, {recursive: true});
      this.fd = openSync(join(this.dir, `${this.stem}.json`), "w");
      this.out.files++;
    }
    this.buffer.push(line, "\n");
    this.buffered += bytes;
    this.size += bytes;
    this.out.bytes += bytes;
    if (this.buffered > 1 << 20) this.flush();
  }

  private flush() {
    if (this.fd !== null && this.buffer.length) writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.buffered = 0;
  }

  /** lumberjack's backup name: the rotation time, UTC, `2006-01-02T15-04-05.000`; never one already taken. */
  private rotate(at: number) {
    this.close();
    let t = Math.floor(at);
    const name = () => `${this.stem}-${new Date(t).toISOString().slice(0, 23).replace(/:/g, "-")}.json`;
    while (existsSync(join(this.dir, name()))) t++;
    renameSync(join(this.dir, `${this.stem}.json`), join(this.dir, name()));
    this.size = 0;
  }

  close() {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export class Collectors {
  private readonly pending = new Heap<Arrival>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private readonly exporters: FileExporter[];
  private seq = 0;
  readonly written: Exported = {lines: 0, retries: 0, files: 0, bytes: 0};

  constructor(
    dirs: string[],
    private readonly e: ApiAssumptions["export"],
    private readonly signal: Signal = TRACES
  ) {
    this.exporters = dirs.map((dir) => new FileExporter(dir, signal.file, e.rotate_mb * (1 << 20), this.written));
  }

  /** One resource's ended items, in the order they ended: cut into the SDK's batches, each sent to `collector` after its delay. */
  send(collector: number, resource: object, scope: object, ended: Item[], rng: Rng) {
    for (let i = 0; i < ended.length; ) {
      const first = ended[i].at;
      const batch: Item[] = [];
      for (; i < ended.length && batch.length < this.e.batch_spans && ended[i].at - first <= this.e.batch_window_s * 1000; i++) batch.push(ended[i]);
      const exported = batch.length === this.e.batch_spans ? batch.at(-1)!.at : first + this.e.batch_window_s * 1000;
      this.pending.push({
        collector,
        at: exported + rng.lognormal(this.e.delay_s.median, this.e.delay_s.sigma) * 1000,
        seq: this.seq++,
        text: JSON.stringify({resource, [this.signal.scopes]: [{scope, [this.signal.items]: batch.map((b) => b.json)}]}),
        retry: false,
        merge: rng.chance(this.e.merge),
        resendAfter: rng.chance(this.e.retry) ? rng.lognormal(this.e.retry_after_s.median, this.e.retry_after_s.sigma) * 1000 : null
      });
    }
  }

  /** Writes, in order of arrival, every batch that has arrived by `until`. */
  drain(until: number) {
    for (let a = this.pending.peek(); a && a.at <= until; a = this.pending.peek()) {
      this.pending.pop();
      if (a.retry) {
        this.line(a.collector, a.text, a.at);
        this.written.retries++;
        continue;
      }
      const parts = [a.text];
      const next = this.pending.peek();
      // A Collector that receives two requests together writes them as one line.
      if (a.merge && next && !next.retry && next.collector === a.collector && next.at <= until && next.at - a.at <= this.e.merge_within_s * 1000) {
        this.pending.pop();
        parts.push(next.text);
        if (next.resendAfter !== null) this.resend(next, this.request([next.text]));
      }
      this.line(a.collector, this.request(parts), a.at);
      if (a.resendAfter !== null) this.resend(a, this.request([a.text]));
    }
  }

  /** An export request's line: its resources' entries under the signal's key. */
  private request(entries: string[]): string {
    return `{"${this.signal.resources}":[${entries.join(",")}]}`;
  }

  /** The same request sent again: the Collector writes it again, as it came. */
  private resend(a: Arrival, line: string) {
    this.pending.push({...a, at: a.at + a.resendAfter!, seq: this.seq++, text: line, retry: true, merge: false, resendAfter: null});
  }

  private line(collector: number, text: string, at: number) {
    this.exporters[collector].write(text, at);
    this.written.lines++;
  }

  close() {
    this.drain(Infinity);
    for (const x of this.exporters) x.close();
  }
}
