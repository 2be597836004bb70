// One group's reading, on whichever thread reads it: its fingerprint (state.ts), its rows
// from its source (sources/index.ts), and its counts added up for the main thread (report.ts).
import {readGroup} from "../sources/index.ts";
import type {Group, ReadContext} from "../sources/types.ts";
import type {Emit} from "../tables.ts";
import {fingerprint} from "./state.ts";
import {tallyOf, type Tally} from "./report.ts";

/** A group's files read, and, when asked, their fingerprint taken from the same files. */
export type Read = {result: Tally; print?: string | null};

// The fingerprint is taken before the files are read: a file that grows while it is read
// then differs from its fingerprint, and an incremental run reads it again. Taken here,
// on the thread that reads the files next, it costs no pass over a cold disk of its own.
export function readJob(group: Group, ctx: ReadContext, write: Emit, print: boolean): Read {
  const taken = print ? fingerprint(group) : undefined;
  return {result: tallyOf(readGroup(group, ctx, write)), print: taken};
}
