// What `--incremental` needs to know of the previous run: for each group of files (the
// unit a reader reads whole, since sessions span the files of a group), a fingerprint of
// its files and what reading them told the report. A group whose fingerprint is unchanged
// is not read again: its counts come from here and its rows from the previous
// generation's `rows/`. The state names files and groups by digests only: an output folder
// holds no path.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {codeDigest} from "../code.ts";
import {readLines} from "../sources/lines.ts";
import {sample} from "../sources/sample.ts";
import {sourceOf} from "../sources/index.ts";
import type {Group} from "../sources/types.ts";
import {AppendFile} from "./append-file.ts";
import type {Tally} from "./report.ts";

export type GroupState = {fingerprint: string; result: Tally};
export type State = {config: string; groups: Map<string, GroupState>};

const digest = (text: string) => createHash("sha256").update(text).digest("hex");

let code: string | undefined;

/** A digest of the ingest's code (the main thread's and the workers'): tables are a function of code and input. */
export function codeHash(): string {
  return (code ??= codeDigest(["ingest/run.ts", "ingest/worker.ts", "ingest/find-worker.ts", "thread.js"]));
}

/** What, besides the input, decides the rows: the code, the line limit, the classifiers module. */
export function configHash(maxLineBytes: number, classifiers: string | undefined): string {
  const module = classifiers && existsSync(classifiers) ? digest(readFileSync(classifiers, "latin1")) : "";
  return digest(`${codeHash()}\u0000${maxLineBytes}\u0000${classifiers ? resolve(classifiers) : ""}\u0000${module}`);
}

/** A group's name in the state and in the rows it wrote: its source's name and the source's key for it. */
export function groupKey(group: Group): string {
  return digest(`${group.source}\u0000${sourceOf(group).key(group)}`).slice(0, 32);
}

/** A file's size, modification time and inode, as a fingerprint holds them. */
export type Identity = [size: number, mtimeMs: number, ino: number];

/** The identities of a group's files now; null when a file cannot be read. */
export function identities(group: Group): Identity[] | null {
  try {
    return group.files.map((f) => {
      const s = statSync(f.path);
      return [s.size, s.mtimeMs, s.ino];
    });
  } catch {
    return null;
  }
}

/**
 * The group as it was: what its source found (its files, how each is read, and the group's
 * own fields, its user for one), its files' identities taken before they were read, and
 * their samples (sources/sample.ts; `sampled` gives one, else the file is read for it);
 * null when a file cannot be read: such a group is read again every time. A file that
 * changed after its identity was taken has another identity by the next run, so a sample
 * taken later never hides a change.
 */
export function fingerprint(group: Group, taken = identities(group), sampled?: (path: string) => string | null): string | null {
  if (taken === null) return null;
  try {
    const files = group.files.map((f, i) => [...taken[i], sampled?.(f.path) ?? sample(f.path, taken[i][0])]);
    return digest(JSON.stringify([group, files]));
  } catch {
    return null;
  }
}

/**
 * The state's file: JSON lines, the config first, then a line a group, written as each
 * group finishes, so that no run holds every group's state to write it at its end.
 */
export class StateWriter {
  private readonly file: AppendFile;

  constructor(path: string, config: string) {
    this.file = new AppendFile(path);
    this.file.append(JSON.stringify({config}) + "\n");
  }

  add(key: string, group: GroupState): void {
    this.file.append(JSON.stringify({key, fingerprint: group.fingerprint, result: group.result}) + "\n");
  }

  close(): void {
    this.file.close();
  }
}

/** The state a previous run wrote; null when there is none, or none this version can read. */
export function readState(path: string): State | null {
  let state: State | null = null;
  try {
    readLines(path, 64 << 20, {
      line(text) {
        const o = JSON.parse(text) as {config?: string; key?: string} & GroupState;
        if (state === null) state = {config: String(o.config), groups: new Map()};
        else state.groups.set(String(o.key), {fingerprint: o.fingerprint, result: o.result});
      },
      skip() {
        throw new Error("unreadable state");
      }
    });
  } catch {
    return null;
  }
  return state;
}
