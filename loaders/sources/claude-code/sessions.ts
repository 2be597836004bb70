// The events of one project group → rows of the canonical tables, by the definitions of
// docs/findings.md, "Definitions" (session, prompt, turn, stop, duration, level,
// intervention).
import {
  ASK_TOOL, FILE_EDIT_TOOLS, PLAN_TOOL, SUBAGENT_TOOLS,
  approvedBy, isInteractive, levelOf, majority, sessionLevel,
  type EndReason, type Level
} from "../../definitions.ts";
import type {Classifiers} from "../../classify/types.ts";
import type {Emit} from "../../tables.ts";
import {sessionRow, stopRow, toolCallRow, turnRow, type Stop} from "../rows.ts";
import type {Logs} from "../types.ts";
import type {Event, Result, ToolUse} from "./parse.ts";

/** A transcript logs the person's prompts, rejections and interrupts, and the mode that decides what they approve (docs/claude-code-format.md). */
export const TRANSCRIPTS: Logs = {approvals: true, prompts: true};

export type SessionOptions = {
  userId: string;
  synthetic: boolean;
  classifiers: Classifiers;
  /** Which files are subagent transcripts, by file number. */
  subagentFiles: ReadonlySet<number>;
};

type Call = ToolUse & {ts: number; inSubagent: boolean; result?: Result; resultTs?: number};

/** The work between one human prompt (or a restart with none) and the next. */
type Stretch = {
  prompt: (Event & {t: "prompt"}) | null;
  events: Event[];
  /** Events of subagent files whose agent began in this stretch. */
  subagent: Event[];
};

const isAgentEvent = (e: Event) => e.t === "assistant" || e.t === "results" || e.t === "interrupt";

/**
 * Which `command` prompts set the agent working: one followed by an `isMeta` expansion or
 * by agent work before the next prompt is a prompt (/init, custom commands); one answered
 * only by a local echo (/compact, /model) is not.
 */
function commandsThatWork(main: readonly Event[]): Set<Event> {
  const working = new Set<Event>();
  let open: Event | null = null;
  for (const e of main) {
    if (e.t === "prompt" || e.t === "notification") {
      open = e.t === "prompt" && e.command ? e : null;
      continue;
    }
    if (open && (e.t === "meta" || (isAgentEvent(e) && !e.sidechain))) {
      working.add(open);
      open = null;
    } else if (open && e.t === "local") open = null;
  }
  return working;
}

/** Splits a session's main events into stretches; returns them and the unanswered prompts. */
function stretches(main: readonly Event[]): {all: Stretch[]; unanswered: number} {
  const working = commandsThatWork(main);
  const all: Stretch[] = [];
  let cur: Stretch | null = null;
  let unanswered = 0;
  for (const e of main) {
    const prompt = e.t === "prompt" && (!e.command || working.has(e));
    if (prompt || e.t === "notification") {
      cur = {prompt: prompt ? (e as Event & {t: "prompt"}) : null, events: [], subagent: []};
      all.push(cur);
    } else {
      if (cur === null) {
        cur = {prompt: null, events: [], subagent: []};
        all.push(cur);
      }
      cur.events.push(e);
    }
  }
  // A prompt the agent never answered is no turn.
  const answered = all.filter((s) => s.prompt === null || s.events.some(isAgentEvent));
  unanswered = all.length - answered.length;
  return {all: answered.filter((s) => s.prompt !== null || s.events.length > 0), unanswered};
}

/** Tool calls of a stretch, each id once, with their results. */
function callsOf(events: readonly Event[], subagentFiles: ReadonlySet<number>): Call[] {
  const calls = new Map<string, Call>();
  for (const e of events) {
    if (e.t === "assistant") {
      for (const t of e.tools) {
        if (!calls.has(t.id)) calls.set(t.id, {...t, ts: e.ts, inSubagent: e.sidechain || subagentFiles.has(e.file)});
      }
    } else if (e.t === "results") {
      for (const r of e.results) {
        const call = calls.get(r.id);
        if (call && call.result === undefined) [call.result, call.resultTs] = [r, e.ts];
      }
    }
  }
  return [...calls.values()];
}

const rejected = (c: Call) => c.result?.outcome === "rejected" || c.result?.outcome === "corrected";

function questionText(call: Call): string {
  const input = call.input as {questions?: {question?: unknown}[]; plan?: unknown} | null;
  if (call.name === PLAN_TOOL) return typeof input?.plan === "string" ? input.plan : "";
  return Array.isArray(input?.questions) ? input.questions.map((q) => (typeof q?.question === "string" ? q.question : "")).join("\n") : "";
}

/** Assembles one session's rows. `main` is in file order; `subagents` are its subagent files' events. */
export function assembleSession(
  sessionId: string,
  main: readonly Event[],
  subagents: readonly Event[],
  opts: SessionOptions,
  emit: Emit
): {unanswered: number} {
  const {userId, classifiers: cls, subagentFiles} = opts;
  const owner = {session_id: sessionId, user_id: userId};
  const {all, unanswered} = stretches(main);
  const prompted = all.filter((s) => s.prompt !== null);

  // A subagent file's events go to the stretch in which the agent began.
  const byAgent = new Map<string, Event[]>();
  for (const e of subagents) {
    const key = e.agentId ?? `file${e.file}`;
    (byAgent.get(key) ?? byAgent.set(key, []).get(key)!).push(e);
  }
  for (const events of byAgent.values()) {
    const begin = Math.min(...events.map((e) => (Number.isNaN(e.ts) ? Infinity : e.ts)));
    const home = all.findLast((s) => startOf(s) <= begin) ?? all[0];
    home?.subagent.push(...events);
  }

  // The permission mode in force: the last one any main line recorded so far.
  const modeAt = new Map<Event, string | null>();
  let mode: string | null = null;
  for (const e of main) {
    modeAt.set(e, mode);
    if (e.mode !== null && !e.sidechain) mode = e.mode;
  }

  const hooked = new Set(main.filter((e) => e.t === "hook").map((e) => (e as Event & {t: "hook"}).toolUseId));
  const sessionLevels: (Level | null)[] = [];
  let nCalls = 0, nInterrupts = 0, nAgentStops = 0, nRejections = 0, nInterventions = 0;
  let previousInterrupted = false;

  all.forEach((stretch) => {
    const turnIndex = stretch.prompt ? prompted.indexOf(stretch) : null;
    const permissionMode = stretch.prompt ? stretch.prompt.mode ?? modeAt.get(stretch.prompt) ?? null : stretch.events.length ? modeAt.get(stretch.events[0]) ?? null : null;
    const level = levelOf(permissionMode);
    const calls = callsOf([...stretch.events, ...stretch.subagent], subagentFiles);
    const promptText = stretch.prompt?.text ?? "";
    const hooks = (c: Call) => hooked.has(c.id);

    calls.forEach((call, position) => {
      const isRejected = rejected(call);
      const approved = approvedBy(level, call.name, isRejected);
      emit("tool_calls", toolCallRow(owner, {
        turnIndex, id: call.id, name: call.name, at: call.ts, inSubagent: call.inSubagent, rejected: isRejected,
        isError: call.result?.isError ?? false, approvedBy: approved, decidedBy: approved, hooked: hooks(call),
        input: {tool: call.name, input: call.input, prompt: promptText, level, inSubagent: call.inSubagent, position}
      }, TRANSCRIPTS, cls));
    });
    nCalls += calls.length;
    nRejections += calls.filter(rejected).length;
    if (!stretch.prompt || turnIndex === null) return;

    // The stop: the last agent line before the next prompt, in file order; subagent lines
    // (which run while the main agent waits) may end later.
    const agentMain = stretch.events.filter(isAgentEvent);
    const next = prompted[turnIndex + 1]?.prompt?.ts ?? Infinity;
    const start = stretch.prompt.ts;
    let stop = agentMain.length ? agentMain.at(-1)!.ts : start;
    for (const e of stretch.subagent) if (isAgentEvent(e) && e.ts < next && e.ts > stop) stop = e.ts;

    // How it ended: the main agent's own lines decide (subagents' are work inside the turn).
    const own = stretch.events.filter((e) => isAgentEvent(e) && !e.sidechain);
    const lastAssistant = own.findLastIndex((e) => e.t === "assistant");
    const tail = own.slice(lastAssistant + 1);
    const tailCalls = new Set(tail.flatMap((e) => (e.t === "results" ? e.results.map((r) => r.id) : [])));
    const mainCalls = calls.filter((c) => !c.inSubagent);
    const last = own.at(-1);
    // Esc ends a turn with a marker line, a tool result marked interrupted, or (2.1.2xx,
    // while the model streams) an assistant message cut mid-stream.
    const marker =
      tail.some((e) => e.t === "interrupt" || (e.t === "results" && (e.interrupt || e.results.some((r) => r.outcome === "interrupted")))) ||
      (last?.t === "assistant" && last.aborted);
    const refused = tail.some((e) => e.t === "results" && e.results.some((r) => r.outcome === "rejected"));
    const lastCall = mainCalls.at(-1);
    const finalText = last?.t === "assistant" ? last.text : "";
    // A turn that ends waiting on a question or plan (unanswered, or sent back to be
    // clarified) ends `clarification` whatever words follow; its stop is the call's. A
    // closing question in words is a stop of its own only when no question or plan is the
    // turn's last call (docs/findings.md, "Agent-initiated stop and human interrupt").
    const lastAsks = lastCall !== undefined && (lastCall.name === ASK_TOOL || lastCall.name === PLAN_TOOL);
    let end: EndReason = "completed";
    let asking = false;
    if (marker || refused) end = "interrupted";
    else if (last?.t === "assistant" && last.apiError) end = "error";
    else if (lastAsks && (lastCall.result === undefined || lastCall.result.outcome === "clarify")) end = "clarification";
    else if (last?.t === "assistant" && last.tools.length === 0 && cls.asksQuestion(finalText)) [end, asking] = ["clarification", !lastAsks];

    // Waits on the person inside the turn: from a question or plan to its answer.
    let wait = 0;
    for (const c of mainCalls) {
      if ((c.name === ASK_TOOL || c.name === PLAN_TOOL) && c.resultTs !== undefined && c.resultTs > c.ts) wait += c.resultTs - c.ts;
    }
    const logged = stretch.events.findLast((e) => e.t === "turn_duration") as (Event & {t: "turn_duration"}) | undefined;
    const models = own.filter((e): e is Event & {t: "assistant"} => e.t === "assistant" && e.model !== null && e.model !== "<synthetic>");
    const turnModel = majority([...new Map(models.map((e) => [e.msgId ?? `${e.file}:${e.line}`, e.model!])).values()]);

    const turnRejections = calls.filter(rejected);
    const endingRejections = end === "interrupted" ? turnRejections.filter((c) => tailCalls.has(c.id)).length : 0;
    const isCorrective = turnIndex > 0 && cls.corrective(promptText);
    const interrupted = end === "interrupted";
    const interventions = (interrupted ? 1 : 0) + (turnRejections.length - endingRejections) + (isCorrective && !previousInterrupted ? 1 : 0);
    previousInterrupted = interrupted;

    const files = new Set(calls.filter((c) => FILE_EDIT_TOOLS.has(c.name)).map((c) => (c.input as {file_path?: unknown} | null)?.file_path).filter((p) => typeof p === "string"));

    // Agent stops: every question or plan it put to the person, and a closing question.
    const stops: Stop[] = [];
    for (const c of mainCalls) {
      if (c.name !== ASK_TOOL && c.name !== PLAN_TOOL) continue;
      const how = c.name === ASK_TOOL ? "ask_user" : "plan";
      stops.push({turnIndex, at: c.ts, kind: "agent", how, reason: cls.agentStopReason({how, text: questionText(c)})});
    }
    if (asking) stops.push({turnIndex, at: stop, kind: "agent", how: "question", reason: cls.agentStopReason({how: "question", text: finalText})});
    if (interrupted) {
      const said = prompted[turnIndex + 1]?.prompt?.text ?? "";
      const how = marker ? "interrupt" : "rejection";
      stops.push({turnIndex, at: stop, kind: "human", how, reason: cls.humanStopReason({how, said})});
    }
    for (const s of stops) emit("stops", stopRow(owner, s));

    sessionLevels.push(level);
    nInterrupts += interrupted ? 1 : 0;
    nAgentStops += stops.filter((s) => s.kind === "agent").length;
    nInterventions += interventions;
    emit("turns", turnRow(owner, {
      index: turnIndex, start, end: stop, wait, bound: "wall", loggedMs: logged ? logged.ms : null, endReason: end,
      permissionMode, level, model: turnModel, calls: calls.length, askUser: mainCalls.filter((c) => c.name === ASK_TOOL).length,
      rejections: turnRejections.length, interventions, corrective: isCorrective,
      work: {prompt: promptText, toolNames: calls.map((c) => c.name), filesTouched: files.size, subagents: calls.filter((c) => SUBAGENT_TOOLS.has(c.name)).length}
    }, TRANSCRIPTS, cls));
  });

  const conversational = main.filter((e) => e.conversational && !Number.isNaN(e.ts));
  const times = conversational.map((e) => e.ts);
  const messages = new Map<string, string>();
  for (const e of main) if (e.t === "assistant" && !e.sidechain && e.model && e.model !== "<synthetic>") messages.set(e.msgId ?? `${e.file}:${e.line}`, e.model);
  const entrypoint = main.find((e) => e.entrypoint !== null)?.entrypoint ?? null;
  emit("sessions", sessionRow(owner, {
    synthetic: opts.synthetic, start: times.length ? Math.min(...times) : null, end: times.length ? Math.max(...times) : null,
    interactive: isInteractive(entrypoint), entrypoint, version: main.find((e) => e.version !== null)?.version ?? null,
    model: majority([...messages.values()]), provider: null, level: sessionLevel(sessionLevels),
    turns: prompted.length, calls: nCalls, interrupts: nInterrupts, clarifications: nAgentStops,
    rejections: nRejections, interventions: nInterventions
  }, TRANSCRIPTS));
  return {unanswered};
}

function startOf(s: Stretch): number {
  return s.prompt?.ts ?? s.events.find((e) => !Number.isNaN(e.ts))?.ts ?? -Infinity;
}
