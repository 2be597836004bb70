// What a session plan is made of: the session's events in time, and its subagents' own.
// The session model (session.ts) writes them; the transcript writer (transcript.ts) reads
// them.
import type {Call, Project} from "./tasks.ts";

type Json = Record<string, unknown>;

export type Block = {type: "text"; text: string} | {type: "thinking"} | {type: "tool_use"; id: string; name: string; input: Json};

export type Outcome = "ok" | "error" | "reject" | "reject_reason" | "answered" | "timeout" | "clarify" | "plan_approved" | "plan_revise" | "plan_rejected";

export type Ev =
  | {k: "prompt"; t: number; text: string; mode: string | null; source: "typed" | "sdk"; command?: string}
  | {k: "message"; t: number; model: string; blocks: Block[]; aborted?: boolean; apiError?: boolean}
  | {k: "result"; t: number; id: string; call: Call; outcome: Outcome; said?: string}
  | {k: "interrupt"; t: number; forTool: boolean}
  | {k: "turn_end"; t: number; durationMs: number; messages: number; stopHook: boolean}
  | {k: "mode"; t: number; mode: string}
  | {k: "compact"; t: number; trigger: "auto" | "manual"; preTokens: number}
  | {k: "local"; t: number; command: "model" | "compact" | "clear"; stdout: string; typedAt: number}
  | {k: "notification"; t: number; taskId: string; toolUseId: string; command: string; mode: string}
  | {k: "queued"; t: number; text: string; absorbed: boolean}
  | {k: "hook"; t: number; toolUseId: string; tool: string; output: boolean}
  | {k: "bash_progress"; t: number; toolUseId: string}
  | {k: "retry"; t: number; attempt: number}
  | {k: "resume"; t: number; fresh: boolean};

export type Subagent = {agentId: string; type: string; description: string; toolUseId: string; model: string; events: Ev[]};

export type SessionPlan = {
  id: string;
  project: Project;
  version: number;
  headless: boolean;
  slug: string;
  nullStopReason: boolean;
  title: string;
  events: Ev[];
  subagents: Subagent[];
};
