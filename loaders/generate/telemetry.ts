// Claude Code's telemetry: one planned session → the log records Claude Code exports when
// CLAUDE_CODE_ENABLE_TELEMETRY=1 (docs/otel-format.md, "Claude Code's events"), the same
// session the transcript writer (transcript.ts) writes as lines. Which attributes a record
// carries follows the session's version: `prompt.id` from 2.1.100, `tool_use_id` from
// 2.1.119, `api_request` numbers as numbers from 2.1.122, `event.sequence` from 2.1.220.
//
// What the events say and the transcript does not: who let each call run. A call the
// session's permission mode lets through (`asksPerson`, loaders/definitions.ts) is the
// settings' (`config`); one it puts to the person is the person's, once (`user_temporary`)
// or for the rest of the session (`user_permanent`, after which that tool is the settings'
// again). What they leave out: the text of prompts and tool input (not logged unless asked
// for), and an interrupt by Esc, which leaves no event; a call the person refused at its
// permission prompt does (`user_reject`).
import {asksPerson, levelOf} from "../definitions.ts";
import type {Assumptions} from "./calibration.ts";
import type {Ev, SessionPlan} from "./events.ts";
import {double, int, nanos, str, type Attribute, type Item} from "./otlp-export.ts";
import type {Rng} from "./rng.ts";

/** Who a telemetry user is to Claude Code: their signed-in account, their installation, their machine. */
export type Identity = {account: string; installation: string; os: string};

/** Outcomes of a call the person refused at its permission prompt, or in the dialog the tool is. */
const REFUSED = new Set(["reject", "reject_reason", "plan_rejected", "plan_revise", "clarify"]);

/** The resource and scope of Claude Code's export requests, for a session's version. */
export function telemetryResource(version: number, who: Identity): {resource: object; scope: object} {
  const v = `2.1.${version}`;
  return {
    resource: {attributes: [str("service.name", "claude-code"), str("service.version", v), str("os.type", who.os), str("host.arch", who.os === "darwin" ? "arm64" : "x86_64")]},
    scope: {name: "com.anthropic.claude_code.events", version: v}
  };
}

/** What a session's telemetry holds, as the ingest will count it. */
export type SessionTelemetry = {items: Item[]; turns: number; calls: number};

export function sessionTelemetry(plan: SessionPlan, who: Identity, A: Assumptions, rng: Rng): SessionTelemetry {
  const v = plan.version;
  const has = {promptId: v >= 100, toolUseId: v >= 119, numbers: v >= 122, sequence: v >= 220, entrypoint: v >= 92};
  const items: Item[] = [];
  let sequence = 0;
  let promptId: string | null = null;
  const event = (t: number, name: string, attrs: Attribute[]) => {
    items.push({
      at: t,
      json: {
        timeUnixNano: nanos(t),
        observedTimeUnixNano: nanos(t + rng.int(1, 40)),
        body: {stringValue: `claude_code.${name}`},
        attributes: [
          str("user.id", who.installation), str("session.id", plan.id), str("app.version", `2.1.${v}`), str("user.account_uuid", who.account),
          str("terminal.type", plan.headless ? "non-interactive" : "vscode"), ...(has.entrypoint ? [str("app.entrypoint", plan.headless ? "sdk-cli" : "cli")] : []),
          str("event.name", name), str("event.timestamp", new Date(t).toISOString()),
          ...(has.sequence ? [int("event.sequence", sequence++)] : []), ...(has.promptId && promptId ? [str("prompt.id", promptId)] : []),
          ...attrs
        ]
      }
    });
  };
  // Before 2.1.122 an api_request's numbers were strings.
  const number = (key: string, value: number) => (has.numbers ? int(key, value) : str(key, String(value)));
  const callId = (id: string) => (has.toolUseId ? [str("tool_use_id", id)] : []);
  // A prompt is a turn once the agent answers it (docs/otel-format.md): count it then.
  let answered = true;
  let turns = 0;
  const agent = (t: number, name: string, attrs: Attribute[]) => {
    if (!answered) turns++;
    answered = true;
    event(t, name, attrs);
  };

  // The main session's events and its subagents' (which share its session and prompt), in time.
  const stream: Ev[] = [...plan.events, ...plan.subagents.flatMap((s) => s.events.filter((e) => e.k !== "prompt"))].sort((a, b) => a.t - b.t);
  const used = new Map<string, number>();
  const granted = new Set<string>();
  let mode: string | null = null;
  let sessionMode: string | null = null;
  let model = plan.events.find((e) => e.k === "message")?.model ?? "unknown";
  let calls = 0;
  for (const e of stream) {
    switch (e.k) {
      case "prompt":
        promptId = rng.uuid();
        mode = e.mode;
        if (e.mode !== "plan") sessionMode = e.mode;
        answered = false;
        event(e.t, "user_prompt", [int("prompt_length", e.text.length)]);
        break;
      case "mode":
        mode = sessionMode = e.mode;
        break;
      case "resume":
        sequence = 0; // a new process numbers its events from 0 again
        break;
      case "retry":
        agent(e.t, "api_error", [str("model", model), str("status_code", "529"), int("attempt", e.attempt), int("duration_ms", rng.int(200, 3000))]);
        break;
      case "message": {
        for (const b of e.blocks) if (b.type === "tool_use") used.set(b.id, e.t);
        if (e.aborted) break; // cut off by Esc: no event
        model = e.model;
        const duration = rng.int(1500, 40_000);
        if (e.apiError) agent(e.t, "api_error", [str("model", e.model), str("status_code", "500"), int("attempt", 1), int("duration_ms", duration)]);
        else {
          const input = rng.int(3, 4000);
          const output = rng.int(20, 1200);
          agent(e.t, "api_request", [
            str("model", e.model), number("input_tokens", input), number("output_tokens", output), number("cache_read_tokens", rng.int(8000, 160_000)),
            number("cache_creation_tokens", rng.int(0, 6000)), number("duration_ms", duration), double("cost_usd", +((input * 3 + output * 15) / 1e6).toFixed(6))
          ]);
        }
        break;
      }
      case "result": {
        const tool = e.call.name;
        const use = used.get(e.id) ?? e.t;
        const byPerson = asksPerson(levelOf(mode), tool) === true && !granted.has(tool);
        if (e.outcome === "reject" && !byPerson) {
          // Stopped by Esc while it ran: the settings had let it run, and it never returned.
          agent(use + 1, "tool_decision", [str("tool_name", tool), str("decision", "accept"), str("source", "config"), ...callId(e.id)]);
          if (has.toolUseId) calls++;
          break;
        }
        calls++;
        if (REFUSED.has(e.outcome)) {
          agent(e.t, "tool_decision", [str("tool_name", tool), str("decision", "reject"), str("source", "user_reject"), ...callId(e.id)]);
          break;
        }
        const permanent = byPerson && rng.chance(A.telemetry.permanent_grant);
        if (permanent) granted.add(tool);
        const source = byPerson ? (permanent ? "user_permanent" : "user_temporary") : "config";
        // The person answers the prompt after a few seconds; the settings at once.
        const wait = byPerson ? rng.lognormal(A.sessions.permission_wait_s.median, A.sessions.permission_wait_s.sigma) * 1000 : rng.int(1, 30);
        const decided = Math.min(e.t - 1, use + wait);
        agent(decided, "tool_decision", [str("tool_name", tool), str("decision", "accept"), str("source", source), ...callId(e.id)]);
        agent(e.t, "tool_result", [
          str("tool_name", tool), str("success", String(e.outcome !== "error")), int("duration_ms", Math.max(0, Math.round(e.t - decided))),
          str("decision_type", "accept"), str("decision_source", source), int("tool_result_size_bytes", rng.int(40, 20_000)), ...callId(e.id)
        ]);
        if (e.outcome === "plan_approved") mode = sessionMode; // the plan approved, the work runs in the session's mode
        break;
      }
    }
  }
  items.sort((a, b) => a.at - b.at);
  return {items, turns, calls};
}
