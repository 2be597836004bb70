// The canonical tables the site is built from, ingested once and cached: an analyst's
// own logs when AUTONOMY_LOGS names them, else the embedded default. Every Framework data
// loader in src/data/ starts here, so the whole report is recomputed from one ingest.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {DuckDBInstance} from "@duckdb/node-api";
import {discover} from "../ingest/discover.ts";
import {ingest, type IngestReport} from "../ingest/run.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
// Tests point AUTONOMY_CACHE elsewhere so that they never share tables with a build.
const CACHE = join(process.env.AUTONOMY_CACHE ?? join(ROOT, ".cache"), "tables");

/** The interim default, until the synthetic fleet exists: the public fixtures. */
export const DEFAULT_INPUTS = ["test/fixtures/sniffly/mock-data", "test/fixtures/claude-code-viewer/projects"].map((p) => join(ROOT, p));

export type Origin = {
  /** What the site was built from, in words a reader understands. */
  label: string;
  /** Real logs someone ran the tool on, or the embedded default. */
  kind: "default" | "logs";
  /** The smallest number of users a published cell may be drawn from. */
  minUsers: number;
  report: IngestReport;
};

// Any change to the library re-ingests: the tables are a function of code and input.
function codeHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  walk(join(ROOT, "loaders"));
  return hash.digest("hex");
}

function inputHash(inputs: string[]): string {
  const hash = createHash("sha256").update(codeHash());
  for (const g of discover(inputs).groups) {
    for (const f of g.files) {
      const s = statSync(f.path);
      hash.update(`${f.path}\u0000${s.size}\u0000${s.mtimeMs}\n`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

// The publication threshold (TABLES.md): 1 for one person's own logs, 5 where the logs are
// several people's (a fleet, or a team's telemetry), unless AUTONOMY_MIN_USERS says.
async function minUsers(dir: string): Promise<number> {
  const env = process.env.AUTONOMY_MIN_USERS;
  if (env) return Math.max(1, Math.floor(Number(env)));
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    const rows = await db.runAndReadAll(`select count(distinct user_id)::INTEGER from read_parquet('${join(dir, "sessions.parquet").replace(/'/g, "''")}')`);
    return (rows.getRows()[0][0] as number) > 1 ? 5 : 1;
  } finally {
    db.closeSync();
  }
}

/** Ingests the site's input (once per code and input version) and returns where the tables are. */
export async function canonicalTables(): Promise<{dir: string; origin: Origin}> {
  const logs = process.env.AUTONOMY_LOGS;
  const inputs = logs ? logs.split(",").map((p) => resolve(p)) : DEFAULT_INPUTS;
  const dir = join(CACHE, inputHash(inputs));
  const originFile = join(dir, "origin.json");
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, {recursive: true});
  for (;;) {
    if (existsSync(originFile)) return {dir, origin: JSON.parse(readFileSync(originFile, "utf8"))};
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(200); // another loader is ingesting the same input
    }
  }
  try {
    process.stderr.write(`ingesting ${logs ? inputs.join(", ") : "the embedded default"} …\n`);
    const report = await ingest({inputs, out: dir});
    const origin: Origin = {
      label: logs ? "analyst's logs" : "public sample transcripts (test fixtures)",
      kind: logs ? "logs" : "default",
      minUsers: await minUsers(dir),
      report
    };
    writeFileSync(originFile, JSON.stringify(origin, null, 2));
    return {dir, origin};
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}
