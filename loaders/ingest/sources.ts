// Which reader reads a group of files: each source (TABLES.md `sessions.source`) has one,
// and every row it writes carries the source's name.
import type {Classifiers} from "../classify/types.ts";
import {processGroup} from "../sources/claude-code/group.ts";
import {readOtel} from "../sources/otel/group.ts";
import type {Emit} from "../tables.ts";
import type {GroupResult} from "./counts.ts";
import type {Group} from "./discover.ts";

/** Each source as the pages name it: OpenTelemetry holds agents built on the API (GenAI spans), and Claude Code's own events where an analyst gives them. */
export const SOURCES = {"claude-code": "Claude Code (transcripts)", otel: "OpenTelemetry (API agents)"} as const;

export type ReadContext = {
  maxLineBytes: number;
  classifiers: Classifiers;
  /** A folder of the ingest's own where a reader may keep work files; removed after the run. */
  scratch: string;
};

export function readGroup(group: Group, ctx: ReadContext, write: Emit): GroupResult {
  const emit: Emit = (table, row) => write(table, {...row, source: group.source});
  return group.source === "otel" ? readOtel(group, ctx, emit) : processGroup(group, ctx.maxLineBytes, ctx.classifiers, emit);
}
