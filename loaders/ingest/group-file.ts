// The groups a run reads, held on disk while they wait for a reader: a JSON line a group,
// read back when its reader takes it. Held in the main thread's heap, a million files'
// paths took 230 MB through the whole read; here the main thread keeps where each line
// ends, 8 bytes a group.
import {closeSync, openSync, readSync} from "node:fs";
import type {Group} from "../sources/types.ts";
import {AppendFile} from "./append-file.ts";

/** Writes the groups to `path`, a line each; returns where each line ends, in bytes. */
export function writeGroups(path: string, groups: readonly Group[]): Float64Array {
  const file = new AppendFile(path);
  const ends = new Float64Array(groups.length);
  let end = 0;
  try {
    groups.forEach((group, i) => {
      ends[i] = end += file.append(JSON.stringify(group) + "\n");
    });
  } finally {
    file.close();
  }
  return ends;
}

/** The groups writeGroups wrote, read back one at a time; `path` and `ends` open the same file on another thread. */
export class GroupFile {
  private readonly fd: number;

  constructor(
    readonly path: string,
    readonly ends: Float64Array
  ) {
    this.fd = openSync(path, "r");
  }

  /** The group at `index` of those written, as the source found it. */
  get(index: number): Group {
    return JSON.parse(this.line(index)) as Group;
  }

  /** The group at `index` as its JSON text. */
  line(index: number): string {
    const start = index === 0 ? 0 : this.ends[index - 1];
    const line = Buffer.allocUnsafe(this.ends[index] - start);
    readSync(this.fd, line, 0, line.length, start);
    return line.toString("utf8");
  }

  close(): void {
    closeSync(this.fd);
  }
}
