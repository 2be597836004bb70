// The canonical tables a build resolved, as the Framework data loaders receive them.
// scripts/build.ts and scripts/dev.ts resolve the tables once (tables.ts: generate and
// ingest if need be) and hand every loader their folder and the publication threshold
// through the environment: a build reads the logs once, and no loader ingests.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {IngestReport} from "../ingest/run.ts";

/** What the site was built from. */
export type Origin = {
  /** In words a reader understands. */
  label: string;
  /** Real logs someone ran the tool on, or the embedded default. */
  kind: "default" | "logs";
  /** The smallest number of users a published cell may be drawn from. */
  minUsers: number;
  report: IngestReport;
};

export type Built = {dir: string; origin: Origin};

/** The file beside the tables that says what they were read from (all of Origin but the threshold, which each build sets). */
export const ORIGIN_FILE = "origin.json";

/** The environment a build gives its data loaders. */
export function loaderEnv({dir, origin}: Built): {AUTONOMY_TABLES: string; AUTONOMY_MIN_USERS: string} {
  return {AUTONOMY_TABLES: dir, AUTONOMY_MIN_USERS: String(origin.minUsers)};
}

/** The tables and threshold a data loader was given (loaderEnv). */
export function builtTables(env: NodeJS.ProcessEnv = process.env): Built {
  const dir = env.AUTONOMY_TABLES;
  const minUsers = Number(env.AUTONOMY_MIN_USERS);
  if (!dir || !Number.isInteger(minUsers) || minUsers < 1) {
    throw new Error("no tables to read: a data loader runs inside `npm run build` or `npm run dev`, which resolve the tables and set AUTONOMY_TABLES and AUTONOMY_MIN_USERS");
  }
  return {dir, origin: {...JSON.parse(readFileSync(join(dir, ORIGIN_FILE), "utf8")), minUsers}};
}
