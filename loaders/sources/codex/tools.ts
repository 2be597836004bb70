// Codex's tools as the classifiers and the approval rules read them (docs/codex-format.md,
// "Tools"). The rules of loaders/classify/ and loaders/definitions.ts know Claude Code's
// tools by name; each of Codex's is handed to them as the Claude Code tool of the same
// kind, with its input in that tool's shape: a shell command as one string, a patch as the
// first file it changes. The table keeps Codex's own name (`tool_name`); the text read here
// is never kept.

import {READ_ONLY_TOOLS, type Level} from "../../definitions.ts";

/** The Claude Code tool of the same kind; a tool not listed (MCP tools, newer ones) is read by its own name. */
const KIND: Readonly<Record<string, string>> = {
  shell: "Bash",
  shell_command: "Bash",
  exec_command: "Bash",
  local_shell: "Bash",
  "container.exec": "Bash",
  write_stdin: "BashOutput",
  apply_patch: "Edit",
  update_plan: "TodoWrite",
  view_image: "Read",
  read_file: "Read",
  list_dir: "LS",
  grep_files: "Grep",
  web_search: "WebSearch",
  request_user_input: "AskUserQuestion",
  list_mcp_resources: "ListMcpResourcesTool",
  list_mcp_resource_templates: "ListMcpResourcesTool",
  read_mcp_resource: "ReadMcpResourceTool"
};

/** A tool's name as Claude Code names a tool of its kind: Codex's by the list above, any other as it is. */
export const claudeCodeName = (name: string): string => KIND[name] ?? name;

const SHELLS = /^(?:.*[/\\])?(?:bash|sh|zsh|dash|fish|pwsh|powershell)(?:\.exe)?$/i;

/** An argv as the command a person would type: a shell's `-c` script, else the words joined. */
function commandLine(argv: unknown[]): string {
  const words = argv.filter((w): w is string => typeof w === "string");
  const script = words.findIndex((w) => /^-(?:l?c|Command)$/i.test(w));
  if (words.length > 0 && SHELLS.test(words[0]) && script > 0 && script + 1 < words.length) return words.slice(script + 1).join(" ");
  return words.join(" ");
}

/** The files a patch call adds, updates or deletes, in order: its input is the patch (a custom tool), or holds it. */
export function patchedFiles(input: unknown): string[] {
  return [...patchText(input).matchAll(/^\*\*\* (?:Add|Update|Delete) File: (.+)$/gm)].map((m) => m[1].trim());
}

const patchText = (input: unknown): string =>
  typeof input === "string" ? input : typeof (input as {input?: unknown})?.input === "string" ? (input as {input: string}).input : typeof (input as {patch?: unknown})?.patch === "string" ? (input as {patch: string}).patch : "";

/** A call as the rules read it: the tool of the same kind, and its input in that tool's shape. */
export function asClassified(name: string, input: unknown): {tool: string; input: unknown} {
  const tool = claudeCodeName(name);
  if (tool === "Bash") {
    const o = (input ?? {}) as {command?: unknown; cmd?: unknown};
    const command = Array.isArray(o.command) ? commandLine(o.command) : typeof o.command === "string" ? o.command : typeof o.cmd === "string" ? o.cmd : typeof input === "string" ? input : "";
    return {tool, input: {command}};
  }
  if (tool === "Edit") return {tool, input: {file_path: patchedFiles(input)[0] ?? null}};
  return {tool, input};
}

/** The call asks to run outside the sandbox (`with_escalated_permissions`, or `sandbox_permissions: "require_escalated"` in newer versions). */
function escalated(input: unknown): boolean {
  const o = (input ?? {}) as {with_escalated_permissions?: unknown; sandbox_permissions?: unknown};
  return o.with_escalated_permissions === true || o.sandbox_permissions === "require_escalated";
}

/**
 * Whether the turn's level put the call to the person before it ran (docs/codex-format.md,
 * "Approvals"): at `edits` (a sandbox the agent may write in) only a call that asks to
 * leave the sandbox is put to them; at `none` every call that is not read-only; at `full`
 * none. NULL where the level is unknown. `tool` is the call's kind (`asClassified`).
 */
export function putToPerson(level: Level | null, tool: string, input: unknown): boolean | null {
  if (level === null) return null;
  if (level === "full" || READ_ONLY_TOOLS.has(tool)) return false;
  return level === "none" || escalated(input);
}
