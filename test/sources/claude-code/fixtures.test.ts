// The real transcripts in test/fixtures, ingested by the command a user runs. Expected
// counts were verified by reading the files (see each fixture's SOURCE.md).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {currentTables} from "../../../loaders/ingest/output.ts";
import {cli, FIXTURES, readReport, sqlOn, tmp} from "../../helpers/cli.ts";

function ingest(path: string) {
  const out = join(tmp(), "tables");
  const run = cli(["ingest", path, "--out", out, "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report = readReport(out);
  const skipped = Object.values(report.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(report.lines).toBe(report.parsed + report.duplicates + skipped);
  return {out, report};
}

describe("sniffly: one real project, Claude Code 1.0.17", () => {
  const {out, report} = ingest(join(FIXTURES, "sniffly", "mock-data", "-Users-chip-dev-ai-music"));

  test("writes Parquet files", () => {
    for (const t of ["sessions", "turns", "tool_calls", "stops"]) expect(readFileSync(join(currentTables(out), `${t}.parquet`)).subarray(0, 4).toString()).toBe("PAR1");
  });

  test("three sessions (the summary-only file is none), 235 lines all parsed", async () => {
    expect(report).toMatchObject({files: 4, lines: 235, parsed: 235, duplicates: 0, skipped: {}, tables: {sessions: 3, turns: 13, tool_calls: 96, stops: 1}});
    expect(await sqlOn(out, "select left(session_id, 4) as s, n_turns, interactive, auto_approve, model from sessions order by started_at")).toEqual([
      {s: "ba79", n_turns: 6, interactive: true, auto_approve: null, model: "claude-sonnet-4-20250514"},
      {s: "d3ad", n_turns: 5, interactive: true, auto_approve: null, model: "claude-sonnet-4-20250514"},
      {s: "fed8", n_turns: 2, interactive: true, auto_approve: null, model: "claude-sonnet-4-20250514"}
    ]);
  });

  test("the 13 turns: start, stop, duration, tool calls and ending, as SOURCE.md computes them by hand", async () => {
    const turns = await sqlOn(out, "select left(session_id, 4) as s, strftime(started_at, '%H:%M:%S.%g') as start, strftime(ended_at, '%H:%M:%S.%g') as stop, duration_s, n_tool_calls, end_reason from turns order by started_at");
    expect(turns.map((t) => [t.s, t.start, t.stop, t.duration_s, t.n_tool_calls, t.end_reason])).toEqual([
      ["ba79", "10:47:08.446", "10:47:40.496", 32.05, 16, "completed"],
      ["ba79", "10:51:13.940", "10:52:51.121", 97.181, 7, "completed"],
      ["ba79", "10:54:06.691", "10:54:43.053", 36.362, 3, "completed"],
      ["ba79", "10:54:51.629", "10:55:01.229", 9.6, 1, "completed"],
      ["ba79", "10:55:14.673", "10:55:39.185", 24.512, 1, "completed"],
      ["ba79", "10:55:45.824", "10:55:59.652", 13.828, 2, "completed"],
      ["d3ad", "11:00:11.669", "11:09:35.405", 563.736, 7, "completed"],
      ["d3ad", "11:15:05.935", "11:25:30.030", 624.095, 13, "completed"],
      ["d3ad", "11:29:45.457", "11:34:26.818", 281.361, 7, "completed"],
      ["d3ad", "11:39:02.317", "11:48:01.173", 538.856, 21, "completed"],
      ["d3ad", "11:48:19.091", "11:56:46.820", 507.729, 11, "completed"],
      ["fed8", "12:36:23.208", "12:36:51.863", 28.655, 5, "interrupted"],
      ["fed8", "12:37:02.253", "12:37:28.376", 26.123, 2, "completed"]
    ]);
  });

  test("tool calls by name match sniffly's own count; one rejection, one cancelled sibling", async () => {
    expect(await sqlOn(out, "select tool_name, count(*)::INTEGER as n from tool_calls group by 1 order by 2 desc, 1")).toEqual(
      Object.entries(JSON.parse(readFileSync(join(FIXTURES, "sniffly", "baseline_results.json"), "utf8")).tool_usage as Record<string, number>)
        .map(([tool_name, n]) => ({tool_name, n}))
        .sort((a, b) => b.n - a.n || (a.tool_name < b.tool_name ? -1 : 1))
    );
    expect(await sqlOn(out, "select count(*) filter (rejected)::INTEGER as rejected, count(*) filter (is_error and not rejected)::INTEGER as errors from tool_calls where left(session_id, 4) = 'fed8'")).toEqual([{rejected: 1, errors: 1}]);
    expect(await sqlOn(out, "select kind, how from stops")).toEqual([{kind: "human", how: "interrupt"}]);
  });

  test("where sniffly's definitions match ours, its own numbers agree; where they differ, we say why", async () => {
    const baseline = JSON.parse(readFileSync(join(FIXTURES, "sniffly", "baseline_results.json"), "utf8"));
    const u = baseline.user_interactions;
    // Turns: sniffly's commands analysed are our turns; its per-command tool counts are ours
    // (its list also holds the interrupt marker as a command with no tools: we do not count it).
    expect(report.tables.turns).toBe(u.user_commands_analyzed);
    expect(report.tables.tool_calls).toBe(u.total_tools_used);
    const details = (u.command_details as {tools_used: number; is_interruption: boolean}[]).filter((c) => !c.is_interruption).map((c) => c.tools_used);
    expect((await sqlOn(out, "select n_tool_calls from turns order by started_at")).map((r) => r.n_tool_calls)).toEqual(details);
    // Interruptions: sniffly's rate is turns followed by an interrupt marker, which is ours.
    const [{r}] = await sqlOn(out, "select count(*) filter (end_reason = 'interrupted') / count(*) as r from turns");
    expect(100 * Number(r)).toBeCloseTo(u.interruption_rate, 1);
    expect(u.model_distribution).toEqual({"claude-sonnet-4-20250514": 13});
    // Sessions differ: sniffly counts files (4); a file holding only a summary line is no
    // session by our definition (docs/findings.md, "Session"), so we count 3.
    expect(baseline.sessions).toBe(4);
    expect(report.tables.sessions).toBe(3);
  });

  test("tenure counts the sessions the user began before", async () => {
    expect((await sqlOn(out, "select tenure from sessions order by started_at")).map((r) => r.tenure)).toEqual([0, 1, 2]);
  });
});

describe("claude-code-viewer: inline subagents (1.0.98–1.0.108) and 2.0.x agent files", () => {
  const {out, report} = ingest(join(FIXTURES, "claude-code-viewer", "projects", "sample-project"));

  test("subagent tool calls equal the Task results' totalToolUseCount, counted in the parent turn", async () => {
    expect(report).toMatchObject({files: 5, lines: 524, parsed: 524, tables: {sessions: 3, turns: 4}});
    expect(await sqlOn(out, "select left(session_id, 4) as s, count(*)::INTEGER as n, min(turn_index) as t from tool_calls where in_subagent group by 1 order by 1")).toEqual([
      {s: "5c03", n: 8, t: 0},
      {s: "fe5e", n: 156, t: 0}
    ]);
  });

  test("/init with its isMeta expansion is one turn; a headless permission denial is an error, not a rejection", async () => {
    expect(await sqlOn(out, "select n_turns, n_rejections from sessions where left(session_id, 4) = '1af7'")).toEqual([{n_turns: 1, n_rejections: 0}]);
  });
});

describe("claude-code-log: hand-written damage", () => {
  const {out, report} = ingest(join(FIXTURES, "claude-code-log"));

  test("bad lines are skipped by reason; a uuid repeated across files is one duplicate", () => {
    expect(report).toMatchObject({files: 4, lines: 46, parsed: 39, duplicates: 1, skipped: {missing_fields: 3, not_object: 3}, unanswered_prompts: 4});
    expect(report.files_with_skips).toHaveLength(1);
    expect(report.files_with_skips[0].file).toMatch(/^[0-9a-f]{16}$/);
  });

  test("a session spread over two files is read in the order it was written", async () => {
    expect(await sqlOn(out, "select session_id, turn_index, wall_s, n_tool_calls from turns where session_id = 'todowrite_session' order by turn_index")).toEqual([
      {session_id: "todowrite_session", turn_index: 0, wall_s: 121, n_tool_calls: 2},
      {session_id: "todowrite_session", turn_index: 1, wall_s: 61, n_tool_calls: 1}
    ]);
  });
});
