// The canonical tables the site is built from, ingested once and cached: an analyst's
// own logs when AUTONOMY_LOGS names them, else the embedded default. Every Framework data
// loader in src/data/ starts here, so the whole report is recomputed from one ingest.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";
import {discover} from "../ingest/discover.ts";
import {ingest, type IngestReport} from "../ingest/run.ts";
import {codeHash} from "../ingest/state.ts";

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

function inputHash(inputs: string[]): string {
  // Any change to the library re-ingests: the tables are a function of code and input.
  const hash = createHash("sha256").update(codeHash());
  for (const g of discover(inputs).groups) {
    for (const f of g.files) {
      const s = statSync(f.path);
      hash.update(`${f.path}\u0000${s.size}\u0000${s.mtimeMs}\n`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function minUsers(report: IngestReport): number {
  const env = process.env.AUTONOMY_MIN_USERS;
  if (env && !/^[1-9]\d*$/.test(env)) throw new Error(`AUTONOMY_MIN_USERS needs a whole number of users, 1 or more, not ${env}`);
  if (env) return Number(env);
  return report.inputs.includes("fleet") ? 5 : 1;
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
      minUsers: minUsers(report),
      report
    };
    writeFileSync(originFile, JSON.stringify(origin, null, 2));
    return {dir, origin};
  } finally {
    rmSync(lock, {recursive: true, force: true});
  }
}
