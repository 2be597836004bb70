// GenAI agent spans (docs/otel-format.md, "GenAI agent spans"; semantic conventions for
// gen_ai, any version since 1.31) → turns and tool calls, in two steps, since a trace is
// one shard's and a session (a conversation) may span traces:
// 1. one trace → units: each `invoke_agent` with no `invoke_agent` above it is a turn, from
//    its start to its end, `error` when its status is an error (`completed` otherwise:
//    spans log no interrupts); each `execute_tool` below it is one of its calls, made in a
//    subagent when another `invoke_agent` stands between them. Ancestry runs through any
//    span of the trace (HTTP and framework spans too). Tool calls with no agent above them
//    are kept, in no turn. A unit's session is its turn span's `gen_ai.conversation.id`,
//    else the traceId.
// 2. a session's units → its turns, in time order.
// Spans log no approvals: rejected and approved_by stay NULL, and who is in the loop is a
// classifier's call (rows.ts).
import {greatest, least, majority} from "../../definitions.ts";
import type {SessionKind} from "../types.ts";
import type {SpanRecord} from "./records.ts";
import type {OtelCall, OtelSession, OtelTurn} from "./rows.ts";

/** GenAI agent spans log nothing of the person: no approval, no prompt (docs/otel-format.md, "Not derivable"). */
export const SPANS: SessionKind = {name: "spans", approvals: false, prompts: false};

type GenAiSpan = SpanRecord & Required<Pick<SpanRecord, "op" | "st" | "en" | "err">>;

/** A turn (or the loose calls of a trace) and its session, as a shard line. */
export type SpanUnit = {
  r: "u";
  s: string;
  syn: boolean;
  u: string | null;
  pv: string | null;
  /** Model names of the unit's spans, one entry a span. */
  ms: string[];
  turn: {st: number; en: number; err: boolean} | null;
  calls: {id: string; name: string; st: number; en: number; err: boolean; sub: boolean; x: string}[];
};

const isGenAi = (s: SpanRecord): s is GenAiSpan => s.op !== undefined;

/**
 * The `invoke_agent` spans above each span, outermost first. A parent that was not read
 * (lost, or in a file not given) ends the chain; a loop in bad data is cut where it closes.
 */
function agentChains(spans: ReadonlyMap<string, SpanRecord>): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const chainOf = (id: string): string[] => {
    const path: SpanRecord[] = [];
    const onPath = new Set<string>();
    let span = spans.get(id);
    while (span && !chains.has(span.k) && !onPath.has(span.k)) {
      path.push(span);
      onPath.add(span.k);
      span = spans.get(span.p);
    }
    let above = span && chains.has(span.k) ? [...chains.get(span.k)!, ...(span.op === "invoke_agent" ? [span.k] : [])] : [];
    for (const s of path.reverse()) {
      chains.set(s.k, above);
      if (s.op === "invoke_agent") above = [...above, s.k];
    }
    return chains.get(id)!;
  };
  for (const id of spans.keys()) chainOf(id);
  return chains;
}

/** One trace's spans (deduplicated) → its units. `synthetic` tells whether a file is generated. */
export function traceUnits(trace: string, records: readonly SpanRecord[], synthetic: (file: number) => boolean): SpanUnit[] {
  const spans = new Map(records.map((s) => [s.k, s]));
  const chains = agentChains(spans);
  const syn = records.some((s) => synthetic(s.f));
  const units = new Map<string, SpanUnit>(); // by the turn span's id, or `loose\0<session>`
  const unitOf = (span: GenAiSpan, turn: boolean): SpanUnit => {
    const session = span.c ?? trace;
    const key = turn ? span.k : `loose\u0000${session}`;
    return units.get(key) ?? units.set(key, {r: "u", s: session, syn, u: span.u ?? null, pv: span.pv ?? null, ms: [], turn: turn ? {st: span.st, en: span.en, err: span.err} : null, calls: []}).get(key)!;
  };
  const genAi = records.filter(isGenAi);
  // Turns first, so that the spans below them find their unit.
  for (const span of genAi) if (span.op === "invoke_agent" && chains.get(span.k)!.length === 0) unitOf(span, true);
  for (const span of genAi) {
    const chain = chains.get(span.k)!;
    const root = chain.length ? (spans.get(chain[0]) as GenAiSpan) : null;
    const unit = root ? unitOf(root, true) : span.op === "execute_tool" ? unitOf(span, false) : units.get(span.k);
    if (!unit) continue;
    if (span.m) unit.ms.push(span.m);
    unit.pv ??= span.pv ?? null;
    if (span.op === "execute_tool") unit.calls.push({id: span.id ?? span.k, name: span.tool ?? "", st: span.st, en: span.en, err: span.err, sub: chain.length > 1, x: span.x ?? ""});
  }
  return [...units.values()];
}

const byTime = (a: {st: number; en: number}, b: {st: number; en: number}) => a.st - b.st || a.en - b.en;

function call(c: SpanUnit["calls"][number]): OtelCall {
  return {
    id: c.id, name: c.name, at: c.st, inSubagent: c.sub, rejected: null, isError: c.err, approvedBy: null, decidedBy: null,
    hooked: null, durationMs: c.en - c.st, context: c.x
  };
}

/** A session's units (from any traces) → the session. */
export function spanSession(id: string, units: readonly SpanUnit[]): OtelSession {
  const turned = units.filter((u): u is SpanUnit & {turn: NonNullable<SpanUnit["turn"]>} => u.turn !== null).sort((a, b) => byTime(a.turn, b.turn));
  const turns = turned.map((u): OtelTurn => ({
    start: u.turn.st,
    end: u.turn.en,
    endReason: u.turn.err ? "error" : "completed",
    model: majority(u.ms),
    calls: [...u.calls].sort(byTime).map(call)
  }));
  const loose = units.filter((u) => u.turn === null).flatMap((u) => u.calls).sort(byTime).map(call);
  const times = [...turned.flatMap((u) => [u.turn.st, u.turn.en]), ...loose.flatMap((c) => [c.at, c.at + (c.durationMs ?? 0)])];
  const ordered = [...turned, ...units.filter((u) => u.turn === null)];
  return {
    id, turns, loose, agent: "api",
    user: ordered.find((u) => u.u !== null)?.u ?? null,
    synthetic: units.some((u) => u.syn),
    start: least(times),
    end: greatest(times),
    model: majority(units.flatMap((u) => u.ms)),
    provider: majority(units.flatMap((u) => (u.pv === null ? [] : [u.pv]))),
    entrypoint: null,
    version: null,
    logs: SPANS
  };
}
