// A reader's first visit to every page of the built site, in headless Chromium: a fresh
// browser context each time (nothing cached), on loopback and over an emulated link. For
// each visit: when the first chart is painted, when the page is interactive, and the bytes
// that arrived before the first chart, the workers' requests counted. Then, once a page:
// a filter change to the redrawn chart, and the whole page's bytes, compressed and not,
// with DuckDB loaded by the SQL box as a reader who asks a question loads it.
import {readdirSync, statSync} from "node:fs";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import type {Browser, BrowserContext, Page} from "playwright-core";
import {launchChromium} from "../scripts/chromium.ts";
import {serve, servedFile} from "../scripts/serve.ts";
import {fmt, summarize, type Summary} from "./stats.ts";

export type Link = {name: string; emulate?: {latency: number; downloadThroughput: number; uploadThroughput: number}};

/** Loopback, and a home connection as Chromium's network emulation gives it (bytes per second, ms). */
export const LINKS: Link[] = [
  {name: "loopback"},
  {name: "20 Mbps, 40 ms", emulate: {latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8}}
];

export type Visit = {firstChart: number; interactive: number; bytesBefore: number};
export type PageResult = {
  path: string;
  /** Per link: ms from navigation to the first chart and to interactive, medians of the runs. */
  visits: Record<string, {firstChart: Summary; interactive: Summary; bytesBefore: number}>;
  filter: Summary | null;
  /** Everything the page fetches once DuckDB is loaded: as sent (compressed) and as files. */
  whole: {sent: number; files: number};
  /** ms from opening the SQL box to DuckDB ready, on loopback (null: the page has no box). */
  sqlReady: number | null;
};

/** First visits to each page on each link, in a full run. */
const RUNS = 9;

// Runs in the page before its scripts: the moment the first chart (a Plot svg) is painted,
// and the moment its first ready marker (components/rendered.ts) is, on the page's clock. A
// frame's callbacks run before it is painted; a task queued from one runs after.
const MARKS = `{
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => (window[key] ??= performance.now())));
  let chart = false, ready = false;
  const note = () => {
    if (!chart && document.querySelector("svg[class^='plot']")) (chart = true), painted("__firstChart");
    if (!ready && document.documentElement.dataset.rendered) (ready = true), painted("__ready");
  };
  new MutationObserver(note).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-rendered"]});
}`;

type Fetched = {url: string; end: number; sent: number};

/** Every response the context receives, its workers' included, with the epoch ms it ended at. */
function record(context: BrowserContext): Fetched[] {
  const fetched: Fetched[] = [];
  context.on("requestfinished", async (r) => {
    const t = r.timing();
    fetched.push({url: r.url(), end: t.startTime + t.responseEnd, sent: (await r.sizes()).responseBodySize});
  });
  return fetched;
}

async function fresh(browser: Browser, link: Link): Promise<{context: BrowserContext; page: Page; fetched: Fetched[]}> {
  const context = await browser.newContext();
  const fetched = record(context);
  const page = await context.newPage();
  await page.addInitScript(MARKS);
  if (link.emulate) await (await context.newCDPSession(page)).send("Network.emulateNetworkConditions", {offline: false, ...link.emulate});
  return {context, page, fetched};
}

/**
 * One first visit: the first chart (on a page with none, its ready marker) and interactive
 * (the load event and the ready marker both passed: every module loaded, the first view's
 * queries answered and drawn, the filters wired), in ms on the page's clock from navigation.
 */
async function firstVisit(browser: Browser, url: string, link: Link): Promise<Visit> {
  const {context, page, fetched} = await fresh(browser, link);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as {__ready?: number}).__ready != null && performance.getEntriesByType("navigation")[0]?.toJSON().loadEventEnd > 0, null, {timeout: 120_000});
  await page.waitForFunction(() => !document.querySelector("svg[class^='plot']") || (window as unknown as {__firstChart?: number}).__firstChart != null);
  const marks = await page.evaluate(() => {
    const w = window as unknown as {__firstChart?: number; __ready: number};
    const load = (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd;
    return {firstChart: w.__firstChart ?? w.__ready, interactive: Math.max(w.__ready, load), origin: performance.timeOrigin};
  });
  await page.waitForLoadState("networkidle");
  await context.close();
  const bytesBefore = fetched.filter((f) => f.end - marks.origin <= marks.firstChart).reduce((n, f) => n + f.sent, 0);
  return {firstChart: marks.firstChart, interactive: marks.interactive, bytesBefore};
}

/** The whole page, as a reader who opens the SQL box fetches it, and how long DuckDB took to be ready. */
async function wholePage(browser: Browser, dist: string, origin: string, path: string): Promise<{sent: number; files: number; sqlReady: number | null}> {
  const {context, page, fetched} = await fresh(browser, LINKS[0]);
  await page.goto(`${origin}${path}`);
  await page.waitForSelector("html[data-rendered]", {timeout: 120_000});
  let sqlReady: number | null = null;
  const box = page.locator("details.sql-box");
  if (await box.count()) {
    const start = performance.now();
    await box.locator("summary").click();
    await box.locator(".sql-status", {hasText: "DuckDB is ready"}).waitFor({timeout: 120_000});
    sqlReady = performance.now() - start;
  }
  await page.waitForLoadState("networkidle");
  await context.close();
  let files = 0;
  for (const f of fetched) {
    const file = await servedFile(dist, new URL(f.url).pathname);
    if (file) files += statSync(file).size;
  }
  return {sent: fetched.reduce((n, f) => n + f.sent, 0), files, sqlReady};
}

/** Changes the page's first filter (a select or a radio) and times the redraw. */
async function filterChange(browser: Browser, url: string, runs: number): Promise<number[] | null> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("html[data-rendered]", {timeout: 60_000});
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = Number(await page.locator("html").getAttribute("data-rendered"));
    const changed = await page.evaluate(() => {
      const form = document.querySelector("form select, form input[type=radio]:not(:checked)");
      if (!form) return false;
      (window as unknown as {benchStart: number}).benchStart = performance.now();
      if (form instanceof HTMLSelectElement) {
        form.selectedIndex = (form.selectedIndex + 1) % form.options.length;
        form.dispatchEvent(new Event("input", {bubbles: true}));
      } else (form as HTMLInputElement).click();
      return true;
    });
    if (!changed) {
      await page.close();
      return null;
    }
    await page.waitForFunction((n) => Number(document.documentElement.dataset.rendered) > n, before, {timeout: 30_000});
    times.push(await page.evaluate(() => Number(document.documentElement.dataset.renderedAt) - (window as unknown as {benchStart: number}).benchStart));
  }
  await page.close();
  return times;
}

/** The built site's pages, as their links name them ("/", "/f1-turn-duration", …). */
export function sitePages(dist: string): string[] {
  return readdirSync(dist)
    .filter((f) => f.endsWith(".html"))
    .map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`))
    .sort();
}

export async function benchPages(
  dist: string,
  {runs, only, log = () => {}}: {runs: number; only?: string[]; log?: (s: string) => void}
): Promise<PageResult[]> {
  const {server, url} = await serve(dist);
  const browser = await launchChromium();
  try {
    const paths = only ?? sitePages(dist);
    // Round by round, every page once a round: whatever else the machine does meanwhile
    // falls on every page alike, and the ratios to the home page stay fair.
    const visits = new Map(paths.map((p) => [p, new Map(LINKS.map((l) => [l.name, [] as Visit[]]))]));
    for (const link of LINKS) {
      for (let i = 0; i < runs; i++) {
        log(`  ${link.name}: round ${i + 1} of ${runs}`);
        for (const path of paths) visits.get(path)!.get(link.name)!.push(await firstVisit(browser, `${url}${path}`, link));
      }
    }
    const results: PageResult[] = [];
    for (const path of paths) {
      log(`  ${path}: filters and the whole page`);
      const byLink = Object.fromEntries(
        [...visits.get(path)!].map(([name, v]) => [name, {firstChart: summarize(v.map((x) => x.firstChart)), interactive: summarize(v.map((x) => x.interactive)), bytesBefore: v[0].bytesBefore}])
      );
      const filter = await filterChange(browser, `${url}${path}`, Math.max(5, runs));
      const {sqlReady, ...whole} = await wholePage(browser, dist, url, path);
      results.push({path, visits: byLink, filter: filter && summarize(filter), whole, sqlReady});
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

export type MainThread = {firstChart: number; busy: number; by: {name: string; ms: number}[]; lastModule: number; lastFile: number};

/**
 * What a first visit to `path` spends its time on, from a Chromium trace: the renderer main
 * thread's work up to the first chart, by the kind of work directly under each task
 * (parsing HTML, evaluating modules, style and layout, running the page's code, …), and
 * when the last module and the last data file arrived.
 */
export async function profileFirstVisit(dist: string, path: string): Promise<MainThread> {
  const {server, url} = await serve(dist);
  const browser = await launchChromium();
  try {
    const {page} = await fresh(browser, LINKS[0]);
    await browser.startTracing(page, {categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "loading", "blink.user_timing"]});
    await page.goto(`${url}${path}`);
    await page.waitForFunction(() => (window as unknown as {__ready?: number}).__ready != null, null, {timeout: 120_000});
    await page.waitForFunction(() => !document.querySelector("svg[class^='plot']") || (window as unknown as {__firstChart?: number}).__firstChart != null);
    // (No named function inside: the page would not know the helper tsx names it with.)
    const marks = await page.evaluate(() => {
      const w = window as unknown as {__firstChart?: number; __ready: number};
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      return {
        firstChart: w.__firstChart ?? w.__ready,
        lastModule: Math.max(0, ...resources.filter((e) => e.name.endsWith(".js")).map((e) => e.responseEnd)),
        lastFile: Math.max(0, ...resources.filter((e) => e.name.includes("/_file/")).map((e) => e.responseEnd))
      };
    });
    type Event = {name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: {name?: string; data?: {documentLoaderURL?: string}}};
    const {traceEvents} = JSON.parse((await browser.stopTracing()).toString()) as {traceEvents: Event[]};
    const nav = traceEvents.filter((e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL?.startsWith(url)).at(-1);
    if (!nav) throw new Error(`no navigation to ${url}${path} in the trace`);
    const main = traceEvents.find((e) => e.name === "thread_name" && e.pid === nav.pid && e.args?.name === "CrRendererMain");
    const until = nav.ts + marks.firstChart * 1000;
    const events = traceEvents.filter((e) => e.pid === nav.pid && e.tid === main?.tid && e.ph === "X" && e.dur && e.ts >= nav.ts && e.ts < until).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Each task's time goes to the events directly under it; what they leave is the task's own.
    const by = new Map<string, number>();
    const add = (name: string, us: number) => by.set(name, (by.get(name) ?? 0) + us / 1000);
    let busy = 0;
    for (let i = 0; i < events.length; ) {
      const task = events[i];
      const end = task.ts + task.dur!;
      let j = i + 1;
      let inner = 0;
      for (let childEnd = 0; j < events.length && events[j].ts < end; j++) {
        if (events[j].ts < childEnd) continue;
        childEnd = events[j].ts + events[j].dur!;
        add(events[j].name, events[j].dur!);
        inner += events[j].dur!;
      }
      if (task.name === "RunTask") add("(the task itself)", task.dur! - inner);
      else add(task.name, task.dur! - inner);
      busy += task.dur! / 1000;
      i = j;
    }
    return {...marks, busy, by: [...by].map(([name, ms]) => ({name, ms})).sort((a, b) => b.ms - a.ms)};
  } finally {
    await browser.close();
    server.close();
  }
}

/** Section 4 of BENCHMARKS.md: every page's first visit, its bytes, its filters, and a profile of the slowest. */
export async function pagesSection(dist: string, {quick = false, log = () => {}}: {quick?: boolean; log?: (s: string) => void} = {}): Promise<string[]> {
  const lines: string[] = [];
  const say = (s = "") => lines.push(s);
  const pages = await benchPages(dist, {runs: quick ? 1 : RUNS, only: quick ? ["/", "/f1-turn-duration"] : undefined, log});
  const home = pages.find((p) => p.path === "/")!;
  const findings = pages.filter((p) => /^\/f\d+-/.test(p.path));
  const ratio = (p: PageResult, link: string, what: "firstChart" | "interactive") => p.visits[link][what].median / home.visits[link][what].median;
  const worst = Object.fromEntries(LINKS.map((l) => [l.name, findings.reduce((a, p) => (ratio(p, l.name, "firstChart") > ratio(a, l.name, "firstChart") ? p : a))]));
  const filterMedian = summarize(pages.flatMap((p) => (p.filter ? [p.filter.median] : [])));
  log(`profile the slowest first view …`);
  const slowestPath = worst[LINKS[0].name].path;
  const [homeProfile, slowProfile] = [await profileFirstVisit(dist, "/"), await profileFirstVisit(dist, slowestPath)];
  const KB = (bytes: number) => fmt(bytes / 1024, 0);
  say(`## 4. Pages: a reader's first visit`);
  say();
  say(`Every page of the built site (${quick ? "two pages, on the quick run's smaller fleet" : "the default data"}) in headless Chromium, served by \`npm run serve\`'s server (precompressed`);
  say(`brotli, as a static host sends it) from 127.0.0.1. Each visit is a fresh browser context: nothing cached. **First chart**: from navigation to the`);
  say(`frame that paints the page's first Plot chart (on a page with none, the frame after its ready marker); **interactive**: that frame for the`);
  say(`ready marker, and the load event, both passed (every module loaded, the first view's queries answered and drawn, the filters wired). On`);
  say(`loopback and over Chromium's emulated ${LINKS[1].name} link; medians of ${quick ? 1 : RUNS} visits (every page once a round, round after round), each as a ratio to the home page's own under the same conditions. **Goals: every`);
  say(`finding page's first chart within 1.5× the home page's; every filter under 100 ms (median).**`);
  say();
  say(`| page | ${LINKS.map((l) => `${l.name}: first chart (ms) | × home | interactive (ms) | × home`).join(" | ")} |`);
  say(`|---|${LINKS.map(() => "---|---|---|---|").join("")}`);
  for (const p of pages) say(`| ${p.path} | ${LINKS.map((l) => `${fmt(p.visits[l.name].firstChart.median, 0)} | ${fmt(ratio(p, l.name, "firstChart"))}× | ${fmt(p.visits[l.name].interactive.median, 0)} | ${fmt(ratio(p, l.name, "interactive"))}×`).join(" | ")} |`);
  say();
  for (const l of LINKS) {
    const r = ratio(worst[l.name], l.name, "firstChart");
    say(`${l.name}: the slowest finding page's first chart (${worst[l.name].path}) takes **${fmt(r)}×** the home page's (${r <= 1.5 ? "goal met" : "**goal not met**"}).`);
  }
  say(`Median filter redraw across pages: **${fmt(filterMedian.median, 0)} ms** (${filterMedian.median < 100 ? "goal met" : "**goal not met**"}).`);
  say();
  say(`Bytes: before the first chart (every response that had arrived by then, the workers' included, as sent); the whole page as a`);
  say(`reader who opens the SQL box fetches it (DuckDB's worker and engine, parquet-wasm and the aggregates), as sent and as the files are`);
  say(`(what a host that does not compress would send); and the time from opening the SQL box to DuckDB ready, on loopback.`);
  say();
  say(`| page | before the first chart (KB) | whole page, sent (KB) | whole page, files (KB) | SQL box: DuckDB ready (ms) | filter p50 (ms) | filter p95 (ms) |`);
  say(`|---|---|---|---|---|---|---|`);
  for (const p of pages) say(`| ${p.path} | ${KB(p.visits[LINKS[0].name].bytesBefore)} | ${KB(p.whole.sent)} | ${KB(p.whole.files)} | ${p.sqlReady === null ? "–" : fmt(p.sqlReady, 0)} | ${p.filter ? fmt(p.filter.median, 0) : "–"} | ${p.filter ? fmt(p.filter.p95, 0) : "–"} |`);
  say();
  say(`What a first visit spends its time on (one traced visit on loopback each, the home page and the slowest finding page, ${slowestPath}; tracing`);
  say(`slows a visit): the renderer's main thread, by the kind of work directly under each of its tasks, up to the first chart.`);
  say();
  const kinds = [...new Set([...homeProfile.by, ...slowProfile.by].map((b) => b.name))].filter((n) => [homeProfile, slowProfile].some((p) => (p.by.find((b) => b.name === n)?.ms ?? 0) >= 5));
  const msOf = (p: MainThread, name: string) => fmt(p.by.find((b) => b.name === name)?.ms ?? 0, 0);
  say(`| | / | ${slowestPath} |`);
  say(`|---|---|---|`);
  say(`| first chart or ready marker (ms) | ${fmt(homeProfile.firstChart, 0)} | ${fmt(slowProfile.firstChart, 0)} |`);
  say(`| last module arrived (ms) | ${fmt(homeProfile.lastModule, 0)} | ${fmt(slowProfile.lastModule, 0)} |`);
  say(`| last data file arrived (ms) | ${fmt(homeProfile.lastFile, 0)} | ${fmt(slowProfile.lastFile, 0)} |`);
  say(`| main thread busy (ms) | ${fmt(homeProfile.busy, 0)} | ${fmt(slowProfile.busy, 0)} |`);
  for (const k of kinds.sort((a, b) => Number(msOf(slowProfile, b)) - Number(msOf(slowProfile, a)))) say(`| \`${k}\` | ${msOf(homeProfile, k)} | ${msOf(slowProfile, k)} |`);
  say();
  return lines;
}

// `npx tsx bench/pages.ts <dist>`: section 4 alone, on a site already built, to standard output.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? "dist");
  process.stdout.write(`${(await pagesSection(dist, {log: (s) => process.stderr.write(`${s}\n`)})).join("\n")}\n`);
}
