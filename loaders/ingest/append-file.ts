// A file written by appending text, a megabyte at a time: the ingest's row parts
// (parts.ts) and its state for --incremental (state.ts), neither held whole in memory.
// The text is encoded as it comes into one buffer the file keeps: a megabyte of text
// joined into a string, then written, was copied whole twice more (flattened by V8, then
// encoded into memory allocated for the one write), and on a virtual machine every page
// of fresh memory is a fault that costs microseconds.
import {closeSync, openSync, writeSync} from "node:fs";

const FLUSH = 1 << 20;
// A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair, two units, four).
const MAX_BYTES_A_UNIT = 3;

export class AppendFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(FLUSH);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  /** Appends `text` as UTF-8; returns its length in bytes. */
  append(text: string): number {
    if (this.used + text.length * MAX_BYTES_A_UNIT > FLUSH) {
      this.flush();
      if (text.length * MAX_BYTES_A_UNIT > FLUSH) return writeAll(this.fd, Buffer.from(text));
    }
    const bytes = this.buffer.write(text, this.used);
    this.used += bytes;
    return bytes;
  }

  private flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** Writes what is left and closes the file. */
  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}

// A write may take fewer bytes than it is given; what it leaves is written again.
function writeAll(fd: number, bytes: Buffer): number {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
  return bytes.length;
}
