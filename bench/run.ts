// npm run bench [-- --quick] [-- --out <file>] [-- --work <dir>]
// Measures the ingest and the site side by side with baselines measured in the same run,
// and writes the figures, with the machine, versions and corpora, to BENCHMARKS.md.
// Every figure is a ratio against its baseline, or a median of repeated runs with its range.
import {execFileSync, spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {cpus, totalmem, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {ROOT} from "../scripts/build.ts";
import {codexTree, fleetOf, singleUserTree} from "./corpus.ts";
import {devAfterEdits} from "./dev.ts";
import {dropCaches, repeat, timed, type Run} from "./measure.ts";
import {pagesSection} from "./pages.ts";
import {shardsAgainstOne, shardsSection} from "./shards.ts";
import {hotspots, type Hotspot} from "./profile.ts";
import {fmt, spread, type Summary} from "./stats.ts";

const {values} = parseArgs({options: {quick: {type: "boolean"}, out: {type: "string"}, work: {type: "string"}}});
const quick = values.quick ?? false;
const out = resolve(values.out ?? (quick ? join(tmpdir(), "BENCHMARKS.quick.md") : join(ROOT, "BENCHMARKS.md")));
const work = resolve(values.work ?? join(ROOT, ".cache", quick ? "bench-quick" : "bench"));
const RUNS = quick ? 1 : 3;
const MB = 1e6;
mkdirSync(work, {recursive: true});

const log = (s: string) => process.stderr.write(`${s}\n`);
const lines: string[] = [];
const say = (s = "") => lines.push(s);

// Runs `use` in a folder of its own under the bench's work folder, removed after.
function scratch<T>(prefix: string, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(work, prefix));
  try {
    return use(dir);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

// As a user who runs it often runs it (the README's global install): the whole
// `agent-autonomy ingest` process, installed once with `npm install -g`. What npx adds
// to its start is measured below.
const prefix = join(work, "global");
execFileSync("npm", ["install", "--global", "--prefix", prefix, ROOT], {stdio: "ignore"});
const COMMAND = join(prefix, "bin", "agent-autonomy");
const ingestArgs = (input: string, dir: string, ...extra: string[]) => ["ingest", input, "--out", join(dir, "t"), ...extra];

function ingestRun(input: string): Run {
  return scratch("out-", (dir) => timed(COMMAND, ingestArgs(input, dir, "--quiet")));
}

// The same ingest under Node's CPU profiler (which NODE_OPTIONS cannot switch on for npx).
function profileIngest(input: string): Hotspot[] {
  return scratch("profile-", (dir) => {
    timed(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${dir}`, join(ROOT, "bin", "agent-autonomy.js"), "ingest", input, "--out", join(dir, "t"), "--quiet"]);
    return hotspots(dir);
  });
}

// Where one run's wall time goes, as the command's --verbose summary gives it.
function phasesOf(input: string): {find: number; read: number; write: number; threads: number} {
  return scratch("phases-", (dir) => {
    const r = spawnSync(COMMAND, ingestArgs(input, dir, "--verbose"), {cwd: ROOT, encoding: "utf8"});
    const m = r.stderr.match(/time: finding files ([\d.]+) s, reading them ([\d.]+) s \((\d+) threads?\), writing the tables ([\d.]+) s/);
    if (r.status !== 0 || !m) throw new Error(`ingest --verbose failed: ${r.stderr.slice(-2000)}`);
    const [find, read, threads, write] = m.slice(1).map(Number);
    return {find, read, write, threads};
  });
}

const versions = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")).packages as Record<string, {version: string}>;
const version = (name: string) => versions[`node_modules/${name}`]?.version ?? "?";

say(`# Benchmarks`);
say();
say(`Written by \`npm run bench${quick ? " -- --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}. Every ratio is against a baseline measured in the same run;`);
say(`times are medians of ${RUNS} run${RUNS > 1 ? "s" : ""} with their range (min–max). Speed is measured here, never by timed tests.`);
say();
say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version};`);
say(`@duckdb/node-api ${version("@duckdb/node-api")}, @duckdb/duckdb-wasm ${version("@duckdb/duckdb-wasm")}, @observablehq/framework ${version("@observablehq/framework")}, ccusage ${version("ccusage")}; Chromium ${execFileSync("/usr/bin/chromium", ["--version"], {encoding: "utf8"}).trim()}.`);
say(`Load average at start: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(", ")}.`);
say();

// 1 and 2: single-user trees against the engine's limit and against ccusage.
const sizes = quick ? [10 * MB] : [150 * MB, 1000 * MB];
const trees = sizes.map((bytes) => {
  log(`corpus: a single-user tree of about ${bytes / MB} MB …`);
  return singleUserTree(join(work, "trees"), bytes, `bench/${bytes / MB}MB`);
});
type Compared = {tree: (typeof trees)[number]; ours: {seconds: Summary; peakMb: Summary}; engine: {seconds: Summary}; ccusage: {seconds: Summary}};
const compared: Compared[] = trees.map((tree) => {
  log(`ingest vs DuckDB and ccusage on ${fmt(tree.bytes / MB, 0)} MB …`);
  const glob = join(tree.tree, "**", "*.jsonl");
  // One untimed run of each first, so that every timed run reads from the page cache.
  timed(process.execPath, [join(ROOT, "bench", "baseline.mjs"), glob]);
  const engine = repeat(RUNS, () => timed(process.execPath, [join(ROOT, "bench", "baseline.mjs"), glob]));
  ingestRun(tree.tree);
  const ours = repeat(RUNS, () => ingestRun(tree.tree));
  // As its README tells its users to run it: through npx.
  const ccusage = repeat(RUNS, () => timed("npx", ["--no-install", "ccusage", "session", "--json", "--offline"], {CLAUDE_CONFIG_DIR: tree.tree}, ROOT));
  return {tree, ours, engine, ccusage};
});
// One person's Codex home of the first tree's size, against the same scan of its rollouts.
log(`corpus: a Codex home of about ${sizes[0] / MB} MB …`);
const codex = codexTree(join(work, "trees"), sizes[0], `bench/codex-${sizes[0] / MB}MB`);
const codexScan = () => timed(process.execPath, [join(ROOT, "bench", "baseline.mjs"), join(codex.tree, "**", "*.jsonl"), "codex"]);
codexScan();
const codexEngine = repeat(RUNS, codexScan);
ingestRun(codex.tree);
const codexOurs = repeat(RUNS, () => ingestRun(codex.tree));
const profile = profileIngest(trees[0].tree);
const phases = trees.map((t) => phasesOf(t.tree));
// What npx adds to every ingest time above: its start, against the installed command's.
const launcher = repeat(RUNS + 2, () => timed("npx", ["--no-install", "agent-autonomy", "--help"], {}, ROOT));
const installed = repeat(RUNS + 2, () => timed(COMMAND, ["--help"]));

say(`## 1. Ingest against the engine's limit`);
say();
say(`\`agent-autonomy ingest <tree> --out <dir>\`, installed with \`npm install -g\` as the README offers (the whole process), against a whole Node process in which DuckDB reads`);
say(`every line of the same files with \`read_ndjson_objects\` and extracts type, timestamp, session id, message id and content blocks`);
say(`(\`bench/baseline.mjs\`). Corpora: single-user trees of current-format (2.1.x) transcripts from \`agent-autonomy generate\` with full tool`);
say(`output (file reads and test runs at their real sizes, split assistant lines), and one person's Codex home of the generator's rollouts, against`);
say(`the same scan of their fields (type, timestamp, the payload's type, call id and content). **Goal: at most 2.5×.**`);
say();
say(`| corpus | sessions | DuckDB baseline (s) | ingest (s) | ratio | peak memory (MB) | goal met |`);
say(`|---|---|---|---|---|---|---|`);
const row = (corpus: string, sessions: number, engine: Summary, ours: {seconds: Summary; peakMb: Summary}) => {
  const ratio = ours.seconds.median / engine.median;
  say(`| ${corpus} | ${sessions.toLocaleString("en-US")} | ${spread(engine)} | ${spread(ours.seconds)} | **${fmt(ratio)}×** | ${fmt(ours.peakMb.median, 0)} | ${ratio <= 2.5 ? "yes" : "**no**"} |`);
};
for (const c of compared) row(`${fmt(c.tree.bytes / MB, 0)} MB`, c.tree.sessions, c.engine.seconds, c.ours);
row(`${fmt(codex.bytes / MB, 0)} MB of Codex rollouts`, codex.sessions, codexEngine.seconds, codexOurs);
say();
say(`Started through npx instead, every ingest takes what npx adds to the start: \`npx --no-install agent-autonomy --help\` takes ${spread(launcher.seconds)} s here,`);
say(`against ${spread(installed.seconds)} s for the installed \`agent-autonomy --help\`.`);
say();
say(`Where the wall time goes (one run of each, from \`ingest --verbose\`; the rest of the process's time is starting Node and the bundle):`);
say();
say(`| corpus | finding and fingerprinting files (s) | reading and parsing (s, threads) | writing the tables with DuckDB (s) | reading speed (MB/s) |`);
say(`|---|---|---|---|---|`);
trees.forEach((t, i) => say(`| ${fmt(t.bytes / MB, 0)} MB | ${fmt(phases[i].find)} | ${fmt(phases[i].read)} (${phases[i].threads}) | ${fmt(phases[i].write)} | ${fmt(t.bytes / MB / phases[i].read, 0)} |`));
say();
say(`Where the ingest's time goes (CPU profile of one run on the ${fmt(trees[0].bytes / MB, 0)} MB tree, self time summed over its threads):`);
say();
say(`| function | ms | share |`);
say(`|---|---|---|`);
for (const h of profile) say(`| \`${h.name}\` | ${fmt(h.ms, 0)} | ${fmt(100 * h.share, 1)}% |`);
say();

say(`## 2. Ingest against ccusage`);
say();
say(`The same trees, against \`npx ccusage session --json --offline\` (ccusage ${version("ccusage")}, pure JavaScript, pointed at the tree with`);
say(`\`CLAUDE_CONFIG_DIR\`, started through npx as its README tells), which reads the same files to sum token usage per session, where the ingest builds four tables. **Goal: at most 0.4×.**`);
say();
say(`| corpus | ccusage (s) | ingest (s) | ratio | goal met |`);
say(`|---|---|---|---|---|`);
for (const c of compared) {
  const ratio = c.ours.seconds.median / c.ccusage.seconds.median;
  say(`| ${fmt(c.tree.bytes / MB, 0)} MB | ${spread(c.ccusage.seconds)} | ${spread(c.ours.seconds)} | **${fmt(ratio)}×** | ${ratio <= 0.4 ? "yes" : "**no**"} |`);
}
say();

// 3: scale.
const scales = quick ? [200, 2_000] : [100_000, 1_000_000];
const fleets = scales.map((sessions) => {
  log(`corpus: a fleet of about ${sessions.toLocaleString("en-US")} sessions …`);
  return fleetOf(join(work, "fleets"), sessions, "bench/scale");
});
// The larger fleet does not fit the page cache of every machine: both are read cold, from
// a cache emptied before each run where the bench may (as root), so that both read alike.
let cold = true;
const scaled = fleets.map((f) => {
  log(`ingest ${f.sessions.toLocaleString("en-US")} sessions …`);
  // The smaller fleet's peak is where two readers meet the largest groups, which moves by a
  // fifth from run to run: its median of three is the ratio's base. The larger takes minutes.
  return {...f, run: repeat(f === fleets[0] ? 3 : 1, () => ingestRun(f.fleet), () => (cold = dropCaches() && cold))};
});
const [small, large] = scaled;
const memRatio = large.run.peakMb.median / small.run.peakMb.median;
const timeRatio = large.run.seconds.median / small.run.seconds.median / (large.sessions / small.sessions);
say(`## 3. Scale`);
say();
say(`Peak memory (resident set) and time of the ingest on generated fleets (lean tool output). **Goals: memory flat (the larger over the`);
say(`smaller under 1.2×), time linear or better (time per session of the larger over the smaller at most 1×).**`);
say();
say(`The smaller fleet is ingested three times (its median, with the range), the larger once.`);
say(cold ? `Both runs start from an empty page cache (emptied before each), as after a reboot: the disk's speed is part of the time.` : `The page cache could not be emptied here (not root): the smaller fleet may be read from memory, the larger from the disk.`);
say();
say(`| fleet | sessions | MB on disk | ingest (s) | peak memory (MB) |`);
say(`|---|---|---|---|---|`);
for (const f of scaled) say(`| ${f.fleet.split("/").at(-1)} | ${f.sessions.toLocaleString("en-US")} | ${fmt(f.bytes / MB, 0)} | ${spread(f.run.seconds, 1)} | ${spread(f.run.peakMb, 0)} |`);
say();
say(`Memory ratio: **${fmt(memRatio)}×** (${memRatio < 1.2 ? "goal met" : "**goal not met**"}); time per session ratio: **${fmt(timeRatio)}×** (${timeRatio <= 1.05 ? "goal met" : "**goal not met**"}).`);
say();
log(`${quick ? 2 : 4} shards against one ingest …`);
for (const line of shardsSection(await shardsAgainstOne(small.fleet, work, quick ? 2 : 4), small.sessions)) say(line);

// 4 and 5: the site, built from a cache of its own so that the first build starts cold.
log(`build the site …`);
const dist = join(work, "dist");
const siteCache = join(work, "site-cache");
rmSync(siteCache, {recursive: true, force: true});
// The quick run builds the site on its smaller scale fleet, as an analyst's logs.
const buildEnv = {AUTONOMY_OUTPUT: dist, AUTONOMY_CACHE: siteCache, ...(quick ? {AUTONOMY_LOGS: small.fleet} : {})};
const buildRuns = Array.from({length: quick ? 1 : 3}, () => timed(process.execPath, [join(ROOT, "node_modules", ".bin", "tsx"), join(ROOT, "scripts", "build.ts")], buildEnv, ROOT));
log(`pages in Chromium …`);
for (const line of await pagesSection(dist, {quick, log})) say(line);
say(`## 5. Build`);
say();
say(`\`npm run build\` on the embedded default${quick ? " (here on the quick run's smaller fleet, as an analyst's logs)" : ""}: the first run generates the fleet and ingests it (both cached in`);
say(`\`.cache/\`, keyed on the calibration and the code), every run runs the data loaders and Framework's build.`);
say();
say(`| run | time (s) | peak memory (MB) |`);
say(`|---|---|---|`);
buildRuns.forEach((r, i) => say(`| ${i === 0 ? "first" : "again"} | ${fmt(r.seconds, 1)} | ${fmt(r.peakMb, 0)} |`));
say();

// 6: an edit, then `npm run dev`, on the tables the build made.
log(`npm run dev after edits …`);
const edits = await devAfterEdits(ROOT, buildEnv, work);
const restart = edits[0].seconds;
const metricEdit = edits[1].seconds / restart;
say(`## 6. Editing`);
say();
say(`\`npm run dev\` started after an edit, in a copy of the project, on the data of the build above: seconds from the start to`);
say(`the first aggregate it serves (F4's). **Goal: an edit to a metric's SQL costs what a restart costs (ratio under 1.5×); only`);
say(`an edit to the ingest's code ingests again.**`);
say();
say(`| what changed | seconds | against nothing changed |`);
say(`|---|---|---|`);
for (const e of edits) say(`| ${e.label} | ${fmt(e.seconds, 1)} | ${fmt(e.seconds / restart)}× |`);
say();
say(`A metric edit: **${fmt(metricEdit)}×** a restart (${metricEdit < 1.5 ? "goal met" : "**goal not met**"}).`);
say();

// What the figures above mean, and the plans for the goals they miss: written by hand.
if (!quick) say(readFileSync(join(ROOT, "bench", "plans.md"), "utf8").trimEnd());

writeFileSync(out, `${lines.join("\n")}\n`);
log(`wrote ${out}`);
