// One group's reading, on whichever thread reads it: its fingerprint (state.ts), its rows
// from its source (sources/index.ts), and its counts added up for the main thread (report.ts).
import {readGroup} from "../sources/index.ts";
import {Sampler, sampling} from "../sources/sample.ts";
import type {Group, ReadContext} from "../sources/types.ts";
import type {Emit} from "../tables.ts";
import {fingerprint, identities} from "./state.ts";
import {tallyOf, type Tally} from "./report.ts";

/** A group's files read, and, when asked, their fingerprint taken from the same files. */
export type Read = {result: Tally; print?: string | null};

// The files' identities are taken before they are read: a file that grows while it is read
// then differs from its fingerprint, and an incremental run reads it again. The samples are
// taken from the reading itself, where the source reads a file as lines.
export function readJob(group: Group, ctx: ReadContext, write: Emit, print: boolean): Read {
  if (!print) return {result: tallyOf(readGroup(group, ctx, write))};
  const taken = identities(group);
  const samplers = new Map(taken ? group.files.map((f, i) => [f.path, new Sampler(taken[i][0])]) : []);
  const result = tallyOf(sampling(samplers, () => readGroup(group, ctx, write)));
  return {result, print: fingerprint(group, taken, (path) => samplers.get(path)!.digest())};
}
