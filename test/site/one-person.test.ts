// The site built from one person's logs (real transcripts from test/fixtures, as
// `AUTONOMY_LOGS=~/.claude npm run build` reads a person's own): every page opens clean,
// the home page opens on their profile, the sentences the terminal prints, and F2 and F3
// draw their sessions over the embedded default's curves (here the small fleet's).
import {cpSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {profileText} from "../../loaders/profile/format.ts";
import type {Profile} from "../../loaders/profile/profile.ts";
import {build} from "../../scripts/build.ts";
import {BROWSER, eachPage, openSite, pagesOf, type Site, WALK_MS} from "../helpers/chromium.ts";
import {cli, FIXTURES, sqlOn, tmp} from "../helpers/cli.ts";
import {SMALL, testCache} from "../helpers/fleet.ts";
import {runLoader} from "../helpers/site-corpus.ts";
import {loaderEnv} from "../../loaders/site/built.ts";
import {canonicalTables} from "../../loaders/site/tables.ts";

let site: Site;
let pages: string[];
let logs: string;
let output: string;

beforeAll(async () => {
  logs = tmp();
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(logs, "projects"), {recursive: true});
  cpSync(join(FIXTURES, "claude-code-viewer", "projects"), join(logs, "projects"), {recursive: true});
  output = join(tmp(), "dist");
  // The population behind the person is the embedded default of the size AUTONOMY_FLEET names.
  const env: NodeJS.ProcessEnv = {...process.env, ...SMALL, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs};
  delete env.AUTONOMY_MIN_USERS; // one person's logs: the threshold is one user
  const built = await build(env);
  expect(built.status, built.output).toBe(0);
  pages = pagesOf(readdirSync(output));
  site = await openSite(output);
});

afterAll(async () => {
  await site?.close();
});

describe(`a site built from one person's logs, in ${BROWSER}`, () => {
  test("the home page opens on their profile: the terminal's sentences, section by section, each headed by a link to its finding's page", async () => {
    const run = cli([logs, "--json"], {HOME: tmp()});
    expect(run.code, run.stderr).toBe(0);
    const want = profileText(JSON.parse(run.stdout) as Profile);
    const {page, settled} = await site.open("/");
    const shown = await page.locator(".profile .profile-finding").evaluateAll((sections) =>
      sections.map((s) => ({title: s.querySelector("h3")?.textContent, page: s.querySelector("h3 a")?.getAttribute("href")?.replace("./", ""), lines: [...s.querySelectorAll("p:not(.study)")].map((p) => p.textContent), study: [...s.querySelectorAll("p.study")].map((p) => p.textContent)}))
    );
    expect(shown).toEqual(want.sections);
    for (const s of want.sections) expect(pages, s.title).toContain(`/${s.page}`);
    expect(await page.locator(".profile > p").first().textContent()).toBe(want.about.join(""));
    expect(await settled()).toEqual([]);
    await page.close();
  });

  /** Opens a page and waits for one dot for each of what `count` counts in the person's tables (more than `least`), by SQL of the test's own. */
  async function drawsOneDotEach(path: string, count: string, least: number) {
    const out = join(tmp(), "tables");
    expect(cli([logs, "--json", "--out", out], {HOME: tmp()}).code).toBe(0);
    const [{n}] = await sqlOn(out, `select (${count})::INTEGER as n from turns as t join sessions as s using (user_id, session_id) where s.interactive and s.agent = 'claude-code'`);
    expect(n).toBeGreaterThan(least);
    const visit = await site.open(path);
    await expect.poll(() => visit.page.locator("svg g[aria-label='dot'] circle").count()).toBe(n);
    return visit;
  }

  test("F3 draws the person's own sessions as points, over the population's curve in place of a smoother over one person", async () => {
    const {page, settled} = await drawsOneDotEach("/f3-interrupts", "count(distinct s.tenure) filter (s.logs_approvals)", 1);
    expect(await page.getByText("each dot is one of your sessions").count()).toBe(1);
    expect(await page.locator("svg g[aria-label='area']").count()).toBe(1);
    expect(await page.locator("svg g[aria-label='area']").getAttribute("fill")).toBe("var(--theme-population)");
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("F1 draws each of the person's turns against the study's figures, in place of a week's quantiles of a handful of turns", async () => {
    const {page, settled} = await drawsOneDotEach("/f1-turn-duration", "count(*) filter (t.duration_s > 0)", 5);
    expect(await page.locator("svg g[aria-label='line']").count()).toBe(0);
    expect(await page.locator("svg g[aria-label='rule'] line").count()).toBe(2);
    expect(await page.getByText("each dot is one of your turns").count()).toBe(1);
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("the curves behind the person's points are the embedded default's, as its own site publishes them", async () => {
    const fleet = loaderEnv(await canonicalTables({...process.env, ...SMALL, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: "", AUTONOMY_MIN_USERS: ""}));
    const published = readdirSync(join(output, "_file", "data"));
    for (const name of ["f2-auto-approve-lowess", "f3-interrupts-lowess"]) {
      const file = published.find((f) => f.startsWith(`${name}.`) && f.endsWith(".parquet"))!;
      expect(readFileSync(join(output, "_file", "data", file)).equals(runLoader(`${name}.parquet.ts`, fleet)), name).toBe(true);
    }
  });

  test("F2 draws the population's curve even where none of the person's sessions logged its level, and says why they are missing", async () => {
    const {page, settled} = await site.open("/f2-auto-approve");
    await expect.poll(() => page.locator("svg g[aria-label='area']").count()).toBe(1);
    expect(await page.getByText("none of your sessions in this selection logged its permission mode").count()).toBe(1);
    expect(await page.getByText("generated data calibrated to the study, not people measured").count()).toBe(1);
    expect(await page.locator(".no-cells").count()).toBe(0);
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("every page opens clean and stays so until it settles", async () => {
    expect(pages.length).toBeGreaterThan(10);
    await eachPage(pages, async (path) => {
      const {page, settled} = await site.open(path);
      expect(await settled(), path).toEqual([]);
      await page.close();
    });
  }, WALK_MS);
});
