// `npm run dev` after an edit: the seconds from starting it to the first aggregate it serves
// (F4's), with nothing changed since the last start, after an edit to a metric's SQL, and
// after an edit to the ingest's code. It runs in a copy of a checkout (the edits never touch
// the original) whose tables were made by a first start that is not counted. A metric edit
// should cost what a restart costs; only an edit to the ingest should ingest again.
import {execFileSync, spawn} from "node:child_process";
import {appendFileSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {dirname, join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";

export type Edit = {label: string; file: string | null};

export const EDITS: Edit[] = [
  {label: "nothing changed", file: null},
  {label: "a metric's SQL edited (loaders/metrics/f4-stops.sql)", file: "loaders/metrics/f4-stops.sql"},
  {label: "the ingest's code edited (loaders/ingest/run.ts)", file: "loaders/ingest/run.ts"}
];

/** A copy of the files git knows in `root` (with their changes), beside `root`'s node_modules. */
function copyOf(root: string, work: string): string {
  const copy = mkdtempSync(join(work, "checkout-"));
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {cwd: root, encoding: "utf8"}).split("\0").filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), {recursive: true});
    try {
      copyFileSync(join(root, file), join(copy, file));
    } catch {
      // deleted in the working tree, still in the index
    }
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  return copy;
}

/** Starts `npm run dev` in `root` and returns the seconds until it serves F4's aggregate. */
async function untilServed(root: string, env: NodeJS.ProcessEnv, port: number): Promise<number> {
  // Each start makes its aggregates afresh, as the project's dev script does itself (an
  // older one that did not would serve the cached output of the SQL before the edit).
  rmSync(join(root, "src", ".observablehq", "cache", "data"), {recursive: true, force: true});
  const start = performance.now();
  const dev = spawn("npm", ["run", "dev", "--", "--port", String(port), "--no-open"], {cwd: root, env: {...process.env, ...env}, stdio: "ignore", detached: true});
  try {
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`npm run dev exited with ${dev.exitCode}`);
      const r = await fetch(`http://127.0.0.1:${port}/_file/data/f4-stops.parquet`).catch(() => null);
      if (r?.ok && Buffer.from(await r.arrayBuffer()).subarray(0, 4).toString() === "PAR1") return (performance.now() - start) / 1000;
      if (performance.now() - start > 20 * 60_000) throw new Error("npm run dev served nothing in 20 minutes");
      await sleep(250);
    }
  } finally {
    process.kill(-dev.pid!, "SIGTERM");
    await new Promise((done) => (dev.exitCode === null ? dev.once("exit", done) : done(null)));
  }
}

/** Each edit's restart time in a copy of `root`, on the data `env` names (its AUTONOMY_CACHE keeps the tables). */
export async function devAfterEdits(root: string, env: NodeJS.ProcessEnv, work: string, port = 3217): Promise<{label: string; seconds: number}[]> {
  const copy = copyOf(root, work);
  try {
    await untilServed(copy, env, port); // the tables, made once
    const results = [];
    for (const edit of EDITS) {
      if (edit.file) appendFileSync(join(copy, edit.file), edit.file.endsWith(".sql") ? "\n-- edited\n" : "\n// edited\n");
      results.push({label: edit.label, seconds: await untilServed(copy, env, port)});
    }
    return results;
  } finally {
    rmSync(copy, {recursive: true, force: true});
  }
}

// npx tsx bench/dev.ts <checkout> [<work folder>]: the figures for one checkout, as JSON (to
// measure an older version beside this one).
if (process.argv[1] === import.meta.filename) {
  const [root, work = mkdtempSync(join(process.env.TMPDIR ?? "/tmp", "bench-dev-"))] = process.argv.slice(2);
  console.log(JSON.stringify(await devAfterEdits(root, {AUTONOMY_CACHE: join(work, "cache")}, work), null, 2));
}
