// An OpenTelemetry session, whether read from Claude Code's events or from GenAI agent
// spans, → rows of the canonical tables. What the telemetry cannot tell is NULL
// (docs/otel-format.md, "Not derivable"): permission modes and auto-approve levels, prompts
// (so corrective prompts and interventions), clarification endings, stop reasons (their
// words are not logged), and, in spans, every approval.
import {ASK_TOOL, PLAN_TOOL, SUBAGENT_TOOLS, isInteractive, type Agent, type EndReason} from "../../definitions.ts";
import type {CallInput, Classifiers} from "../../classify/types.ts";
import type {Emit} from "../../tables.ts";
import {sessionRow, stopRow, toolCallRow, turnRow, type Call} from "../rows.ts";
import type {SessionKind} from "../types.ts";

/**
 * A call as telemetry logs it: a tool call's row (rows.ts) but for its turn and what the
 * classifiers read, which its session adds. `inSubagent`: made under a nested agent
 * (spans), NULL for events, which do not say; `hooked`: a hook decided on it, NULL where
 * none is known to have run (one may have run and let it pass).
 */
export type OtelCall = Omit<Call, "turnIndex" | "name" | "input"> & {
  /** NULL (""): a span that logs no `gen_ai.tool.name`. */
  name: string;
  durationMs: number | null;
  /** What the classifier reads in place of a prompt: the agent's or service's name (spans). */
  context: string;
};

export type OtelTurn = {start: number; end: number; endReason: EndReason; model: string | null; calls: OtelCall[]};

export type OtelSession = {
  id: string;
  agent: Agent;
  user: string | null;
  synthetic: boolean;
  start: number;
  end: number;
  model: string | null;
  provider: string | null;
  entrypoint: string | null;
  version: string | null;
  /** What its kind logs of the person: Claude Code's events (events.ts) or spans (spans.ts). */
  logs: SessionKind;
  turns: OtelTurn[];
  /** Calls that belong to no turn (no prompt or agent span above them). */
  loose: OtelCall[];
};

const stops = (calls: readonly OtelCall[]) => calls.filter((c) => c.inSubagent !== true && (c.name === ASK_TOOL || c.name === PLAN_TOOL));

/** Writes one session's rows; `emit` adds their source. */
export function emitSession(session: OtelSession, cls: Classifiers, emit: Emit): void {
  const owner = {session_id: session.id, user_id: session.user};
  const rejections = (calls: readonly OtelCall[]) => calls.filter((c) => c.rejected === true).length;

  const emitCalls = (calls: readonly OtelCall[], turnIndex: number | null) =>
    calls.forEach((call, position) => {
      // Telemetry logs no tool input: the classifier reads the name, and the agent's name as context.
      const input: CallInput = {tool: call.name, input: null, prompt: call.context, level: null, inSubagent: call.inSubagent === true, position};
      const {id, at, inSubagent, rejected, isError, approvedBy, decidedBy, hooked} = call;
      emit("tool_calls", toolCallRow(owner, {turnIndex, id, name: call.name || null, at, inSubagent, rejected, isError, approvedBy, decidedBy, hooked, input}, session.logs, cls));
    });

  let nInterrupts = 0;
  let nAgentStops = 0;
  session.turns.forEach((turn, turnIndex) => {
    emitCalls(turn.calls, turnIndex);
    // Agent stops: every question or plan it put to the person. A human stop: the turn a
    // rejection ended (Esc leaves no event). Their words are not logged: no reason.
    const agentStops = stops(turn.calls);
    for (const c of agentStops) emit("stops", stopRow(owner, {turnIndex, at: c.at, kind: "agent", how: c.name === ASK_TOOL ? "ask_user" : "plan", reason: null}));
    const interrupted = turn.endReason === "interrupted";
    if (interrupted) emit("stops", stopRow(owner, {turnIndex, at: turn.end, kind: "human", how: "rejection", reason: null}));
    nAgentStops += agentStops.length;
    nInterrupts += interrupted ? 1 : 0;
    emit("turns", turnRow(owner, {
      index: turnIndex, start: turn.start, end: turn.end,
      // Waits on the person inside the turn: a question or plan runs until it is answered.
      wait: agentStops.reduce((s, c) => s + (c.durationMs ?? 0), 0), bound: "wait", loggedMs: null,
      endReason: turn.endReason, permissionMode: null, level: null, model: turn.model,
      calls: turn.calls.length, askUser: turn.calls.filter((c) => c.name === ASK_TOOL).length,
      rejections: rejections(turn.calls), interventions: null, corrective: null,
      // No prompt and no tool input: the shape of the work is all the classifier reads.
      work: {prompt: "", toolNames: turn.calls.map((c) => c.name), filesTouched: 0, subagents: turn.calls.filter((c) => SUBAGENT_TOOLS.has(c.name)).length}
    }, session.logs, cls));
  });
  emitCalls(session.loose, null);

  const calls = [...session.turns.flatMap((t) => t.calls), ...session.loose];
  emit("sessions", sessionRow(owner, {
    agent: session.agent,
    synthetic: session.synthetic, start: session.start, end: session.end,
    interactive: session.entrypoint === null ? null : isInteractive(session.entrypoint), entrypoint: session.entrypoint,
    version: session.version, model: session.model, provider: session.provider, level: null,
    turns: session.turns.length, calls: calls.length, interrupts: nInterrupts, clarifications: nAgentStops,
    rejections: rejections(calls), interventions: null
  }, session.logs));
}
