// The OTLP JSON encoding as the Collector's file exporter writes it (docs/otel-format.md,
// "The OTLP JSON encoding"):
// one ExportLogsServiceRequest / ExportTraceServiceRequest / ExportMetricsServiceRequest a
// line. This module decodes attribute values and times, and tells from a file's first
// bytes whether it is OTLP at all.
import {closeSync, openSync, readSync} from "node:fs";

export type Json = Record<string, unknown>;
export type Scalar = string | number | boolean;

export function isObject(x: unknown): x is Json {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** An attribute's value: `{stringValue|intValue|doubleValue|boolValue|...}`; arrays and maps are not read. */
function scalar(value: unknown): Scalar | null {
  if (!isObject(value)) return null;
  if (typeof value.stringValue === "string") return value.stringValue;
  if (typeof value.boolValue === "boolean") return value.boolValue;
  // int64 is a decimal string or a number; double a number (or "NaN", "Infinity").
  const n = value.intValue ?? value.doubleValue;
  if (typeof n === "number") return n;
  if (typeof n === "string" && n.trim() !== "" && Number.isFinite(Number(n))) return Number(n);
  return null;
}

/** A key → value map of an attribute list: `[{key, value}]`. */
export function attributes(list: unknown): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  if (!Array.isArray(list)) return out;
  for (const kv of list) {
    if (!isObject(kv) || typeof kv.key !== "string") continue;
    const v = scalar(kv.value);
    if (v !== null) out.set(kv.key, v);
  }
  return out;
}

/** Attributes of a record, falling back to its resource's (docs/otel-format.md, "The OTLP JSON encoding"). */
export class Attributes {
  constructor(
    private readonly own: Map<string, Scalar>,
    private readonly resource: Map<string, Scalar>
  ) {}

  get(key: string): Scalar | undefined {
    return this.own.get(key) ?? this.resource.get(key);
  }

  /** The first of `keys` logged as a non-empty string; numbers logged where a string is expected read as their decimal form. */
  str(...keys: string[]): string | undefined {
    for (const key of keys) {
      const v = this.get(key);
      if (typeof v === "string" && v !== "") return v;
      if (typeof v === "number") return String(v);
    }
    return undefined;
  }

  /** A number: Claude Code logged some as strings (`api_request` until 2.1.122). */
  num(key: string): number | undefined {
    const v = this.get(key);
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  }

  /** A boolean: `boolValue`, or the strings "true"/"false" (`tool_result.success`). */
  bool(key: string): boolean | undefined {
    const v = this.get(key);
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    return undefined;
  }
}

/**
 * A `*UnixNano` time in epoch milliseconds (with the microseconds as a fraction), or NaN
 * when absent or zero (zero means unset). int64 is a decimal string, or a number whose
 * last digits JSON has already rounded, which milliseconds do not see.
 */
export function nanosToMs(value: unknown): number {
  if (typeof value === "number") return value > 0 ? value / 1e6 : NaN;
  if (typeof value !== "string" || !/^\d{1,20}$/.test(value)) return NaN;
  const us = BigInt(value) / 1000n;
  return us > 0n ? Number(us) / 1000 : NaN;
}

/** What a file holds, from its first bytes. */
export type FileKind = "logs" | "spans" | "metrics" | "compressed";

const SIGNALS: Record<string, FileKind> = {resourceLogs: "logs", resourceSpans: "spans", resourceMetrics: "metrics"};

// gzip, bzip2, xz; zstd at the start, or after the 4-byte length the file exporter writes
// before each compressed message.
function compressed(head: Buffer): boolean {
  const at = (offset: number, magic: number[]) => magic.every((b, i) => head[offset + i] === b);
  return at(0, [0x1f, 0x8b]) || at(0, [0x42, 0x5a, 0x68]) || at(0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) || at(0, [0x28, 0xb5, 0x2f, 0xfd]) || at(4, [0x28, 0xb5, 0x2f, 0xfd]);
}

const FIRST_KEY = /^\s*\{\s*"([^"\\]*)"/;

/**
 * The kind of a file by its content, or null when it is no OTLP JSON. The first line that
 * opens a JSON object decides (docs/otel-format.md, "Which files are OTLP"): OTLP writes
 * its one top-level key first. Blank lines and fragments before it (a file cut at its
 * start) are passed over; only the first `limit` bytes are read.
 */
export function sniff(path: string, limit = 1 << 20): FileKind | null {
  const fd = openSync(path, "r");
  try {
    // Most files decide in their first few bytes; read more only when they do not.
    for (const size of [4096, limit]) {
      const head = Buffer.alloc(size);
      const n = readSync(fd, head, 0, size, 0);
      const bytes = head.subarray(0, n);
      if (compressed(bytes)) return "compressed";
      const lines = bytes.toString("utf8").replace(/^\ufeff/, "").split("\n");
      // The last piece may be a line cut by the read: it decides only if its key is whole.
      for (const [i, line] of lines.entries()) {
        const key = FIRST_KEY.exec(line)?.[1];
        if (key !== undefined) return SIGNALS[key] ?? null;
        if (i === lines.length - 1 && n === size) break;
      }
      if (n < size) return null;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
