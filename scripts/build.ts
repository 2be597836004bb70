// Builds the site: the canonical tables resolved once (generated and ingested only when the
// data or the ingest's code changed; for one person's logs, the embedded default's too, for
// the curves behind their points), Framework's build with every data loader run afresh
// on them (its cache would keep aggregates of other data), then a Content-Security-Policy
// in every page, the answers of each page's queries for its first view (answers.ts), each
// page's components as one module (components.ts), each page's charts drawn into it for its
// first paint (prerender.ts, where there is a Chromium), and brotli and gzip copies of every
// text and WebAssembly file. Where the threshold can hide cells, it says in one line how
// many it hid on each finding's page.
//
//   tsx scripts/build.ts [--min-users K]     (npm run build -- --min-users K)
//
// --min-users K: no published cell is drawn from fewer than K users (the same as
// AUTONOMY_MIN_USERS=K; default 5 for a fleet, 1 for one person's logs).
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {HIDDEN_ENV} from "../loaders/site/aggregate.ts";
import {loaderEnv} from "../loaders/site/built.ts";
import {cacheDir, siteTables} from "../loaders/site/tables.ts";
import {answerPages} from "./answers.ts";
import {bundleComponents} from "./components.ts";
import {compressSite} from "./compress.ts";
import {addPolicy} from "./csp.ts";
import {bundlePlot} from "./plot.ts";
import {prerender} from "./prerender.ts";

export const ROOT = resolve(import.meta.dirname, "..");

const LOCK = join(ROOT, "src", ".observablehq", "build.lock");
/** Framework's cache of data loader outputs, which knows nothing of the tables they were made from. */
export const LOADER_CACHE = join(ROOT, "src", ".observablehq", "cache", "data");

/**
 * Framework keeps every build's loader outputs in one cache inside src/, so two builds of
 * different data at once (test files run side by side) would mix their aggregates: builds
 * take turns, through a lock that names its holder so that a dead one's is taken over.
 */
export function takeTurn(): () => void {
  mkdirSync(dirname(LOCK), {recursive: true});
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      return () => rmSync(LOCK, {recursive: true, force: true});
    } catch {
      const holder = Number(readFileSync(join(LOCK, "pid"), {encoding: "utf8", flag: "a+"}) || 0);
      if (holder && !alive(holder)) rmSync(LOCK, {recursive: true, force: true});
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function build(env: NodeJS.ProcessEnv = process.env): Promise<{status: number | null; output: string}> {
  const tables = await siteTables(env);
  const release = takeTurn();
  // Where each aggregate says how many of its cells the threshold hid (only where it can hide any).
  const hidden = tables.origin.minUsers > 1 ? mkdtempSync(join(tmpdir(), "hidden-")) : null;
  try {
    rmSync(LOADER_CACHE, {recursive: true, force: true});
    await bundlePlot();
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "observable"), ["build"], {
      cwd: ROOT,
      env: {...env, ...loaderEnv(tables), ...(hidden && {[HIDDEN_ENV]: hidden}), OBSERVABLE_TELEMETRY_DISABLE: "true"},
      encoding: "utf8",
      stdio: env === process.env ? "inherit" : "pipe"
    });
    let output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
    if (run.status === 0) {
      const dist = resolve(ROOT, env.AUTONOMY_OUTPUT ?? "dist");
      const answered = await answerPages(dist, join(ROOT, "src"));
      const bundled = await bundleComponents(dist);
      addPolicy(dist);
      const drawn = await prerender(dist);
      const c = await compressSite(dist, join(cacheDir(env), "compressed"));
      const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
      const line = `first views answered in ${answered.pages} pages (${mb(answered.first)} in the pages, ${mb(answered.rest)} fetched when a filter asks); components bundled into one module a page for ${bundled.pages} pages; ${"skipped" in drawn ? `charts not drawn at build time: ${drawn.skipped}` : `${drawn.charts} charts in ${drawn.pages} pages drawn at build time by ${drawn.browser}`}; compressed ${c.files} files of text and WebAssembly, ${mb(c.bytes)}: ${mb(c.br)} as brotli, ${mb(c.gzip)} as gzip (${c.cached} from the cache)\n`;
      const said = line + (hidden ? hiddenLine(hidden, tables.origin.minUsers) : "");
      if (env === process.env) process.stdout.write(said);
      output += said;
    }
    return {status: run.status, output};
  } finally {
    if (hidden) rmSync(hidden, {recursive: true, force: true});
    release();
  }
}

/** One line: how many cells of each finding's aggregates the threshold hid, and how to see them. */
function hiddenLine(dir: string, minUsers: number): string {
  const byFinding = new Map<number, {shown: number; all: number}>();
  for (const file of readdirSync(dir)) {
    const {shown, all} = JSON.parse(readFileSync(join(dir, file), "utf8")) as {shown: number; all: number};
    const finding = Number(/^f(\d+)-/.exec(file)![1]);
    const sum = byFinding.get(finding) ?? {shown: 0, all: 0};
    byFinding.set(finding, {shown: sum.shown + shown, all: sum.all + all});
  }
  const counts = [...byFinding].sort(([a], [b]) => a - b).map(([f, c]) => `F${f} ${(c.all - c.shown).toLocaleString("en-US")} of ${c.all.toLocaleString("en-US")}`);
  return `cells hidden as drawn from fewer than ${minUsers} people: ${counts.join(", ")} (npm run build -- --min-users 1 shows them all, for a site you keep to yourself)\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {"min-users": {type: "string"}}});
  const k = values["min-users"];
  if (k !== undefined && !/^[1-9]\d*$/.test(k)) {
    process.stderr.write(`build: --min-users needs a whole number of users, 1 or more, not ${k}\n`);
    process.exitCode = 2;
  } else {
    if (k !== undefined) process.env.AUTONOMY_MIN_USERS = k;
    // What the person can act on (a path that cannot be read, a threshold that is no
    // number) is one line; the ingest's own errors already say where.
    await build().then(
      (r) => (process.exitCode = r.status ?? 1),
      (e: Error) => {
        process.stderr.write(`build: ${e.message}\n`);
        process.exitCode = 1;
      }
    );
  }
}
