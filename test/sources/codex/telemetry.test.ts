// Codex's OpenTelemetry events (docs/otel-format.md, "Codex's events"), read by the
// OpenTelemetry source as it reads Claude Code's: its decisions in Claude Code's words, its
// conversation as the session; and a session read from its rollout too is taken from it.
import {describe, expect, test} from "vitest";
import {assemble} from "../../helpers/assemble.ts";
import {cli, readReport, sqlOn, tmp} from "../../helpers/cli.ts";
import {CANARY, logsLine, nanos, str} from "../../helpers/otlp.ts";
import {writeTree} from "../../helpers/transcript.ts";
import {join} from "node:path";

const C = "019c0000-0000-7000-8000-00000000c0de";
const T0 = Date.parse("2026-01-05T10:00:00Z");

/** One Codex event of the conversation, `s` seconds in, with the attributes every Codex event carries. */
const event = (s: number, name: string, ...attrs: ReturnType<typeof str>[]) => ({
  timeUnixNano: nanos(T0 + s * 1000),
  body: {stringValue: `codex.${name}`},
  attributes: [str("event.name", `codex.${name}`), str("conversation.id", C), str("app.version", "0.120.0"), str("originator", "codex_cli_rs"), str("user.account_id", "acct-1"), str("user.email", `${CANARY}@example.com`), str("model", "gpt-5.2-codex"), ...attrs]
});

const telemetry = logsLine([str("service.name", "codex_cli_rs")], [
  event(0, "conversation_starts", str("approval_policy", "on-request"), str("sandbox_policy", "workspace-write")),
  event(1, "user_prompt", str("prompt", `[REDACTED] ${CANARY}`), str("prompt_length", "40")),
  event(2, "api_request", str("duration_ms", "900")),
  event(3, "tool_decision", str("tool_name", "shell"), str("call_id", "call_a"), str("decision", "approved"), str("source", "Config")),
  event(4, "tool_result", str("tool_name", "shell"), str("call_id", "call_a"), str("success", "true"), str("duration_ms", "800"), str("arguments", CANARY), str("output", CANARY)),
  event(5, "tool_decision", str("tool_name", "shell"), str("call_id", "call_b"), str("decision", "approvedforsession"), str("source", "User")),
  event(6, "tool_result", str("tool_name", "shell"), str("call_id", "call_b"), str("success", "false"), str("duration_ms", "300")),
  event(7, "tool_decision", str("tool_name", "apply_patch"), str("call_id", "call_c"), str("decision", "denied"), str("source", "User")),
  event(8, "tool_decision", str("tool_name", "shell"), str("call_id", "call_d"), str("decision", "denied"), str("source", "AutomatedReviewer")),
  event(9, "api_request", str("duration_ms", "700"))
]);

describe("Codex's telemetry", () => {
  test("its decisions read as Claude Code's: the person's approvals and refusal, the rule's and the reviewer's; its conversation is the session, and its agent is Codex", () => {
    const a = assemble({"otel/logs.jsonl": `${telemetry}\n`});
    expect(a.sessions).toMatchObject([{session_id: C, source: "otel", agent: "codex", kind: "events", user_id: "acct-1", entrypoint: "cli", interactive: true, version: "0.120.0", n_turns: 1, n_tool_calls: 4, n_rejections: 1}]);
    expect(a.tool_calls.map((c) => [c.tool_use_id, c.approved_by, c.rejected, c.human_in_loop])).toEqual([
      ["call_a", "rule", false, false],
      ["call_b", "person", false, true],
      ["call_c", null, true, true],
      ["call_d", null, false, false]
    ]);
    expect(JSON.stringify(a)).not.toContain(CANARY);
  });

  test("a session read from its rollout too is taken from the rollout, and the telemetry's is counted as dropped", async () => {
    const rollout = [
      {timestamp: new Date(T0).toISOString(), type: "session_meta", payload: {id: C, timestamp: new Date(T0).toISOString(), cwd: "/w", originator: "codex_cli_rs", cli_version: "0.120.0", source: "cli"}},
      {timestamp: new Date(T0 + 1000).toISOString(), type: "event_msg", payload: {type: "user_message", message: "fix it"}},
      {timestamp: new Date(T0 + 9000).toISOString(), type: "response_item", payload: {type: "message", role: "assistant", content: [{type: "output_text", text: "Fixed."}]}}
    ].map((l) => JSON.stringify(l)).join("\n");
    const root = writeTree({"otel/logs.jsonl": `${telemetry}\n`, "home/sessions/2026/01/05/rollout-2026-01-05T10-00-00-x.jsonl": `${rollout}\n`});
    const out = join(tmp(), "tables");
    expect(cli(["ingest", root, "--out", out, "--quiet"]).code).toBe(0);
    expect(readReport(out).sessions_dropped).toEqual({otel_in_transcripts: 1});
    expect(await sqlOn(out, "select source, count(*)::INTEGER as n from sessions group by 1")).toEqual([{source: "codex", n: 1}]);
    expect(await sqlOn(out, "select count(*)::INTEGER as n from tool_calls")).toEqual([{n: 0}]);
  });
});
