// Which files are OpenTelemetry's (docs/otel-format.md, "Which files are OTLP"): they are
// recognised by content wherever they lie below a named folder, whatever their names:
// every `.json`/`.jsonl` file (rotated `.json.1`, compressed `.json.gz`, ... too) is
// sniffed. Those that are OTLP form one group, since a session's records span files, and
// are claimed: no other source reads them.
import {basename, join} from "node:path";
import type {Found} from "../types.ts";
import {byPath, entries, isFile, type Walk} from "../walk.ts";
import {sniff} from "./otlp.ts";

/** An OTLP file; a compressed one is counted and skipped, not read. */
export type OtlpFile = {path: string; compressed: boolean; synthetic: boolean};
export type OtelGroup = {source: "otel"; files: OtlpFile[]};

// Names the Collector's file exporter, lumberjack or logrotate give: `x.json`, `x.jsonl`,
// `x-2026-01-05T10-00-00.000.json`, `x.json.1`, `x.jsonl.2.gz`, ...
const MAYBE_OTLP = /\.jsonl?(\.\d+)?(\.(gz|zst|zstd|bz2|xz))?$/i;
// Names Claude Code gives its transcripts (a session's uuid, a subagent's id): such a file
// is a transcript by its name, and opening every one of them to sniff it would double the
// files an ingest opens. Any other name is sniffed.
const TRANSCRIPT_NAME = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|agent-[\w-]+)\.jsonl$/i;

/** Whether a file is OTLP (or a compressed file named like one); false when it cannot be read. */
function otlpFile(path: string, named: boolean, synthetic: boolean): OtlpFile | null {
  try {
    const kind = sniff(path);
    // A compressed file is OTLP's only when named like it, or named by the analyst.
    if (kind === null || (kind === "compressed" && !named && !MAYBE_OTLP.test(basename(path)))) return null;
    return {path, compressed: kind === "compressed", synthetic};
  } catch {
    return null;
  }
}

/** Every OTLP file under `dir`; follows symlinked files, never symlinked folders. */
function findOtlp(dir: string, synthetic: boolean, walk: Walk, out: OtlpFile[] = []): OtlpFile[] {
  for (const e of entries(dir, walk)) {
    const path = join(dir, e.name);
    if (e.isDirectory()) findOtlp(path, synthetic, walk, out);
    else if (MAYBE_OTLP.test(e.name) && !TRANSCRIPT_NAME.test(e.name) && isFile(dir, e)) {
      const file = otlpFile(path, false, synthetic);
      if (file) {
        out.push(file);
        walk.claimed.add(path);
      }
    }
  }
  return out;
}

/** A file named on the command line is always sniffed. */
export function namedOtlp(path: string): OtelGroup | null {
  const file = otlpFile(path, true, false);
  return file && {source: "otel", files: [file]};
}

/** A folder in which only OpenTelemetry files were found is a folder of telemetry. */
export function otlpUnder(dir: string, synthetic: boolean, walk: Walk): Found<OtelGroup> {
  const files = findOtlp(dir, synthetic, walk);
  return {layout: "otel", groups: files.length ? [{source: "otel", files}] : []};
}

/** Every OTLP file of an ingest in one group, sorted by path: the first copy of a record that a retry duplicated is the one kept. */
export function oneGroup(found: OtelGroup[]): OtelGroup[] {
  const files = new Map<string, OtlpFile>();
  for (const f of found.flatMap((g) => g.files)) files.set(f.path, f);
  return files.size ? [{source: "otel", files: [...files.values()].sort(byPath)}] : [];
}
