// One Claude Code session's events → its turns and tool calls (docs/otel-format.md,
// "From Claude Code's events"):
// - a turn is a `user_prompt` the agent answered (an API request, error or tool event
//   follows it); its events share its `prompt.id`, or, without ids, follow it in time up
//   to the next prompt. An event whose `prompt.id` names no prompt that was read belongs
//   to no turn: it never lengthens another. A prompt never answered is no turn (counted).
// - a turn starts at its prompt and ends at its latest event (events are logged as a step
//   ends). It ended `interrupted` when the person rejected a call (`user_reject`,
//   `user_abort`) and the agent made no API request after (a rejection that carries the
//   person's reason goes on: docs/findings.md, "Rejected tool use"); `error` when its last
//   event is an `api_error`; `completed` otherwise. Esc leaves no event, and clarifications
//   are not logged.
// - a tool call is one `tool_use_id` (its decision and its result); without ids, each
//   result and each rejection. It was rejected when the person refused it; a rule or hook
//   that refused it makes it an error only. Accepted by `config`/`hook`: approved by a
//   rule; by `user_temporary`/`user_permanent`: by the person.
// - models: the model of most API requests.
import {createHash} from "node:crypto";
import {greatest, majority, type EndReason} from "../../definitions.ts";
import type {SessionKind} from "../types.ts";
import {ROW_EVENTS, type EventRecord} from "./records.ts";
import type {OtelCall, OtelSession, OtelTurn} from "./rows.ts";

/** Claude Code's events log the person's decisions at a permission prompt, not what they typed (docs/otel-format.md, "Not derivable"). */
export const EVENTS: SessionKind = {name: "events", approvals: true, prompts: false};

const AGENT = new Set(["api_request", "api_error", "tool_decision", "tool_result"]);
const PERSON_REJECT = new Set(["user_reject", "user_abort"]);
const PERSON_ACCEPT = new Set(["user_temporary", "user_permanent"]);
const RULE = new Set(["config", "hook"]);

type Owner = EventRecord | null;

function decider(source: string | undefined): "rule" | "person" | null {
  if (source === undefined) return null;
  return RULE.has(source) ? "rule" : PERSON_REJECT.has(source) || PERSON_ACCEPT.has(source) ? "person" : null;
}

/** The calls of a session's tool events, each with the event that places it in time and turn. */
function callsOf(events: readonly EventRecord[]): {call: OtelCall; first: EventRecord}[] {
  const byId = new Map<string, {decision?: EventRecord; result?: EventRecord; first: EventRecord}>();
  const loose: {decision?: EventRecord; result?: EventRecord; first: EventRecord}[] = [];
  for (const e of events) {
    if (e.n !== "tool_decision" && e.n !== "tool_result") continue;
    const slot = e.n === "tool_decision" ? "decision" : "result";
    if (e.id !== undefined) {
      const call = byId.get(e.id) ?? byId.set(e.id, {first: e}).get(e.id)!;
      call[slot] ??= e;
    } else if (e.n === "tool_result" || e.dec === "reject") loose.push({[slot]: e, first: e});
  }
  return [...byId.entries(), ...loose.map((c) => [null, c] as const)].map(([id, {decision, result, first}]) => {
    // The decision says who let it run; a result carries the same decision in its own fields.
    const decided = decision ?? result!;
    const accepted = decided.dec === undefined ? null : decided.dec === "accept";
    const by = decider(decided.src);
    const started = [decision?.t, result && result.t - (result.d ?? 0)].filter((t): t is number => t !== undefined);
    return {
      first,
      call: {
        id: id ?? `otel-${createHash("sha1").update(first.k).digest("hex").slice(0, 16)}`,
        name: first.tool ?? "",
        at: Math.min(...started),
        inSubagent: null,
        // Refused by the person (a rule's refusal is an error only); a call that ran was not refused.
        rejected: accepted === false ? PERSON_REJECT.has(decided.src ?? "") : result ? false : null,
        // Refused (by anyone) is an error; a call that ran says by `success`; one never finished, NULL.
        isError: accepted === false ? true : result?.ok === undefined ? null : !result.ok,
        approvedBy: accepted === true ? by : null,
        decidedBy: by,
        hooked: decided.src === "hook" ? true : null,
        durationMs: result?.d ?? null,
        context: ""
      }
    };
  });
}

/** Builds a session from its events (deduplicated, any order); null when none makes rows. */
export function eventSession(id: string, records: readonly EventRecord[], synthetic: boolean): {session: OtelSession | null; unanswered: number} {
  const events = records.filter((e) => ROW_EVENTS.has(e.n)).sort((a, b) => a.t - b.t || (a.q ?? Infinity) - (b.q ?? Infinity) || a.f - b.f || a.l - b.l);
  if (events.length === 0) return {session: null, unanswered: 0};

  const prompts = events.filter((e) => e.n === "user_prompt");
  const byPromptId = new Map(prompts.flatMap((p) => (p.p === undefined ? [] : [[p.p, p] as const])));
  const owner = new Map<EventRecord, Owner>();
  let current: Owner = null;
  for (const e of events) {
    if (e.n === "user_prompt") current = e;
    else owner.set(e, e.p === undefined ? current : byPromptId.get(e.p) ?? null);
  }
  const work = new Map<EventRecord, EventRecord[]>(prompts.map((p) => [p, []]));
  for (const [e, p] of owner) if (p !== null && AGENT.has(e.n)) work.get(p)!.push(e);
  const answered = prompts.filter((p) => work.get(p)!.length > 0);

  const turnOf = new Map<EventRecord, OtelTurn>();
  const turns = answered.map((p): OtelTurn => {
    const own = work.get(p)!;
    const last = own.at(-1)!;
    const lastRejection = own.findLast((e) => e.dec === "reject" && PERSON_REJECT.has(e.src ?? ""));
    const interrupted = lastRejection !== undefined && !own.some((e) => e.n === "api_request" && e.t > lastRejection.t);
    const endReason: EndReason = interrupted ? "interrupted" : last.n === "api_error" ? "error" : "completed";
    const turn = {start: p.t, end: greatest([p.t, ...own.map((e) => e.t)]), endReason, model: majority(own.flatMap((e) => (e.m ? [e.m] : []))), calls: []};
    turnOf.set(p, turn);
    return turn;
  });

  const loose: OtelCall[] = [];
  for (const {call, first} of callsOf(events)) {
    const p = owner.get(first);
    ((p && turnOf.get(p)?.calls) ?? loose).push(call);
  }
  for (const calls of [...turns.map((t) => t.calls), loose]) calls.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

  const firstOf = (key: "ep" | "v") => events.find((e) => e[key] !== undefined)?.[key] ?? null;
  return {
    session: {
      id, synthetic, turns, loose,
      // A session's events are all one agent's: its id is that agent's session or conversation.
      agent: events.some((e) => e.cx) ? "codex" : "claude-code",
      user: majority(events.flatMap((e) => (e.u ? [e.u] : []))),
      start: events[0].t,
      end: events.at(-1)!.t,
      model: majority(events.flatMap((e) => (e.m ? [e.m] : []))),
      provider: null,
      entrypoint: firstOf("ep"),
      version: firstOf("v"),
      logs: EVENTS
    },
    unanswered: prompts.length - answered.length
  };
}
