// The session model: what happens in one session, as events in time. A session is a run
// of tasks; each task is handed over in a prompt, worked on in steps (tool calls) whose
// number and length follow the task's complexity, and ends completed, interrupted by the
// person, with the agent asking something, or on an error. The person's next prompt
// follows from how it ended: a correction when the task failed, a redirection after an
// interrupt, an answer after a question. Every chance comes from the calibration; the
// transcript writer (transcript.ts) turns these events into 2.1.x lines.
import type {Complexity} from "../definitions.ts";
import {Behaviour} from "./behaviour.ts";
import type {Calibration} from "./calibration.ts";
import type {Ev, SessionPlan} from "./events.ts";
import {Session} from "./opening.ts";
import * as say from "./phrases.ts";
import {taskPrompt, toolCall, type Topic} from "./tasks.ts";
import type {User} from "./users.ts";
import {work, type Ending} from "./work.ts";

export type {Block, Ev, Outcome, SessionPlan, Subagent} from "./events.ts";

const MODES_FULL = ["bypassPermissions", "auto"];
const SMALLER: Record<Complexity, Complexity> = {minimal: "minimal", low: "minimal", medium: "low", high: "medium"};

/** The session model for a calibration: the behaviour model is built once per fleet. */
export function sessionModel(cal: Calibration) {
  const behaviour = new Behaviour(cal);
  const A = behaviour.A;

  /** Plans one session of `user`: the `tenure`-th, starting at `at`. */
  return function plan(user: User, tenure: number, at: number): SessionPlan {
    const s = new Session(behaviour, user, tenure, at);
    const {rng, version, headless, project, ev, taskCount, resumeAfter, changeModeAt, commandAt} = s;
    const session = s.plan;
    const Q = A.quirks;

    /** Runs one turn: the prompt and the agent's work, then what follows its end. */
    function turn(text: string, c: Complexity, topic: Topic, planTurn: boolean): Ending {
      const t0 = s.now;
      const before = ev.length;
      const command = !headless && user.customCommands && rng.chance(Q.custom_command_prompts) ? rng.pick(["task", "do", "fix", "feature"]) : undefined;
      ev.push({k: "prompt", t: t0, text, mode: planTurn ? "plan" : s.mode, source: headless ? "sdk" : "typed", command});
      s.turns++;
      if (s.turns === Q.auto_compact_after_turns) ev.push({k: "compact", t: t0 + rng.int(200, 900), trigger: "auto", preTokens: rng.int(150_000, 172_000)});
      const ending = work(s, c, topic, planTurn);
      const end = s.lastAt();
      if (!headless) ev.push({k: "mode", t: end + 5, mode: s.mode});
      // A command sent to the background ends after the turn; its notification restarts the agent.
      const bg = ev.slice(before).find((e): e is Extract<Ev, {k: "result"}> => e.k === "result" && e.outcome === "ok" && (e.call.input as {run_in_background?: boolean}).run_in_background === true);
      if (bg) {
        const t = end + rng.int(20_000, 300_000);
        ev.push({k: "notification", t, taskId: rng.base62(9).toLowerCase(), toolUseId: bg.id, command: String((bg.call.input as {command: string}).command), mode: s.mode});
        const id = s.toolId();
        const call = toolCall(project, topic, "explore", rng);
        ev.push({k: "message", t: t + rng.int(2000, 6000), model: s.model, blocks: [{type: "text", text: "The background run finished. Let me check its output."}, {type: "tool_use", id, name: call.name, input: call.input}]});
        ev.push({k: "result", t: t + rng.int(6000, 8000), id, call, outcome: "ok"});
        ev.push({k: "message", t: t + rng.int(9000, 20000), model: s.model, blocks: [{type: "text", text: "It finished cleanly: no failures in the output."}]});
      }
      // A prompt typed while the agent works steers it (queued, then absorbed): no turn of its own.
      if (!headless && end - t0 > 60_000 && rng.chance(Q.queued_prompt)) {
        const typed = Math.round(t0 + (end - t0) * 0.4);
        const text = "also keep the old behaviour behind a flag";
        for (const [t, absorbed] of [[typed, false], [typed + rng.int(2000, 20000), true]] as const) {
          const at = ev.findIndex((e, i) => i > before && e.t > t);
          ev.splice(at < 0 ? ev.length : at, 0, {k: "queued", t, text, absorbed});
        }
      }
      s.now = s.lastAt();
      return ending;
    }

    tasks: for (let task = 0; task < taskCount; task++) {
      if (task === changeModeAt && !headless) {
        s.mode = rng.pick(["default", "acceptEdits", ...MODES_FULL.slice(0, version >= A.autonomy.auto_mode.from_version ? 2 : 1)].filter((m) => m !== s.mode));
        ev.push({k: "mode", t: s.now - 2000, mode: s.mode});
      }
      if (task === commandAt) {
        const compact = rng.chance(Q.manual_compact / (Q.manual_compact + Q.model_command));
        const typedAt = s.now;
        s.now += compact ? rng.int(20_000, 90_000) : rng.int(300, 2000);
        if (compact) {
          ev.push({k: "compact", t: s.now, trigger: "manual", preTokens: rng.int(40_000, 160_000)});
          ev.push({k: "local", t: s.now + 100, command: "compact", stdout: "Compacted (ctrl+o to see full summary)", typedAt});
        } else {
          s.model = behaviour.pickModel(s.now, user, rng);
          ev.push({k: "local", t: s.now, command: "model", stdout: `Set model to ${s.model}`, typedAt});
        }
        s.gap();
      }
      const c = rng.weighted(A.tasks.complexity);
      const {text, topic} = taskPrompt(project, c, rng);
      const planTurn = !headless && user.planner && rng.chance(A.agent_stops.plan_mode[c]);
      let next = text;
      let planNext = planTurn;
      let failChance = behaviour.fail[c](s.now);
      for (let attempt = 0; attempt < 6; attempt++) {
        // What follows the first turn (a correction, an answer, a redirection) is a smaller task.
        const ending = turn(next, attempt === 0 ? c : SMALLER[c], topic, planNext);
        planNext = false;
        if (!session.title) session.title = text.slice(0, 60);
        // A resume (2.1.x appends to the same file) replays the turn before it.
        if (task === resumeAfter && attempt === 0) {
          s.now += rng.int(3_600_000, 20 * 3_600_000);
          ev.push({k: "resume", t: s.now, fresh: rng.chance(Q.resume_fresh_uuids)});
        }
        s.gap();
        if (ending.how === "interrupted") {
          const reason = rng.weighted(A.interrupts.reasons);
          if (reason === "other") {
            if (rng.chance(A.interrupts.session_ends_after)) break tasks;
            continue tasks;
          }
          next = say.afterInterrupt(reason, project, topic, rng);
          if (reason === "enough_help" || reason === "do_it_myself") {
            turn(next, "minimal", topic, false);
            s.gap();
            continue tasks;
          }
        } else if (ending.how === "clarification") next = say.reply(ending.reason, rng);
        else if (ending.how === "error") next = "continue";
        else if (rng.chance(failChance)) {
          next = say.correction(project, topic, rng);
          failChance *= A.interventions.correction_fails;
        } else continue tasks;
      }
    }
    return session;
  };
}
