// The sources the ingest reads, in the order they claim files (docs/sources.md): a source
// that recognises its files by content comes before those that take a folder by its
// layout, so that OpenTelemetry's files and Codex's rollouts are never read as transcripts. Adding a source is
// one folder beside these and one line in this list.
import type {GroupResult} from "./counts.ts";
import {claudeCode} from "./claude-code/index.ts";
import {codex} from "./codex/index.ts";
import {otel} from "./otel/index.ts";
import type {Group, ReadContext, Source} from "./types.ts";
import type {Emit} from "../tables.ts";

export const SOURCES: readonly Source<Group>[] = [otel, codex, claudeCode];

/** Each source's label, by name in sort order, as the pages list them. */
export const LABELS: Readonly<Record<string, string>> = Object.fromEntries(SOURCES.map((s) => [s.name, s.label]).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The source that found a group. */
export function sourceOf(group: Group): Source<Group> {
  return SOURCES.find((s) => s.name === group.source)!;
}

/**
 * Reads a group with its source; every row it writes carries the source's name, set on
 * the row itself: each is a fresh object, and a copy (a spread) would cost more than the
 * row (sources/rows.ts).
 */
export function readGroup(group: Group, ctx: ReadContext, write: Emit): GroupResult {
  return sourceOf(group).read(group, ctx, (table, row) => {
    row.source = group.source;
    write(table, row);
  });
}
