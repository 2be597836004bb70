// One group's reading, on whichever thread reads it: its fingerprint (state.ts) and its
// rows and counts, from its source (sources/index.ts).
import {readGroup} from "../sources/index.ts";
import type {GroupResult} from "../sources/counts.ts";
import type {Group, ReadContext} from "../sources/types.ts";
import type {Emit} from "../tables.ts";
import {fingerprint} from "./state.ts";

/** A group's files read, and, when asked, their fingerprint taken from the same files. */
export type Read = {result: GroupResult; print?: string | null};

// The fingerprint is taken before the files are read: a file that grows while it is read
// then differs from its fingerprint, and an incremental run reads it again. Taken here,
// on the thread that reads the files next, it costs no pass over a cold disk of its own.
export function readJob(group: Group, ctx: ReadContext, write: Emit, print: boolean): Read {
  const taken = print ? fingerprint(group) : undefined;
  return {result: readGroup(group, ctx, write), print: taken};
}
