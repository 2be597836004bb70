// A built site served on 127.0.0.1 and opened in headless Chromium (Debian's, never a
// downloaded one), with everything that goes wrong on a page recorded: page errors,
// console errors and warnings, Content-Security-Policy violations (with the page, the
// directive and the code that caused them), failed requests, HTTP errors, and any request
// to another host. A page is watched for as long as it is open, not only until its ready
// marker: `settled()` keeps listening until the page has had a settle window with no
// render and no input, so an error from a late query, a redraw or a handler is seen.
import type {Server} from "node:http";
import type {Browser, Page} from "playwright-core";
import {CHROMIUM, chromiumName, launchChromium} from "../../scripts/chromium.ts";
import {VIEWPORT} from "../../scripts/prerender.ts";
import {serve} from "../../scripts/serve.ts";

/** How long a page must go without a render or an input before it counts as settled. */
export const SETTLE_MS = 3000;
/** The time a test that walks every page may take (some 5 to 10 s a page on two cores). */
export const WALK_MS = 600_000;
/** A page that never goes quiet this long after its last input fails (it keeps redrawing). */
const SETTLE_LIMIT_MS = 30_000;
/**
 * A change that draws nothing for this long fails. It bounds a page that never redraws and
 * measures no speed (bench/pages.ts does): on two cores shared with the suite's other
 * files, a change that took 4 s alone (it started DuckDB, as none does now) took over 10 s.
 */
const REDRAW_LIMIT_MS = 60_000;

/** The browser the page tests run on, as it names itself: "Chromium 156.0.8078.114". */
export const BROWSER = (() => {
  const name = chromiumName();
  if (!name) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/install-chromium.sh (npm test does), or set CHROMIUM to a Chromium binary`);
  return name;
})();

export type Visit = {
  page: Page;
  /** What went wrong on the page so far; it grows while the page is open. */
  problems: string[];
  /** Waits until the page has gone SETTLE_MS without a render or an input, then returns `problems`. */
  settled(): Promise<string[]>;
  /** Makes `change` (`what` names it in a failure) and waits until the page has drawn again. */
  redraws(what: string, change: () => Promise<unknown>): Promise<void>;
};

export type Site = {
  origin: string;
  /** Opens `path`; requests whose path matches `hold` are never answered, to show the page does without them. */
  /**
   * Opens `path` and waits for its ready marker. `hold`: requests whose path matches are never
   * answered, to show the page does without them. `javaScript: false`: the page as its HTML
   * shows it, with no script run (nor waited for).
   */
  open(path: string, options?: {colorScheme?: "light" | "dark"; width?: number; hold?: RegExp; javaScript?: boolean}): Promise<Visit>;
  close(): Promise<void>;
};

type Violation = {directive: string; blocked: string; source: string; line: number; sample: string};

// Runs in every page before its own scripts: notes the time of the last render (the
// `data-rendered` marker changing) and of the last input, and reports CSP violations.
// (Source text, not a function: a compiled function may call helpers the page lacks.)
const WATCH = `{
  const touch = () => (window.__lastActivity = performance.now());
  touch();
  for (const type of ["pointerdown", "pointerover", "keydown", "input", "change", "click", "wheel"]) addEventListener(type, touch, true);
  new MutationObserver(touch).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-rendered"]});
  addEventListener("securitypolicyviolation", (e) =>
    window.__violation({directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample})
  );
}`;

export async function openSite(dist: string): Promise<Site> {
  const {server, url: origin}: {server: Server; url: string} = await serve(dist);
  const browser: Browser = await launchChromium();
  console.log(`page tests on ${BROWSER} (${CHROMIUM}, reports ${browser.version()})`);
  const local = (url: string) => url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
  return {
    origin,
    async open(path, options = {}) {
      const page = await browser.newPage({colorScheme: options.colorScheme ?? "light", viewport: {...VIEWPORT, width: options.width ?? VIEWPORT.width}, javaScriptEnabled: options.javaScript ?? true});
      const problems: string[] = [];
      await page.exposeFunction("__violation", (v: Violation) =>
        problems.push(`${path}: Content-Security-Policy ${v.directive} blocked ${v.blocked || "?"} from ${local(v.source) || "?"}:${v.line}${v.sample ? ` (${v.sample})` : ""}`)
      );
      await page.addInitScript(WATCH);
      page.on("pageerror", (e) => problems.push(`${path}: page error: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`${path}: console ${m.type()}: ${m.text()}`);
      });
      page.on("requestfailed", (r) => problems.push(`${path}: failed request: ${r.url()} ${r.failure()?.errorText}`));
      page.on("response", (r) => {
        if (r.status() >= 400) problems.push(`${path}: HTTP ${r.status()}: ${r.url()}`);
      });
      page.on("request", (r) => {
        const url = r.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`${path}: request to another host: ${url}`);
      });
      if (options.hold) await page.route((u) => options.hold!.test(u.pathname), () => {});
      await page.goto(`${origin}${path}`);
      const redraws = async (what: string, change: () => Promise<unknown>) => {
        const before = Number(await page.locator("html").getAttribute("data-rendered"));
        await change();
        await page.waitForFunction((n) => Number(document.documentElement.dataset.rendered) > n, before, {timeout: REDRAW_LIMIT_MS}).catch(() => {
          throw new Error(`${path}: ${what} drew nothing in ${REDRAW_LIMIT_MS / 1000} s${problems.length ? `: ${problems.join("; ")}` : ""}`);
        });
      };
      if (options.javaScript === false) return {page, problems, settled: async () => problems, redraws};
      // A page that never answers says why: the problems seen so far are the message.
      await page.waitForSelector("html[data-rendered]", {timeout: 30_000}).catch((e) => {
        throw new Error(`${path} never rendered: ${problems.join("; ") || e.message}`);
      });
      return {
        page,
        problems,
        redraws,
        async settled() {
          const start = Date.now();
          for (;;) {
            const quiet = await page.evaluate(() => performance.now() - (window as unknown as {__lastActivity: number}).__lastActivity);
            if (quiet >= SETTLE_MS) return problems;
            if (Date.now() - start > SETTLE_LIMIT_MS) return [...problems, `${path}: never settled: it rendered or took input ${Math.round(quiet)} ms ago, after ${SETTLE_LIMIT_MS} ms of waiting`];
            await page.waitForTimeout(SETTLE_MS - quiet);
          }
        }
      };
    },
    async close() {
      await browser.close();
      server.close();
    }
  };
}

/**
 * Runs `check` on every path, a few at a time so that their settle windows overlap, and
 * fails once with every path's failure (a browser update that breaks several pages names
 * them all).
 */
export async function eachPage(paths: string[], check: (path: string) => Promise<void>, concurrency = 2): Promise<void> {
  const failures: string[] = [];
  const queue = [...paths];
  await Promise.all(
    Array.from({length: concurrency}, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await check(path).catch((e: Error) => failures.push(e.message.startsWith(path) ? e.message : `${path}: ${e.message}`));
      }
    })
  );
  if (failures.length) throw new Error(`${failures.length} of ${paths.length} pages failed on ${BROWSER}:\n\n${failures.join("\n\n")}`);
}

/** The site's pages as paths, from the HTML files at the top of `dist`. */
export function pagesOf(files: string[]): string[] {
  return files.filter((f) => f.endsWith(".html") && !f.includes("/")).map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`));
}
