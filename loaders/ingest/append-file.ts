// A file written by appending text, a megabyte at a time: the ingest's row parts
// (parts.ts) and its state for --incremental (state.ts), neither held whole in memory.
import {closeSync, openSync, writeSync} from "node:fs";

const FLUSH = 1 << 20;

export class AppendFile {
  private readonly fd: number;
  private buffer = "";

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  append(text: string): void {
    this.buffer += text;
    if (this.buffer.length > FLUSH) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = "";
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
