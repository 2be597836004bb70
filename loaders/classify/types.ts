// The classifier interface. The study scored these facets with a model; we score them
// with documented, deterministic rules over content that is read at ingest and never
// written out. An analyst can replace any of them (`--classifiers <module>`: a module whose
// default export is an object holding some of the functions below). Each function is
// called once per turn or per tool call: keep it fast and free of side effects.
import type {Complexity, Level} from "../definitions.ts";

/** What a turn-level classifier may read: the prompt and the shape of the work. */
export type TurnInput = {
  /** The person's prompt as logged (slash commands with their tags), cut to 2,000 characters. */
  prompt: string;
  /** The turn's tool calls, subagents' included, in order. */
  toolNames: readonly string[];
  /** Distinct files edited in the turn (Edit, Write, MultiEdit, NotebookEdit). */
  filesTouched: number;
  /** Subagents started in the turn (Task, Agent). */
  subagents: number;
};

/** What a tool-call classifier may read: the call, and the turn it was made in. */
export type CallInput = {
  tool: string;
  /** The tool's input as logged (command, path, query, MCP arguments ...), long strings cut; null where none is logged (API spans). */
  input: unknown;
  /** The prompt of the turn the call belongs to, "" for work with no prompt. */
  prompt: string;
  /** The turn's auto-approve level; null where no mode is logged (1.0.x, the API). */
  level: Level | null;
  inSubagent: boolean;
  /** Calls the agent made earlier in the same turn. */
  position: number;
};

export type CallScore = {risk: number; autonomy: number; reversible: boolean; domain: string};

/**
 * How an agent stop came about, and the words it asked with: the questions of an
 * AskUserQuestion call, the plan of an ExitPlanMode call, or the agent's whole last message
 * (its last 2,000 characters) when it stopped on a question in words.
 */
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
   * The call asks, hands off to, escalates to or waits for a person (docs/findings.md, "The
   * API side: F6–F8 from agent spans"): `human_in_loop` for the tool calls of GenAI agent
   * spans, which log no approvals; and, in the default toolCall, autonomy 1.
   */
  involvesPerson(call: CallInput): boolean;
};
