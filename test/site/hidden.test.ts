// A site where the publication threshold hides every cell: one person's logs (real
// transcripts from test/fixtures) built with a threshold of 2 people. No page may leave its
// reader with an empty filter, a bare dash, a "null" or an empty table: each hidden cell
// says that it is hidden, by which threshold, and how whoever builds the site changes it;
// the home page says so once for the whole report.
import {cpSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {BROWSER, eachPage, openSite, pagesOf, type Site, WALK_MS} from "../helpers/chromium.ts";
import {FIXTURES, tmp} from "../helpers/cli.ts";
import {SMALL, testCache} from "../helpers/fleet.ts";
import {emptiness} from "../helpers/page-text.ts";

let site: Site;
let pages: string[];

beforeAll(async () => {
  const logs = tmp();
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(logs, "projects"), {recursive: true});
  const output = join(tmp(), "dist");
  const built = await build({...process.env, ...SMALL, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs, AUTONOMY_MIN_USERS: "2"});
  expect(built.status, built.output).toBe(0);
  pages = pagesOf(readdirSync(output));
  site = await openSite(output);
});

afterAll(async () => {
  await site?.close();
});

describe(`a site whose every cell is hidden, in ${BROWSER}`, () => {
  test("no page shows an empty filter, a bare dash, a null or an empty table, and every hidden chart or table says why and what to do", async () => {
    const findings = pages.filter((p) => /^\/f\d+-/.test(p));
    expect(findings).toHaveLength(10);
    await eachPage(pages, async (path) => {
      const {page, settled} = await site.open(path);
      expect(await emptiness(page), path).toEqual({emptySelects: [], dashes: [], nulls: [], noResults: 0});
      const notes = await page.locator(".no-cells").allInnerTexts();
      if (findings.includes(path)) expect(notes.length, path).toBeGreaterThan(0);
      for (const note of notes) {
        expect(note, path).toContain("drawn from 2 or more people");
        expect(note, path).toContain("npm run build -- --min-users 1");
      }
      expect(await settled(), path).toEqual([]);
      await page.close();
    });
  }, WALK_MS);

  test("each published figure says its cell is hidden, under which threshold, and the home page says what to do once", async () => {
    const {page, settled} = await site.open("/");
    const ours = await page.locator("table td.ours").allInnerTexts();
    expect(ours.length).toBeGreaterThan(10);
    // Hidden, or (a cell such as 750 sessions and more) not in one person's logs at all.
    expect(ours.filter((o) => o !== "none in these logs").length).toBeGreaterThan(0);
    for (const o of ours) expect(["not shown (< 2 people)", "none in these logs"]).toContain(o);
    const note = await page.locator(".threshold-note").innerText();
    // Every figure these logs hold a cell for is hidden: nothing passes the threshold.
    const [, hidden, all] = /(\d+) of the (\d+) figures these logs hold a cell for are hidden/.exec(note)!.map(Number);
    expect(hidden).toBe(all);
    expect(note).toContain("npm run build -- --min-users 1");
    expect(await settled()).toEqual([]);
    await page.close();
    const f2 = await site.open("/f2-auto-approve");
    expect(await f2.page.locator(".comparison .ours .source").first().innerText()).toContain("Its cell is drawn from fewer than 2 people");
    expect(await f2.page.locator(".basis").count()).toBe(0);
    expect(await f2.settled()).toEqual([]);
    await f2.page.close();
  });
});
