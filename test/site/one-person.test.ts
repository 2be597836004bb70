// The site built from one person's logs (real transcripts from test/fixtures, as
// `AUTONOMY_LOGS=~/.claude npm run build` reads a person's own): every page opens clean,
// and the home page opens on their profile, the sentences the terminal prints.
import {cpSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {profileText} from "../../loaders/profile/format.ts";
import type {Profile} from "../../loaders/profile/profile.ts";
import {build} from "../../scripts/build.ts";
import {BROWSER, eachPage, openSite, pagesOf, type Site, WALK_MS} from "../helpers/chromium.ts";
import {cli, FIXTURES, sqlOn, tmp} from "../helpers/cli.ts";
import {testCache} from "../helpers/fleet.ts";

let site: Site;
let pages: string[];
let logs: string;

beforeAll(async () => {
  logs = tmp();
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(logs, "projects"), {recursive: true});
  cpSync(join(FIXTURES, "claude-code-viewer", "projects"), join(logs, "projects"), {recursive: true});
  const output = join(tmp(), "dist");
  const env: NodeJS.ProcessEnv = {...process.env, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs};
  delete env.AUTONOMY_MIN_USERS; // one person's logs: the threshold is one user
  delete env.AUTONOMY_FLEET;
  const built = await build(env);
  expect(built.status, built.output).toBe(0);
  pages = pagesOf(readdirSync(output));
  site = await openSite(output);
});

afterAll(async () => {
  await site?.close();
});

describe(`a site built from one person's logs, in ${BROWSER}`, () => {
  test("the home page opens on their profile: the terminal's sentences, section by section", async () => {
    const run = cli([logs, "--json"], {HOME: tmp()});
    expect(run.code, run.stderr).toBe(0);
    const want = profileText(JSON.parse(run.stdout) as Profile);
    const {page, settled} = await site.open("/");
    const shown = await page.locator(".profile .profile-finding").evaluateAll((sections) =>
      sections.map((s) => ({title: s.querySelector("h3")?.textContent, lines: [...s.querySelectorAll("p:not(.study)")].map((p) => p.textContent), study: [...s.querySelectorAll("p.study")].map((p) => p.textContent)}))
    );
    expect(shown).toEqual(want.sections);
    expect(await page.locator(".profile > p").first().textContent()).toBe(want.about.join(""));
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("F3 draws the person's own sessions as points, in place of a smoother over one person", async () => {
    const out = join(tmp(), "tables");
    expect(cli([logs, "--json", "--out", out], {HOME: tmp()}).code).toBe(0);
    const [want] = await sqlOn(out, "select count(distinct s.tenure)::INTEGER as n from turns as t join sessions as s using (user_id, session_id) where s.logs_approvals and s.interactive and s.agent = 'claude-code'");
    expect(want.n).toBeGreaterThan(1);
    const {page, settled} = await site.open("/f3-interrupts");
    await expect.poll(() => page.locator("svg g[aria-label='dot'] circle").count()).toBe(want.n);
    expect(await page.getByText("each dot is one of your sessions").count()).toBe(1);
    expect(await page.locator("svg g[aria-label='area']").count()).toBe(0);
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
