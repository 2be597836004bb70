// A digest of a file's first and last few KiB, part of its group's fingerprint
// (ingest/state.ts): a rewrite that kept the size and the modification time (a copy with
// `cp -p`) is caught where it changed these. Transcripts grow at their end and are stamped
// line by line, so a few KiB tell; more would read most small files twice on every run.
//
// A reader takes the samples from the bytes it reads anyway (lines.ts feeds the sampler of
// the file it reads, while sampling() runs): opening every file again for them took 0.07 s
// of the 165 MB tree's 3,329 files. The same bytes give the same digest either way.
import {createHash} from "node:crypto";
import {closeSync, openSync, readSync} from "node:fs";

const SAMPLE = 4 << 10;

// Where a file of `size` bytes keeps its sample: its first SAMPLE bytes, and its last SAMPLE
// bytes when it holds more.
const sizes = (size: number) => ({head: Math.min(SAMPLE, size), tail: size > SAMPLE ? SAMPLE : 0});
const buffers = (size: number) => {
  const {head, tail} = sizes(size);
  return {head: Buffer.alloc(head), tail: Buffer.alloc(tail)};
};

/**
 * The sample of a file of `size` bytes, gathered from the chunks of its first reading. The
 * bytes are held from the reading's first chunk to its end only: a group's samplers wait
 * for the group's fingerprint, and a group may hold thousands of files.
 */
export class Sampler {
  private bytes: {head: Buffer; tail: Buffer; filled: number} | null = null;
  // The digest of a file whose first chunk held it whole, until its reading ends.
  private whole: string | null = null;
  private digested: string | null | undefined;

  constructor(readonly size: number) {}

  /** Takes what `chunk`, read at `offset` in the file, holds of the sample. */
  feed(chunk: Buffer, offset: number): void {
    if (this.digested !== undefined || this.whole !== null) return;
    // A file read in one chunk (most are) is digested from the chunk, with no copy.
    if (offset === 0 && chunk.length >= this.size) {
      const {head, tail} = sizes(this.size);
      this.whole = digestOf(chunk.subarray(0, head), chunk.subarray(this.size - tail, this.size));
      return;
    }
    const b = (this.bytes ??= {...buffers(this.size), filled: 0});
    b.filled += copyRange(chunk, offset, b.head, 0) + copyRange(chunk, offset, b.tail, this.size - b.tail.length);
  }

  /** Ends the reading: later readings of the file feed nothing. */
  end(): void {
    if (this.digested !== undefined) return;
    this.digested = this.whole ?? this.fromBytes();
    this.bytes = null;
  }

  // The digest of the bytes gathered chunk by chunk (an empty file's when it fed none).
  private fromBytes(): string | null {
    const b = this.bytes ?? {...buffers(this.size), filled: 0};
    return b.filled < b.head.length + b.tail.length ? null : digestOf(b.head, b.tail);
  }

  /** The digest, or null when no reading ended, or it did not reach every byte of the sample (the file shrank, or was not read to its end). */
  digest(): string | null {
    return this.digested ?? null;
  }
}

// Copies the part of `chunk` (at `offset` in the file) that falls in `into` (at `at`); returns how many bytes.
function copyRange(chunk: Buffer, offset: number, into: Buffer, at: number): number {
  const from = Math.max(offset, at);
  const to = Math.min(offset + chunk.length, at + into.length);
  return to > from ? chunk.copy(into, from - at, from - offset, to - offset) : 0;
}

const digestOf = (head: Buffer, tail: Buffer) => createHash("sha256").update(head).update(tail).digest("hex");

/** The sample of a file read for it alone. */
export function sample(path: string, size: number): string {
  const fd = openSync(path, "r");
  try {
    const {head, tail} = buffers(size);
    readSync(fd, head, 0, head.length, 0);
    if (tail.length) readSync(fd, tail, 0, tail.length, size - tail.length);
    return digestOf(head, tail);
  } finally {
    closeSync(fd);
  }
}

let samplers: ReadonlyMap<string, Sampler> | null = null;

/** Runs `read` with a sampler for each path it may read (by path); readings feed them. */
export function sampling<T>(by: ReadonlyMap<string, Sampler>, read: () => T): T {
  samplers = by;
  try {
    return read();
  } finally {
    samplers = null;
  }
}

/** The sampler of `path` while sampling() runs. */
export const samplerOf = (path: string): Sampler | undefined => samplers?.get(path);
