// An OpenTelemetry session, whether read from Claude Code's events or from GenAI agent
// spans, → rows of the canonical tables. What the telemetry cannot tell is NULL
// (docs/otel-format.md, "Not derivable"): permission modes and auto-approve levels, prompts
// (so corrective prompts and interventions), clarification endings, stop reasons (their
// words are not logged), and, in spans, every approval.
import {
  ASK_TOOL, PLAN_TOOL, SUBAGENT_TOOLS,
  humanInLoop, isInteractive, safeguard,
  type EndReason
} from "../../definitions.ts";
import type {CallInput, Classifiers} from "../../classify/types.ts";
import type {Emit} from "../../tables.ts";

export type OtelCall = {
  id: string;
  /** NULL (""): a span that logs no `gen_ai.tool.name`. */
  name: string;
  at: number;
  /** Made under a nested agent (spans); NULL for events, which do not say. */
  inSubagent: boolean | null;
  rejected: boolean | null;
  isError: boolean | null;
  approvedBy: "rule" | "person" | null;
  /** Who decided on it, accepting or rejecting (events): the person is then in the loop. */
  decidedBy: "rule" | "person" | null;
  /** A hook decided on it; NULL where none is known to have run (one may have run and let it pass). */
  hooked: boolean | null;
  durationMs: number | null;
  /** What the classifier reads in place of a prompt: the agent's or service's name (spans). */
  context: string;
};

export type OtelTurn = {start: number; end: number; endReason: EndReason; model: string | null; calls: OtelCall[]};

export type OtelSession = {
  id: string;
  user: string | null;
  synthetic: boolean;
  start: number;
  end: number;
  model: string | null;
  provider: string | null;
  entrypoint: string | null;
  version: string | null;
  /** The source logs approvals (Claude Code's events) or not (spans). */
  approvals: boolean;
  turns: OtelTurn[];
  /** Calls that belong to no turn (no prompt or agent span above them). */
  loose: OtelCall[];
};

const ms = (t: number) => Math.round(t);
const stops = (calls: readonly OtelCall[]) => calls.filter((c) => c.inSubagent !== true && (c.name === ASK_TOOL || c.name === PLAN_TOOL));

/** Writes one session's rows; `emit` adds their source. */
export function emitSession(session: OtelSession, cls: Classifiers, emit: Emit): void {
  const base = {session_id: session.id, user_id: session.user};
  const count = (calls: readonly OtelCall[], test: (c: OtelCall) => boolean) => (session.approvals ? calls.filter(test).length : null);

  const emitCalls = (calls: readonly OtelCall[], turnIndex: number | null) =>
    calls.forEach((call, position) => {
      // Telemetry logs no tool input: the classifier reads the name, and the agent's name as context.
      const input: CallInput = {tool: call.name, input: null, prompt: call.context, level: null, inSubagent: call.inSubagent === true, position};
      const inLoop = session.approvals ? humanInLoop(null, call.name, call.decidedBy) : cls.involvesPerson(input);
      const score = cls.toolCall(input);
      emit("tool_calls", {
        ...base, turn_index: turnIndex, tool_use_id: call.id, tool_name: call.name || null, called_at: ms(call.at),
        in_subagent: call.inSubagent, rejected: call.rejected, is_error: call.isError, approved_by: call.approvedBy,
        auto_approve: null, hooked: call.hooked, human_in_loop: inLoop, safeguard: safeguard(null, inLoop, call.hooked),
        risk: score.risk, autonomy: score.autonomy, reversible: score.reversible, domain: score.domain
      });
    });

  let nInterrupts = 0;
  let nAgentStops = 0;
  session.turns.forEach((turn, turnIndex) => {
    emitCalls(turn.calls, turnIndex);
    // Agent stops: every question or plan it put to the person. A human stop: the turn a
    // rejection ended (Esc leaves no event). Their words are not logged: no reason.
    const agentStops = stops(turn.calls);
    for (const c of agentStops) emit("stops", {...base, turn_index: turnIndex, at: ms(c.at), kind: "agent", how: c.name === ASK_TOOL ? "ask_user" : "plan", reason: null});
    const interrupted = turn.endReason === "interrupted";
    if (interrupted) emit("stops", {...base, turn_index: turnIndex, at: ms(turn.end), kind: "human", how: "rejection", reason: null});
    nAgentStops += agentStops.length;
    nInterrupts += interrupted ? 1 : 0;
    // Waits on the person inside the turn: a question or plan runs until it is answered.
    const wall = turn.end - turn.start;
    const wait = Math.min(wall, agentStops.reduce((s, c) => s + (c.durationMs ?? 0), 0));
    emit("turns", {
      ...base, turn_index: turnIndex, started_at: ms(turn.start), ended_at: ms(turn.end),
      duration_s: (wall - wait) / 1000, wall_s: wall / 1000, wait_s: wait / 1000, logged_duration_s: null,
      end_reason: turn.endReason, permission_mode: null, auto_approve: null, model: turn.model,
      n_tool_calls: turn.calls.length, n_ask_user: turn.calls.filter((c) => c.name === ASK_TOOL).length,
      n_rejections: count(turn.calls, (c) => c.rejected === true), n_interventions: null,
      // No prompt and no tool input: the shape of the work is all the classifier reads.
      complexity: cls.complexity({prompt: "", toolNames: turn.calls.map((c) => c.name), filesTouched: 0, subagents: turn.calls.filter((c) => SUBAGENT_TOOLS.has(c.name)).length}),
      corrective: null
    });
  });
  emitCalls(session.loose, null);

  const calls = [...session.turns.flatMap((t) => t.calls), ...session.loose];
  emit("sessions", {
    ...base, synthetic: session.synthetic, started_at: ms(session.start), ended_at: ms(session.end),
    interactive: session.entrypoint === null ? null : isInteractive(session.entrypoint), entrypoint: session.entrypoint,
    version: session.version, model: session.model, provider: session.provider, auto_approve: null,
    n_turns: session.turns.length, n_tool_calls: calls.length, n_interrupts: nInterrupts, n_clarifications: nAgentStops,
    n_rejections: count(calls, (c) => c.rejected === true), n_interventions: null
  });
}
