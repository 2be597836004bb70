// What the site publishes, built once from a fleet of K = 5 users (the default threshold
// of a fleet) whose transcripts carry a canary in every text field
// (test/helpers/canary.ts) and markup in every name the site shows (model names, tool names, MCP server and tool
// names), and where a model and a tool are used by K−1 users only:
// - privacy: no canary, no user, session or tool call id in any file of dist/;
// - small cells: the K−1 model and tool appear in no file of dist/ (every Parquet file
//   decoded, every JSON file read), while cells of K users do;
// - escaping: every page opens in Chromium under its Content-Security-Policy, the names
//   show as text in selects, tables and tooltips, and none of the markup runs.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {build} from "../../scripts/build.ts";
import {tmp} from "../helpers/cli.ts";
import {CANARY, canaryFleet, SESSION} from "../helpers/canary.ts";
import {Transcript, writeTree} from "../helpers/transcript.ts";
import {BROWSER, eachPage, openSite, pagesOf, type Site, WALK_MS} from "../helpers/chromium.ts";

const K = 5;
const HOSTILE_MODEL = `claude-<script>window.__pwned=1</script>`;
const HOSTILE_TOOL = `<img src=x onerror="window.__pwned=1">`;
const HOSTILE_MCP = `mcp__evil<script>window.__pwned=2</script>__send<svg onload="window.__pwned=3">`;
const RARE_MODEL = "rare-model-of-k-minus-one-users";
const RARE_TOOL = "RareToolOfKMinusOneUsers";

function session(u: number, s: number, model: string, tools: string[]): Transcript {
  // Two rounds three days apart, so that F1 has lines of several days.
  const t = new Transcript(`5a1e0000-0000-4000-8000-${String(u * 10 + s).padStart(12, "0")}`, undefined, Date.parse("2026-01-05T09:00:00Z") + (u * 2 + (s % 2)) * 3600e3 + (s >> 1) * 3 * 86400e3);
  t.prompt(0, "tidy the repository", {permissionMode: "default"});
  tools.forEach((name, i) => {
    t.assistant(1 + i * 2, [{type: "tool_use", id: `toolu_${u}_${s}_${i}`, name, input: {command: name === "Bash" ? "rm -rf build" : "ls"}}], {}, model);
    t.result(2 + i * 2, `toolu_${u}_${s}_${i}`, "ok");
  });
  t.assistant(30, [{type: "text", text: "Done."}], {}, model);
  return t;
}

const USERS = Array.from({length: K}, (_, u) => `usercanary-${u}`);

/** K users with the canary and the hostile names; K−1 of them also with the rare model and tool. */
function fleet(): string {
  const files = canaryFleet(USERS);
  for (const [u, user] of USERS.entries()) {
    for (const round of [0, 2]) {
      const a = session(u, round, HOSTILE_MODEL, [HOSTILE_TOOL, HOSTILE_MCP, "Bash"]);
      files[`${user}/projects/-home-app/${a.sessionId}.jsonl`] = a.toString();
      if (u < K - 1) {
        const b = session(u, round + 1, RARE_MODEL, [RARE_TOOL, "Bash"]);
        files[`${user}/projects/-home-app/${b.sessionId}.jsonl`] = b.toString();
      }
    }
  }
  return writeTree(files);
}

const filesUnder = (dir: string) => readdirSync(dir, {recursive: true}).map(String).filter((f) => statSync(join(dir, f)).isFile());

let dist: string;
let site: Site;

beforeAll(async () => {
  dist = join(tmp(), "dist");
  const env: NodeJS.ProcessEnv = {...process.env, AUTONOMY_OUTPUT: dist, AUTONOMY_CACHE: tmp(), AUTONOMY_LOGS: fleet()};
  delete env.AUTONOMY_MIN_USERS; // the default of a fleet
  const built = await build(env);
  expect(built.status, built.output).toBe(0);
  expect(built.output).not.toContain(CANARY);
  site = await openSite(dist);
});

afterAll(async () => {
  await site?.close();
});

describe("privacy", () => {
  test("the built site holds aggregates of the fleet, and no canary, user, session or tool call id", async () => {
    const files = filesUnder(dist);
    expect(files.filter((f) => f.endsWith(".parquet")).length).toBeGreaterThan(10);
    const needles = [CANARY, "usercanary", SESSION(0, 0), SESSION(4, 1), "5a1e0000-", "toolu_", "c0de0000-"];
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const file of files) {
      const path = join(dist, file);
      // Parquet is compressed: read its rows back, as well as its bytes.
      const text = file.endsWith(".parquet") ? JSON.stringify((await db.runAndReadAll(`select * from read_parquet('${path}')`)).getRowObjectsJson()) : "";
      const bytes = readFileSync(path);
      for (const needle of needles) expect(bytes.includes(needle) || text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
    db.closeSync();
  });
});

describe("small cells", () => {
  test(`a cell of K−1 users reaches no file of dist/; cells of K = ${K} users do`, async () => {
    const files = filesUnder(dist);
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    const decoded: Record<string, string> = {};
    for (const file of files) {
      const path = join(dist, file);
      decoded[file] = file.endsWith(".parquet") ? JSON.stringify((await db.runAndReadAll(`select * from read_parquet('${path}')`)).getRowObjectsJson()) : readFileSync(path, "latin1");
    }
    db.closeSync();
    expect(Object.keys(decoded).filter((f) => f.endsWith(".parquet")).length).toBeGreaterThan(10);
    const provenance = Object.entries(decoded).find(([f]) => /provenance\.[0-9a-f]+\.json$/.test(f))!;
    expect(JSON.parse(provenance[1])).toMatchObject({minUsers: K, users: K});
    for (const [file, text] of Object.entries(decoded)) {
      expect(text.includes(RARE_MODEL), `${RARE_MODEL} in ${file}`).toBe(false);
      expect(text.includes(RARE_TOOL), `${RARE_TOOL} in ${file}`).toBe(false);
    }
    // One person's points are theirs alone: a fleet's site publishes none.
    const points = Object.entries(decoded).filter(([f]) => /(f1-your-turns|f2-your-sessions|f3-your-turns)\.[0-9a-f]+\.parquet$/.test(f));
    expect(points.map(([, rows]) => rows)).toEqual(["[]", "[]", "[]"]);
    const f1 = Object.entries(decoded).find(([f]) => /f1-turn-duration\.[0-9a-f]+\.parquet$/.test(f))![1];
    expect(f1).toContain(JSON.stringify(HOSTILE_MODEL).slice(1, -1));
    const f7 = Object.entries(decoded).find(([f]) => /f7-risk-autonomy\.[0-9a-f]+\.parquet$/.test(f))![1];
    expect(f7).toContain(JSON.stringify(HOSTILE_TOOL).slice(1, -1));
  });
});

describe(`text from logs is shown as text, in ${BROWSER}`, () => {
  /** What on the page ran or was injected: the flag, elements the markup would make. */
  const injected = (page: import("playwright-core").Page) =>
    page.evaluate(() => ({
      pwned: (window as unknown as {__pwned?: number}).__pwned ?? null,
      elements: document.querySelectorAll('img[src="x"], svg[onload], script:not([src])').length - document.querySelectorAll("script:not([src])[type]").length
    }));

  test("every page opens clean and stays so until it settles, and no markup from the logs runs", async () => {
    const pages = pagesOf(readdirSync(dist));
    expect(pages.length).toBeGreaterThan(10);
    await eachPage(pages, async (path) => {
      const {page, settled} = await site.open(path);
      expect(await settled()).toEqual([]);
      expect((await injected(page)).pwned, path).toBe(null);
      await page.close();
    });
  }, WALK_MS);

  test("F1's model select offers the name as text; choosing it redraws, and nothing runs", async () => {
    const {page, settled, redraws} = await site.open("/f1-turn-duration");
    const scripts = (await injected(page)).elements;
    const options = await page.locator("select option").allTextContents();
    expect(options).toContain(HOSTILE_MODEL);
    await redraws("choosing the hostile model", () => page.locator("select").first().selectOption({label: HOSTILE_MODEL}));
    expect(await page.locator("figure svg g[aria-label='line'] path").count()).toBeGreaterThan(0);
    expect(await injected(page)).toEqual({pwned: null, elements: scripts});
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("F7's table and tooltips show tool names as text, and nothing runs", async () => {
    const {page, settled} = await site.open("/f7-risk-autonomy");
    const scripts = (await injected(page)).elements;
    const table = await page.locator("table", {hasText: "Irreversible"}).textContent();
    expect(table).toContain(HOSTILE_TOOL);
    expect(table).toContain(`send<svg onload="window.__pwned=3">`);
    // The two hostile tools score alike (their dots lie on one another: a tip shows one of
    // them); Bash's command puts its dot elsewhere.
    const dots = page.locator("svg g[aria-label='dot'] circle");
    const tips: string[] = [];
    for (let i = 0; i < Math.min(await dots.count(), 8); i++) {
      await dots.nth(i).hover({force: true});
      tips.push((await page.locator("svg [aria-label='tip']").allTextContents()).join(" "));
    }
    // (A tip wraps long names at spaces, so it is matched up to the first one.)
    expect(tips.join(" ")).toMatch(/<img src=x|<\/script>__send<svg/);
    expect(await injected(page)).toEqual({pwned: null, elements: scripts});
    expect(await settled()).toEqual([]);
    await page.close();
  });

  test("F9's table shows the model name as text, and nothing runs", async () => {
    const {page, settled} = await site.open("/f9-overhang");
    expect(await page.locator("table", {hasText: "Longest"}).textContent()).toContain(HOSTILE_MODEL);
    expect((await injected(page)).pwned).toBe(null);
    expect(await settled()).toEqual([]);
    await page.close();
  });
});
