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

/**
 * The groups a run reads, shared by its reader threads, in order of size: the workers take
 * the largest left, the main thread the smallest (taking the largest too cost the 1 GB tree
 * 3% more CPU), each the next one free, through counters the threads share. A worker handed
 * its groups by the main thread waited for the main thread to finish the group it was
 * reading: at the end of the 165 MB tree's reading, a worker took one of the largest groups
 * late and ended up to 0.24 s after the main thread.
 */
export class SharedJobs {
  // The next position from the front, the next from the back, the group indices from the
  // largest group to the smallest, and whether each position is taken.
  private readonly shared: Int32Array;
  private readonly length: number;

  /** The jobs of `bySize` (group indices, the largest group first), or the list another thread made (its `buffer`). */
  constructor(bySize: readonly number[] | SharedArrayBuffer) {
    if (bySize instanceof SharedArrayBuffer) {
      this.shared = new Int32Array(bySize);
      this.length = (this.shared.length - 2) / 2;
    } else {
      this.length = bySize.length;
      this.shared = new Int32Array(new SharedArrayBuffer(4 * (2 + 2 * this.length)));
      this.shared.set([0, this.length - 1, ...bySize]);
    }
  }

  /** What a reader thread is handed to take jobs from the same list. */
  get buffer(): SharedArrayBuffer {
    return this.shared.buffer as SharedArrayBuffer;
  }

  /** The index of the largest group left (the smallest, with `smallest`), or undefined when none is. */
  take(smallest = false): number | undefined {
    const at = smallest ? Atomics.sub(this.shared, 1, 1) : Atomics.add(this.shared, 0, 1);
    if (at < 0 || at >= this.length) return undefined;
    // A position the other end took first: the two ends have met, and every group is taken.
    if (Atomics.compareExchange(this.shared, 2 + this.length + at, 0, 1) !== 0) return undefined;
    return this.shared[2 + at];
  }

  /** No reader takes another group. */
  stop(): void {
    Atomics.store(this.shared, 0, this.length);
    Atomics.store(this.shared, 1, -1);
  }
}
