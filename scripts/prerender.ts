// Draws each page's charts when the site is built, so that a reader sees them at first
// paint rather than once Plot has loaded and run. Each built page is opened in headless
// Chromium (chromium.ts), on the built site under its own policy; once the page has drawn
// its first view, what every cell holding a Plot chart displayed is written into the page,
// inside the element that Framework shows in a cell's place until the cell first displays
// (its <observablehq-loading>) and removes when it does. The page's own code draws these
// charts from the answers the page carries, so there is no second way to the rows that
// could drift from the page's; and the live chart, with its tips and filters, replaces it.
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {CHROMIUM, chromiumName, launchChromium} from "./chromium.ts";
import {serve} from "./serve.ts";

/** The window the charts are drawn in: a laptop's. On a narrower screen the chart scales down until the page draws its own. */
export const VIEWPORT = {width: 1280, height: 900};

/** A chart drawn at build time, in the place of the cell that draws it live (style.css keeps Framework's spinner off it). */
const OPEN = '<observablehq-loading class="first-view">';
/** A cell's id as Framework writes it in the comment that is the cell's root, the last node of its block. */
const CELL_ID = String.raw`[0-9a-f]{8}(?:-\d+)?`;
const DRAWN = new RegExp(String.raw`${OPEN}([\s\S]*?)<\/observablehq-loading>(?=<!--:(${CELL_ID}):-->)`, "g");
const ROOT = new RegExp(`<!--:(${CELL_ID}):-->`, "g");

// Runs in the page (source text: a compiled function may call helpers the page lacks).
const CELLS = `(() => {
  const cells = {};
  for (const block of document.querySelectorAll("div.observablehq--block")) {
    const root = block.lastChild;
    if (root?.nodeType !== Node.COMMENT_NODE || !/^:${CELL_ID}:$/.test(root.data) || !block.querySelector("svg[class^='plot']")) continue;
    cells[root.data.slice(1, -1)] = [...block.children].filter((e) => e.tagName !== "OBSERVABLEHQ-LOADING").map((e) => e.outerHTML).join("");
  }
  return cells;
})()`;

/** Each cell of the open page whose block holds a Plot chart, by its id, as the HTML of what the cell displayed. */
export async function drawnCells(page: Page): Promise<Record<string, string>> {
  return (await page.evaluate(CELLS)) as Record<string, string>;
}

/** The cells drawn into a built page's `html`, by id, as `drawnCells` read them. */
export function drawnInto(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(DRAWN)].map(([, cell, id]) => [id, cell]));
}

/** `html` with each cell of `cells` drawn before its root, in the place of any drawn before. */
export function withCharts(html: string, cells: Record<string, string>): string {
  return html.replace(DRAWN, "").replace(ROOT, (root, id: string) => (id in cells ? `${OPEN}${cells[id]}</observablehq-loading>${root}` : root));
}

export type Prerendered = {browser: string; pages: number; charts: number} | {skipped: string};

/**
 * Draws the charts of every page at the top of `dist` into it, a few pages at a time. Without
 * a Chromium it says why and leaves the pages as they are: they draw their charts live.
 */
export async function prerender(dist: string, concurrency = 3): Promise<Prerendered> {
  const browserName = chromiumName();
  // A browser named on purpose and missing is a mistake; none on a machine that has none, a note.
  if (!browserName && process.env.CHROMIUM) throw new Error(`prerender: CHROMIUM names ${CHROMIUM}, which does not run`);
  if (!browserName) return {skipped: `no Chromium at ${CHROMIUM} (sh scripts/install-chromium.sh installs Debian's; or set CHROMIUM to a Chromium or Chrome binary)`};
  const files = (await readdir(dist)).filter((f) => f.endsWith(".html"));
  const {server, url} = await serve(dist);
  const browser = await launchChromium();
  let pages = 0;
  let charts = 0;
  try {
    const queue = [...files];
    await Promise.all(
      Array.from({length: concurrency}, async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const path = file === "index.html" ? "/" : `/${file.slice(0, -5)}`;
          const page = await browser.newPage({viewport: VIEWPORT, colorScheme: "light"});
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push(e.message));
          try {
            await page.goto(`${url}${path}`);
            await page.waitForSelector("html[data-rendered]", {timeout: 60_000}).catch(() => {
              throw new Error(`prerender: ${path} drew nothing in 60 s${errors.length ? `: ${errors.join("; ")}` : ""}`);
            });
            await page.waitForLoadState("networkidle");
            // A frame's callbacks (a resize observer's redraw among them) run before it is painted.
            await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))");
            const cells = await drawnCells(page);
            if (errors.length) throw new Error(`prerender: ${path} failed while drawing: ${errors.join("; ")}`);
            if (!Object.keys(cells).length) continue;
            const html = join(dist, file);
            await writeFile(html, withCharts(await readFile(html, "utf8"), cells));
            pages++;
            charts += Object.keys(cells).length;
          } finally {
            await page.close();
          }
        }
      })
    );
  } finally {
    await browser.close();
    server.close();
  }
  return {browser: browserName, pages, charts};
}
