// The events of one project group → rows of the canonical tables, by the definitions of
// docs/findings.md, "Definitions" (session, prompt, turn, stop, duration, level,
// intervention).
import {
  ASK_TOOL, FILE_EDIT_TOOLS, PLAN_TOOL, SUBAGENT_TOOLS,
  approvedBy, greatest, interventionsOf, isInteractive, least, levelOf, majority, sessionLevel,
  type EndReason, type Level
} from "../../definitions.ts";
import type {Classifiers, TurnInput} from "../../classify/types.ts";
import type {Emit, Row} from "../../tables.ts";
import {sessionRow, stopRow, toolCallRow, turnRow, type Owner, type Session, type Stop, type Turn} from "../rows.ts";
import type {SessionKind} from "../types.ts";
import type {Event, Result, ToolUse} from "./parse.ts";

/** A transcript logs the person's prompts, rejections and interrupts, and the mode that decides what they approve (docs/claude-code-format.md). */
export const TRANSCRIPTS: SessionKind = {name: "transcripts", approvals: true, prompts: true};

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
        if (!calls.has(t.id)) calls.set(t.id, {id: t.id, name: t.name, input: t.input, ts: e.ts, inSubagent: e.sidechain || subagentFiles.has(e.file)});
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
  const cls = opts.classifiers;
  const owner = {session_id: sessionId, user_id: opts.userId};
  const {all, unanswered} = stretches(main);
  const prompted = all.filter(isPrompted);
  placeSubagents(all, subagents);
  const modeAt = modesInForce(main);
  const hooked = new Set(main.flatMap((e) => (e.t === "hook" ? [e.toolUseId] : [])));
  const tally: Tally = {levels: [], calls: 0, rejections: 0, interrupts: 0, agentStops: 0, interventions: 0};
  let previousInterrupted = false;
  // `prompted` keeps the order of `all`: a prompted stretch's turn is the count of those before it.
  let turns = 0;

  all.forEach((stretch) => {
    const turnIndex = isPrompted(stretch) ? turns++ : null;
    const permissionMode = modeOf(stretch, modeAt);
    const level = levelOf(permissionMode);
    const calls = callsOf([...stretch.events, ...stretch.subagent], opts.subagentFiles);
    calls.forEach((call, position) => emit("tool_calls", callRow(owner, turnIndex, call, position, {level, prompt: stretch.prompt?.text ?? "", hooked}, cls)));
    tally.calls += calls.length;
    tally.rejections += calls.filter(rejected).length;
    if (!isPrompted(stretch) || turnIndex === null) return;

    const {turn, stops} = assembleTurn(stretch, turnIndex, prompted[turnIndex + 1]?.prompt ?? null, calls, {permissionMode, level, previousInterrupted}, cls);
    for (const s of stops) emit("stops", stopRow(owner, s));
    emit("turns", turnRow(owner, turn, TRANSCRIPTS, cls));
    const interrupted = turn.endReason === "interrupted";
    tally.levels.push(level);
    tally.interrupts += interrupted ? 1 : 0;
    tally.agentStops += stops.filter((s) => s.kind === "agent").length;
    tally.interventions += turn.interventions;
    previousInterrupted = interrupted;
  });

  emit("sessions", sessionRow(owner, sessionOf(main, prompted.length, tally, opts.synthetic), TRANSCRIPTS));
  return {unanswered};
}

type Prompt = Event & {t: "prompt"};
type PromptedStretch = Stretch & {prompt: Prompt};
const isPrompted = (s: Stretch): s is PromptedStretch => s.prompt !== null;

function startOf(s: Stretch): number {
  return s.prompt?.ts ?? s.events.find((e) => !Number.isNaN(e.ts))?.ts ?? -Infinity;
}

/** A subagent file's events go to the stretch in which the agent began. */
function placeSubagents(all: readonly Stretch[], subagents: readonly Event[]): void {
  const byAgent = new Map<string, Event[]>();
  for (const e of subagents) {
    const key = e.agentId ?? `file${e.file}`;
    (byAgent.get(key) ?? byAgent.set(key, []).get(key)!).push(e);
  }
  for (const events of byAgent.values()) {
    const begin = least(events.map((e) => (Number.isNaN(e.ts) ? Infinity : e.ts)));
    const home = all.findLast((s) => startOf(s) <= begin) ?? all[0];
    home?.subagent.push(...events);
  }
}

/** The permission mode in force at each main line: the last one any main line recorded before it. */
function modesInForce(main: readonly Event[]): Map<Event, string | null> {
  const modeAt = new Map<Event, string | null>();
  let mode: string | null = null;
  for (const e of main) {
    modeAt.set(e, mode);
    if (e.mode !== null && !e.sidechain) mode = e.mode;
  }
  return modeAt;
}

/** A turn's mode is its prompt's, else the one in force at its prompt; work with no prompt takes the one in force at its first line. */
function modeOf(stretch: Stretch, modeAt: ReadonlyMap<Event, string | null>): string | null {
  if (stretch.prompt) return stretch.prompt.mode ?? modeAt.get(stretch.prompt) ?? null;
  return stretch.events.length ? modeAt.get(stretch.events[0]) ?? null : null;
}

/** A tool call's row: who let it run follows from its turn's level (docs/findings.md, "Human in the loop and safeguard"). */
function callRow(owner: Owner, turnIndex: number | null, call: Call, position: number, turn: {level: Level | null; prompt: string; hooked: ReadonlySet<string>}, cls: Classifiers): Row {
  const {level, prompt} = turn;
  const isRejected = rejected(call);
  const approved = approvedBy(level, call.name, isRejected);
  return toolCallRow(owner, {
    turnIndex, id: call.id, name: call.name, at: call.ts, inSubagent: call.inSubagent, rejected: isRejected,
    isError: call.result?.isError ?? false, approvedBy: approved, decidedBy: approved, hooked: turn.hooked.has(call.id),
    input: {tool: call.name, input: call.input, prompt, level, inSubagent: call.inSubagent, position}
  }, TRANSCRIPTS, cls);
}

/** A prompted stretch → its turn and its stops. */
function assembleTurn(
  stretch: PromptedStretch,
  turnIndex: number,
  next: Prompt | null,
  calls: readonly Call[],
  mode: {permissionMode: string | null; level: Level | null; previousInterrupted: boolean},
  cls: Classifiers
): {turn: Turn & {interventions: number}; stops: Stop[]} {
  // The main agent's own lines decide how a turn ends and its model (subagents' are work inside the turn).
  const own = stretch.events.filter((e) => isAgentEvent(e) && !e.sidechain);
  const mainCalls = calls.filter((c) => !c.inSubagent);
  const stop = stopOf(stretch, next);
  const ending = howItEnded(own, mainCalls, cls);
  const interrupted = ending.end === "interrupted";
  const corrective = turnIndex > 0 && cls.corrective(stretch.prompt.text);
  const rejections = calls.filter(rejected);
  const endingRejections = rejections.filter((c) => ending.endingCalls.has(c.id)).length;
  const interventions = interventionsOf({interrupted, rejections: rejections.length, endingRejections, corrective, afterInterrupt: mode.previousInterrupted});
  const logged = stretch.events.findLast((e) => e.t === "turn_duration");
  return {
    stops: stopsOf(turnIndex, mainCalls, ending, stop, next?.text ?? "", cls),
    turn: {
      index: turnIndex, start: stretch.prompt.ts, end: stop, wait: waitOf(mainCalls), bound: "wall",
      loggedMs: logged?.t === "turn_duration" ? logged.ms : null, endReason: ending.end, permissionMode: mode.permissionMode,
      level: mode.level, model: modelOf(own), calls: calls.length, askUser: mainCalls.filter((c) => c.name === ASK_TOOL).length,
      rejections: rejections.length, interventions, corrective, work: workOf(stretch.prompt.text, calls)
    }
  };
}

/**
 * The stop: the last agent line before the next prompt, in file order; subagent lines
 * (which run while the main agent waits) may end later.
 */
function stopOf(stretch: PromptedStretch, next: Prompt | null): number {
  const agentMain = stretch.events.filter(isAgentEvent);
  const before = next?.ts ?? Infinity;
  let stop = agentMain.length ? agentMain.at(-1)!.ts : stretch.prompt.ts;
  for (const e of stretch.subagent) if (isAgentEvent(e) && e.ts < before && e.ts > stop) stop = e.ts;
  return stop;
}

/** How a turn ended (docs/findings.md, "How a turn ends"), and what the stops it made read. */
type Ending = {
  end: EndReason;
  /** Esc ended it, not a rejection. */
  marker: boolean;
  /** It ended on a question in words that no question or plan call put. */
  asking: boolean;
  /** Calls whose results came after the last assistant message. */
  endingCalls: ReadonlySet<string>;
  finalText: string;
};

function howItEnded(own: readonly Event[], mainCalls: readonly Call[], cls: Classifiers): Ending {
  const lastAssistant = own.findLastIndex((e) => e.t === "assistant");
  const tail = own.slice(lastAssistant + 1);
  const endingCalls = new Set(tail.flatMap((e) => (e.t === "results" ? e.results.map((r) => r.id) : [])));
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
  return {end, marker, asking, endingCalls, finalText};
}

/** Waits on the person inside the turn: from a question or plan to its answer. */
function waitOf(mainCalls: readonly Call[]): number {
  let wait = 0;
  for (const c of mainCalls) {
    if ((c.name === ASK_TOOL || c.name === PLAN_TOOL) && c.resultTs !== undefined && c.resultTs > c.ts) wait += c.resultTs - c.ts;
  }
  return wait;
}

/** The model of most of the main agent's messages, each message once. */
function modelOf(own: readonly Event[]): string | null {
  const models = own.filter((e): e is Event & {t: "assistant"} => e.t === "assistant" && e.model !== null && e.model !== "<synthetic>");
  return majority([...new Map(models.map((e) => [e.msgId ?? `${e.file}:${e.line}`, e.model!])).values()]);
}

/** What the complexity classifier reads of a turn: its prompt and the shape of its work. */
function workOf(prompt: string, calls: readonly Call[]): TurnInput {
  const files = new Set(calls.filter((c) => FILE_EDIT_TOOLS.has(c.name)).map((c) => (c.input as {file_path?: unknown} | null)?.file_path).filter((p) => typeof p === "string"));
  return {prompt, toolNames: calls.map((c) => c.name), filesTouched: files.size, subagents: calls.filter((c) => SUBAGENT_TOOLS.has(c.name)).length};
}

/** Agent stops: every question or plan the main agent put to the person, and a closing question; a human stop when the person ended the turn. */
function stopsOf(turnIndex: number, mainCalls: readonly Call[], ending: Ending, stop: number, said: string, cls: Classifiers): Stop[] {
  const stops: Stop[] = [];
  for (const c of mainCalls) {
    if (c.name !== ASK_TOOL && c.name !== PLAN_TOOL) continue;
    const how = c.name === ASK_TOOL ? "ask_user" : "plan";
    stops.push({turnIndex, at: c.ts, kind: "agent", how, reason: cls.agentStopReason({how, text: questionText(c)})});
  }
  if (ending.asking) stops.push({turnIndex, at: stop, kind: "agent", how: "question", reason: cls.agentStopReason({how: "question", text: ending.finalText})});
  if (ending.end === "interrupted") {
    const how = ending.marker ? "interrupt" : "rejection";
    stops.push({turnIndex, at: stop, kind: "human", how, reason: cls.humanStopReason({how, said})});
  }
  return stops;
}

/** What a session's turns and calls add up to. */
type Tally = {levels: (Level | null)[]; calls: number; rejections: number; interrupts: number; agentStops: number; interventions: number};

/** The session's own figures: its times, entry point, version and model from its main lines, the rest from its turns and calls. */
function sessionOf(main: readonly Event[], turns: number, tally: Tally, synthetic: boolean): Session {
  const times = main.filter((e) => e.conversational && !Number.isNaN(e.ts)).map((e) => e.ts);
  const messages = new Map<string, string>();
  for (const e of main) if (e.t === "assistant" && !e.sidechain && e.model && e.model !== "<synthetic>") messages.set(e.msgId ?? `${e.file}:${e.line}`, e.model);
  const entrypoint = main.find((e) => e.entrypoint !== null)?.entrypoint ?? null;
  return {
    agent: "claude-code", synthetic, start: times.length ? least(times) : null, end: times.length ? greatest(times) : null,
    interactive: isInteractive(entrypoint), entrypoint, version: main.find((e) => e.version !== null)?.version ?? null,
    model: majority([...messages.values()]), provider: null, level: sessionLevel(tally.levels),
    turns, calls: tally.calls, interrupts: tally.interrupts, clarifications: tally.agentStops,
    rejections: tally.rejections, interventions: tally.interventions
  };
}
