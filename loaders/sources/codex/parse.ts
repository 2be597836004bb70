// One line of a Codex rollout → one item, or the reason it is skipped. The shapes are in
// docs/codex-format.md: since 0.32 every line is an envelope {timestamp, type, payload};
// before it (the legacy format) a file opened with a header holding the session's id and
// time, and went on with bare items and `{"record_type": "state"}` lines, none with a time.
// Every decision reads the structure of the line; where a signal is text (a rejection, a
// message the CLI injected), the whole output or the start of the message is compared.
import {objectOf} from "../lines.ts";

export type SkipReason = "blank" | "not_json" | "truncated" | "not_object" | "missing_fields" | "invalid_field" | "unknown_type";

/** The envelope types Codex writes (docs/codex-format.md, "Lines"); a line of any other type is skipped. */
const KNOWN_TYPES: ReadonlySet<string> = new Set(["session_meta", "response_item", "event_msg", "turn_context", "compacted"]);

/** What the CLI puts in the conversation as a user message that the person did not type (docs/codex-format.md, "Prompts"). */
const INJECTED = /^\s*(?:<environment_context>|<user_instructions>|<user_shell_command>|<user_action>|<skill>|<turn_aborted>|<subagent_notification>|<hook_prompt|# AGENTS\.md instructions for )/i;

/** The tool outputs that say the person refused a call (docs/codex-format.md, "Approvals"). */
export const REJECTED_BY_PERSON: ReadonlySet<string> = new Set(["exec command rejected by user", "patch rejected by user"]);

export type Meta = {id: string; ts: number; originator: string | null; version: string | null; source: string | null; provider: string | null};
export type Call = {id: string; name: string; input: unknown};

export type Body =
  | {t: "meta"; meta: Meta}
  | {t: "context"; approval: string | null; sandbox: string | null; model: string | null}
  /** What the person typed, as the CLI logged it (`event_msg` `user_message`). */
  | {t: "prompt"; text: string}
  /** A user message of the conversation: a prompt only in files that log no `user_message`, and only when the CLI did not inject it. */
  | {t: "user"; text: string; injected: boolean}
  | {t: "assistant"; text: string}
  | {t: "call"; call: Call}
  | {t: "output"; id: string; text: string}
  | {t: "aborted"; reason: string | null}
  | {t: "complete"; ms: number | null}
  | {t: "error"}
  /** The agent at work in a way no finding reads (reasoning, token counts, snapshots ...). */
  | {t: "work"}
  /** A line that is neither the agent's work nor the person's (state records, compaction). */
  | {t: "other"};

/** An item with its place: `ts` is NaN where the line has no time (the legacy format). */
export type Item = Body & {ts: number; line: number};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The text of a message's content: its text parts, joined. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((c) => (isObject(c) && typeof c.text === "string" ? c.text : "")).join("\n");
}

/** A tool call's input: function calls log their arguments as JSON text, custom tools (apply_patch) as the raw text, the shell as an action. */
function argumentsOf(raw: unknown): unknown {
  if (typeof raw !== "string") return raw ?? null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** A tool output's text: a string, a list of content items (0.51+), or {output} / {content} in some versions. */
function outputText(output: unknown): string {
  if (typeof output === "string" || Array.isArray(output)) return textOf(output);
  if (isObject(output)) return str(output.output) ?? str(output.content) ?? textOf(output.content);
  return "";
}

/** The approval policy and sandbox that the CLI's environment context states: the legacy format's only record of them. */
function environment(text: string): Body | null {
  if (!text.trimStart().startsWith("<environment_context>")) return null;
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1].trim() ?? null;
  const approval = tag("approval_policy");
  return approval === null ? {t: "other"} : {t: "context", approval, sandbox: tag("sandbox_mode"), model: null};
}

/** A response item (enveloped or bare) → its body. */
function responseItem(p: Record<string, unknown>, lineNo: number): Body | SkipReason {
  switch (p.type) {
    case "message": {
      const text = textOf(p.content);
      if (p.role === "assistant") return {t: "assistant", text};
      if (p.role === "user") return environment(text) ?? {t: "user", text, injected: INJECTED.test(text)};
      return {t: "other"}; // developer and system messages: the CLI's instructions
    }
    case "function_call":
    case "custom_tool_call":
      if (typeof p.call_id !== "string" || typeof p.name !== "string") return "missing_fields";
      return {t: "call", call: {id: p.call_id, name: p.name, input: argumentsOf(p.type === "function_call" ? p.arguments : p.input)}};
    case "local_shell_call":
      if (typeof p.call_id !== "string" && typeof p.id !== "string") return "missing_fields";
      return {t: "call", call: {id: (str(p.call_id) ?? p.id) as string, name: "local_shell", input: isObject(p.action) ? p.action : null}};
    case "web_search_call":
      // A search the model ran itself: a call with no output of its own.
      return {t: "call", call: {id: str(p.id) ?? `web_search@${lineNo}`, name: "web_search", input: isObject(p.action) ? p.action : null}};
    case "function_call_output":
    case "custom_tool_call_output":
      if (typeof p.call_id !== "string") return "missing_fields";
      return {t: "output", id: p.call_id, text: outputText(p.output)};
    default:
      // reasoning, snapshots of the work tree, and whatever newer versions add
      return {t: "work"};
  }
}

function eventMsg(p: Record<string, unknown>): Body | SkipReason {
  switch (p.type) {
    case "user_message":
      return typeof p.message === "string" ? {t: "prompt", text: p.message} : "missing_fields";
    case "turn_aborted":
      return {t: "aborted", reason: str(p.reason)};
    case "task_complete":
    case "turn_complete":
      return {t: "complete", ms: typeof p.duration_ms === "number" && Number.isFinite(p.duration_ms) ? p.duration_ms : null};
    case "error":
      return {t: "error"};
    case "agent_message":
    case "agent_reasoning":
    case "agent_reasoning_raw_content":
      return {t: "work"};
    default:
      // The turn's start, token counts, and what the person starts between turns (/compact,
      // /review, /undo, a rollback, a rename): none is the agent's work, so none lengthens a turn.
      return {t: "other"};
  }
}

function sandboxOf(policy: unknown): string | null {
  if (typeof policy === "string") return policy;
  // `type` since 0.4x; `mode` before it.
  return isObject(policy) ? str(policy.type) ?? str(policy.mode) : null;
}

function envelope(o: Record<string, unknown>, ts: number, lineNo: number): Body | SkipReason {
  const p = o.payload;
  if (!isObject(p)) return "missing_fields";
  switch (o.type) {
    case "session_meta": {
      // A fork copies its parent's meta after its own, and a change of memory mode writes it again: the first in the file names the session.
      const meta = isObject(p.meta) ? p.meta : p;
      if (typeof meta.id !== "string") return "missing_fields";
      const at = Date.parse(str(meta.timestamp) ?? "");
      return {t: "meta", meta: {id: meta.id, ts: Number.isNaN(at) ? ts : at, originator: str(meta.originator), version: str(meta.cli_version), source: typeof meta.source === "string" ? meta.source : isObject(meta.source) ? Object.keys(meta.source)[0] ?? null : null, provider: str(meta.model_provider)}};
    }
    case "turn_context":
      return {t: "context", approval: str(p.approval_policy), sandbox: sandboxOf(p.sandbox_policy), model: str(p.model)};
    case "response_item":
      return responseItem(p, lineNo);
    case "event_msg":
      return eventMsg(p);
    default:
      return {t: "other"}; // compacted
  }
}

/** A legacy header: the session's id and start, and no type. */
function legacyHeader(o: Record<string, unknown>): Body | null {
  if (typeof o.id !== "string" || typeof o.timestamp !== "string" || "type" in o) return null;
  const ts = Date.parse(o.timestamp);
  return Number.isNaN(ts) ? null : {t: "meta", meta: {id: o.id, ts, originator: null, version: null, source: null, provider: null}};
}

// The body is a fresh object: its place is set on it, since a copy (a spread) costs more than the line (sources/rows.ts).
function placed(body: Body, ts: number, line: number): Item {
  const item = body as Item;
  item.ts = ts;
  item.line = line;
  return item;
}

/** One line → its item, or why it is skipped. `last`: the file's last line, without its `\n`. */
export function parseLine(raw: string, lineNo: number, last: boolean): Item | SkipReason {
  const o = objectOf(raw, last);
  if (typeof o === "string") return o;
  const header = legacyHeader(o);
  if (header) return placed(header, NaN, lineNo);
  // An envelope, whole or damaged: only the legacy format's bare items have neither field.
  if ("payload" in o || "timestamp" in o) {
    if (typeof o.type !== "string") return "missing_fields";
    if (!KNOWN_TYPES.has(o.type)) return "unknown_type";
    const ts = typeof o.timestamp === "string" ? Date.parse(o.timestamp) : NaN;
    if (Number.isNaN(ts)) return "invalid_field";
    const body = envelope(o, ts, lineNo);
    return typeof body === "string" ? body : placed(body, ts, lineNo);
  }
  if (o.record_type === "state") return placed({t: "other"}, NaN, lineNo);
  if (typeof o.type !== "string") return "missing_fields";
  const body = responseItem(o, lineNo);
  return typeof body === "string" ? body : placed(body, NaN, lineNo);
}
