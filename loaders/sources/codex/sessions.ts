// The items of one Codex session → rows of the canonical tables, by the definitions of
// docs/findings.md, "Definitions", as docs/codex-format.md maps Codex onto them: a turn
// runs from a prompt to the agent's last line before the next; an interrupt is a
// `turn_aborted` line; a rejection is a call whose output is the CLI's refusal.
import {ASK_TOOL, codexEntrypoint, codexLevel, interventionsOf, isInteractive, majority, sessionLevel, type EndReason, type Level} from "../../definitions.ts";
import type {Classifiers} from "../../classify/types.ts";
import type {Emit} from "../../tables.ts";
import {sessionRow, stopRow, toolCallRow, turnRow, type Stop} from "../rows.ts";
import type {SessionKind} from "../types.ts";
import {REJECTED_BY_PERSON, type Item, type Meta} from "./parse.ts";
import {asClassified, patchedFiles, putToPerson} from "./tools.ts";

/** A rollout logs the person's prompts, the calls they refused and their interrupts; not the approvals they gave (docs/codex-format.md, "Approvals"). */
export const ROLLOUTS: SessionKind = {name: "rollouts", approvals: true, prompts: true};


/**
 * Where the session ran: its `source`, or what its originator says; NULL where neither is
 * logged (the legacy format), and for the CLI's originator before 0.43, which `codex exec`
 * shared.
 */
function entrypointOf(meta: Meta): string | null {
  if (meta.source) return meta.source;
  if (!meta.originator || (meta.originator === "codex_cli_rs" && before43(meta.version))) return null;
  return codexEntrypoint(meta.originator);
}

const before43 = (version: string | null) => {
  const [major, minor] = (version ?? "").split(".").map(Number);
  return !(major > 0 || minor >= 43);
};

type Call = {id: string; name: string; input: unknown; ts: number; output?: string; outputTs?: number};
type Stretch = {prompt: (Item & ({t: "prompt"} | {t: "user"})) | null; items: Item[]};

// The agent's own lines: they place a turn's stop. A turn's `task_complete`, and what the
// person starts between turns, are not among them (parse.ts).
const AGENT = new Set(["assistant", "call", "output", "aborted", "error", "work"]);
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
    if (i.t === "call" && !calls.has(i.call.id)) calls.set(i.call.id, {id: i.call.id, name: i.call.name, input: i.call.input, ts: i.ts});
    else if (i.t === "output") {
      const c = calls.get(i.id);
      if (c && c.output === undefined) [c.output, c.outputTs] = [i.text, i.ts];
    }
  }
  return [...calls.values()];
}

const rejected = (c: Call) => c.output !== undefined && REJECTED_BY_PERSON.has(c.output.trim());

/** A call's exit status, where its output states one: as text (`Exit code: 1`, `Process exited with code 1`) or as JSON metadata. */
function failed(c: Call): boolean {
  const text = c.output ?? "";
  let code = /^Exit code: (-?\d+)/m.exec(text)?.[1] ?? /^Process exited with code (-?\d+)/m.exec(text)?.[1];
  if (code === undefined && text.startsWith("{")) {
    try {
      const exit = (JSON.parse(text) as {metadata?: {exit_code?: unknown}}).metadata?.exit_code;
      if (typeof exit === "number") code = String(exit);
    } catch {
      // Not JSON: no exit status stated.
    }
  }
  return code !== undefined && code !== "0";
}

/** What a question call asked: its questions' words (request_user_input's `questions`). */
function questionText(input: unknown): string {
  const questions = (input as {questions?: unknown} | null)?.questions;
  return Array.isArray(questions) ? questions.map((q) => (typeof (q as {question?: unknown})?.question === "string" ? (q as {question: string}).question : "")).join("\n") : "";
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
  const turnIndex = new Map(turns.map((s, i) => [s, i]));
  const unanswered = all.filter((s) => s.prompt !== null).length - turns.length;
  // The settings in force at each line: the last turn_context before it. Codex writes a
  // turn's after its prompt up to 0.106 and before it from 0.107, so a turn takes the one
  // in force when the agent began its work.
  const contextAt = new Map<Item, Context>();
  let context: Context = {approval: null, sandbox: null, model: null};
  for (const i of items) {
    contextAt.set(i, context);
    if (i.t === "context") context = i;
  }
  const levels: (Level | null)[] = [];
  const models: string[] = [];
  let calls = 0;
  let rejections = 0;
  let interrupts = 0;
  let agentStops = 0;
  let interventions = 0;
  let afterInterrupt = false;

  for (const stretch of all) {
    const agent = stretch.items.filter(isAgent);
    const turnContext = agent.length ? contextAt.get(agent[0])! : stretch.prompt ? contextAt.get(stretch.prompt)! : context;
    const level = codexLevel(turnContext.approval, turnContext.sandbox);
    const index = turnIndex.get(stretch) ?? null;
    const prompt = stretch.prompt?.text ?? "";
    const made = callsOf(stretch.items);
    const classified = made.map((c) => asClassified(c.name, c.input));
    // Each call's output is tested for the refusal texts once: the calls, the turn and the session read it.
    const refused = made.filter(rejected);
    made.forEach((c, position) => {
      const {tool, input} = classified[position];
      const isRejected = refused.includes(c);
      // A call that ran and was not put to the person was let run by the level's rule.
      const approved = !isRejected && putToPerson(level, tool, c.input) === false ? "rule" : null;
      emit("tool_calls", toolCallRow(owner, {
        turnIndex: index, id: c.id, name: c.name, at: c.ts, inSubagent: false, rejected: isRejected,
        isError: isRejected || failed(c), approvedBy: approved, decidedBy: isRejected ? "person" : approved, hooked: false,
        input: {tool, input, prompt, level, inSubagent: false, position}
      }, ROLLOUTS, cls));
    });
    calls += made.length;
    rejections += refused.length;
    if (index === null) continue;

    const lastText = stretch.items.findLastIndex((i) => i.t === "assistant");
    const tail = stretch.items.slice(lastText + 1);
    const aborted = stretch.items.some((i) => i.t === "aborted" && i.reason === "interrupted");
    const finalText = lastText >= 0 ? (stretch.items[lastText] as Item & {t: "assistant"}).text : "";
    const questions = made.filter((_, k) => classified[k].tool === ASK_TOOL);
    const lastCall = made.at(-1);
    let end: EndReason = "completed";
    let asking = false;
    if (aborted) end = "interrupted";
    else if (tail.some((i) => i.t === "error")) end = "error";
    else if (lastCall !== undefined && classified[made.length - 1].tool === ASK_TOOL && lastCall.output === undefined) end = "clarification";
    else if (lastText >= 0 && !tail.some((i) => i.t === "call") && cls.asksQuestion(finalText)) [end, asking] = ["clarification", true];
    let stop = stretch.prompt!.ts;
    for (const i of agent) if (i.ts > stop) stop = i.ts;
    // The turn's own task_complete: the first after its prompt (a /compact the person ran later logs one of its own).
    const complete = stretch.items.find((i) => i.t === "complete");
    const next = turns[index + 1]?.prompt?.text ?? "";
    const endingRejections = refused.filter((c) => tail.some((i) => i.t === "output" && i.id === c.id)).length;
    const corrective = index > 0 && cls.corrective(prompt);
    const interrupted = end === "interrupted";
    const n = interventionsOf({interrupted, rejections: refused.length, endingRejections, corrective, afterInterrupt});
    const stops: Stop[] = questions.map((c) => ({turnIndex: index, at: c.ts, kind: "agent" as const, how: "ask_user", reason: cls.agentStopReason({how: "ask_user", text: questionText(c.input)})}));
    if (asking) stops.push({turnIndex: index, at: stop, kind: "agent", how: "question", reason: cls.agentStopReason({how: "question", text: finalText})});
    if (interrupted) stops.push({turnIndex: index, at: stop, kind: "human", how: "interrupt", reason: cls.humanStopReason({how: "interrupt", said: next})});
    for (const st of stops) emit("stops", stopRow(owner, st));
    const files = new Set(made.filter((c) => c.name === "apply_patch").flatMap((c) => patchedFiles(c.input)));
    // The model of the settings in force while the agent worked.
    const model = majority(agent.flatMap((i) => contextAt.get(i)!.model ?? []));
    // Waits on the person inside the turn: from a question to its answer.
    const wait = questions.reduce((w, c) => w + (c.outputTs !== undefined && c.outputTs > c.ts ? c.outputTs - c.ts : 0), 0);
    emit("turns", turnRow(owner, {
      index, start: stretch.prompt!.ts, end: stop, wait, bound: "wall",
      loggedMs: complete?.t === "complete" ? complete.ms : null, endReason: end, permissionMode: permissionMode(turnContext),
      level, model, calls: made.length, askUser: questions.length, rejections: refused.length, interventions: n, corrective,
      work: {prompt: prompt.slice(0, 2000), toolNames: classified.map((c) => c.tool), filesTouched: files.size, subagents: 0}
    }, ROLLOUTS, cls));
    levels.push(level);
    if (model) models.push(model);
    interrupts += interrupted ? 1 : 0;
    agentStops += stops.filter((st) => st.kind === "agent").length;
    interventions += n;
    afterInterrupt = interrupted;
  }

  let first = Infinity;
  let latest = -Infinity;
  for (const i of items) if (!Number.isNaN(i.ts)) [first, latest] = [Math.min(first, i.ts), Math.max(latest, i.ts)];
  const entrypoint = entrypointOf(meta);
  emit("sessions", sessionRow(owner, {
    agent: "codex", synthetic: opts.synthetic, start: Number.isFinite(first) ? first : meta.ts, end: Number.isFinite(latest) ? latest : meta.ts,
    interactive: entrypoint === null ? null : isInteractive(entrypoint), entrypoint, version: meta.version,
    model: majority(models), provider: meta.provider, level: sessionLevel(levels), turns: turns.length, calls,
    interrupts, clarifications: agentStops, rejections, interventions
  }, ROLLOUTS));
  return {unanswered};
}
