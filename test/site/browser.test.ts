// The built site in headless Chromium (Debian's, never a downloaded one): every page loads
// with no error and no request beyond 127.0.0.1, keeps to its Content-Security-Policy,
// answers its queries, and draws its charts; every page is watched until it settles, so an
// error after its ready marker or after a filter change fails too.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {readCircularity} from "../../loaders/calibrate/circularity.ts";
import {givenFigures} from "../../loaders/calibrate/given.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {build} from "../../scripts/build.ts";
import {ROOT, tmp} from "../helpers/cli.ts";
import {SMALL, testCache} from "../helpers/fleet.ts";
import {comparable} from "../helpers/pages.ts";
import {wasmDuckDB} from "../helpers/wasm.ts";
import {pageSql} from "../../loaders/site/queries.ts";
import {builtAnswers, builtFile} from "../../scripts/answers.ts";
import {drawnCells, drawnInto} from "../../scripts/prerender.ts";
import {BROWSER, eachPage, openSite, pagesOf, SETTLE_MS, type Site, WALK_MS} from "../helpers/chromium.ts";

let site: Site;
let pages: string[];
let output: string;

beforeAll(async () => {
  output = join(tmp(), "dist");
  // The site on the small synthetic fleet (the default's shape in seconds), shared with test/generate.
  const built = await build({...process.env, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), ...SMALL});
  expect(built.status, built.output).toBe(0);
  pages = pagesOf(readdirSync(output));
  site = await openSite(output);
});

afterAll(async () => {
  await site?.close();
});

/** The page's Content-Security-Policy, directive by directive. */
async function policyOf(page: Page): Promise<Map<string, string>> {
  const content = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
  return new Map(content.split(";").map((d) => d.trim().split(/ (.*)/s).slice(0, 2) as [string, string]));
}

const open: Site["open"] = (path, options) => site.open(path, options);

describe(`the built site, in ${BROWSER}`, () => {
  test("has the home page and the finding pages, and every package it ships under its version", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/f1-turn-duration");
    expect(pages).toContain("/fleet");
    // Framework names each package's folder <name>@<version>; a version it could not read
    // is "undefined", and that folder would outlive an upgrade of the package in its cache.
    const packages = readdirSync(join(output, "_node"), {withFileTypes: true}).flatMap((e) =>
      e.name.startsWith("@") ? readdirSync(join(output, "_node", e.name)).map((n) => `${e.name}/${n}`) : [e.name]
    );
    expect(packages).toContain("htl@0.3.1");
    expect(packages.filter((p) => !/@\d+\.\d+\.\d+[\w.-]*$/.test(p))).toEqual([]);
  });

  test(`every page, and every value of every filter, draws under its Content-Security-Policy with no violation or error until ${SETTLE_MS / 1000} s after the last, from the answers the build wrote (DuckDB never starts)`, async () => {
    let changes = 0;
    await eachPage(pages, async (path) => {
      const {page, settled, redraws} = await open(path);
      const engine: string[] = [];
      page.on("request", (r) => {
        const file = new URL(r.url()).pathname;
        if (file.endsWith(".wasm")) engine.push(file);
      });
      const csp = await policyOf(page);
      expect(csp.get("default-src"), path).toBe("'self'");
      expect(csp.get("script-src"), path).not.toContain("'unsafe-inline'");
      expect(csp.get("script-src-attr"), path).toMatch(/^('none'|'unsafe-hashes'( 'sha256-[\w+/=]+')+)$/);
      expect(await page.locator(".provenance").count(), path).toBe(1);
      expect(await page.locator("link[rel=icon]").count(), path).toBe(1);
      const inputs = page.locator("form select, form input[type=radio]");
      for (let i = 0; i < (await inputs.count()); i++) {
        const input = inputs.nth(i);
        const values: (string | null)[] = (await input.evaluate((e) => e.tagName)) === "SELECT" ? await input.locator("option").allTextContents() : [null];
        for (const value of values) {
          if (value === null) {
            if (await input.isChecked()) continue;
            await redraws(`choosing the radio ${await input.evaluate((e) => e.closest("label")?.textContent)}`, () => input.check());
          } else {
            if ((await input.inputValue()) === String(values.indexOf(value))) continue;
            await redraws(`choosing ${value}`, () => input.selectOption({label: value}));
          }
          changes++;
        }
      }
      // Listening never stopped: what any load, query or change raised is in `problems` by now.
      expect(await settled()).toEqual([]);
      expect(engine, `${path}: a filter's value the build did not answer started DuckDB`).toEqual([]);
      await page.close();
    });
    expect(changes).toBeGreaterThan(20);
  }, WALK_MS);

  test("no inline handler runs: one of its own is blocked, and the placeholders htl may write are no code", async () => {
    const {page, settled} = await open("/data-tables");
    // The page has Inputs' table, whose sortable headers make htl write placeholders.
    expect((await policyOf(page)).get("script-src-attr")).toMatch(/^'unsafe-hashes' /);
    const ran = await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<button id=own onclick="window.__pwned=1">own</button><button id=placeholder onclick="::1">::1</button>');
      for (const id of ["own", "placeholder"]) document.getElementById(id)!.click();
      return (window as unknown as {__pwned?: number}).__pwned ?? null;
    });
    expect(ran).toBe(null);
    const seen = await settled();
    // The page's own handler is blocked by the policy; `::1` is allowed and cannot compile.
    expect(seen.filter((p) => /Content-Security-Policy script-src-attr blocked inline/.test(p))).toHaveLength(1);
    expect(seen.filter((p) => /page error: .*Unexpected token ':'/.test(p))).toHaveLength(1);
    await page.close();
  });

  test("the home page shows each published figure beside the same number as its finding's page", async () => {
    const home = await open("/");
    const rows = await home.page.locator("table.headlines tr[data-figure]").evaluateAll((trs) =>
      trs.map((tr) => ({id: (tr as HTMLElement).dataset.figure!, ours: tr.querySelector("td.ours")!.textContent!, page: tr.querySelector("a")!.getAttribute("href")!.replace(/^\./, "")}))
    );
    await home.page.close();
    expect(new Set(rows.map((r) => r.page)).size).toBe(10);
    expect(rows.filter((r) => /\d/.test(r.ours)).length).toBeGreaterThan(rows.length / 2);
    await eachPage([...new Set(rows.map((r) => r.page))], async (path) => {
      const {page} = await open(path);
      for (const r of rows.filter((d) => d.page === path)) {
        const shown = page.locator(`[data-figure="${r.id}"]`).locator(".ours .value, td.ours");
        expect(await shown.textContent(), `${path} ${r.id}`).toBe(r.ours);
      }
      await page.close();
    });
  }, WALK_MS);

  test("on the generated fleet, every figure says what agreement with it means: read back where it follows the generator's input, by construction where the generator was given it; on the home page and on its finding's page", async () => {
    const home = await open("/");
    const rows = await home.page.locator("table.headlines tr[data-figure]").evaluateAll((trs) =>
      trs.map((tr) => ({id: (tr as HTMLElement).dataset.figure!, ours: tr.querySelector("td.ours")!.textContent!, basis: tr.querySelector("td.basis")!.textContent!, page: tr.querySelector("a")!.getAttribute("href")!.replace(/^\./, "")}))
    );
    await home.page.close();
    const given = givenFigures(readCalibration());
    const input = new Set(readCircularity().figures.filter((f) => f.input).map((f) => f.id));
    const basis = (id: string) => (input.has(id) ? "input" : given.has(id) ? "calibrated" : "synthetic");
    const words = {input: "input, read back", calibrated: "by construction (calibrated)", synthetic: "generated data"};
    // A figure the small fleet has no cell of to show (past 750 sessions) has nothing to agree with.
    const shown = (r: {ours: string}) => !/^(not shown|none in these logs)/.test(r.ours);
    expect(rows.map((r) => r.basis)).toEqual(rows.map((r) => (shown(r) ? words[basis(r.id)] : "nothing to compare")));
    expect(rows.filter(shown).length).toBeGreaterThan(rows.length / 2);
    expect(rows.filter((r) => basis(r.id) === "input").length).toBeGreaterThan(0);
    expect(rows.filter((r) => basis(r.id) !== "synthetic").length).toBeGreaterThan(rows.length / 2);
    await eachPage([...new Set(rows.map((r) => r.page))], async (path) => {
      const {page} = await open(path);
      for (const r of rows.filter((d) => d.page === path && shown(d) && basis(d.id) !== "synthetic")) {
        // The cards are a cell of their own, which may draw after the chart's ready marker.
        await expect.poll(() => page.locator(`[data-figure="${r.id}"]`).locator(`.basis.${basis(r.id)}`).count(), {message: `${path} ${r.id}`, timeout: 10_000}).toBe(1);
      }
      await page.close();
    });
  }, WALK_MS);

  test("the methodology page measures each classifier against blind labels, and F5 says its reasons agree poorly", async () => {
    const methodology = await open("/methodology");
    expect(await methodology.page.locator("table.agreement tbody tr").count()).toBe(5);
    expect(await methodology.settled()).toEqual([]);
    await methodology.page.close();
    const f5 = await open("/f5-reasons");
    expect(await f5.page.locator(".agreement-note.weak").textContent()).toMatch(/κ \d\.\d\d on \d+ items/);
    expect(await f5.settled()).toEqual([]);
    await f5.page.close();
  });

  test("the F1 chart draws its four quantiles with the study's points, on a labelled axis, beside our value", async () => {
    const {page, settled} = await open("/f1-turn-duration");
    const lines = page.locator("figure svg g[aria-label='line'] path");
    expect(await lines.count()).toBe(4);
    expect(await page.locator("figure svg g[aria-label='dot'] circle").count()).toBeGreaterThan(0);
    expect(await page.locator("figure svg [aria-label='y-axis label']").textContent()).toContain("Turn duration");
    // Each tick carries its unit: seconds under a minute, minutes above (never Plot's "400m").
    // (A log axis leaves the labels of its minor ticks empty.)
    const ticks = (await page.locator("figure svg [aria-label='y-axis tick label'] text").allTextContents()).filter(Boolean);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(t).toMatch(/^\d+(\.\d+)? (s|min)$/);
    expect(await page.locator(".comparison .ours .value").first().textContent()).toMatch(/min|s/);
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("a finding page draws its first view from the answers the build wrote into it, with its components as one module: no DuckDB is fetched until the reader asks for SQL, and no other answers until a filter asks", async () => {
    await eachPage(pages.filter((p) => /^\/f\d+-/.test(p)), async (path) => {
      // The file of the page's other answers is held: a first view that needed it would never be drawn.
      const {page, settled} = await open(path, {hold: /\/_file\/answers\//});
      expect(await settled()).toEqual([]);
      expect(await page.locator("svg[class^='plot']").count(), path).toBeGreaterThan(0);
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      // The engine, its worker, parquet-wasm's decoder and the aggregates; the few kilobytes of their modules' glue load with the page.
      expect(fetched.filter((u) => /\.wasm$|\.worker\.|\.parquet$/.test(new URL(u).pathname)), path).toEqual([]);
      // Its components arrive as one module (scripts/components.ts), beside the charts' Plot.
      const components = fetched.map((u) => new URL(u).pathname).filter((p) => p.includes("/_import/components/"));
      expect(components.map((p) => p.replace(/.*\/|\.[0-9a-f]{8}\.js$/g, "")).sort(), path).toEqual([`page-${path.slice(1)}`, "plot"]);
      await page.close();
    });
  }, WALK_MS);

  test("a finding page's charts are in its HTML as the build drew them: shown before any of its code runs, and the very charts the page then draws in their place", async () => {
    await eachPage(pages.filter((p) => /^\/f\d+-/.test(p)), async (path) => {
      const drawn = drawnInto(readFileSync(join(output, `${path.slice(1)}.html`), "utf8"));
      expect(Object.keys(drawn).length, path).toBeGreaterThan(0);
      // With no script run at all, the reader sees each chart at its full width, and not Framework's spinner.
      const still = await open(path, {javaScript: false});
      const placeholders = still.page.locator("observablehq-loading.first-view");
      expect(await placeholders.count(), path).toBe(Object.keys(drawn).length);
      for (const placeholder of await placeholders.all()) {
        expect(await placeholder.evaluate((e) => getComputedStyle(e).animationName), path).toBe("none");
        expect((await placeholder.locator("svg[class^='plot']").first().boundingBox())?.width, path).toBeGreaterThan(600);
      }
      await still.page.close();
      // Once the page has drawn, each of its charts is the one drawn at build time, which is gone.
      const {page, settled} = await open(path);
      expect(await settled()).toEqual([]);
      expect(await page.locator("observablehq-loading.first-view").count(), path).toBe(0);
      expect(await drawnCells(page), path).toEqual(drawn);
      await page.close();
    });
  }, WALK_MS);

  test("every answer a page holds is what DuckDB-wasm returns for the same query and values over the published files", async () => {
    const wasm = await wasmDuckDB();
    const normalise = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === "number" ? Number(v.toPrecision(12)) : v);
    let checked = 0;
    for (const md of readdirSync(join(ROOT, "src")).filter((f) => /^f\d+-.*\.md$/.test(f))) {
      const answers = builtAnswers(output, md.replace(/\.md$/, ""));
      const {tables} = pageSql(readFileSync(join(ROOT, "src", md), "utf8"));
      for (const [name, file] of Object.entries(tables)) {
        wasm.query(`drop table if exists ${name}`);
        wasm.load(name, new Uint8Array(readFileSync(builtFile(output, file))));
      }
      for (const [sql, a] of Object.entries(answers)) {
        for (const [key, rows] of Object.entries(a.rows)) {
          const got = wasm.query(sql, JSON.parse(key)).map((r) => a.columns.map((c) => normalise(a.dates.includes(c) && typeof r[c] === "number" ? new Date(r[c] as number) : r[c])));
          const want = rows.map((r) => r.map((v, i) => normalise(a.dates.includes(a.columns[i]) && v != null ? new Date(v as string) : v)));
          expect(comparable(sql, got), `${md}: ${sql} ${key}`).toEqual(comparable(sql, want));
          checked++;
        }
      }
    }
    wasm.close();
    expect(checked).toBeGreaterThan(50);
  }, WALK_MS);

  test("the page's scripts and styles arrive as their compressed copies, and decode to the files the build wrote", async () => {
    const {page, settled} = await open("/f1-turn-duration");
    expect(await settled()).toEqual([]);
    const entries = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => ({url: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize}))
    );
    await page.close();
    const assets = entries.filter((e) => /\.(?:js|css)$/.test(new URL(e.url).pathname) && e.decoded > 2000);
    expect(assets.length).toBeGreaterThan(5);
    for (const e of assets) {
      expect(e.encoded, e.url).toBeLessThan(e.decoded / 2);
      expect(e.decoded, e.url).toBe(readFileSync(join(output, decodeURIComponent(new URL(e.url).pathname))).length);
    }
  });

  // DuckDB starts when the box opens: on two busy cores, that alone can take half a minute.
  const BOX_MS = 180_000;

  /** Opens a page's SQL box, runs what it holds, and returns the result as the page shows it. */
  async function runBox(page: Page, query?: string) {
    const box = page.locator("details.sql-box");
    if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator("summary").click();
    const input = box.locator("textarea.sql-input");
    if (query !== undefined) await input.fill(query);
    const runs = Number((await box.locator(".sql-output").getAttribute("data-runs")) ?? 0);
    await box.locator("button", {hasText: "Run"}).click();
    await box.locator(`.sql-output[data-runs="${runs + 1}"]`).waitFor({timeout: 60_000});
    // Read as the run left it: a locator's textContent() would wait its full timeout for an element the run did not write.
    const shown = await box.locator(".sql-output").evaluate((out) => ({
      error: out.querySelector(".sql-error")?.textContent ?? null,
      summary: out.querySelector(".sql-summary")?.textContent ?? null,
      columns: [...out.querySelectorAll(".sql-result th")].map((th) => th.textContent ?? ""),
      rows: [...out.querySelectorAll(".sql-result tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""))
    }));
    return {text: await input.inputValue(), ...shown};
  }

  /** The rows DuckDB in Node returns for `text` over the published Parquet files, each table a view of its file (name → file). */
  async function published(tables: Record<string, string>, text: string): Promise<{columns: string[]; rows: unknown[][]}> {
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const [name, file] of Object.entries(tables)) await db.run(`create view ${name} as select * from read_parquet('${builtFile(output, file)}')`);
    const result = await db.runAndReadAll(text);
    const out = {columns: result.columnNames(), rows: result.getRowsJson() as unknown[][]};
    db.closeSync();
    return out;
  }

  const same = (shown: string, want: unknown) =>
    want === null ? shown === "" : typeof want === "number" || (typeof want === "string" && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(want) && shown !== want) ? Math.abs(Number(shown) - Number(want)) <= 1e-5 * Math.max(1, Math.abs(Number(want))) : shown === String(want);

  /** The page's query (each bound parameter a `?`) as the box shows it: each `?` a SQL literal (sqlText). */
  const withLiterals = (sql: string) =>
    new RegExp(`^${sql.split("?").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(?:DATE '[^']*'|'(?:[^']|'')*'|-?\\d+(?:\\.\\d+)?|TRUE|FALSE|NULL)")}$`);

  test("every finding page's SQL box opens with the query its chart runs, says how DuckDB's load goes, and DuckDB in the browser returns the rows the published files hold", async () => {
    for (const md of readdirSync(join(ROOT, "src")).filter((f) => /^f\d+-.*\.md$/.test(f))) {
      const source = readFileSync(join(ROOT, "src", md), "utf8");
      const {tables, queries} = pageSql(source);
      const id = /sqlBox\(aggregates, (\w+)Query\(sqlText\)\)/.exec(source)?.[1];
      const {page, settled} = await open(`/${md.replace(/\.md$/, "")}`);
      // Every text the status line shows while DuckDB loads, in order.
      await page.evaluate(() => {
        const status = document.querySelector(".sql-box .sql-status")!;
        const seen: string[] = ((window as unknown as {statuses: string[]}).statuses = []);
        new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {childList: true, characterData: true, subtree: true});
      });
      const box = await runBox(page);
      expect(box.error, md).toBe(null);
      expect(box.text, md).toMatch(withLiterals(queries.find((q) => q.id === id)!.sql));
      const statuses = await page.evaluate(() => (window as unknown as {statuses: string[]}).statuses);
      expect(statuses[0], md).toMatch(/^Loading DuckDB/);
      expect(statuses.at(-1), md).toMatch(/^DuckDB is ready \(\d+\.\d s\)/);
      const received = statuses.flatMap((t) => /([\d.]+) MB of its engine received/.exec(t)?.[1] ?? []).map(Number);
      expect(received, md).toEqual([...received].sort((a, b) => a - b));
      const want = await published(tables, box.text);
      expect(box.columns, md).toEqual(want.columns);
      // A long result is cut off at a number of rows the summary states.
      const shown = /^the first (\d+) of ([\d,]+) rows/.exec(box.summary ?? "");
      expect(Number(shown?.[2].replace(/,/g, "") ?? box.rows.length), `${md}: ${box.summary}`).toBe(want.rows.length);
      expect(box.rows.length, md).toBe(shown ? Number(shown[1]) : want.rows.length);
      expect(box.rows.length, md).toBeGreaterThan(0);
      // A query without an order by has no order: each row shown must match a row of its own.
      const ordered = /\border by\b/i.test(box.text);
      const unused = new Set(want.rows.keys());
      box.rows.forEach((row, i) => {
        const match = (ordered ? [i] : [...unused]).find((k) => unused.has(k) && row.every((cell, j) => same(cell, want.rows[k][j])));
        expect(match, `${md}: row ${i} (${row.join(", ")}) against ${JSON.stringify(want.rows[i])}`).not.toBe(undefined);
        unused.delete(match!);
      });
      expect(await settled(), md).toEqual([]);
      await page.close();
    }
  }, WALK_MS);

  test("a query that fails shows DuckDB's message in the page, and the page stays clean; the next query runs", async () => {
    const {page, settled} = await open("/f9-overhang");
    const bad = await runBox(page, "select no_such_column from f9");
    expect(bad.error).toMatch(/no_such_column/);
    const good = await runBox(page, "select count(*) as n from f9");
    expect(good.error).toBe(null);
    expect(good.rows).toEqual([[String((await published({f9: "f9-overhang.parquet"}, "select count(*) from f9")).rows[0][0])]]);
    expect(await settled()).toEqual([]);
    await page.close();
  }, BOX_MS);

  test("the CSV download holds every row of the aggregate, written by arquero under the page's policy", async () => {
    const {page, settled} = await open("/f4-stops");
    const [download] = await Promise.all([page.waitForEvent("download", {timeout: 120_000}), page.locator("p.downloads a", {hasText: "CSV"}).click()]);
    const lines = readFileSync((await download.path())!, "utf8").trim().split("\n");
    const want = await published({f4: "f4-stops.parquet"}, "select * from f4");
    expect(lines[0].split(",")).toEqual(want.columns);
    expect(lines.length - 1).toBe(want.rows.length);
    expect(await settled()).toEqual([]);
    await page.close();
  }, BOX_MS);

  test("the data page's box reads every published aggregate, and only those", async () => {
    const {page, settled} = await open("/data-tables");
    const box = await runBox(page);
    expect(box.error).toBe(null);
    expect(box.rows.map((r) => r[0])).toEqual((await published({f4: "f4-stops.parquet"}, box.text)).rows.map((r) => r[0]));
    const tables = await runBox(page, "select table_name from information_schema.tables order by table_name");
    expect(tables.rows.map((r) => r[0])).toEqual(["f1", "f10", "f2", "f2_curve", "f3", "f3_curve", "f4", "f5", "f6", "f7", "f7_shares", "f8", "f9"]);
    expect(await settled()).toEqual([]);
    await page.close();
  }, BOX_MS);

  test("the default data page sets every target beside what the pipeline recovered from the generated fleet", async () => {
    const {page, settled} = await open("/fleet");
    expect(await page.locator(".provenance").textContent()).toContain("generated data: a synthetic fleet");
    const targets = JSON.parse(readFileSync(join(ROOT, "data", "calibration.json"), "utf8")).targets as {id: string}[];
    const rows = page.locator("table.calibration").first().locator("tbody tr");
    expect(await rows.count()).toBe(targets.length);
    expect(await rows.first().locator("code").textContent()).toBe(targets[0].id);
    expect(await rows.first().locator("td.number").first().textContent()).toMatch(/^\d+(\.\d+)?$/);
    expect(await settled()).toEqual([]);
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
    // Four complexities, each with a bar of Claude Code's transcripts, Codex's rollouts and the API side.
    expect(heights).toHaveLength(12);
    expect(Math.min(...heights)).toBeGreaterThan(0);
    // Bars as tall as their shares: not all one height (a scale's domain off by 100 draws every bar full).
    expect(new Set(heights.map(Math.round)).size).toBeGreaterThan(2);
    expect(await f6.page.locator(".comparison .ours .source").first().textContent()).toContain(api);
    expect(await f6.settled()).toEqual([]);
    await f6.page.close();
    // F7 and F8: the source filter offers the API side and starts on it; its chart has marks.
    for (const [path, marks] of [["/f7-risk-autonomy", "svg g[aria-label='dot'] circle"], ["/f8-domains", "svg g[aria-label='bar'] rect"]]) {
      const {page, settled} = await open(path);
      const source = page.getByLabel("Source");
      expect(await source.locator("option").allTextContents(), path).toContain(api);
      expect(await source.locator("option:checked").textContent(), path).toBe(api);
      expect(await page.locator(marks).count(), path).toBeGreaterThan(5);
      expect(await page.locator(".comparison .ours .source").first().textContent(), path).toContain(api);
      expect(await settled()).toEqual([]);
      await page.close();
    }
  });

  test("Codex beside Claude Code: each agent filter opens on Claude Code and offers Codex, which draws with a note that the study's figures are Claude Code's; F7 and F8's source filter offers its rollouts, and F6 and F7 say how its calls' approvals are counted", async () => {
    const pick = async (path: string, label: "Agent" | "Source", option: string, marker: string | null) => {
      const {page, settled, redraws} = await open(path);
      const select = page.getByLabel(label, {exact: true});
      if (label === "Agent") {
        // The coding agents first; a page whose cells hold API agents' runs offers them after.
        expect((await select.locator("option").allTextContents()).slice(0, 3), path).toEqual(["All agents", "Claude Code", "Codex"]);
        expect(await select.locator("option:checked").textContent(), path).toBe("Claude Code");
        expect(await page.locator(".agent-note").count(), path).toBe(0);
      }
      await redraws(`choosing ${option}`, () => select.selectOption({label: option}));
      if (marker) await expect.poll(() => page.locator(marker).count(), {message: path}).toBeGreaterThan(0);
      if (label === "Agent") await expect.poll(() => page.locator(".agent-note", {hasText: "our own assumption"}).count(), {message: path}).toBe(1);
      if (path === "/f4-stops") await expect.poll(() => page.locator("p", {hasText: "Codex had no question or plan tool"}).count()).toBe(1);
      if (path === "/f7-risk-autonomy") await expect.poll(() => page.locator("p", {hasText: "Codex's rollouts log no approval requests"}).count()).toBe(1);
      expect(await settled()).toEqual([]);
      await page.close();
    };
    for (const [path, marks] of [
      ["/f1-turn-duration", "svg g[aria-label='line'] path"],
      ["/f2-auto-approve", "svg g[aria-label='line'] path"],
      ["/f3-interrupts", "svg g[aria-label='line'] path"],
      ["/f4-stops", "svg g[aria-label='bar'] rect"],
      ["/f5-reasons", "svg g[aria-label='bar'] rect"],
      ["/f9-overhang", null],
      ["/f10-outcomes", "svg g[aria-label='line'] path"]
    ] as const) await pick(path, "Agent", "Codex", marks);
    for (const path of ["/f7-risk-autonomy", "/f8-domains"]) await pick(path, "Source", "Codex (rollouts)", null);
    // F6 draws every source at once, and says how Codex's bars are counted.
    const f6 = await open("/f6-involvement");
    await expect.poll(() => f6.page.locator("p", {hasText: "Codex's rollouts log no approval requests"}).count()).toBe(1);
    expect(await f6.settled()).toEqual([]);
    await f6.page.close();
  }, WALK_MS);

  test("a filter change redraws the chart without reloading the page", async () => {
    const {page, settled, redraws} = await open("/f1-turn-duration");
    await redraws("choosing (all)", () => page.getByLabel("(all)", {exact: true}).check());
    expect(await page.locator("figure svg g[aria-label='line'] path").count()).toBe(4);
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("reads well on a phone and in the dark", async () => {
    await eachPage(pages, async (path) => {
      const {page, settled} = await open(path, {width: 375, colorScheme: "dark"});
      const {scroll, width, background} = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        background: getComputedStyle(document.body).backgroundColor
      }));
      expect(scroll, `${path} overflows at phone width`).toBeLessThanOrEqual(width);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b, `${path} background in dark mode: ${background}`).toBeLessThan(150);
      expect(await settled()).toEqual([]);
      await page.close();
    });
  }, WALK_MS);
});
