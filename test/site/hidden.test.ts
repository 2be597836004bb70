// Sites whose threshold hides cells, from real transcripts in test/fixtures. One person's
// logs built with a threshold of 2 people, where every cell is hidden: no page may leave
// its reader with an empty filter, a bare dash, a "null" or an empty table; each hidden cell
// says that it is hidden, by which threshold, and how whoever builds the site changes it;
// the home page says so once for the whole report. A team of four at a threshold of 2: two
// Claude Code users three months apart, whom no 7-day window holds together, so F1 shows
// the whole period instead; two Codex users a month apart, whom no month holds together,
// so F10 shows their quarter instead.
import {cpSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {BROWSER, eachPage, openSite, pagesOf, type Site, WALK_MS} from "../helpers/chromium.ts";
import {cli, FIXTURES, sqlOn, tmp} from "../helpers/cli.ts";
import {SMALL, testCache} from "../helpers/fleet.ts";
import {emptiness} from "../helpers/page-text.ts";

let site: Site;
let pages: string[];
let buildOutput: string;

beforeAll(async () => {
  const logs = tmp();
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(logs, "projects"), {recursive: true});
  const output = join(tmp(), "dist");
  const built = await build({...process.env, ...SMALL, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs, AUTONOMY_MIN_USERS: "2"});
  expect(built.status, built.output).toBe(0);
  buildOutput = built.output;
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

  test("the build says in one line how many cells it hid on each finding's page: here all of them", () => {
    const line = buildOutput.split("\n").find((l) => l.startsWith("cells hidden as drawn from fewer than 2 people: "))!;
    expect(line).toContain("npm run build -- --min-users 1");
    const counts = [...line.matchAll(/F(\d+) ([\d,]*\d) of ([\d,]*\d)/g)].map((m) => ({finding: Number(m[1]), hidden: m[2], all: m[3]}));
    expect(counts.map((c) => c.finding)).toEqual([...new Set(counts.map((c) => c.finding))].sort((a, b) => a - b));
    expect(counts.length).toBeGreaterThanOrEqual(8);
    for (const c of counts) expect(c.hidden, `F${c.finding}`).toBe(c.all);
    expect(counts.some((c) => c.all !== "0")).toBe(true);
  });

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

describe(`a site of a team whose weeks and months each hold one person, in ${BROWSER}`, () => {
  let team: Site;
  let logs: string;

  beforeAll(async () => {
    logs = tmp();
    cpSync(join(FIXTURES, "sniffly", "mock-data"), join(logs, "alice", "projects"), {recursive: true});
    cpSync(join(FIXTURES, "claude-code-viewer", "projects"), join(logs, "bob", "projects"), {recursive: true});
    cpSync(join(FIXTURES, "codex", "ocodex", "sessions"), join(logs, "dave", "sessions"), {recursive: true});
    cpSync(join(FIXTURES, "codex", "agentic-neurodata-conversion", "sessions"), join(logs, "erin", "sessions"), {recursive: true});
    const output = join(tmp(), "dist");
    const built = await build({...process.env, ...SMALL, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs, AUTONOMY_MIN_USERS: "2"});
    expect(built.status, built.output).toBe(0);
    team = await openSite(output);
  });

  afterAll(async () => {
    await team?.close();
  });

  test("F1 shows the whole period's quantiles, the coarser cell that passes, and says why", async () => {
    const out = join(tmp(), "tables");
    expect(cli(["ingest", logs, "--out", out, "--quiet"]).code).toBe(0);
    const [want] = await sqlOn(
      out,
      `select quantile_cont(t.duration_s, [0.5, 0.9, 0.99, 0.999]) as q, count(distinct t.user_id)::INTEGER as users
       from turns as t join sessions as s using (user_id, session_id)
       where s.interactive and s.agent = 'claude-code' and t.duration_s is not null`
    );
    expect(want.users).toBe(2);
    const {page, settled} = await team.open("/f1-turn-duration");
    const coarser = page.locator(".coarser");
    expect(await coarser.locator("em").innerText()).toContain("No 7-day window of this selection is drawn from 2 or more people");
    const shown = await coarser.locator("tbody td").allInnerTexts();
    // In seconds under a minute, else minutes, two significant digits.
    const words = (m: number) => (m < 1 ? `${+(m * 60).toPrecision(2)} s` : `${+m.toPrecision(2)} min`);
    expect(shown).toEqual((want.q as number[]).map((s) => words(s / 60)));
    expect(await page.locator(".no-cells").count()).toBe(0);
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("F10 shows Codex's quarter, the coarser cell that passes, where no month holds both its users, and says why", async () => {
    const out = join(tmp(), "tables");
    expect(cli(["ingest", logs, "--out", out, "--quiet"]).code).toBe(0);
    const sessions = await sqlOn(out, "select strftime(started_at, '%Y-%m') as month, count(distinct user_id)::INTEGER as users from sessions where agent = 'codex' group by all");
    expect(sessions.length).toBeGreaterThan(1);
    for (const m of sessions) expect(m.users).toBe(1);
    const {page, settled} = await team.open("/f10-outcomes");
    await page.getByLabel("Agent").first().selectOption({label: "Codex"});
    const interventions = page.locator(".coarser").first();
    await expect.poll(() => interventions.locator("em").innerText()).toContain("No month of this selection is drawn from 2 or more people");
    expect(await interventions.locator("[aria-label='x-axis label']").textContent()).toContain("Quarter");
    expect(await interventions.locator("svg g[aria-label='line'] path").count()).toBe(1);
    expect(await settled()).toEqual([]);
    await page.close();
  });
});
