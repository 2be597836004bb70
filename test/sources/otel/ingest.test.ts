// OpenTelemetry input through the command a user runs: the corpus of corpus.ts, whose
// every count is known by construction, read into real Parquet tables.
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {ingestQuietly, sqlOn} from "../../helpers/cli.ts";
import {writeTree} from "../../helpers/transcript.ts";
import {A, B, C, T3, T4, corpus} from "../../helpers/otel-corpus.ts";

describe("a folder of telemetry only", () => {
  const {files, compressedLines} = corpus();
  const root = writeTree(files);
  const {out, report} = ingestQuietly(root);

  test("every line is counted: parsed, a duplicate (a retry), or skipped by reason", () => {
    // Lines per file: logs 9, rotated 12, damaged 9, metrics 3, spans 8 and 4, and the two compressed files.
    expect(report).toMatchObject({
      inputs: ["otel"],
      files: 8,
      lines: 45 + compressedLines,
      parsed: 31,
      duplicates: 3,
      skipped: {blank: 1, compressed: compressedLines, missing_fields: 1, no_records: 1, not_json: 2, not_otlp: 2, otlp_metrics: 3, unknown_event: 1},
      unanswered_prompts: 1,
      sessions_dropped: {},
      tables: {sessions: 6, turns: 10, tool_calls: 16, stops: 3}
    });
    const skipped = Object.values(report.skipped as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(report.lines).toBe(report.parsed + report.duplicates + skipped);
  });

  test("sessions: Claude Code's by session.id, agents' by conversation or trace; users as logged; the agent, Claude Code or one built on the API", async () => {
    expect(await sqlOn(out, "select session_id, user_id, source, agent, n_turns, n_tool_calls, n_rejections, n_interrupts, n_clarifications, model, provider, version, interactive, n_interventions, auto_approve, tenure from sessions order by session_id")).toEqual([
      {session_id: T3, user_id: "cust-2", source: "otel", agent: "api", n_turns: 1, n_tool_calls: 1, n_rejections: null, n_interrupts: 0, n_clarifications: 0, model: "claude-sonnet-4-5-20251101", provider: "aws.bedrock", version: null, interactive: null, n_interventions: null, auto_approve: null, tenure: 0},
      {session_id: T4, user_id: null, source: "otel", agent: "api", n_turns: 0, n_tool_calls: 1, n_rejections: null, n_interrupts: 0, n_clarifications: 0, model: null, provider: "anthropic", version: null, interactive: null, n_interventions: null, auto_approve: null, tenure: null},
      {session_id: A, user_id: "acct-A", source: "otel", agent: "claude-code", n_turns: 4, n_tool_calls: 5, n_rejections: 1, n_interrupts: 1, n_clarifications: 1, model: "claude-opus-4-5-20251101", provider: null, version: "2.1.200", interactive: null, n_interventions: null, auto_approve: null, tenure: 0},
      {session_id: B, user_id: "inst-B", source: "otel", agent: "claude-code", n_turns: 2, n_tool_calls: 3, n_rejections: 1, n_interrupts: 1, n_clarifications: 0, model: "claude-sonnet-4-5", provider: null, version: "2.0.30", interactive: null, n_interventions: null, auto_approve: null, tenure: 0},
      {session_id: C, user_id: "acct-C", source: "otel", agent: "claude-code", n_turns: 1, n_tool_calls: 2, n_rejections: 1, n_interrupts: 0, n_clarifications: 0, model: "claude-opus-4-5-20251101", provider: null, version: "2.1.110", interactive: null, n_interventions: null, auto_approve: null, tenure: 0},
      {session_id: "conv-1", user_id: "cust-1", source: "otel", agent: "api", n_turns: 2, n_tool_calls: 4, n_rejections: null, n_interrupts: 0, n_clarifications: 0, model: "claude-sonnet-4-5-20251101", provider: "anthropic", version: null, interactive: null, n_interventions: null, auto_approve: null, tenure: 0}
    ]);
  });

  test("turns: from the prompt (or agent span) to the last event; how each ended; waits on the person", async () => {
    expect(await sqlOn(out, "select session_id as s, turn_index as i, wall_s, duration_s, wait_s, end_reason, n_tool_calls as calls, n_ask_user as ask, n_rejections as rej, permission_mode, corrective, logged_duration_s from turns order by s, i")).toEqual([
      {s: T3, i: 0, wall_s: 30, duration_s: 30, wait_s: 0, end_reason: "completed", calls: 1, ask: 0, rej: null, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: A, i: 0, wall_s: 15, duration_s: 15, wait_s: 0, end_reason: "completed", calls: 2, ask: 0, rej: 0, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: A, i: 1, wall_s: 5, duration_s: 5, wait_s: 0, end_reason: "interrupted", calls: 1, ask: 0, rej: 1, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: A, i: 2, wall_s: 10, duration_s: 10, wait_s: 0, end_reason: "error", calls: 1, ask: 0, rej: 0, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: A, i: 3, wall_s: 50, duration_s: 10, wait_s: 40, end_reason: "completed", calls: 1, ask: 1, rej: 0, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: B, i: 0, wall_s: 9, duration_s: 9, wait_s: 0, end_reason: "completed", calls: 2, ask: 0, rej: 0, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: B, i: 1, wall_s: 3, duration_s: 3, wait_s: 0, end_reason: "interrupted", calls: 1, ask: 0, rej: 1, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: C, i: 0, wall_s: 12, duration_s: 12, wait_s: 0, end_reason: "completed", calls: 2, ask: 0, rej: 1, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: "conv-1", i: 0, wall_s: 60, duration_s: 60, wait_s: 0, end_reason: "completed", calls: 3, ask: 0, rej: null, permission_mode: null, corrective: null, logged_duration_s: null},
      {s: "conv-1", i: 1, wall_s: 20, duration_s: 20, wait_s: 0, end_reason: "error", calls: 1, ask: 0, rej: null, permission_mode: null, corrective: null, logged_duration_s: null}
    ]);
  });

  test("tool calls: who let them run, rejections, errors, subagents; for spans, the person in the loop is the involvesPerson classifier's judgement", async () => {
    const calls = await sqlOn(out, "select session_id as s, turn_index as i, tool_use_id as id, tool_name as tool, rejected, is_error, approved_by, in_subagent, hooked, human_in_loop from tool_calls order by s, called_at, id");
    expect(calls.map((c) => [c.s, c.i, c.tool, c.rejected, c.is_error, c.approved_by, c.in_subagent, c.human_in_loop])).toEqual([
      [T3, 0, "search_kb", null, false, null, false, false],
      [T4, null, "get_weather", null, false, null, false, false],
      [A, 0, "Bash", false, false, "rule", null, false],
      [A, 0, "Edit", false, false, "person", null, true],
      [A, 1, "Bash", true, true, null, null, true],
      [A, 2, "Write", false, true, null, null, false],
      [A, 3, "AskUserQuestion", false, false, "rule", null, false],
      [B, 0, "Bash", false, false, "person", null, true],
      [B, 0, "Read", false, false, "rule", null, false],
      [B, 1, "Edit", true, true, null, null, true],
      [C, 0, "Bash", true, true, null, null, true],
      [C, 0, "Bash", false, false, "rule", null, false],
      ["conv-1", 0, "lookup_order", null, false, null, false, false],
      ["conv-1", 0, "fetch_invoice", null, false, null, false, false],
      ["conv-1", 0, "refund_payment", null, true, null, true, false],
      ["conv-1", 1, "send_email", null, false, null, false, false]
    ]);
    // Ids as logged (tool_use_id, gen_ai.tool.call.id, else the spanId), and unique within a session.
    expect(calls.filter((c) => c.s === A).map((c) => c.id)).toEqual(["toolu_a1", "toolu_a2", "toolu_a3", "toolu_a4", "toolu_a5"]);
    expect(calls.filter((c) => c.s === "conv-1").map((c) => c.id)).toEqual(["call_1", "call_2", "call_3", "call_4"]);
    expect(await sqlOn(out, "select count(*)::INTEGER as n, count(distinct session_id || tool_use_id)::INTEGER as ids from tool_calls")).toEqual([{n: 16, ids: 16}]);
    // Every call is scored by the classifiers, from its name (and for spans the agent's name).
    expect(await sqlOn(out, "select count(*)::INTEGER as n from tool_calls where risk between 1 and 10 and autonomy between 1 and 10 and reversible is not null and domain is not null")).toEqual([{n: 16}]);
  });

  test("stops: questions the agent asked, and turns a rejection ended; no reason, since no words are logged", async () => {
    expect(await sqlOn(out, "select session_id as s, turn_index as i, kind, how, reason from stops order by s, i")).toEqual([
      {s: A, i: 1, kind: "human", how: "rejection", reason: null},
      {s: A, i: 3, kind: "agent", how: "ask_user", reason: null},
      {s: B, i: 1, kind: "human", how: "rejection", reason: null}
    ]);
  });

  test("a single OTLP file, rotated names and a compressed file named alone are read by their content", () => {
    const logs = ingestQuietly(join(root, "logs", "claude-code.jsonl")).report;
    expect(logs).toMatchObject({inputs: ["files"], files: 1, lines: 9, parsed: 8, duplicates: 1});
    const gz = ingestQuietly(join(root, "logs", "old.jsonl.gz")).report;
    expect(gz).toMatchObject({files: 1, parsed: 0, tables: {sessions: 0}});
    expect(Object.keys(gz.skipped)).toEqual(["compressed"]);
    expect(gz.files_with_skips).toHaveLength(1);
  });
});
