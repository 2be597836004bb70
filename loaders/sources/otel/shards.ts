// Shard files: compact records spread over N files by a hash of their key, so that every
// record of one key (a session, a trace) lands in one file, and one file at a time can be
// read back whole. Writes are buffered per shard and appended, so no file stays open (a
// few hundred shards would exhaust the descriptors some systems allow).
import {appendFileSync, existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {readLines} from "../lines.ts";

const FLUSH = 1 << 16;

// FNV-1a: cheap, and the same on every run and machine.
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Shards<T> {
  private readonly buffers: string[];

  constructor(
    private readonly dir: string,
    readonly count: number
  ) {
    mkdirSync(dir, {recursive: true});
    this.buffers = new Array<string>(count).fill("");
  }

  private path(shard: number): string {
    return join(this.dir, `${shard}.jsonl`);
  }

  add(key: string, record: T): void {
    const shard = hash(key) % this.count;
    if ((this.buffers[shard] += JSON.stringify(record) + "\n").length > FLUSH) this.flush(shard);
  }

  private flush(shard: number) {
    if (this.buffers[shard]) appendFileSync(this.path(shard), this.buffers[shard]);
    this.buffers[shard] = "";
  }

  close(): void {
    for (let shard = 0; shard < this.count; shard++) this.flush(shard);
  }

  /** One shard's records, in the order they were added. */
  read(shard: number): T[] {
    const records: T[] = [];
    const path = this.path(shard);
    if (!existsSync(path)) return records;
    readLines(path, Infinity, {
      line: (text) => void records.push(JSON.parse(text) as T),
      skip: (reason) => {
        throw new Error(`shard ${path}: ${reason}`); // written by this module: never damaged
      }
    });
    return records;
  }
}
