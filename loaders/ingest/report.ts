// The ingest report (ingest-report.json) and its counts, which add up: over a group's
// files, over groups, over shards. A source counts every file (sources/counts.ts); what
// the main thread keeps of a group is its counts added up and the few files that skipped
// lines (a tally), added into the report's totals as the group finishes (run.ts): a million
// files' counts held until the end would make the ingest's memory grow with its input.
// The shards' reports are added up the same way (merge.ts).
import type {GroupResult} from "../sources/counts.ts";
import type {TableName} from "../tables.ts";
import type {Shard} from "./shard.ts";

/** A file that skipped lines, as the report names it: by a digest of its path, or its path. */
export type FileReport = {file: string; lines: number; parsed: number; duplicates: number; skipped: Record<string, number>};

/** The report's counts, which add up: over a group's files, over groups, over shards. */
export type Counts = {
  files: number;
  unreadable: number;
  bytes: number;
  lines: number;
  parsed: number;
  duplicates: number;
  skipped: Record<string, number>;
  unanswered_prompts: number;
  replayed_events: number;
  orphan_lines: number;
  /** Sessions read but not written because a better record of the same session was read, by reason. */
  sessions_dropped: Record<string, number>;
};

/** A group's counts, and its files that skipped lines by their place in the group (the main thread names them). */
export type Tally = Counts & {with_skips: (Omit<FileReport, "file"> & {file: number})[]};

export function emptyCounts(): Counts {
  return {files: 0, unreadable: 0, bytes: 0, lines: 0, parsed: 0, duplicates: 0, skipped: {}, unanswered_prompts: 0, replayed_events: 0, orphan_lines: 0, sessions_dropped: {}};
}

function addTo(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Adds `part` into `total`. */
export function addCounts(total: Counts, part: Counts): void {
  total.files += part.files;
  total.unreadable += part.unreadable;
  total.bytes += part.bytes;
  total.lines += part.lines;
  total.parsed += part.parsed;
  total.duplicates += part.duplicates;
  addTo(total.skipped, part.skipped);
  total.unanswered_prompts += part.unanswered_prompts;
  total.replayed_events += part.replayed_events;
  total.orphan_lines += part.orphan_lines;
  addTo(total.sessions_dropped, part.sessions_dropped);
}

/** What a group's reading leaves for the main thread. */
export function tallyOf(r: GroupResult): Tally {
  const t: Tally = {...emptyCounts(), unanswered_prompts: r.unansweredPrompts, replayed_events: r.replayedEvents, orphan_lines: r.orphanLines, sessions_dropped: {...r.droppedSessions}, with_skips: []};
  r.counts.forEach((c, file) => {
    t.files++;
    if (c.unreadable) t.unreadable++;
    t.bytes += c.bytes;
    t.lines += c.lines;
    t.parsed += c.parsed;
    t.duplicates += c.duplicates;
    addTo(t.skipped, c.skipped);
    if (Object.keys(c.skipped).length) t.with_skips.push({file, lines: c.lines, parsed: c.parsed, duplicates: c.duplicates, skipped: c.skipped});
  });
  return t;
}

export type IngestReport = Counts & {
  /** The layout of each named path (docs/tables.md, "Inputs and layouts"). */
  inputs: string[];
  tables: Record<TableName, number>;
  files_with_skips: FileReport[];
  /** `ingest --shard i/n`: which shard, and how many groups the input holds for the others. */
  shard?: Shard & {groups_elsewhere: number};
};

export function sorted(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * The report of a run (one ingest, or a merge of shards) from its totals. `shadowed`:
 * OTel sessions read but not written because a transcript of the same session was read
 * (tables.ts keeps the transcript's rows).
 */
export function reportOf(inputs: string[], totals: Counts, shadowed: number, tables: Record<TableName, number>, files: FileReport[]): IngestReport {
  if (shadowed) addTo(totals.sessions_dropped, {otel_in_transcripts: shadowed});
  return {
    inputs,
    ...totals,
    skipped: sorted(totals.skipped),
    sessions_dropped: sorted(totals.sessions_dropped),
    tables,
    files_with_skips: files.sort((a, b) => (a.file < b.file ? -1 : 1))
  };
}
