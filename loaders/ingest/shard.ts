// `ingest --shard i/n`: one of n ingests that together read a fleet too large for one
// machine (docs/tables.md, "Shards"). Each reads the groups of the owners (users, by the
// fleet's folder names; telemetry as one) whose stable hash falls in its shard, so that
// every user's sessions are read by one shard: tenure, resumed sessions and a session in
// two folders are all per user. Its tables go to `<out>/shard=<i>/`, an output folder of
// its own; the readers of tables read a folder of shards as one set (output.ts).
import {createHash} from "node:crypto";
import {sourceOf} from "../sources/index.ts";
import type {Group} from "../sources/types.ts";

export type Shard = {index: number; count: number};

/** `i/n` with 1 ≤ i ≤ n; null for anything else. */
export function parseShard(text: string): Shard | null {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(text);
  return m && Number(m[1]) <= Number(m[2]) ? {index: Number(m[1]), count: Number(m[2])} : null;
}

/** The shard (1 to count) of an owner: the same on every machine and every run. */
export function shardOf(owner: string, count: number): number {
  return (createHash("sha256").update(owner).digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (group: Group, shard: Shard) => shardOf(sourceOf(group).owner(group), shard.count) === shard.index;

/** A shard's folder inside the output folder, named as a hive partition. */
export const shardFolder = (shard: Shard) => `shard=${shard.index}`;
