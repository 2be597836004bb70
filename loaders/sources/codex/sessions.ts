// The items of one Codex session → rows of the canonical tables, by the definitions of
// docs/findings.md, "Definitions", as docs/codex-format.md maps Codex onto them: a turn
// runs from a prompt to the agent's last line before the next; an interrupt is a
// `turn_aborted` line; a rejection is a call whose output is the CLI's refusal.
import {CODEX_ORIGINATORS, codexLevel, interventionsOf, isInteractive, majority, sessionLevel, type EndReason, type Level} from "../../definitions.ts";
import type {Classifiers} from "../../classify/types.ts";
import type {Emit} from "../../tables.ts";
import {sessionRow, stopRow, toolCallRow, turnRow, type Stop} from "../rows.ts";
import type {SessionKind} from "../types.ts";
import {REJECTED_BY_PERSON, type Item, type Meta} from "./parse.ts";
import {asClassified, patchedFiles, putToPerson} from "./tools.ts";

/** A rollout logs the person's prompts, the calls they refused and their interrupts; not the approvals they gave (docs/codex-format.md, "Approvals"). */
export const ROLLOUTS: SessionKind = {name: "rollouts", approvals: true, prompts: true};


/** Where the session ran: its `source`, or what its originator says; NULL where neither is logged (the legacy format). */
export function entrypointOf(meta: Meta): string | null {
  return meta.source ?? (meta.originator ? CODEX_ORIGINATORS[meta.originator] ?? meta.originator : null);
}

type Call = {id: string; name: string; input: unknown; ts: number; output?: string; outputTs?: number};
type Stretch = {prompt: (Item & ({t: "prompt"} | {t: "user"})) | null; items: Item[]};

const AGENT = new Set(["assistant", "call", "output", "aborted", "complete", "error", "work"]);
const isAgent = (i: Item) => AGENT.has(i.t);

/** Prompts: what the person typed as the CLI logged it, or, in files that log none, the user messages the CLI did not inject. */
function promptsOf(items: readonly Item[]): Set<Item> {
  const logged = items.filter((i) => i.t === "prompt");
  return new Set(logged.length ? logged : items.filter((i) => i.t === "user" && !i.injected && i.text.trim() !== ""));
}

function stretchesOf(items: readonly Item[]): Stretch[] {
  const prompts = promptsOf(items);
  const all: Stretch[] = [];
  for (const i of items) {
    if (prompts.has(i)) all.push({prompt: i as Stretch["prompt"], items: []});
    else (all.at(-1) ?? all[all.push({prompt: null, items: []}) - 1]).items.push(i);
  }
  return all;
}

function callsOf(items: readonly Item[]): Call[] {
  const calls = new Map<string, Call>();
  for (const i of items) {
    if (i.t === "call" && !calls.has(i.call.id)) calls.set(i.call.id, {...i.call, ts: i.ts});
    else if (i.t === "output") {
      const c = calls.get(i.id);
      if (c && c.output === undefined) [c.output, c.outputTs] = [i.text, i.ts];
    }
  }
  return [...calls.values()];
}

const rejected = (c: Call) => c.output !== undefined && REJECTED_BY_PERSON.has(c.output.trim());

/** A shell call's exit status, where its output states one: as text (`Exit code: 1`) or as JSON metadata. */
function failed(c: Call): boolean {
  const text = c.output ?? "";
  const code = /^Exit code: (-?\d+)/.exec(text)?.[1] ?? /"exit_code"\s*:\s*(-?\d+)/.exec(text.slice(0, 4096))?.[1];
  return code !== undefined && code !== "0";
}

type Context = {approval: string | null; sandbox: string | null; model: string | null};

// `permission_mode` holds the policy and sandbox by name, only those Codex defines: no
// other text from the log reaches the table.
const APPROVALS: ReadonlySet<string> = new Set(["untrusted", "on-failure", "on-request", "never"]);
const SANDBOXES: ReadonlySet<string> = new Set(["read-only", "workspace-write", "danger-full-access", "external-sandbox"]);
const named = (value: string | null, names: ReadonlySet<string>) => (value === null ? "?" : names.has(value) ? value : "other");

function permissionMode(c: Context): string | null {
  return c.approval === null ? null : `${named(c.approval, APPROVALS)}/${named(c.sandbox, SANDBOXES)}`;
}

export type SessionOptions = {userId: string; synthetic: boolean; classifiers: Classifiers};

/** Writes one session's rows; returns the prompts the agent never answered. */
export function assembleSession(meta: Meta, items: readonly Item[], opts: SessionOptions, emit: Emit): {unanswered: number} {
  const cls = opts.classifiers;
  const owner = {session_id: meta.id, user_id: opts.userId};
  const all = stretchesOf(items);
  // A prompt the agent never answered is no turn.
  const turns = all.filter((s) => s.prompt !== null && s.items.some(isAgent));
  const unanswered = all.filter((s) => s.prompt !== null).length - turns.length;
  let context: Context = {approval: null, sandbox: null, model: null};
  const levels: (Level | null)[] = [];
  const models: string[] = [];
  let calls = 0;
  let rejections = 0;
  let interrupts = 0;
  let agentStops = 0;
  let interventions = 0;
  let afterInterrupt = false;

  for (const stretch of all) {
    // A turn's context is the first its own lines record (Codex writes one after each prompt), else the one in force.
    const own = stretch.items.filter((i): i is Item & {t: "context"} => i.t === "context");
    const turnContext = own[0] ?? context;
    if (own.length) context = own.at(-1)!;
    const level = codexLevel(turnContext.approval, turnContext.sandbox);
    const turnIndex = turns.indexOf(stretch);
    const prompt = stretch.prompt?.text ?? "";
    const made = callsOf(stretch.items);
    made.forEach((c, position) => {
      const {tool, input} = asClassified(c.name, c.input);
      const isRejected = rejected(c);
      // A call that ran and was not put to the person was let run by the level's rule.
      const approved = !isRejected && putToPerson(level, tool, c.input) === false ? "rule" : null;
      emit("tool_calls", toolCallRow(owner, {
        turnIndex: turnIndex < 0 ? null : turnIndex, id: c.id, name: c.name, at: c.ts, inSubagent: false, rejected: isRejected,
        isError: failed(c), approvedBy: approved, decidedBy: isRejected ? "person" : approved, hooked: false,
        input: {tool, input, prompt, level, inSubagent: false, position}
      }, ROLLOUTS, cls));
    });
    calls += made.length;
    rejections += made.filter(rejected).length;
    if (turnIndex < 0) continue;

    const agent = stretch.items.filter(isAgent);
    const lastText = stretch.items.findLastIndex((i) => i.t === "assistant");
    const tail = stretch.items.slice(lastText + 1);
    const aborted = stretch.items.some((i) => i.t === "aborted" && i.reason === "interrupted");
    const finalText = lastText >= 0 ? (stretch.items[lastText] as Item & {t: "assistant"}).text : "";
    let end: EndReason = "completed";
    let asking = false;
    if (aborted) end = "interrupted";
    else if (tail.some((i) => i.t === "error")) end = "error";
    else if (lastText >= 0 && !tail.some((i) => i.t === "call") && cls.asksQuestion(finalText)) [end, asking] = ["clarification", true];
    const stop = agent.length ? Math.max(...agent.map((i) => i.ts)) : stretch.prompt!.ts;
    const complete = stretch.items.findLast((i) => i.t === "complete");
    const next = turns[turnIndex + 1]?.prompt?.text ?? "";
    const turnRejections = made.filter(rejected);
    const endingRejections = turnRejections.filter((c) => tail.some((i) => i.t === "output" && i.id === c.id)).length;
    const corrective = turnIndex > 0 && cls.corrective(prompt);
    const interrupted = end === "interrupted";
    const n = interventionsOf({interrupted, rejections: turnRejections.length, endingRejections, corrective, afterInterrupt});
    const stops: Stop[] = [];
    if (asking) stops.push({turnIndex, at: stop, kind: "agent", how: "question", reason: cls.agentStopReason({how: "question", text: finalText})});
    if (interrupted) stops.push({turnIndex, at: stop, kind: "human", how: "interrupt", reason: cls.humanStopReason({how: "interrupt", said: next})});
    for (const s of stops) emit("stops", stopRow(owner, s));
    const files = new Set(made.filter((c) => c.name === "apply_patch").flatMap((c) => patchedFiles(typeof c.input === "string" ? c.input : String((c.input as {input?: unknown})?.input ?? ""))));
    const model = majority([...own, ...(own.length ? [] : [turnContext])].flatMap((c) => (c.model ? [c.model] : [])));
    emit("turns", turnRow(owner, {
      index: turnIndex, start: stretch.prompt!.ts, end: stop, wait: 0, bound: "wall",
      loggedMs: complete?.t === "complete" ? complete.ms : null, endReason: end,
      permissionMode: permissionMode(turnContext),
      level, model, calls: made.length, askUser: 0, rejections: turnRejections.length, interventions: n, corrective,
      work: {prompt: prompt.slice(0, 2000), toolNames: made.map((c) => asClassified(c.name, null).tool), filesTouched: files.size, subagents: 0}
    }, ROLLOUTS, cls));
    levels.push(level);
    if (model) models.push(model);
    interrupts += interrupted ? 1 : 0;
    agentStops += asking ? 1 : 0;
    interventions += n;
    afterInterrupt = interrupted;
  }

  const times = items.map((i) => i.ts).filter((t) => !Number.isNaN(t));
  const entrypoint = entrypointOf(meta);
  emit("sessions", sessionRow(owner, {
    synthetic: opts.synthetic, start: times.length ? Math.min(...times) : meta.ts, end: times.length ? Math.max(...times) : meta.ts,
    interactive: entrypoint === null ? null : isInteractive(entrypoint), entrypoint, version: meta.version,
    model: majority(models), provider: meta.provider, level: sessionLevel(levels), turns: turns.length, calls,
    interrupts, clarifications: agentStops, rejections, interventions
  }, ROLLOUTS));
  return {unanswered};
}
