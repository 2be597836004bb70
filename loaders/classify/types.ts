// The classifier interface. The study scored these facets with a model; we score them
// with documented, deterministic rules over content that is read at ingest and never
// written out. An analyst can replace any of them (`--classifiers <module>`).
import type {Complexity, Level} from "../definitions.ts";

/** What a turn-level classifier may read: the prompt and the shape of the work. */
export type TurnInput = {
  prompt: string;
  toolNames: readonly string[];
  filesTouched: number;
  subagents: number;
};

/** What a tool-call classifier may read: the call, and the turn it was made in. */
export type CallInput = {
  tool: string;
  /** The tool's input as logged (command, path, query, MCP arguments ...). */
  input: unknown;
  /** The prompt of the turn the call belongs to, "" for work with no prompt. */
  prompt: string;
  level: Level | null;
  inSubagent: boolean;
  /** Calls the agent made earlier in the same turn. */
  position: number;
};

export type CallScore = {risk: number; autonomy: number; reversible: boolean; domain: string};

/** How an agent stop came about, and the words it asked with. */
export type AgentStopInput = {how: "ask_user" | "plan" | "question"; text: string};
/** How a person stopped the agent, and what they said next (their next prompt or reason). */
export type HumanStopInput = {how: "interrupt" | "rejection"; said: string};

export type Classifiers = {
  complexity(turn: TurnInput): Complexity;
  corrective(prompt: string): boolean;
  asksQuestion(text: string): boolean;
  agentStopReason(stop: AgentStopInput): string;
  humanStopReason(stop: HumanStopInput): string;
  toolCall(call: CallInput): CallScore;
  /**
   * Does the call ask, hand off to or wait for a person (OTEL.md "API-side involvement")?
   * It gives `human_in_loop` for the tool calls of GenAI agent spans, which log no
   * approvals; where no classifier answers, that is NULL.
   */
  involvesPerson?(call: CallInput): boolean;
};
