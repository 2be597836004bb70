// The built site in headless Chromium (Debian's, never a downloaded one): every page loads
// with no error and no request beyond 127.0.0.1, answers its queries, and draws its charts.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {ROOT, tmp} from "../cli.ts";
import {SMALL, testCache} from "../fleet.ts";
import {openSite, pagesOf, type Site} from "./chromium.ts";

let site: Site;
let pages: string[];

beforeAll(async () => {
  const output = join(tmp(), "dist");
  // The site on the small synthetic fleet (the default's shape in seconds), shared with test/generate.
  const built = build({...process.env, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), ...SMALL});
  expect(built.status, built.output).toBe(0);
  pages = pagesOf(readdirSync(output));
  site = await openSite(output);
});

afterAll(async () => {
  await site?.close();
});

const open = (path: string, options?: {colorScheme?: "light" | "dark"; width?: number}) => site.open(path, options);

describe("the built site", () => {
  test("has the home page and the finding pages", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/f1-turn-duration");
    expect(pages).toContain("/fleet");
  });

  test("every page loads clean under its Content-Security-Policy, answers its queries, and says which data it shows", async () => {
    for (const path of pages) {
      const {page, problems} = await open(path);
      expect(problems, path).toEqual([]);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"), path).toContain("default-src 'self'");
      expect(await page.locator(".provenance").count(), path).toBe(1);
      expect(await page.locator("link[rel=icon]").count(), path).toBe(1);
      await page.close();
    }
  });

  test("the F1 chart is drawn from the aggregate by DuckDB in the browser", async () => {
    const {page, problems} = await open("/f1-turn-duration");
    const lines = page.locator("figure svg g[aria-label='line'] path");
    expect(await lines.count()).toBe(4);
    expect(await page.locator("figure svg g[aria-label='dot'] circle").count()).toBeGreaterThan(0);
    expect(await page.locator("figure svg [aria-label='y-axis label']").textContent()).toContain("minutes");
    expect(await page.locator(".comparison .ours .value").first().textContent()).toMatch(/min|s/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("the default data page sets every target beside what the pipeline recovered from the generated fleet", async () => {
    const {page, problems} = await open("/fleet");
    expect(await page.locator(".provenance").textContent()).toContain("generated data: a synthetic fleet");
    const targets = JSON.parse(readFileSync(join(ROOT, "data", "calibration.json"), "utf8")).targets as {id: string}[];
    const rows = page.locator("table.calibration").first().locator("tbody tr");
    expect(await rows.count()).toBe(targets.length);
    expect(await rows.first().locator("code").textContent()).toBe(targets[0].id);
    expect(await rows.first().locator("td.number").first().textContent()).toMatch(/^\d+(\.\d+)?$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("F6 to F8 show the API side, labelled, beside Claude Code; F7 and F8 open on it", async () => {
    const api = "OpenTelemetry (API agents)";
    // F6: a bar of each source in each complexity, the API side's as tall as its share.
    const f6 = await open("/f6-involvement");
    const legend = await f6.page.locator("figure .legend-swatches, figure [class*=swatch]").allTextContents();
    expect(legend.join(" ")).toContain(api);
    expect(legend.join(" ")).toContain("Claude Code (transcripts)");
    const heights = await f6.page.locator("svg g[aria-label='bar'] rect").evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("height"))));
    expect(heights).toHaveLength(8);
    expect(Math.min(...heights)).toBeGreaterThan(0);
    // Bars as tall as their shares: not all one height (a scale's domain off by 100 draws every bar full).
    expect(new Set(heights.map(Math.round)).size).toBeGreaterThan(2);
    expect(await f6.page.locator(".comparison .ours .source").first().textContent()).toContain(api);
    expect(f6.problems).toEqual([]);
    await f6.page.close();
    // F7 and F8: the source filter offers the API side and starts on it; its chart has marks.
    for (const [path, marks] of [["/f7-risk-autonomy", "svg g[aria-label='dot'] circle"], ["/f8-domains", "svg g[aria-label='bar'] rect"]]) {
      const {page, problems} = await open(path);
      const source = page.getByLabel("Source");
      expect(await source.locator("option").allTextContents(), path).toContain(api);
      expect(await source.locator("option:checked").textContent(), path).toBe(api);
      expect(await page.locator(marks).count(), path).toBeGreaterThan(5);
      expect(await page.locator(".comparison .ours .source").first().textContent(), path).toContain(api);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });

  test("a filter change redraws the chart without reloading the page", async () => {
    const {page, problems} = await open("/f1-turn-duration");
    const before = Number(await page.locator("html").getAttribute("data-rendered"));
    await page.getByLabel("(all)", {exact: true}).check();
    await page.waitForFunction((n) => Number(document.documentElement.dataset.rendered) > n, before);
    expect(await page.locator("figure svg g[aria-label='line'] path").count()).toBe(4);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("every value of every filter on every page redraws without an error", async () => {
    let changes = 0;
    for (const path of pages) {
      const {page, problems} = await open(path);
      const inputs = page.locator("form select, form input[type=radio]");
      for (let i = 0; i < (await inputs.count()); i++) {
        const input = inputs.nth(i);
        const values: (string | null)[] = (await input.evaluate((e) => e.tagName)) === "SELECT" ? await input.locator("option").allTextContents() : [null];
        for (const value of values) {
          const before = Number(await page.locator("html").getAttribute("data-rendered"));
          if (value === null) {
            if (await input.isChecked()) continue;
            await input.check();
          } else {
            if ((await input.inputValue()) === String(values.indexOf(value))) continue;
            await input.selectOption({label: value});
          }
          await page.waitForFunction((n) => Number(document.documentElement.dataset.rendered) > n, before, {timeout: 10_000}).catch(() => {
            throw new Error(`${path}: choosing ${value ?? "a radio"} drew nothing: ${problems.join("; ")}`);
          });
          changes++;
        }
      }
      expect(problems, path).toEqual([]);
      await page.close();
    }
    expect(changes).toBeGreaterThan(20);
  });

  test("reads well on a phone and in the dark", async () => {
    for (const path of pages) {
      const {page, problems} = await open(path, {width: 375, colorScheme: "dark"});
      const {scroll, width, background} = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        background: getComputedStyle(document.body).backgroundColor
      }));
      expect(scroll, `${path} overflows at phone width`).toBeLessThanOrEqual(width);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b, `${path} background in dark mode: ${background}`).toBeLessThan(150);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
