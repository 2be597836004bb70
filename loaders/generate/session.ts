// The session model: what happens in one session, as events in time. A session is a run
// of tasks; each task is handed over in a prompt, worked on in steps (tool calls) whose
// number and length follow the task's complexity, and ends completed, interrupted by the
// person, with the agent asking something, or on an error. The person's next prompt
// follows from how it ended: a correction when the task failed, a redirection after an
// interrupt, an answer after a question. Every chance comes from the calibration; the
// transcript writer (transcript.ts) turns these events into 2.1.x lines.
import {asksPerson, levelOf, type Complexity} from "../definitions.ts";
import {Behaviour} from "./behaviour.ts";
import type {Calibration} from "./calibration.ts";
import type {Block, Ev, Outcome, SessionPlan, Subagent} from "./events.ts";
import {Session} from "./opening.ts";
import * as say from "./phrases.ts";
import {actionMix, backgroundCall, subagentBrief, taskPrompt, toolCall, type Action, type Call, type Topic} from "./tasks.ts";
import type {User} from "./users.ts";

export type {Block, Ev, Outcome, SessionPlan, Subagent} from "./events.ts";

/** How a turn ended, as the next prompt needs to know. */
type Ending = {how: "completed" | "interrupted" | "clarification" | "error"; reason: string};

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
      const ending = work(text, c, topic, planTurn);
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

    /** The agent's work on one prompt, step by step, until it stops or is stopped. */
    function work(text: string, c: Complexity, topic: Topic, planTurn: boolean): Ending {
      const t0 = s.now;
      const command = !headless && user.customCommands && rng.chance(Q.custom_command_prompts) ? rng.pick(["task", "do", "fix", "feature"]) : undefined;
      ev.push({k: "prompt", t: t0, text, mode: planTurn ? "plan" : s.mode, source: headless ? "sdk" : "typed", command});
      s.turns++;
      if (s.turns === Q.auto_compact_after_turns) ev.push({k: "compact", t: t0 + rng.int(200, 900), trigger: "auto", preTokens: rng.int(150_000, 172_000)});

      const working = behaviour.workingTime(c, s.model, t0, rng);
      const n = behaviour.steps(c, working, rng);
      const interrupted = !headless && rng.chance(behaviour.interruptChance(tenure, user, c));
      const cut = interrupted ? working * rng.uniform(0.1, 0.95) : Infinity;
      const asking = !headless && rng.chance(A.agent_stops.ask_user[c]) ? rng.weighted(A.agent_stops.question_reasons) : null;
      const closing = !headless && rng.chance(A.agent_stops.closing_question[c]) ? rng.weighted(A.agent_stops.question_reasons) : null;

      // The work, as a list of steps: actions in the order work usually runs (looking
      // around first, the last commit at the end). In plan mode nothing changes before
      // the plan is approved.
      const mix = actionMix(project);
      const actions: Action[] = Array.from({length: n}, () => rng.weighted(mix));
      const order: Record<Action, number> = {explore: 0, research: 1, service: 2, change: 3, verify: 4, vcs: 5};
      const head = Math.ceil(n * 0.4);
      actions.splice(0, head, ...actions.slice(0, head).map((a) => (planTurn && order[a] > 2 ? "explore" : a)).sort((a, b) => order[a] - order[b]));
      actions.sort((a, b) => (a === "vcs" ? 1 : 0) - (b === "vcs" ? 1 : 0));

      type Brief = {brief: ReturnType<typeof subagentBrief>; actions: Action[]};
      type Step =
        | {kind: "calls"; calls: Call[]; weight: number}
        | {kind: "agents"; briefs: Brief[]; weight: number}
        | {kind: "ask"; reason: string; weight: number}
        | {kind: "plan"; weight: number};
      const list: Step[] = [];
      const background = !headless && rng.chance(Q.background_task) ? actions.indexOf("verify") : -1;
      for (let i = 0; i < actions.length; i++) {
        if (actions[i] === "explore" && actions[i + 1] === "explore" && rng.chance(Q.parallel_calls)) {
          list.push({kind: "calls", calls: [toolCall(project, topic, "explore", rng), toolCall(project, topic, "explore", rng)], weight: rng.lognormal(1, 0.6)});
          i++;
        } else {
          const call = i === background ? backgroundCall(project, rng) : toolCall(project, topic, actions[i], rng);
          list.push({kind: "calls", calls: [call], weight: rng.lognormal(1, 0.7) * (call.slow ? 3 : 1)});
        }
      }
      if (n >= 4 && rng.chance(Q.subagent[c])) {
        const briefs: Brief[] = Array.from({length: rng.chance(Q.parallel_subagents) ? 2 : 1}, () => ({
          brief: subagentBrief(project, topic, rng),
          actions: Array.from({length: rng.int(2, Math.max(2, Math.min(12, Math.round(n * 0.35))))}, () => (rng.chance(0.8) ? "explore" : "research") as Action)
        }));
        // The subagents' calls are part of the turn's work: the main agent looks around less.
        const taken = briefs.reduce((s, b) => s + b.actions.length, 0);
        list.splice(0, Math.max(0, Math.min(list.length - 1, Math.round(taken / 2))));
        list.splice(Math.min(1, list.length), 0, {kind: "agents", briefs, weight: rng.lognormal(1, 0.5) * (2 + taken / 3)});
      }
      if (asking) {
        const early = ["offer_choice", "clarify_request", "approval", "other"].includes(asking);
        list.splice(early ? Math.min(list.length, rng.int(0, 2)) : Math.floor(list.length / 2), 0, {kind: "ask", reason: asking, weight: rng.lognormal(0.4, 0.4)});
      }
      if (planTurn) list.splice(Math.min(list.length, head), 0, {kind: "plan", weight: rng.lognormal(1.2, 0.4)});
      // An API error ends the turn in place of one of its messages (the last included).
      const apiErrorAt = rng.chance(Q.api_error) ? rng.int(0, list.length) : -1;

      // Working time is shared out over the steps by weight; the person's answers to
      // questions and plans add waiting time that is no work (turn_duration leaves it out).
      const first = rng.lognormal(1, 0.5);
      const last = rng.lognormal(1, 0.5);
      const scale = working / (first + last + list.reduce((s, x) => s + x.weight, 0));
      let w = first * scale;
      let waited = 0;
      const wall = (x: number) => Math.round(t0 + x + waited);
      let messages = 0;
      let opened = false;
      let stepMode = planTurn ? "plan" : s.mode;

      const message = (x: number, blocks: Block[], extra: {aborted?: boolean; apiError?: boolean} = {}) => {
        if (!opened) {
          opened = true;
          if (rng.chance(Q.api_retry)) ev.push({k: "retry", t: wall(x) - rng.int(1000, 4000), attempt: 1});
          // A real response may open with thinking and a sentence; a client-written error does not.
          const pre: Block[] = [];
          if (!extra.apiError && rng.chance(Q.thinking_block) && !s.model.includes("haiku")) pre.push({type: "thinking"});
          if (blocks.some((b) => b.type === "tool_use") && rng.chance(Q.opener_text)) pre.push({type: "text", text: say.opener(project, topic, rng)});
          blocks.unshift(...pre);
        }
        ev.push({k: "message", t: wall(x), model: extra.apiError ? "<synthetic>" : s.model, blocks, ...extra});
        messages++;
      };
      // The person stops the agent while it writes: a marker line, or (2.1.2xx) the
      // message cut mid-stream.
      const streamInterrupt = (x: number): Ending => {
        if (version >= 198 && rng.chance(Q.aborted_stream)) message(x, [{type: "text", text: say.opener(project, topic, rng).slice(0, 24)}], {aborted: true});
        else ev.push({k: "interrupt", t: wall(x), forTool: false});
        return {how: "interrupted", reason: ""};
      };
      // The request fails for good (retries spent): Claude Code writes a <synthetic> message.
      const apiError = (x: number): Ending => {
        message(x, [{type: "text", text: 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'}], {apiError: true});
        return {how: "error", reason: ""};
      };
      // ... or while a tool runs (or waits on a dialog): the call is rejected, then the marker.
      const toolInterrupt = (x: number, ids: string[], call: Call): Ending => {
        // 2.1.x rejects every call running in parallel (one marker follows).
        for (const id of ids) ev.push({k: "result", t: wall(x), id, call, outcome: "reject"});
        ev.push({k: "interrupt", t: wall(x) + 1, forTool: true});
        return {how: "interrupted", reason: ""};
      };

      for (let k = 0; k < list.length; k++) {
        const step = list[k];
        const span = step.weight * scale;
        const slow = step.kind === "calls" && step.calls.some((x) => x.slow);
        const callAt = w + span * (slow ? 0.15 : 0.55);
        const endAt = w + span;
        if (cut < callAt) return streamInterrupt(cut);
        if (k === apiErrorAt) return apiError(callAt);
        if (step.kind === "calls") {
          const ids = step.calls.map(() => s.toolId());
          message(callAt, step.calls.map((call, i) => ({type: "tool_use", id: ids[i], name: call.name, input: call.input})));
          if (cut < endAt) return toolInterrupt(cut, ids, step.calls[0]);
          if (slow && step.calls[0].name === "Bash") ev.push({k: "bash_progress", t: wall(callAt + (endAt - callAt) / 2), toolUseId: ids[0]});
          step.calls.forEach((call, i) => {
            const at = wall(endAt) - (step.calls.length - 1 - i) * 3;
            // A call the mode asks about may be refused with a reason: a correction that does not stop the turn.
            const corrected = asksPerson(levelOf(stepMode), call.name) === true && rng.chance(behaviour.rejectWithReason(t0));
            ev.push({k: "result", t: at, id: ids[i], call, outcome: corrected ? "reject_reason" : call.error ? "error" : "ok", said: corrected ? say.rejectReason(project, topic, rng) : undefined});
            if (!corrected && user.hooks.postEdit && (call.name === "Edit" || call.name === "Write")) ev.push({k: "hook", t: at + 40, toolUseId: ids[i], tool: call.name, output: rng.chance(Q.hook_output)});
          });
        } else if (step.kind === "agents") {
          const name = version < 63 ? "Task" : "Agent";
          const ids = step.briefs.map(() => s.toolId());
          message(callAt, step.briefs.map(({brief}, i) => ({type: "tool_use", id: ids[i], name, input: {description: brief.description, prompt: brief.prompt, subagent_type: brief.type}})));
          if (cut < endAt) return toolInterrupt(cut, ids, {name, input: {}, content: "", result: null, slow: false});
          step.briefs.forEach(({brief, actions: subActions}, i) => {
            const begin = wall(callAt) + 150;
            const end = wall(endAt) - 400 - i * 700;
            const subModel = brief.type === "Explore" && t0 >= behaviour.subagentFrom ? A.models.subagent.model : s.model;
            const sub: Subagent = {agentId: s.agentId(), type: brief.type, description: brief.description, toolUseId: ids[i], model: subModel, events: []};
            sub.events.push({k: "prompt", t: begin, text: brief.prompt, mode: null, source: "typed"});
            const each = (end - begin) / (subActions.length + 1);
            subActions.forEach((a, j) => {
              const call = toolCall(project, topic, a, rng);
              const id = s.toolId();
              sub.events.push({k: "message", t: Math.round(begin + each * (j + 0.5)), model: subModel, blocks: [{type: "tool_use", id, name: call.name, input: call.input}]});
              sub.events.push({k: "result", t: Math.round(begin + each * (j + 1)), id, call, outcome: call.error ? "error" : "ok"});
            });
            const report = `Checked ${subActions.length} places in ${project.name}. The main entry point and the two call sites that matter are listed below, with the one surprising case.`;
            sub.events.push({k: "message", t: end, model: subModel, blocks: [{type: "text", text: report}]});
            session.subagents.push(sub);
            const tokens = rng.int(8000, 90000);
            const call: Call = {
              name,
              input: {},
              content: [{type: "text", text: report}, {type: "text", text: `agentId: ${sub.agentId} (for resuming to continue this agent's work if needed)\n<usage>total_tokens: ${tokens}\ntool_uses: ${subActions.length}\nduration_ms: ${end - begin}</usage>`}],
              result: {status: "completed", prompt: brief.prompt, agentId: sub.agentId, agentType: brief.type, content: [{type: "text", text: report}], totalDurationMs: end - begin, totalTokens: tokens, totalToolUseCount: subActions.length},
              slow: false
            };
            ev.push({k: "result", t: wall(endAt) - (step.briefs.length - 1 - i) * 600, id: ids[i], call, outcome: "ok"});
          });
        } else if (step.kind === "ask") {
          const q = say.askQuestion(step.reason, rng);
          const id = s.toolId();
          const call: Call = {name: "AskUserQuestion", input: {questions: [{question: q.question, header: q.header, options: q.options, multiSelect: false}]}, content: q.options[rng.int(0, q.options.length - 1)].label, result: null, slow: false};
          message(callAt, [{type: "tool_use", id, name: call.name, input: call.input}]);
          if (cut < endAt) return toolInterrupt(cut, [id], call);
          let outcome = rng.weighted(A.agent_stops.ask_outcome) as Outcome;
          if (outcome === "timeout" && version < 198) outcome = "answered";
          const answer = outcome === "timeout" ? 60_000 : s.wait(A.sessions.answer_wait_s);
          ev.push({k: "result", t: wall(callAt) + answer, id, call, outcome});
          waited += answer;
          if (outcome === "clarify") {
            message(callAt + rng.uniform(1500, 5000), [{type: "text", text: say.afterClarify(rng)}]);
            return {how: "clarification", reason: step.reason};
          }
        } else {
          const plan = say.plan(project, topic, rng);
          const call: Call = {name: "ExitPlanMode", input: {plan}, content: plan, result: null, slow: false};
          const id = s.toolId();
          message(callAt, [{type: "tool_use", id, name: call.name, input: call.input}]);
          if (cut < endAt) return toolInterrupt(cut, [id], call);
          const outcome = rng.weighted(A.agent_stops.plan_outcome);
          const approval = s.wait(A.sessions.plan_wait_s);
          if (outcome === "rejected") {
            ev.push({k: "result", t: wall(callAt) + approval, id, call, outcome: "plan_rejected"});
            ev.push({k: "interrupt", t: wall(callAt) + approval + 1, forTool: true});
            return {how: "interrupted", reason: ""};
          }
          ev.push({k: "result", t: wall(callAt) + approval, id, call, outcome: outcome === "revise" ? "plan_revise" : "plan_approved", said: outcome === "revise" ? say.rejectReason(project, topic, rng) : undefined});
          waited += approval;
          if (outcome === "revise") {
            // The agent reworks the plan and puts it to the person again.
            const again = s.toolId();
            const x = callAt + (endAt - callAt) * 0.8;
            message(x, [{type: "tool_use", id: again, name: call.name, input: call.input}]);
            const approval2 = s.wait(A.sessions.plan_wait_s);
            ev.push({k: "result", t: wall(x) + approval2, id: again, call, outcome: "plan_approved"});
            waited += approval2;
          }
          // Approving a plan leaves plan mode for the mode the person works in.
          stepMode = s.mode;
        }
        w = endAt;
      }
      const finalAt = w + last * scale;
      if (cut < finalAt) return streamInterrupt(cut);
      if (apiErrorAt === list.length) return apiError(finalAt);
      message(finalAt, [{type: "text", text: closing ? say.closingQuestion(closing, project, topic, rng) : say.summary(project, topic, rng)}]);
      if (!headless) ev.push({k: "turn_end", t: wall(finalAt) + rng.int(20, 400), durationMs: Math.round(finalAt * rng.uniform(1, 1.02)), messages, stopHook: user.hooks.stop});
      return closing ? {how: "clarification", reason: closing} : {how: "completed", reason: ""};
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
