// The project's definitions (docs/findings.md, "Definitions") that more than one module
// needs. Each lives here once: the ingest, the generator and the tests all read them from
// here.

export type Level = "full" | "edits" | "none";
export type EndReason = "completed" | "interrupted" | "clarification" | "error";
export type Complexity = "minimal" | "low" | "medium" | "high";
/** The agent that did the work (docs/tables.md, `sessions.agent`): Claude Code, Codex, or an agent built on the API (GenAI spans). */
export type Agent = "claude-code" | "codex" | "api";
/** How the pages name each agent. */
export const AGENT_LABELS: Record<Agent, string> = {"claude-code": "Claude Code", codex: "Codex", api: "Agents built on the API"};

export const COMPLEXITIES: readonly Complexity[] = ["minimal", "low", "medium", "high"];

/** The auto-approve level a permission mode gives; null for a mode we do not know. */
export function levelOf(mode: string | null | undefined): Level | null {
  switch (mode) {
    case "bypassPermissions":
    case "auto":
      return "full";
    case "acceptEdits":
      return "edits";
    case "default":
    case "plan":
    case "dontAsk":
      return "none";
    default:
      return null;
  }
}

/**
 * The auto-approve level of a Codex turn, from its approval policy and its sandbox
 * (docs/codex-format.md, "Approvals"; docs/findings.md, "Auto-approve"). `never` puts no
 * action to the person, and neither does a policy that may ask when the sandbox already
 * allows everything: full. A sandbox that lets the agent write in the workspace, under a
 * policy that asks only to go beyond it (`on-request`, `on-failure`): edits. `untrusted`
 * asks before anything that is not a known read-only command, and a read-only sandbox asks
 * before any write: none. NULL where either is unknown.
 */
export function codexLevel(approval: string | null, sandbox: string | null): Level | null {
  if (approval === "never") return "full";
  if (approval === "untrusted") return "none";
  if (approval !== "on-request" && approval !== "on-failure") return null;
  switch (sandbox) {
    case "danger-full-access":
      return "full";
    case "workspace-write":
      return "edits";
    case "read-only":
      return "none";
    default:
      return null;
  }
}

/** A session's level from its turns' levels: a majority of `full`, else of `full` or `edits`. */
export function sessionLevel(levels: readonly (Level | null)[]): Level | null {
  const known = levels.filter((l): l is Level => l !== null);
  if (known.length === 0) return null;
  const full = known.filter((l) => l === "full").length;
  const edits = known.filter((l) => l === "edits").length;
  if (full * 2 > known.length) return "full";
  if ((full + edits) * 2 > known.length) return "edits";
  return "none";
}

/** Tools that only read or plan: no mode asks the person before they run. */
export const READ_ONLY_TOOLS: ReadonlySet<string> = new Set([
  "Read", "Grep", "Glob", "LS", "TodoWrite", "TodoRead", "WebSearch", "WebFetch", "NotebookRead",
  "BashOutput", "TaskOutput", "ListMcpResourcesTool", "ReadMcpResourceTool", "ToolSearch",
  "AskUserQuestion", "ExitPlanMode", "EnterPlanMode", "Task", "Agent", "TaskCreate", "TaskGet",
  "TaskList", "TaskUpdate", "TaskStop", "KillShell", "KillBash", "Skill", "LSP"
]);

/** Tools that `acceptEdits` lets run without asking. */
export const FILE_EDIT_TOOLS: ReadonlySet<string> = new Set(["Edit", "MultiEdit", "Write", "NotebookEdit"]);

/** Claude Code's shell tool. */
export const SHELL_TOOL = "Bash";

/** Tools with which the agent stops to ask the person (F4, F5). */
export const ASK_TOOL = "AskUserQuestion";
export const PLAN_TOOL = "ExitPlanMode";
/** Tools that start a subagent (`Task` became `Agent` in 2.1.63). */
export const SUBAGENT_TOOLS: ReadonlySet<string> = new Set(["Task", "Agent"]);

/**
 * Whether the turn's level makes the person approve this tool before it runs: `none` asks
 * for every tool that is not read-only, `edits` for those that are neither read-only nor
 * file edits, `full` for none. NULL where the level is unknown.
 */
export function asksPerson(level: Level | null, tool: string): boolean | null {
  if (level === null) return null;
  if (READ_ONLY_TOOLS.has(tool)) return false;
  if (level === "none") return true;
  if (level === "edits") return !FILE_EDIT_TOOLS.has(tool);
  return false;
}

/** Who let a call run, where the transcript can tell: a mode or the default rules. */
export function approvedBy(level: Level | null, tool: string, rejected: boolean): "rule" | "person" | null {
  if (rejected) return null;
  const asks = asksPerson(level, tool);
  return asks === false ? "rule" : null;
}

/**
 * Human in the loop (F6, F7): the person approved the call (only Claude Code's telemetry
 * events say so; a transcript never does), or the level asks them for it; not when a rule
 * let it run (then nobody was asked). NULL where neither is known.
 * Safeguard: a person in the loop, a hook ran on it, or the level is `none` or `edits`.
 */
export function humanInLoop(level: Level | null, tool: string, approved: string | null): boolean | null {
  if (approved === "person") return true;
  if (approved === "rule") return false;
  return asksPerson(level, tool);
}

export function safeguard(level: Level | null, inLoop: boolean | null, hooked: boolean | null): boolean | null {
  if (inLoop === true || hooked === true) return true;
  if (level === null) return null;
  return level !== "full";
}

/**
 * A turn's interventions (F10; docs/findings.md, "Intervention"): its interrupt, each
 * rejection the agent went on from (those that ended an interrupted turn are part of its
 * interrupt), and a corrective prompt unless it follows an interrupt (the same intervention).
 */
export function interventionsOf(turn: {interrupted: boolean; rejections: number; endingRejections: number; corrective: boolean; afterInterrupt: boolean}): number {
  return (turn.interrupted ? 1 : 0) + (turn.rejections - (turn.interrupted ? turn.endingRejections : 0)) + (turn.corrective && !turn.afterInterrupt ? 1 : 0);
}

/** The most frequent value (a session's or turn's model); ties go to the first in sort order, so reruns agree. */
export function majority(items: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n || (c === n && best !== null && k < best)) [best, n] = [k, c];
  return best;
}

/**
 * Math.min and Math.max of a list of any length: spread into them, a list past about
 * 125,000 values overflows the stack (a session's lines, a turn's events). NaN where any
 * value is NaN, Infinity and -Infinity for none, as they give.
 */
export function least(values: Iterable<number>): number {
  let m = Infinity;
  for (const v of values) if (Number.isNaN(v)) return NaN; else if (v < m) m = v;
  return m;
}
export function greatest(values: Iterable<number>): number {
  let m = -Infinity;
  for (const v of values) if (Number.isNaN(v)) return NaN; else if (v > m) m = v;
  return m;
}

const CODEX_ORIGINATORS: Readonly<Record<string, string>> = {codex_cli_rs: "cli", codex_vscode: "vscode", codex_exec: "exec"};

/** Where a Codex originator ran, as an entry point: the terminal, the editor, or `codex exec`; another as logged (docs/codex-format.md, "Sessions"). */
export const codexEntrypoint = (originator: string): string => CODEX_ORIGINATORS[originator] ?? originator;

/** Entry points of interactive sessions: absent (Claude Code 1.0.x), `cli`, or `vscode` (Codex's editor extension; Claude Code's is `claude-vscode`). */
export function isInteractive(entrypoint: string | null | undefined): boolean {
  return entrypoint == null || entrypoint === "cli" || entrypoint === "vscode";
}
