// The session model: what happens in one session, as events in time. A session is a run
// of tasks; each task is handed over in a prompt, worked on in steps (tool calls) whose
// number and length follow the task's complexity, and ends completed, interrupted by the
// person, with the agent asking something, or on an error. The person's next prompt
// follows from how it ended: a correction when the task failed, a redirection after an
// interrupt, an answer after a question. Every chance comes from the calibration; the
// transcript writer (transcript.ts) turns these events into 2.1.x lines.
//
// This file follows a session from task to turn; its opening is drawn in opening.ts, the
// agent's work on one prompt in work.ts, and what holds across the fleet in behaviour.ts.
import type {Complexity} from "../definitions.ts";
import {Behaviour} from "./behaviour.ts";
import type {Calibration} from "./calibration.ts";
import type {Ev, SessionPlan} from "./events.ts";
import {Session} from "./opening.ts";
import {toolCall, type Topic} from "./tasks.ts";
import type {User} from "./users.ts";
import {work, type Ending} from "./work.ts";

export type {Block, Ev, Outcome, SessionPlan, Subagent} from "./events.ts";

const MODES_FULL = ["bypassPermissions", "auto"];
const SMALLER: Record<Complexity, Complexity> = {minimal: "minimal", low: "minimal", medium: "low", high: "medium"};

/** The session model for a calibration: the behaviour model is built once per fleet. */
export function sessionModel(cal: Calibration) {
  const behaviour = new Behaviour(cal);

  /** Plans one session of `user`: the `tenure`-th, starting at `at`. */
  return function plan(user: User, tenure: number, at: number): SessionPlan {
    const s = new Session(behaviour, user, tenure, at);
    for (let task = 0; task < s.taskCount; task++) {
      if (task === s.changeModeAt) changeMode(s);
      if (task === s.commandAt) command(s);
      if (!runTask(s, task)) break;
    }
    return s.plan;
  };
}

/** Between two tasks, the person switches to another mode. */
function changeMode(s: Session): void {
  const A = s.behaviour.A;
  s.mode = s.rng.pick(["default", "acceptEdits", ...MODES_FULL.slice(0, s.version >= A.autonomy.auto_mode.from_version ? 2 : 1)].filter((m) => m !== s.mode));
  s.ev.push({k: "mode", t: s.now - 2000, mode: s.mode});
}

/** Between two tasks, the person types a command: /compact (which takes a while) or /model. */
function command(s: Session): void {
  const {rng, ev} = s;
  const Q = s.behaviour.A.quirks;
  const compact = rng.chance(Q.manual_compact / (Q.manual_compact + Q.model_command));
  const typedAt = s.now;
  s.now += compact ? rng.int(20_000, 90_000) : rng.int(300, 2000);
  if (compact) {
    ev.push({k: "compact", t: s.now, trigger: "manual", preTokens: rng.int(40_000, 160_000)});
    ev.push({k: "local", t: s.now + 100, command: "compact", stdout: "Compacted (ctrl+o to see full summary)", typedAt});
  } else {
    s.model = s.behaviour.pickModel(s.now, s.user, rng);
    ev.push({k: "local", t: s.now, command: "model", stdout: `Set model to ${s.model}`, typedAt});
  }
  s.gap();
}

/** A task under way: what it is about, and the chance that the work handed back needs a correction. */
type Task = {topic: Topic; failChance: number};

/** What the person does after a turn: prompts again within the task, or moves on to the next task, or ends the session. */
type Next = {prompt: string} | "next task" | "end session";

/** One task: its prompt, then up to six turns, each following from how the last ended. False when the person ends the session. */
function runTask(s: Session, index: number): boolean {
  const {rng, headless, user} = s;
  const A = s.behaviour.A;
  const c = rng.weighted(A.tasks.complexity);
  const {text, topic} = s.behaviour.say.task(s.project, c, rng);
  const planTurn = !headless && user.planner && rng.chance(A.agent_stops.plan_mode[c]);
  const task: Task = {topic, failChance: s.behaviour.fail[c](s.now)};
  let prompt = text;
  for (let attempt = 0; attempt < 6; attempt++) {
    // What follows the first turn (a correction, an answer, a redirection) is a smaller task.
    const ending = turn(s, prompt, attempt === 0 ? c : SMALLER[c], topic, attempt === 0 && planTurn);
    if (!s.plan.title) s.plan.title = text.slice(0, 60);
    if (index === s.resumeAfter && attempt === 0) resume(s);
    s.gap();
    const next = followUp(s, ending, task);
    if (next === "end session") return false;
    if (next === "next task") return true;
    prompt = next.prompt;
  }
  return true;
}

/** A resume (2.1.x appends to the same file) replays the turn before it. */
function resume(s: Session): void {
  s.now += s.rng.int(3_600_000, 20 * 3_600_000);
  s.ev.push({k: "resume", t: s.now, fresh: s.rng.chance(s.behaviour.A.quirks.resume_fresh_uuids)});
}

/** What follows a turn's end: a redirection after an interrupt, an answer to a question, "continue" after an error, a correction when the task failed. */
function followUp(s: Session, ending: Ending, task: Task): Next {
  const {rng, project} = s;
  const {A, say} = s.behaviour;
  if (ending.how === "interrupted") {
    const reason = rng.weighted(A.interrupts.reasons);
    if (reason === "other") return rng.chance(A.interrupts.session_ends_after) ? "end session" : "next task";
    const prompt = say.afterInterrupt(reason, project, task.topic, rng);
    if (reason === "enough_help" || reason === "do_it_myself") {
      // The person takes over: one last small turn, and the task is done.
      turn(s, prompt, "minimal", task.topic, false);
      s.gap();
      return "next task";
    }
    return {prompt};
  }
  if (ending.how === "clarification") return {prompt: say.reply(ending.reason, rng)};
  if (ending.how === "error") return {prompt: "continue"};
  if (!rng.chance(task.failChance)) return "next task";
  const prompt = say.correction(project, task.topic, rng);
  task.failChance *= A.interventions.correction_fails;
  return {prompt};
}

/** One turn: the prompt and the agent's work, then what comes in around its end. */
function turn(s: Session, text: string, c: Complexity, topic: Topic, planTurn: boolean): Ending {
  const t0 = s.now;
  const before = s.ev.length;
  sendPrompt(s, text, planTurn);
  const ending = work(s, c, topic, planTurn);
  const end = s.lastAt();
  if (!s.headless) s.ev.push({k: "mode", t: end + 5, mode: s.mode});
  backgroundNotification(s, before, end, topic);
  queuedPrompt(s, before, t0, end);
  s.now = s.lastAt();
  return ending;
}

/** The person's prompt, now and then through a custom command; the context fills up after a number of them. */
function sendPrompt(s: Session, text: string, planTurn: boolean): void {
  const {rng, ev, headless} = s;
  const Q = s.behaviour.A.quirks;
  const command = !headless && s.user.customCommands && rng.chance(Q.custom_command_prompts) ? rng.pick(["task", "do", "fix", "feature"]) : undefined;
  ev.push({k: "prompt", t: s.now, text, mode: planTurn ? "plan" : s.mode, source: headless ? "sdk" : "typed", command});
  s.turns++;
  if (s.turns === Q.auto_compact_after_turns) ev.push({k: "compact", t: s.now + rng.int(200, 900), trigger: "auto", preTokens: rng.int(150_000, 172_000)});
}

/** A command sent to the background (events from `before` on) ends after the turn, at `end`; its notification restarts the agent. */
function backgroundNotification(s: Session, before: number, end: number, topic: Topic): void {
  const {rng, ev} = s;
  const bg = ev.slice(before).find((e): e is Extract<Ev, {k: "result"}> => e.k === "result" && e.outcome === "ok" && (e.call.input as {run_in_background?: boolean}).run_in_background === true);
  if (!bg) return;
  const t = end + rng.int(20_000, 300_000);
  ev.push({k: "notification", t, taskId: rng.base62(9).toLowerCase(), toolUseId: bg.id, command: String((bg.call.input as {command: string}).command), mode: s.mode});
  const id = s.toolId();
  const call = toolCall(s.project, topic, "explore", rng);
  ev.push({k: "message", t: t + rng.int(2000, 6000), model: s.model, blocks: [{type: "text", text: "The background run finished. Let me check its output."}, {type: "tool_use", id, name: call.name, input: call.input}]});
  ev.push({k: "result", t: t + rng.int(6000, 8000), id, call, outcome: "ok"});
  ev.push({k: "message", t: t + rng.int(9000, 20000), model: s.model, blocks: [{type: "text", text: "It finished cleanly: no failures in the output."}]});
}

/** A prompt typed while the agent works (from `t0` to `end`) steers it (queued, then absorbed): no turn of its own. */
function queuedPrompt(s: Session, before: number, t0: number, end: number): void {
  const {rng, ev} = s;
  if (!s.headless && end - t0 > 60_000 && rng.chance(s.behaviour.A.quirks.queued_prompt)) {
    const typed = Math.round(t0 + (end - t0) * 0.4);
    const text = "also keep the old behaviour behind a flag";
    for (const [t, absorbed] of [[typed, false], [typed + rng.int(2000, 20000), true]] as const) {
      const at = ev.findIndex((e, i) => i > before && e.t > t);
      ev.splice(at < 0 ? ev.length : at, 0, {k: "queued", t, text, absorbed});
    }
  }
}
