// The canonical tables the site is built from, ingested once and cached: an analyst's
// own logs when AUTONOMY_LOGS names them (or tables already ingested: an output folder,
// or a folder of shards, copied as one set), else the embedded default, a synthetic fleet
// generated from data/calibration.json (AUTONOMY_FLEET picks its size: `default`, or
// `small` for tests). A build resolves them here once and hands them to its data loaders
// (built.ts), so the whole report is recomputed from one ingest. A site of one person's
// own logs gets the embedded default's tables as well (siteTables), for the curves drawn
// behind their points.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {readCalibration} from "../generate/calibration.ts";
import {generate, generatorDigest} from "../generate/fleet.ts";
import {discover, type Discovery} from "../ingest/discover.ts";
import {merge} from "../ingest/merge.ts";
import {holdsTables, OUTPUT_FILES, tableFolders} from "../ingest/output.ts";
import {ingest} from "../ingest/run.ts";
import {codeHash} from "../ingest/state.ts";
import {duckdb} from "../duckdb.ts";
import {ROOT} from "../paths.ts";
import {parquetSql} from "../tables.ts";
import {FLEET_MARKER} from "../sources/walk.ts";
import {onePerson, ORIGIN_FILE, type Built, type Origin} from "./built.ts";

type Env = NodeJS.ProcessEnv;
// Tests point AUTONOMY_CACHE elsewhere so that they never share tables with a build.
export const cacheDir = (env: Env) => env.AUTONOMY_CACHE ?? join(ROOT, ".cache");

const digest = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 16);

function inputHash(paths: string[]): string {
  // A change to the ingest's code re-ingests: the tables are a function of code and input.
  const hash = createHash("sha256").update(codeHash());
  for (const path of paths) {
    const s = statSync(path);
    hash.update(`${path}\u0000${s.size}\u0000${s.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

const filesOf = (found: Discovery) => found.groups.flatMap((g) => g.files.map((f) => f.path));
/** An ingest's tables, or a folder of shards: every file a build reads from them. */
const tableFilesOf = (dir: string) => tableFolders(dir).flatMap((d) => OUTPUT_FILES.map((file) => join(d, file)));

// The publication threshold (docs/tables.md, "What is published"): 1 for one person's own
// logs, 5 where the logs are several people's (a fleet, or a team's telemetry), unless
// AUTONOMY_MIN_USERS says. Each build sets it anew: it is not cached with the tables.
export const FLEET_MIN_USERS = 5;

function threshold(env: Env): number | undefined {
  const k = env.AUTONOMY_MIN_USERS;
  if (k && !/^[1-9]\d*$/.test(k)) throw new Error(`AUTONOMY_MIN_USERS needs a whole number of users, 1 or more, not ${k}`);
  return k ? Number(k) : undefined;
}

/** How many people the tables are of. */
async function people(dir: string): Promise<number> {
  // Loaded when used: the command starts without the engine (140 ms) when it needs none.
  const {DuckDBInstance} = duckdb();
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const rows = await db.runAndReadAll(`select count(distinct user_id)::INTEGER from ${parquetSql(tableFolders(dir).map((d) => join(d, "sessions.parquet")))}`);
    return rows.getRows()[0][0] as number;
  } finally {
    db.closeSync();
  }
}

/**
 * Makes `done` (a file inside `dir`) once: the first caller runs `make`, concurrent
 * callers (builds of the same data side by side) wait for it.
 */
async function once(dir: string, done: string, make: () => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, done))) return;
    try {
      mkdirSync(lock, {recursive: false});
      break;
    } catch {
      await sleep(200); // another build is making it
    }
  }
  try {
    if (!existsSync(join(dir, done))) await make();
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}

/** The embedded default: the fleet of the size AUTONOMY_FLEET names, generated once per calibration and generator. */
async function defaultFleet(env: Env): Promise<{inputs: string[]; key: string; label: string}> {
  const cal = readCalibration();
  const name = env.AUTONOMY_FLEET || "default";
  const size = cal.sizes[name];
  if (!size) throw new Error(`AUTONOMY_FLEET must be one of ${Object.keys(cal.sizes).join(", ")}, not ${name}`);
  const key = digest(generatorDigest(), cal.hash, name, String(size.users), String(size.codex_users), String(size.api_agents), size.seed);
  const fleets = join(cacheDir(env), "fleet");
  const dir = join(fleets, `${name}-${key}`);
  mkdirSync(fleets, {recursive: true});
  await once(dir, FLEET_MARKER, async () => {
    // A fleet of an older calibration or generator is of no more use: it only takes room.
    for (const old of readdirSync(fleets)) if (old.startsWith(`${name}-`) && !old.endsWith(".lock")) rmSync(join(fleets, old), {recursive: true, force: true});
    process.stderr.write(`generating the ${name} synthetic fleet (${size.users} Claude Code users, ${size.codex_users} Codex users, ${size.api_agents} API agents) …\n`);
    await generate({users: size.users, codexUsers: size.codex_users, apiAgents: size.api_agents, seed: size.seed, out: dir});
  });
  return {inputs: [dir], key, label: `a generated synthetic fleet (${name}: ${size.users} Claude Code users, ${size.codex_users} Codex users and ${size.api_agents} agents built on the API, seed "${size.seed}", calibration ${cal.hash})`};
}

/**
 * Ingests the site's input (once per version of the ingest's code and of the input) and
 * returns where the tables are, what was read, and the publication threshold.
 */
export async function canonicalTables(env: Env = process.env): Promise<Built & {inputs: string[]}> {
  const k = threshold(env);
  const logs = env.AUTONOMY_LOGS;
  const tables = join(cacheDir(env), "tables");
  mkdirSync(tables, {recursive: true});
  const fleet = logs ? null : await defaultFleet(env);
  const inputs = fleet ? fleet.inputs : logs!.split(",").map((p) => resolve(p));
  // Tables ingested already (one output folder, or a folder of shards) are taken as they are.
  const ingested = !fleet && inputs.length === 1 && holdsTables(inputs[0]) ? inputs[0] : null;
  // Logs are keyed on what is found in them (the fleet, on what made it), and found once.
  const found = fleet || ingested ? undefined : discover(inputs);
  const dir = join(tables, ingested ? inputHash(tableFilesOf(ingested)) : found ? inputHash(filesOf(found)) : digest(codeHash(), fleet!.key));
  await once(dir, ORIGIN_FILE, async () => {
    process.stderr.write(`${ingested ? "reading the tables in" : "ingesting"} ${fleet ? "the embedded default" : inputs.join(", ")} …\n`);
    const report = ingested ? await merge(ingested, dir) : await ingest({inputs, out: dir, discovery: found});
    const origin: Omit<Origin, "minUsers" | "users"> = {label: fleet ? fleet.label : "analyst's logs", kind: fleet ? "default" : "logs", report};
    writeFileSync(join(dir, ORIGIN_FILE), JSON.stringify(origin, null, 2));
  });
  const users = await people(dir);
  const origin: Origin = {...JSON.parse(readFileSync(join(dir, ORIGIN_FILE), "utf8")), minUsers: k ?? (users > 1 ? FLEET_MIN_USERS : 1), users};
  return {dir, origin, inputs};
}

/**
 * The tables a site is built from: for one person's own logs, with the embedded default's
 * beside them, whose curves are drawn behind the person's points (generated and ingested
 * once, as a build of the default does).
 */
export async function siteTables(env: Env = process.env): Promise<Built> {
  const {dir, origin} = await canonicalTables(env);
  if (!onePerson(origin)) return {dir, origin};
  const population = await canonicalTables({...env, AUTONOMY_LOGS: "", AUTONOMY_MIN_USERS: ""});
  return {dir, origin, population: {dir: population.dir, origin: population.origin}};
}
