// Finding the groups a run reads, on a thread of its own when the input is large.
// Discovery (discover.ts) holds every file's path and the sets it walks with: on a million
// files, garbage that V8 kept in the main thread's heap through the first part of the
// reading (BENCHMARKS.md, §3). A thread's heap goes when the thread ends. The thread leaves
// the groups in the run's group file (group-file.ts) and hands back what the main thread
// keeps of each: its key, its size and number of files (which order the readers' work),
// and its fingerprint when an incremental run takes them all before reading. A thread
// takes 60-80 ms to start on two cores, a tenth of a smaller input's fixed costs: an input
// whose walk lists few entries is found on the main thread, for a few megabytes of garbage.
import {statSync} from "node:fs";
import {InputError, rebuilt, type PostedError} from "../errors.ts";
import {startWorker} from "../paths.ts";
import type {Group} from "../sources/types.ts";
import {WalkLimit} from "../sources/walk.ts";
import {discover, type Discovery} from "./discover.ts";
import {writeGroups} from "./group-file.ts";
import {inShard, type Shard} from "./shard.ts";
import {fingerprint, groupKey, identities} from "./state.ts";

export type FindOptions = {inputs: string[]; shard?: Shard; incremental?: boolean};

/** What the report needs of the discovery: the layouts, the folders that could not be read, and how many groups other shards hold. */
export type Found = {layouts: string[]; unreadable: number; elsewhere: number};

/** What the main thread keeps of the groups, by index in the group file. */
export type Placed = {keys: string[]; bytes: number[]; files: number[]; prints: (string | null)[]; ends: Float64Array};

/** How far finding has gone: the folders listed (each once, however many sources look into it), then the files whose size is taken. */
export type FindingProgress = {folders: number; sized: number; filesTotal: number};

/** `tell`, called at the first call and then at most five times a second: how often finding tells of its progress. */
export function throttled(tell: () => void): () => void {
  let told = 0;
  return () => {
    if (Date.now() - told < 200) return;
    told = Date.now();
    tell();
  };
}

/** A run's groups, found: what the report needs now, and the groups written to the group file once the run has a work folder. */
export type Finding = Found & {place(path: string): Promise<Placed>; close(): void};

/**
 * What a run reads of what discovery found: the groups (of its shard); the layouts and the
 * folders that could not be read, for the report; and how many groups the other shards hold.
 */
export function selectGroups(found: Discovery, opts: FindOptions): Found & {groups: Group[]} {
  if (found.groups.every((g) => g.files.length === 0)) throw new InputError(`no transcripts found in ${opts.inputs.join(", ")}`);
  // A shard may hold no group at all (more shards than owners): it writes empty tables, so that the set is whole.
  const groups = opts.shard ? found.groups.filter((g) => inShard(g, opts.shard!)) : found.groups;
  return {
    layouts: found.layouts,
    // Folders that could not be read belong to no group: shard 1 counts them, so that the shards' counts add up.
    unreadable: opts.shard && opts.shard.index > 1 ? 0 : found.unreadable,
    groups,
    elsewhere: found.groups.length - groups.length
  };
}

const size = (g: Group) => g.files.reduce((s, f) => s + (statSync(f.path, {throwIfNoEntry: false})?.size ?? 0), 0);

/**
 * Writes the groups to the group file at `path` and returns what the main thread keeps of
 * them. An incremental run needs every fingerprint before it reads, and takes each file's
 * size from the identity its fingerprint holds; any other run has each group's taken by
 * its reader (job.ts), which spares a pass over every file.
 */
export function placeGroups(groups: readonly Group[], path: string, incremental: boolean, sized?: (files: number) => void): Placed {
  let files = 0;
  const bytes: number[] = [];
  const prints: (string | null)[] = [];
  for (const g of groups) {
    const taken = incremental ? identities(g) : null;
    bytes.push(taken ? taken.reduce((s, [size]) => s + size, 0) : size(g));
    prints.push(incremental ? fingerprint(g, taken) : null);
    sized?.((files += g.files.length));
  }
  return {keys: groups.map(groupKey), bytes, files: groups.map((g) => g.files.length), prints, ends: writeGroups(path, groups)};
}

/** The groups of a discovery the caller made, placed on this thread. */
export function findHere(discovery: Discovery, opts: FindOptions): Finding {
  const {groups, ...found} = selectGroups(discovery, opts);
  return {...found, place: async (path) => placeGroups(groups, path, opts.incremental ?? false), close() {}};
}

// The most entries (files and folders) a walk on the main thread lists: one person's tree of
// 165 MB lists 4,000, of 1 GB 22,000; a fleet of 96k sessions, some 200,000.
const ENTRIES_HERE = 30_000;

/**
 * Finds the groups on this thread when the walk lists at most `entries` entries, else
 * (starting again) on a thread of its own; `progress` hears from the thread.
 */
export async function find(opts: FindOptions, progress?: (p: FindingProgress) => void, entries = ENTRIES_HERE): Promise<Finding> {
  const counted: FindingProgress = {folders: 0, sized: 0, filesTotal: 0};
  const tell = progress && throttled(() => progress(counted));
  try {
    return findHere(discover(opts.inputs, tell && (() => (counted.folders++, tell())), entries), opts);
  } catch (error) {
    if (!(error instanceof WalkLimit)) throw error;
  }
  return findOnThread(opts, progress);
}

type Message = {found?: Found; placed?: Placed; progress?: FindingProgress; error?: PostedError};

/**
 * Discovers the inputs on a thread of its own (find-worker.ts), which places the groups
 * when asked and then ends; `progress` hears from it a few times a second.
 */
export async function findOnThread(opts: FindOptions, progress?: (p: FindingProgress) => void): Promise<Finding> {
  // Only what the thread needs: a caller's options may hold functions, which cannot cross.
  const worker = startWorker("find", {inputs: opts.inputs, shard: opts.shard, incremental: opts.incremental} satisfies FindOptions);
  const next = () =>
    new Promise<Message>((resolve, reject) => {
      const cleanup = () => worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      const onMessage = (m: Message) => (m.progress ? progress?.(m.progress) : (cleanup(), m.error ? reject(rebuilt(m.error)) : resolve(m)));
      const onError = (e: Error) => (cleanup(), reject(e));
      const onExit = (code: number) => (cleanup(), reject(new Error(`the thread that finds the files stopped (exit code ${code})`)));
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    });
  const close = () => void worker.terminate();
  try {
    const {found} = await next();
    return {
      ...found!,
      async place(path) {
        worker.postMessage({path});
        return (await next()).placed!;
      },
      close
    };
  } catch (error) {
    close();
    throw error;
  }
}
