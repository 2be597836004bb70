// Sites whose threshold hides cells, from real transcripts in test/fixtures. One person's
// logs built with a threshold of 2 people, where every cell is hidden: no page may leave
// its reader with an empty filter, a bare dash, a "null" or an empty table; each hidden cell
// says that it is hidden, by which threshold, and how whoever builds the site changes it;
// the home page says so once for the whole report. A team of four at a threshold of 2: two
// Claude Code users three months apart, whom no 7-day window holds together, so F1 shows
// the whole period instead; two Codex users a month apart, whom no month holds together,
// so F10 shows their quarter instead. A team of seven that collects only OpenTelemetry
// (Claude Code's events and agents' spans), as the project's generator writes it, at the
// threshold a site is built with unless told otherwise: where the events do not record what
// a page reads (permission modes, prompts' text, the words a stop's reason is told from),
// the page says that, not the threshold, which no rebuild would change.
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
      // These transcripts (before Claude Code 2.0) log no permission mode: F2's chart says so, as no threshold would change it.
      const modes = notes.filter((note) => note.startsWith("No session of these logs records its permission mode"));
      expect(modes.length, path).toBe(path === "/f2-auto-approve" ? 1 : 0);
      for (const note of notes.filter((n) => !modes.includes(n))) {
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
    const hiddenOne = page.locator("table tr[data-figure]", {has: page.locator("td.ours", {hasText: "not shown (< 2 people)"})}).first();
    const [hiddenId, hiddenPage] = [await hiddenOne.getAttribute("data-figure"), await hiddenOne.locator("a").getAttribute("href")];
    expect(ours.length).toBeGreaterThan(10);
    // Hidden, or (a cell such as 750 sessions and more) not in one person's logs at all.
    expect(ours.filter((o) => o !== "none in these logs").length).toBeGreaterThan(0);
    for (const o of ours) expect(["not shown (< 2 people)", "none in these logs", "not recorded in these logs"]).toContain(o);
    const note = await page.locator(".threshold-note").innerText();
    // Every figure these logs hold a cell for is hidden: nothing passes the threshold.
    const [, hidden, all] = /(\d+) of the (\d+) figures these logs hold a cell for are hidden/.exec(note)!.map(Number);
    expect(hidden).toBe(all);
    expect(note).toContain("npm run build -- --min-users 1");
    expect(await settled()).toEqual([]);
    await page.close();
    // A hidden figure's card, on its finding's page, says by which threshold and how to see it.
    const card = await site.open(hiddenPage!.replace(/^\./, ""));
    const source = card.page.locator(`.comparison[data-figure="${hiddenId}"] .ours .source`);
    expect(await source.innerText()).toContain("Its cell is drawn from fewer than 2 people, the fewest this site publishes a number for; a site built for yourself with npm run build -- --min-users 1 shows it");
    expect(await card.page.locator(".basis").count()).toBe(0);
    expect(await card.settled()).toEqual([]);
    await card.page.close();
    // F2's first cell is there, but these transcripts log no permission mode: a rebuild at any threshold would not change it.
    const f2 = await site.open("/f2-auto-approve");
    expect(await f2.page.locator(".comparison .ours .source").first().innerText()).toContain("Nothing in its cell records what this figure measures");
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

describe(`a site of a team of seven that collects only OpenTelemetry, generated, at the default threshold, in ${BROWSER}`, () => {
  let team: Site;
  let teamPages: string[];

  beforeAll(async () => {
    const logs = join(tmp(), "team");
    const made = cli(["generate", "--users", "0", "--codex-users", "0", "--telemetry-users", "7", "--api-agents", "2", "--seed", "otel team", "--out", logs, "-q"]);
    expect(made.code, made.stderr).toBe(0);
    const output = join(tmp(), "dist");
    const env: NodeJS.ProcessEnv = {...process.env, ...SMALL, AUTONOMY_OUTPUT: output, AUTONOMY_CACHE: testCache(), AUTONOMY_LOGS: logs};
    delete env.AUTONOMY_MIN_USERS;
    const built = await build(env);
    expect(built.status, built.output).toBe(0);
    expect(built.output).toContain("cells hidden as drawn from fewer than 5 people: ");
    teamPages = pagesOf(readdirSync(output));
    team = await openSite(output);
  });

  afterAll(async () => {
    await team?.close();
  });

  // What each page cannot draw from Claude Code's events, in the words its note gives.
  const unrecorded: Record<string, RegExp> = {
    "/f2-auto-approve": /^No session of these logs records its permission mode: Claude Code's telemetry events do not log it/,
    "/f5-reasons": /^No stop in these logs has the words its reason is told from .*: telemetry does not log them/,
    "/f10-outcomes": /^No session of these logs records what the person typed: Claude Code's telemetry events and agents' spans do not log it/
  };

  test("no page shows an empty filter, a bare dash or a null; a page that draws nothing says what the events do not record, every other hidden cell the threshold", async () => {
    await eachPage(teamPages, async (path) => {
      const {page, settled} = await team.open(path);
      expect(await emptiness(page), path).toEqual({emptySelects: [], dashes: [], nulls: [], noResults: 0});
      const notes = await page.locator(".no-cells").allInnerTexts();
      if (unrecorded[path]) {
        expect(notes.length, path).toBeGreaterThan(0);
        for (const note of notes) expect(note, path).toMatch(unrecorded[path]);
      } else for (const note of notes) expect(note, path).toContain("drawn from 5 or more people");
      // What the events do record is drawn: working time, interrupts (the person's refusals), involvement, the tail.
      if (["/f1-turn-duration", "/f3-interrupts", "/f6-involvement", "/f9-overhang"].includes(path)) {
        expect(notes, path).toEqual([]);
        // F1 may show the whole period's quantiles where no 7-day window holds 5 of the 7.
        expect(await page.locator("main figure svg, main svg[class*=plot], main .coarser").count(), path).toBeGreaterThan(0);
      }
      expect(await settled(), path).toEqual([]);
      await page.close();
    });
  }, WALK_MS);

  test("each figure set beside the study's has a value, or says why not: hidden, not recorded, or none", async () => {
    const {page, settled} = await team.open("/");
    const ours: Record<string, string> = await page.locator("table tr[data-figure]").evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute("data-figure"), r.querySelector("td.ours")!.textContent])));
    for (const [id, o] of Object.entries(ours)) expect(o, id).toMatch(/^(-?\d|not shown \(< 5 people\)$|not recorded in these logs$|none in these logs$)/);
    // F2's first figure: the sessions are there, from more than 5 people, but none logged its mode.
    expect(ours["f2.new"]).toBe("not recorded in these logs");
    expect(Object.values(ours).filter((o) => /^\d/.test(o)).length).toBeGreaterThan(3);
    expect(await settled()).toEqual([]);
    await page.close();
  });
});
