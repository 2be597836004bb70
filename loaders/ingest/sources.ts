// Which reader reads a group of files: each source (docs/tables.md, `sessions.source`) has
// one, and every row it writes carries the source's name.
import type {Classifiers} from "../classify/types.ts";
import {processGroup} from "../sources/claude-code/group.ts";
import {readOtel} from "../sources/otel/group.ts";
import type {Emit} from "../tables.ts";
import type {GroupResult} from "../sources/counts.ts";
import type {Group} from "./discover.ts";
import {fingerprint} from "./state.ts";

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

/** A group's files read, and, when asked, their fingerprint (state.ts) taken from the same files. */
export type Read = {result: GroupResult; print?: string | null};

// The fingerprint is taken before the files are read: a file that grows while it is read
// then differs from its fingerprint, and an incremental run reads it again. Taken here,
// on the thread that reads the files next, it costs no pass over a cold disk of its own.
export function readJob(group: Group, ctx: ReadContext, write: Emit, print: boolean): Read {
  const taken = print ? fingerprint(group) : undefined;
  return {result: readGroup(group, ctx, write), print: taken};
}
