// The canonical tables a build resolved, as the Framework data loaders receive them.
// scripts/build.ts and scripts/dev.ts resolve the tables once (tables.ts: generate and
// ingest if need be) and hand every loader their folder, the publication threshold and the
// number of people through the environment: a build reads the logs once, and no loader
// ingests.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {IngestReport} from "../ingest/report.ts";

/** What the site was built from. */
export type Origin = {
  /** In words a reader understands. */
  label: string;
  /** Real logs someone ran the tool on, or the embedded default. */
  kind: "default" | "logs";
  /** The smallest number of users a published cell may be drawn from. */
  minUsers: number;
  /** How many people the logs are of. */
  users: number;
  report: IngestReport;
};

/**
 * Tables and what they were read from; `population` where the site is one person's own
 * (onePerson): the embedded default's tables, whose curves are drawn behind the person's
 * points, since a curve over one person means little.
 */
export type Built = {dir: string; origin: Origin; population?: Built};

/** A site built from one person's logs for that person: the threshold is one user, and the logs hold one. */
export const onePerson = (origin: Origin) => origin.minUsers === 1 && origin.users === 1;

/** The file beside the tables that says what they were read from (all of Origin but the threshold and the count of people, which each build sets). */
export const ORIGIN_FILE = "origin.json";

/** The environment a build gives its data loaders: where each table set is, and its threshold and count of people. */
export function loaderEnv(built: Built): {AUTONOMY_BUILT: string} {
  const part = ({dir, origin}: Built) => ({dir, minUsers: origin.minUsers, users: origin.users});
  return {AUTONOMY_BUILT: JSON.stringify({...part(built), population: built.population && part(built.population)})};
}

type Part = {dir: string; minUsers: number; users: number};
const read = ({dir, minUsers, users}: Part): Built => ({dir, origin: {...JSON.parse(readFileSync(join(dir, ORIGIN_FILE), "utf8")), minUsers, users}});

/** The tables, threshold and population a data loader was given (loaderEnv). */
export function builtTables(env: NodeJS.ProcessEnv = process.env): Built {
  if (!env.AUTONOMY_BUILT) {
    throw new Error("no tables to read: a data loader runs inside `npm run build` or `npm run dev`, which resolve the tables and hand them over in AUTONOMY_BUILT");
  }
  const {population, ...own} = JSON.parse(env.AUTONOMY_BUILT) as Part & {population?: Part};
  return {...read(own), ...(population && {population: read(population)})};
}
