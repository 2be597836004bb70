// The contract every source keeps (docs/sources.md): one folder under loaders/sources/
// and one line in the list of index.ts. A source says which files under a named path are
// its own, reads them a group at a time, counts every line, and writes rows of the
// canonical tables (loaders/tables.ts) through the builders every source shares (rows.ts).
import type {Classifiers} from "../classify/types.ts";
import type {Emit} from "../tables.ts";
import type {GroupResult} from "./counts.ts";
import type {Walk} from "./walk.ts";

/**
 * A kind of session, and what it logs of the person (docs/sources.md, "What a source logs
 * of the person"): each session's `kind`, `logs_approvals` and `logs_prompts`, and what is
 * NULL for it.
 */
export type SessionKind = {
  /** `sessions.kind`: `transcripts`, `events` or `spans` (the agents built on the API). */
  name: string;
  /** The person's approvals, rejections and interrupts. */
  approvals: boolean;
  /** What the person typed: their prompts. */
  prompts: boolean;
};

/**
 * The unit a source reads whole, since a session's lines span its files. Plain data: it
 * crosses to a worker thread. `source` names the source that found it, the only one it is
 * ever handed to.
 */
export type Group = {source: string; files: readonly {path: string}[]};

export type ReadContext = {
  maxLineBytes: number;
  classifiers: Classifiers;
  /** A folder of the ingest's own where a reader may keep work files; removed after the run. */
  scratch: string;
};

/** A source's groups under a named folder, and the layout the report names the folder by. */
export type Found<G> = {layout: string; groups: G[]};

// Methods, not function properties: the list of sources holds each typed on its own group.
export type Source<G extends Group> = {
  /** `source` in every row it writes, and in every group it finds. */
  name: G["source"];
  /** How the pages name it. */
  label: string;
  /** The kinds of session it writes, and what each logs of the person: every session it writes is of one of them. */
  kinds: readonly SessionKind[];
  /** A file the analyst named: its group, or null when the file is not this source's. */
  file(path: string): G | null;
  /**
   * Its groups below a named folder (`synthetic`: the folder holds the generator's marker).
   * It claims its files in `walk`, and leaves alone those an earlier source claimed.
   */
  folder(dir: string, synthetic: boolean, walk: Walk): Found<G>;
  /** Every group it found below all named paths → the groups to read: those two paths both named, merged; in reading order. */
  gather(found: G[]): G[];
  /** The group's name in the incremental state: the same on every run for the same files. */
  key(group: G): string;
  /**
   * Whose logs the group holds, as its layout names them (a fleet's user folder): what
   * `ingest --shard` keeps together, so that each user's sessions are read by one shard.
   * A group whose records name their users themselves (telemetry) is one owner.
   */
  owner(group: G): string;
  /** Reads a group: its rows to `emit`, and the count of every line of each of its files, in its files' order. */
  read(group: G, ctx: ReadContext, emit: Emit): GroupResult;
};
