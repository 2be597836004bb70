// Every page of the built site in headless Chromium: cold load to the "queries answered"
// marker, a filter change to the redrawn chart, and the bytes a page transfers.
import {readdirSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";
import {serve} from "../scripts/serve.ts";
import {summarize, type Summary} from "./stats.ts";

export type PageResult = {path: string; load: Summary; filter: Summary | null; bytes: number};

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"];

async function coldLoad(browser: Browser, url: string): Promise<{ms: number; bytes: number}> {
  // A new context each time: nothing cached from the previous load.
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  page.on("requestfinished", async (r) => {
    bytes += (await r.sizes()).responseBodySize;
  });
  const start = performance.now();
  await page.goto(url);
  await page.waitForSelector("html[data-rendered]", {timeout: 60_000});
  const ms = performance.now() - start;
  await page.waitForLoadState("networkidle");
  await context.close();
  return {ms, bytes};
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

export async function benchPages(dist: string, {runs, only, chromiumPath = "/usr/bin/chromium"}: {runs: number; only?: string[]; chromiumPath?: string}): Promise<PageResult[]> {
  const {server, url} = await serve(dist);
  const browser = await chromium.launch({executablePath: chromiumPath, args: ARGS});
  try {
    const paths = (only ?? readdirSync(dist).filter((f) => f.endsWith(".html")).map((f) => (f === "index.html" ? "/" : `/${f.slice(0, -5)}`))).sort();
    const results: PageResult[] = [];
    for (const path of paths) {
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, `${url}${path}`));
      const filter = await filterChange(browser, `${url}${path}`, Math.max(3, runs));
      results.push({path, load: summarize(loads.map((l) => l.ms)), filter: filter && summarize(filter), bytes: loads[0].bytes});
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
