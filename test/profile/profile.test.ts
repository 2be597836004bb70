// `agent-autonomy` with no command, on one person's home of real logs (Claude Code
// transcripts and a Codex rollout from test/fixtures): every number it prints is checked
// against the tables the same run wrote (--out), by SQL written here, not the metric's.
import {cpSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import type {Profile} from "../../loaders/profile/profile.ts";
import {cli, FIXTURES, sqlOn, tmp} from "../helpers/cli.ts";

let home: string;
let out: string;
let profile: Profile;
let text: string;
const env = () => ({HOME: home, CLAUDE_CONFIG_DIR: "", CODEX_HOME: ""});

beforeAll(() => {
  home = tmp();
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(home, ".claude", "projects"), {recursive: true});
  cpSync(join(FIXTURES, "claude-code-viewer", "projects"), join(home, ".claude", "projects"), {recursive: true});
  cpSync(join(FIXTURES, "codex", "code_butler", "sessions"), join(home, ".codex", "sessions"), {recursive: true});
  out = join(tmp(), "tables");
  const json = cli(["--json", "--out", out], env());
  expect(json.code, json.stderr).toBe(0);
  profile = JSON.parse(json.stdout);
  const run = cli([], env());
  expect(run.code, run.stderr).toBe(0);
  text = run.stdout;
});

/** Interactive Claude Code turns, as the profile reads them. */
const TURNS = "from turns as t join sessions as s using (user_id, session_id) where s.agent = 'claude-code' and s.interactive";

describe("agent-autonomy with no command: a profile of one person's logs", () => {
  test("each agent's sessions, turns and days", async () => {
    expect(profile.agent).toBe("claude-code");
    expect(profile.agents).toEqual(
      (await sqlOn(out, "select agent, count(*)::INTEGER as sessions, sum(n_turns)::INTEGER as turns, min(started_at)::DATE::VARCHAR as first_day, max(started_at)::DATE::VARCHAR as last_day from sessions group by agent order by agent")).map((r) => ({
        ...r, label: r.agent === "codex" ? "Codex" : "Claude Code"
      }))
    );
  });

  test("the turns' working time: median, p99, and the longest with its day", async () => {
    const [want] = await sqlOn(out, `select count(*)::INTEGER as n, quantile_cont(duration_s, 0.5) as p50, quantile_cont(duration_s, 0.99) as p99, max(duration_s) as top, arg_max(t.started_at::DATE::VARCHAR, duration_s) as day ${TURNS} and duration_s is not null`);
    expect(profile.turns).toEqual({turns: want.n, p50_s: expect.closeTo(Number(want.p50), 9), p99_s: expect.closeTo(Number(want.p99), 9), longest_s: expect.closeTo(Number(want.top), 9), longest_day: want.day});
  });

  test("interrupts per 100 turns, of the turns whose source logs them", async () => {
    const [want] = await sqlOn(out, `select count(*)::INTEGER as n, 100 * count(*) filter (where end_reason = 'interrupted') / count(*) as per100 ${TURNS} and s.logs_approvals`);
    expect(profile.interrupts.turns).toBe(want.n);
    expect(profile.interrupts.per100).toBeCloseTo(Number(want.per100), 9);
  });

  test("the agent's stops and the person's interrupts per 100 turns, by complexity", async () => {
    const want = await sqlOn(out, `select t.complexity, count(*)::INTEGER as turns,
        100 * sum((select count(*) from stops as st where st.session_id = t.session_id and st.turn_index = t.turn_index and st.kind = 'agent')) / count(*) as agent,
        100 * count(*) filter (where t.end_reason = 'interrupted') / count(*) as human
      ${TURNS} and t.complexity is not null group by t.complexity order by list_position(['minimal', 'low', 'medium', 'high'], t.complexity)`);
    expect(profile.stops.rows.map((r) => [r.complexity, r.turns, r.agent_per100, r.human_per100])).toEqual(want.map((w) => [w.complexity, w.turns, expect.closeTo(Number(w.agent), 9), expect.closeTo(Number(w.human), 9)]));
  });

  test("the kinds of action cover every Claude Code call once, and each counts what its calls hold", async () => {
    const [want] = await sqlOn(out, "select count(*)::INTEGER as calls, count(*) filter (where risk > 5)::INTEGER as risky, count(human_in_loop)::INTEGER as told from tool_calls as c join sessions as s using (user_id, session_id) where s.agent = 'claude-code'");
    const sum = (k: "calls" | "risky" | "told") => profile.actions.reduce((s, a) => s + a[k], 0);
    expect([sum("calls"), sum("risky"), sum("told")]).toEqual([want.calls, want.risky, want.told]);
    const [shell] = await sqlOn(out, "select count(*)::INTEGER as calls, avg(risk) as risk from tool_calls as c join sessions as s using (user_id, session_id) where s.agent = 'claude-code' and tool_name = 'Bash'");
    expect(profile.actions.find((a) => a.kind === "shell commands")).toMatchObject({calls: shell.calls, risk: expect.closeTo(Number(shell.risk), 9)});
    expect(profile.actions.map((a) => a.risk ?? 0)).toEqual(profile.actions.map((a) => a.risk ?? 0).sort((a, b) => b - a));
  });

  test("the domains: each one's share of all calls with a domain", async () => {
    const want = await sqlOn(out, "select domain, count(*)::INTEGER as calls, count(*) / sum(count(*)) over () as share from tool_calls where domain is not null group by domain order by calls desc, domain");
    expect(profile.domains.map((d) => [d.domain, d.calls, d.share])).toEqual(want.map((w) => [w.domain, w.calls, expect.closeTo(Number(w.share), 9)]));
  });

  test("the terminal text: these numbers, in 80 columns, no colour off a terminal, and no text from the logs", async () => {
    expect(text.split("\n").filter((l) => l.length > 80)).toEqual([]);
    expect(text).not.toContain("\x1b[");
    const a = profile.agents.find((x) => x.agent === "claude-code")!;
    expect(text).toContain(`Claude Code: ${a.sessions} sessions, ${a.turns} turns`);
    expect(text).toContain(`${profile.interrupts.per100!.toFixed(1)} interrupts per 100 turns`);
    expect(text).toContain(`(${profile.turns!.longest_day})`);
    // What the logs hold and the profile must never show: models, tools, project paths, prompts.
    const held = await sqlOn(out, "select distinct model as v from sessions where model is not null union select distinct tool_name from tool_calls union select distinct version from sessions where version is not null");
    for (const {v} of held) expect(text, String(v)).not.toContain(String(v));
    for (const word of ["ai-music", "sample-project", "code_butler", "/Users/", "/home/"]) expect(text).not.toContain(word);
  });

  test("writes no tables unless asked; a path names other logs; help and unknown words are told apart", () => {
    const [alone, scratch] = [tmp(), tmp()];
    const run = cli([join(FIXTURES, "sniffly", "mock-data")], {HOME: alone, TMPDIR: scratch});
    expect(run.code, run.stderr).toBe(0);
    // Its tables were a scratch folder, removed (what else is there is Node tooling's cache).
    expect(readdirSync(scratch).filter((f) => f.startsWith("agent-autonomy"))).toEqual([]);
    expect(run.stdout).toMatch(/Claude Code: 3 sessions/);
    expect(run.stdout).not.toContain("Codex:");
    expect(cli(["help"]).stdout).toContain("Usage:");
    expect(cli(["--help"]).stdout).toContain("agent-autonomy [profile]");
    expect(cli(["ingset"])).toMatchObject({code: 2, stderr: "agent-autonomy: unknown command: ingset (see agent-autonomy help)\n"});
  });
});
