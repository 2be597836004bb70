// One OTLP JSON line → compact records of what the tables need, or the reason it is
// skipped (docs/otel-format.md). A line is one export request and may hold many records of
// many sessions; the records go on to the shards (group.ts), the line's verdict (parsed or
// duplicate) is known only once every shard has been deduplicated.
//
// Privacy: a record is copied field by field from this allowlist, nothing else is read.
//   kept in the tables: `session.id`, Codex's `conversation.id`, `gen_ai.conversation.id`
//     and `traceId` (session ids); `user.account_uuid`, `user.id`, Codex's
//     `user.account_id`, `enduser.id` (user ids, as the transcript source keeps its fleet
//     folders' names); `tool_name`/`gen_ai.tool.name`; `tool_use_id`/Codex's `call_id`/
//     `gen_ai.tool.call.id`/`spanId` (tool call ids); `model`/`gen_ai.response.model`/
//     `gen_ai.request.model`; `gen_ai.provider.name`/`gen_ai.system`; `app.version`/
//     `service.version`; `app.entrypoint` (Claude Code's own), Codex's `originator` as one.
//   read, never written out: times, `event.name`, `event.sequence`, `prompt.id`, decisions
//     and their sources, `success`, `duration_ms`, `parentSpanId`, `status.code`,
//     `gen_ai.operation.name`; `gen_ai.agent.name` (else `service.name`), which a tool-call
//     classifier reads in place of a prompt and which stays in the ingest's work files.
//   never read: everything else: `prompt`, `response`, `tool_parameters`, `tool_input`,
//     `error`, `*.messages`, `*.arguments`, `user.email`, `organization.id`, bodies other
//     than Claude Code's event names, span names, status messages, scopes.
// Duplicate records (retries) are told apart by a key (docs/otel-format.md, "Duplicates"):
// a span by its traceId and spanId; an event by its session, `event.sequence`, time and
// name (a resumed session's new process numbers its events from 0 again, so the sequence
// alone is not enough); an event without a sequence by a digest of the whole record.
import {createHash} from "node:crypto";
import {codexEntrypoint} from "../../definitions.ts";
import {Attributes, attributes, isObject, nanosToMs, type Json, type Scalar} from "./otlp.ts";

/** Claude Code events that make rows (docs/otel-format.md, "Claude Code's events"); Codex's of the same names (`codex.` before them) too. */
export const ROW_EVENTS: ReadonlySet<string> = new Set(["user_prompt", "tool_decision", "tool_result", "api_request", "api_error"]);

/** Claude Code events that are known and make no rows; any other name is `unknown_event`. */
const OTHER_EVENTS: ReadonlySet<string> = new Set([
  "assistant_response", "api_request_body", "api_response_body", "api_refusal", "api_retries_exhausted",
  "permission_mode_changed", "subagent_completed", "skill_activated", "mcp_server_connection",
  "plugin_installed", "plugin_loaded", "hook_registered", "hook_execution_start", "hook_execution_complete",
  "hook_plugin_metrics", "compaction", "retention_sweep", "system_prompt", "summary", "at_mention", "auth",
  "internal_error", "feedback_survey"
]);

/** Codex's events that are known and make no rows (docs/otel-format.md, "Codex's events"). */
const CODEX_OTHER_EVENTS: ReadonlySet<string> = new Set(["conversation_starts", "sse_event", "websocket_connect", "websocket_request", "websocket_event", "auth_recovery"]);

/**
 * A Codex decision (`approved`, `approvedforsession`, `denied`, `abort`, `timedout`, ...)
 * and who made it (`User`, `Config`, `AutomatedReviewer`), in Claude Code's words: accepted
 * or rejected, by the person (for the session, or once) or by a rule. Codex's automated
 * reviewer is no person: its verdicts count as the rule's.
 */
function codexDecision(decision: string | undefined, source: string | undefined): {dec?: string; src?: string} {
  if (decision === undefined) return {};
  const accepted = decision.startsWith("approved") || decision === "networkpolicyamendment";
  const dec = accepted ? "accept" : "reject";
  if (source === undefined) return {dec};
  if (source.toLowerCase() !== "user") return {dec, src: "config"};
  // Approvals that last (for the session, or as a rule added to the exec policy) are Claude Code's `user_permanent`.
  const lasting = decision === "approvedforsession" || decision === "approvedexecpolicyamendment";
  return {dec, src: accepted ? (lasting ? "user_permanent" : "user_temporary") : decision === "abort" ? "user_abort" : "user_reject"};
}

/** A Claude Code event, as much of it as the tables need (a shard line: short keys). */
export type EventRecord = {
  r: "e";
  /** Dedup key. */
  k: string;
  /** `session.id`. */
  s: string;
  /** File (index in the group) and line number. */
  f: number;
  l: number;
  /** Event name, time (epoch ms), `event.sequence`, `prompt.id`. */
  n: string;
  t: number;
  q?: number;
  p?: string;
  /** User: `user.account_uuid`, else `user.id`. */
  u?: string;
  tool?: string;
  id?: string;
  /** The permission decision (`accept`|`reject`) and its source (`config`, `hook`, `user_*`). */
  dec?: string;
  src?: string;
  ok?: boolean;
  /** `duration_ms`. */
  d?: number;
  m?: string;
  v?: string;
  ep?: string;
  /** Written by Codex (`codex.` names); absent for Claude Code's. */
  cx?: true;
};

/** A span: its place in its trace, and for GenAI spans what the tables need. */
export type SpanRecord = {
  r: "s";
  /** spanId (the dedup key within its trace), traceId, parentSpanId ("" for a root). */
  k: string;
  tr: string;
  p: string;
  f: number;
  l: number;
  /** `gen_ai.operation.name`; the fields below are read only when it is set. */
  op?: string;
  st?: number;
  en?: number;
  err?: boolean;
  c?: string;
  u?: string;
  tool?: string;
  id?: string;
  m?: string;
  pv?: string;
  /** The classifier's context: `gen_ai.agent.name`, else `service.name`. */
  x?: string;
};

export type Sink = {event(record: EventRecord): void; span(record: SpanRecord): void};

/** A line with records known to the reader (parsed or duplicate: decided later), or its skip reason. */
export type LineResult = {known: number; skip?: undefined} | {skip: string; known?: undefined};

type Tally = {known: number; unknown: number; invalid: number};

/**
 * A digest of a JSON value, walked with a stack of its own rather than by recursion (as
 * JSON.stringify does): a record nested deeper than the call stack is still one record,
 * not a fault that stops its file.
 */
function digestOf(value: unknown): string {
  const hash = createHash("sha1");
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof Key) hash.update(`k${JSON.stringify(v.name)}`);
    else if (Array.isArray(v)) {
      hash.update(`[${v.length};`);
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (isObject(v)) {
      const keys = Object.keys(v);
      hash.update(`{${keys.length};`);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(v[keys[i]], new Key(keys[i]));
    } else hash.update(`v${JSON.stringify(v)};`);
  }
  return hash.digest("hex");
}

/** An object's key on digestOf's stack, told apart from a string value. */
class Key {
  constructor(readonly name: string) {}
}

/** The event's name, and whether Codex wrote it (`codex.<name>`: its names are Claude Code's, under its own prefix). */
function eventName(a: Attributes, body: unknown): {name: string; codex: boolean} | undefined {
  const text = isObject(body) && typeof body.stringValue === "string" ? body.stringValue : "";
  const name = a.str("event.name") ?? (text.startsWith("claude_code.") ? text.slice("claude_code.".length) : undefined);
  if (name?.startsWith("codex.")) return {name: name.slice("codex.".length), codex: true};
  return name === undefined ? undefined : {name, codex: false};
}

function readEvent(record: Json, resource: Map<string, Scalar>, f: number, l: number, sink: Sink, tally: Tally) {
  const a = new Attributes(attributes(record.attributes), resource);
  const named = eventName(a, record.body);
  if (named === undefined || !(ROW_EVENTS.has(named.name) || (named.codex ? CODEX_OTHER_EVENTS : OTHER_EVENTS).has(named.name))) return void tally.unknown++;
  const {name, codex} = named;
  // Codex names its session the conversation, and its user by account.
  const session = a.str("session.id", ...(codex ? ["conversation.id"] : []));
  const t = Number.isNaN(nanosToMs(record.timeUnixNano)) ? nanosToMs(record.observedTimeUnixNano) : nanosToMs(record.timeUnixNano);
  if (session === undefined || Number.isNaN(t)) return void tally.invalid++;
  tally.known++;
  const q = a.num("event.sequence");
  const k = q !== undefined ? `${session}\u0000${q}\u0000${t}\u0000${name}` : digestOf(record);
  const cx = codex ? (true as const) : undefined;
  if (!ROW_EVENTS.has(name)) return sink.event({r: "e", k, s: session, f, l, n: name, t, cx});
  // Absent fields stay undefined, which the shard lines (JSON) leave out.
  const originator = codex ? a.str("originator") : undefined;
  sink.event({
    r: "e", k, s: session, f, l, n: name, t, q,
    p: a.str("prompt.id"),
    u: a.str("user.account_uuid", "user.id", ...(codex ? ["user.account_id"] : [])),
    tool: a.str("tool_name"),
    id: a.str("tool_use_id", ...(codex ? ["call_id"] : [])),
    // tool_result says `decision_type`/`decision_source` (2025: `decision`/`source`).
    ...(codex && name === "tool_decision" ? codexDecision(a.str("decision"), a.str("source")) : {dec: a.str("decision_type", "decision"), src: a.str("decision_source", "source")}),
    ok: a.bool("success"),
    d: a.num("duration_ms"),
    m: name === "api_request" ? a.str("model") : undefined,
    v: a.str("app.version", "service.version"),
    ep: codex ? (originator && codexEntrypoint(originator)) : a.str("app.entrypoint"),
    cx
  });
}

const ERROR = new Set<unknown>([2, "STATUS_CODE_ERROR"]);

function readSpan(span: Json, resource: Map<string, Scalar>, f: number, l: number, sink: Sink, tally: Tally) {
  const st = nanosToMs(span.startTimeUnixNano);
  if (typeof span.traceId !== "string" || span.traceId === "" || typeof span.spanId !== "string" || span.spanId === "" || Number.isNaN(st)) return void tally.invalid++;
  tally.known++;
  const link: SpanRecord = {r: "s", k: span.spanId, tr: span.traceId, p: typeof span.parentSpanId === "string" ? span.parentSpanId : "", f, l};
  const a = new Attributes(attributes(span.attributes), resource);
  const op = a.str("gen_ai.operation.name");
  if (op === undefined) return sink.span(link); // no rows (HTTP, Claude Code's own traces), but a link in its trace
  const en = nanosToMs(span.endTimeUnixNano);
  sink.span({
    ...link, op, st, en: Number.isNaN(en) ? st : en,
    err: isObject(span.status) && ERROR.has(span.status.code),
    c: a.str("gen_ai.conversation.id"),
    u: a.str("user.id", "enduser.id"),
    tool: a.str("gen_ai.tool.name"),
    id: a.str("gen_ai.tool.call.id"),
    m: a.str("gen_ai.response.model", "gen_ai.request.model"),
    pv: a.str("gen_ai.provider.name", "gen_ai.system"),
    x: a.str("gen_ai.agent.name", "service.name")
  });
}

/** Walks `resource*[].scope*[].<items>[]`, handing each item and its resource's attributes to `read`. */
function walk(resources: unknown[], scopes: string, items: string, read: (item: Json, resource: Map<string, Scalar>) => void) {
  for (const r of resources) {
    if (!isObject(r)) continue;
    const resource = attributes(isObject(r.resource) ? r.resource.attributes : undefined);
    for (const scope of Array.isArray(r[scopes]) ? r[scopes] : []) {
      if (!isObject(scope) || !Array.isArray(scope[items])) continue;
      for (const item of scope[items]) if (isObject(item)) read(item, resource);
    }
  }
}

/** Reads one line (its text, without the newline) of file `f`, line `l`. */
export function readLine(text: string, f: number, l: number, sink: Sink): LineResult {
  if (text.trim() === "") return {skip: "blank"};
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {skip: "not_json"}; // cut lines too (docs/otel-format.md, "The ingest report")
  }
  if (!isObject(doc)) return {skip: "not_otlp"};
  const {resourceLogs: logs, resourceSpans: spans} = doc;
  if (!Array.isArray(logs) && !Array.isArray(spans)) return {skip: Array.isArray(doc.resourceMetrics) ? "otlp_metrics" : "not_otlp"};
  const tally: Tally = {known: 0, unknown: 0, invalid: 0};
  if (Array.isArray(logs)) walk(logs, "scopeLogs", "logRecords", (record, resource) => readEvent(record, resource, f, l, sink, tally));
  if (Array.isArray(spans)) walk(spans, "scopeSpans", "spans", (span, resource) => readSpan(span, resource, f, l, sink, tally));
  if (tally.known) return {known: tally.known};
  return {skip: tally.unknown ? "unknown_event" : tally.invalid ? "missing_fields" : "no_records"};
}
