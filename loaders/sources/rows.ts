// The rows of the canonical tables (docs/tables.md), built here for every source, so that
// a column means one thing whichever source wrote it (docs/sources.md, "What every row
// holds"). What a source does differently is an argument: how a turn's times give way
// when they disagree, and what its kind of session logs of the person (`SessionKind`), which
// says who is in a call's loop and which columns are NULL. Times are epoch milliseconds;
// `source` is added by sources/index.ts. Each row is one object literal, its owner's fields
// named: on V8, a literal that spreads another object and adds fields costs about 1 µs
// a field (BENCHMARKS.md), which for the ingest was a quarter of its reading time.
import {humanInLoop, safeguard, type Agent, type EndReason, type Level} from "../definitions.ts";
import type {CallInput, Classifiers, TurnInput} from "../classify/types.ts";
import type {Row} from "../tables.ts";
import type {SessionKind} from "./types.ts";

/** The session a row belongs to. */
export type Owner = {session_id: string; user_id: string | null};

/** A time as the tables take it: whole milliseconds; NULL when unknown. */
const time = (t: number | null) => (Number.isFinite(t) ? Math.round(t!) : null);

export type Session = {
  agent: Agent;
  synthetic: boolean;
  start: number | null;
  end: number | null;
  interactive: boolean | null;
  entrypoint: string | null;
  version: string | null;
  model: string | null;
  provider: string | null;
  level: Level | null;
  turns: number;
  calls: number;
  interrupts: number;
  clarifications: number;
  rejections: number;
  interventions: number | null;
};

/** A session's row; what its kind does not log of the person is NULL, and it says so (`kind`, `logs_approvals`, `logs_prompts`). */
export function sessionRow(owner: Owner, s: Session, logs: SessionKind): Row {
  return {
    session_id: owner.session_id, user_id: owner.user_id, agent: s.agent, kind: logs.name, synthetic: s.synthetic, started_at: time(s.start), ended_at: time(s.end), interactive: s.interactive,
    entrypoint: s.entrypoint, version: s.version, model: s.model, provider: s.provider, auto_approve: s.level,
    n_turns: s.turns, n_tool_calls: s.calls, n_interrupts: s.interrupts, n_clarifications: s.clarifications,
    n_rejections: logs.approvals ? s.rejections : null, n_interventions: logs.prompts ? s.interventions : null,
    logs_approvals: logs.approvals, logs_prompts: logs.prompts
  };
}

export type Turn = {
  index: number;
  /** The prompt (or the run's start), the agent's stop, and the time it waited on the person inside the turn. */
  start: number;
  end: number;
  wait: number;
  /**
   * Which time gives way when the turn's times disagree. `wall`: a stop logged before its
   * start (transcripts' timestamps can run backwards, docs/claude-code-format.md, "Order
   * and time") ends the turn at its start, and the waits stand as logged. `wait`: the
   * waits (durations telemetry logs apart from the turn's own times) are cut to the wall
   * time, which stands as logged.
   */
  bound: "wall" | "wait";
  loggedMs: number | null;
  endReason: EndReason;
  permissionMode: string | null;
  level: Level | null;
  model: string | null;
  calls: number;
  askUser: number;
  rejections: number;
  interventions: number | null;
  corrective: boolean | null;
  /** What the complexity classifier reads of the turn. */
  work: TurnInput;
};

/**
 * A turn's row: its working time is its wall time less its waits, never below 0
 * (docs/findings.md, "Duration"); what its session's kind does not log of the person is NULL.
 */
export function turnRow(owner: Owner, turn: Turn, logs: SessionKind, cls: Classifiers): Row {
  const stop = turn.bound === "wall" ? Math.max(turn.start, turn.end) : turn.end;
  const wall = stop - turn.start;
  const wait = turn.bound === "wait" ? Math.min(wall, turn.wait) : turn.wait;
  // A turn whose times are not logged (Codex's legacy rollouts) has no duration: NULL, not NaN.
  const seconds = (ms: number) => (Number.isFinite(ms) ? ms / 1000 : null);
  return {
    session_id: owner.session_id, user_id: owner.user_id, turn_index: turn.index, started_at: time(turn.start), ended_at: time(stop),
    duration_s: seconds(Math.max(0, wall - wait)), wall_s: seconds(wall), wait_s: seconds(wait),
    logged_duration_s: turn.loggedMs === null ? null : turn.loggedMs / 1000, end_reason: turn.endReason,
    permission_mode: turn.permissionMode, auto_approve: turn.level, model: turn.model, n_tool_calls: turn.calls,
    n_ask_user: turn.askUser, n_rejections: logs.approvals ? turn.rejections : null,
    n_interventions: logs.prompts ? turn.interventions : null, complexity: cls.complexity(turn.work),
    corrective: logs.prompts ? turn.corrective : null
  };
}

export type Call = {
  turnIndex: number | null;
  id: string;
  /** As logged; NULL where the log names none. */
  name: string | null;
  at: number;
  inSubagent: boolean | null;
  rejected: boolean | null;
  isError: boolean | null;
  approvedBy: "rule" | "person" | null;
  /** Who decided on it, accepting or rejecting, where the source logs it. */
  decidedBy: "rule" | "person" | null;
  hooked: boolean | null;
  /** What the classifiers read of it. */
  input: CallInput;
};

/**
 * A tool call's row. Where its session's kind logs the person's approvals, who decided and
 * the level say whether a person is in the loop (docs/findings.md, "Human in the loop and
 * safeguard"); where it logs none, the involvesPerson classifier reads the call itself
 * (docs/findings.md, "The API side: F6–F8 from agent spans").
 */
export function toolCallRow(owner: Owner, call: Call, logs: SessionKind, cls: Classifiers): Row {
  const {level, tool} = call.input;
  const inLoop = logs.approvals ? humanInLoop(level, tool, call.decidedBy) : cls.involvesPerson(call.input);
  const score = cls.toolCall(call.input);
  return {
    session_id: owner.session_id, user_id: owner.user_id, turn_index: call.turnIndex, tool_use_id: call.id, tool_name: call.name, called_at: time(call.at),
    in_subagent: call.inSubagent, rejected: call.rejected, is_error: call.isError, approved_by: call.approvedBy,
    auto_approve: level, hooked: call.hooked, human_in_loop: inLoop, safeguard: safeguard(level, inLoop, call.hooked),
    risk: score.risk, autonomy: score.autonomy, reversible: score.reversible, domain: score.domain
  };
}

export type Stop = {turnIndex: number; at: number; kind: "agent" | "human"; how: string; reason: string | null};

export function stopRow(owner: Owner, stop: Stop): Row {
  return {session_id: owner.session_id, user_id: owner.user_id, turn_index: stop.turnIndex, at: time(stop.at), kind: stop.kind, how: stop.how, reason: stop.reason};
}
