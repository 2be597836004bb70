// The real rollouts in test/fixtures/codex, ingested by the command a user runs, as one
// fleet of four Codex homes. Expected figures were counted by hand (its SOURCE.md).
import {cpSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {cli, FIXTURES, ingestQuietly, readReport, sqlOn, tmp} from "../../helpers/cli.ts";

describe("four real Codex homes, 0.40 to 0.94 and the legacy format", () => {
  const {out, report} = ingestQuietly(join(FIXTURES, "codex"));

  test("every line of the four rollouts is read, none skipped", () => {
    expect(report).toMatchObject({files: 4, lines: 237, parsed: 237, duplicates: 0, skipped: {}, tables: {sessions: 4, turns: 7, tool_calls: 26, stops: 2}});
  });

  test("each session: where it ran, its version, level, turns, calls, refusals and interrupts", async () => {
    expect(await sqlOn(out, "select user_id, left(session_id, 8) as s, source, kind, entrypoint, interactive, version, auto_approve, n_turns, n_tool_calls, n_rejections, n_interrupts, n_interventions from sessions order by user_id")).toEqual([
      {user_id: "agentic-neurodata-conversion", s: "0199865a", source: "codex", kind: "rollouts", entrypoint: "vscode", interactive: true, version: "0.40.0", auto_approve: "edits", n_turns: 1, n_tool_calls: 4, n_rejections: 3, n_interrupts: 1, n_interventions: 1},
      {user_id: "code_butler", s: "019ab760", source: "codex", kind: "rollouts", entrypoint: "cli", interactive: true, version: "0.63.0", auto_approve: "edits", n_turns: 2, n_tool_calls: 12, n_rejections: 0, n_interrupts: 1, n_interventions: 1},
      {user_id: "ocodex", s: "40cb3c9c", source: "codex", kind: "rollouts", entrypoint: null, interactive: null, version: null, auto_approve: "edits", n_turns: 2, n_tool_calls: 2, n_rejections: 0, n_interrupts: 0, n_interventions: 0},
      {user_id: "test-framework", s: "019c2a3a", source: "codex", kind: "rollouts", entrypoint: "cli", interactive: true, version: "0.94.0", auto_approve: "edits", n_turns: 2, n_tool_calls: 8, n_rejections: 0, n_interrupts: 0, n_interventions: 0}
    ]);
  });

  test("the turns: from the prompt to the agent's last line, as counted by hand; the legacy format's have no time", async () => {
    const turns = await sqlOn(out, "select left(session_id, 8) as s, turn_index, strftime(started_at, '%H:%M:%S.%g') as start, strftime(ended_at, '%H:%M:%S.%g') as stop, duration_s, n_tool_calls, end_reason, permission_mode from turns order by s, turn_index");
    expect(turns.map((t) => [t.s, t.turn_index, t.start, t.stop, t.duration_s, t.n_tool_calls, t.end_reason])).toEqual([
      ["0199865a", 0, "14:08:55.428", "14:14:25.480", 330.052, 4, "interrupted"],
      ["019ab760", 0, "19:41:59.521", "19:42:01.417", 1.896, 0, "interrupted"],
      ["019ab760", 1, "19:42:25.151", "19:44:12.309", 107.158, 12, "completed"],
      ["019c2a3a", 0, "19:56:53.720", "19:57:27.992", 34.272, 4, "completed"],
      ["019c2a3a", 1, "19:57:35.426", "19:58:13.508", 38.082, 4, "completed"],
      ["40cb3c9c", 0, null, null, null, 1, "completed"],
      ["40cb3c9c", 1, null, null, null, 1, "completed"]
    ]);
    expect(new Set(turns.map((t) => t.permission_mode))).toEqual(new Set(["on-request/workspace-write"]));
  });

  test("the calls: refusals from the CLI's own words (errors too, as in every source), failures from the exit code; in a sandbox the agent may write in, the person is in the loop of the calls they refused only", async () => {
    expect(await sqlOn(out, "select tool_name, count(*)::INTEGER as n, count(*) filter (rejected)::INTEGER as refused, count(*) filter (is_error)::INTEGER as failed, count(*) filter (human_in_loop)::INTEGER as person from tool_calls group by 1 order by 2 desc, 1")).toEqual([
      {tool_name: "shell_command", n: 19, refused: 0, failed: 3, person: 0},
      {tool_name: "shell", n: 4, refused: 3, failed: 3, person: 3},
      {tool_name: "apply_patch", n: 1, refused: 0, failed: 0, person: 0},
      {tool_name: "search__search.query", n: 1, refused: 0, failed: 0, person: 0},
      {tool_name: "update_plan", n: 1, refused: 0, failed: 0, person: 0}
    ]);
    expect(await sqlOn(out, "select left(session_id, 8) as s, kind, how from stops order by s")).toEqual([
      {s: "0199865a", kind: "human", how: "interrupt"},
      {s: "019ab760", kind: "human", how: "interrupt"}
    ]);
  });
});

test("with no path, the ingest reads one person's Claude Code projects and Codex home, both: each agent's sessions counted in their own tenure", async () => {
  const home = tmp();
  cpSync(join(FIXTURES, "codex", "code_butler", "sessions"), join(home, ".codex", "sessions"), {recursive: true});
  cpSync(join(FIXTURES, "sniffly", "mock-data"), join(home, ".claude", "projects"), {recursive: true});
  const out = join(tmp(), "tables");
  const run = cli(["ingest", "--out", out, "--quiet"], {HOME: home, CLAUDE_CONFIG_DIR: "", CODEX_HOME: ""});
  expect(run.stderr).toBe("");
  expect(readReport(out).inputs).toHaveLength(2);
  expect(await sqlOn(out, "select source, agent, count(*)::INTEGER as n, list(tenure order by tenure) as tenures from sessions group by all order by 1")).toEqual([
    {source: "claude-code", agent: "claude-code", n: 3, tenures: [0, 1, 2]},
    // Its Codex session is its first with Codex, whenever its Claude Code sessions were.
    {source: "codex", agent: "codex", n: 1, tenures: [0]}
  ]);
});
