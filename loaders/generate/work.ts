// The agent's work on one prompt. The turn's working time and number of steps follow the
// task's complexity; the steps are planned first (tool calls, subagents, a question, a
// plan), the working time is shared out over them, and they run in order until the agent
// stops or is stopped: the person interrupts while it writes or while a tool runs, or the
// API fails for good.
import {asksPerson, levelOf, type Complexity} from "../definitions.ts";
import type {Assumptions} from "./calibration.ts";
import type {Block, Outcome, Subagent} from "./events.ts";
import type {Session} from "./opening.ts";
import type {Speaker} from "./phrases.ts";
import {actionMix, backgroundCall, subagentBrief, toolCall, type Action, type Call, type Topic} from "./tasks.ts";

/** How a turn ended, as the next prompt needs to know. */
export type Ending = {how: "completed" | "interrupted" | "clarification" | "error"; reason: string};

type Brief = {brief: ReturnType<typeof subagentBrief>; actions: Action[]};
type Step =
  | {kind: "calls"; calls: Call[]; weight: number}
  | {kind: "agents"; briefs: Brief[]; weight: number}
  | {kind: "ask"; reason: string; weight: number}
  | {kind: "plan"; weight: number};

const ORDER: Record<Action, number> = {explore: 0, research: 1, service: 2, change: 3, verify: 4, vcs: 5};

/** The agent's work on one prompt, step by step, until it stops or is stopped. */
export function work(s: Session, c: Complexity, topic: Topic, planTurn: boolean): Ending {
  const {rng, headless, behaviour} = s;
  const A = behaviour.A;
  const working = behaviour.workingTime(c, s.model, s.now, rng);
  const n = behaviour.steps(c, working, rng);
  const interrupted = !headless && rng.chance(behaviour.interruptChance(s.tenure, s.user, c));
  const cut = interrupted ? working * rng.uniform(0.1, 0.95) : Infinity;
  const asks = !headless && rng.chance(A.agent_stops.ask_user[c]) ? rng.weighted(A.agent_stops.question_reasons) : null;
  const closes = !headless && rng.chance(A.agent_stops.closing_question[c]) ? rng.weighted(A.agent_stops.question_reasons) : null;
  // AskUserQuestion offers options to choose from: a stop for none of Table 1's reasons is asked in words.
  const asking = asks === "other" ? null : asks;
  const closing = closes ?? (asks === "other" ? "other" : null);
  const {steps, apiErrorAt} = planSteps(s, c, n, topic, planTurn, asking);
  return new Work(s, topic, planTurn, working, cut, steps).run(apiErrorAt, closing);
}

/** The work as a list of steps, and the step an API error takes the place of (-1: none). */
function planSteps(s: Session, c: Complexity, n: number, topic: Topic, planTurn: boolean, asking: string | null): {steps: Step[]; apiErrorAt: number} {
  const {rng} = s;
  const Q = s.behaviour.A.quirks;
  const head = Math.ceil(n * 0.4);
  const steps = callSteps(s, orderedActions(s, n, head, planTurn), topic);
  if (n >= 4 && rng.chance(Q.subagent[c])) delegate(s, steps, n, topic);
  if (asking) {
    const early = ["offer_choice", "clarify_request", "approval", "other"].includes(asking);
    steps.splice(early ? Math.min(steps.length, rng.int(0, 2)) : Math.floor(steps.length / 2), 0, {kind: "ask", reason: asking, weight: rng.lognormal(0.4, 0.4)});
  }
  if (planTurn) steps.splice(Math.min(steps.length, head), 0, {kind: "plan", weight: rng.lognormal(1.2, 0.4)});
  // An API error ends the turn in place of one of its messages (the last included).
  const apiErrorAt = rng.chance(Q.api_error) ? rng.int(0, steps.length) : -1;
  return {steps, apiErrorAt};
}

/**
 * The work's actions in the order work usually runs (looking around first in the `head`,
 * the last commit at the end). In plan mode nothing changes before the plan is approved.
 */
function orderedActions(s: Session, n: number, head: number, planTurn: boolean): Action[] {
  const mix = actionMix(s.project);
  const actions: Action[] = Array.from({length: n}, () => s.rng.weighted(mix));
  actions.splice(0, head, ...actions.slice(0, head).map((a) => (planTurn && ORDER[a] > 2 ? "explore" : a)).sort((a, b) => ORDER[a] - ORDER[b]));
  actions.sort((a, b) => (a === "vcs" ? 1 : 0) - (b === "vcs" ? 1 : 0));
  return actions;
}

/** A step of tool calls per action: two looks around in a row may go out in parallel, and a check may run in the background. */
function callSteps(s: Session, actions: Action[], topic: Topic): Step[] {
  const {rng, project} = s;
  const Q = s.behaviour.A.quirks;
  const steps: Step[] = [];
  const background = !s.headless && rng.chance(Q.background_task) ? actions.indexOf("verify") : -1;
  for (let i = 0; i < actions.length; i++) {
    if (actions[i] === "explore" && actions[i + 1] === "explore" && rng.chance(Q.parallel_calls)) {
      steps.push({kind: "calls", calls: [toolCall(project, topic, "explore", rng), toolCall(project, topic, "explore", rng)], weight: rng.lognormal(1, 0.6)});
      i++;
    } else {
      const call = i === background ? backgroundCall(project, rng) : toolCall(project, topic, actions[i], rng);
      steps.push({kind: "calls", calls: [call], weight: rng.lognormal(1, 0.7) * (call.slow ? 3 : 1)});
    }
  }
  return steps;
}

/** Hands part of the work to one subagent, or two in parallel, as the second step. */
function delegate(s: Session, steps: Step[], n: number, topic: Topic): void {
  const {rng, project} = s;
  const briefs: Brief[] = Array.from({length: rng.chance(s.behaviour.A.quirks.parallel_subagents) ? 2 : 1}, () => ({
    brief: subagentBrief(project, topic, rng),
    actions: Array.from({length: rng.int(2, Math.max(2, Math.min(12, Math.round(n * 0.35))))}, () => (rng.chance(0.8) ? "explore" : "research") as Action)
  }));
  // The subagents' calls are part of the turn's work: the main agent looks around less.
  const taken = briefs.reduce((sum, b) => sum + b.actions.length, 0);
  steps.splice(0, Math.max(0, Math.min(steps.length - 1, Math.round(taken / 2))));
  steps.splice(Math.min(1, steps.length), 0, {kind: "agents", briefs, weight: rng.lognormal(1, 0.5) * (2 + taken / 3)});
}

/**
 * One turn's steps as they run. Times are work done since the prompt (ms); `wall` adds the
 * time spent waiting on the person.
 */
class Work {
  private readonly A: Assumptions;
  private readonly say: Speaker;
  private readonly t0: number;
  /** Working time per unit of a step's weight (ms), and the weight of the closing message. */
  private readonly scale: number;
  private readonly last: number;
  /** The work done so far, and the time spent waiting on the person (ms). */
  private w: number;
  private waited = 0;
  private messages = 0;
  /** The mode the calls are asked about in: plan mode until a plan is approved. */
  private stepMode: string;

  constructor(
    private readonly s: Session,
    private readonly topic: Topic,
    planTurn: boolean,
    working: number,
    /** When the person interrupts (Infinity: never). */
    private readonly cut: number,
    private readonly steps: Step[]
  ) {
    this.A = s.behaviour.A;
    this.say = s.behaviour.say;
    this.t0 = s.now;
    // Working time is shared out over the steps by weight; the person's answers to
    // questions and plans add waiting time that is no work (turn_duration leaves it out).
    const first = s.rng.lognormal(1, 0.5);
    this.last = s.rng.lognormal(1, 0.5);
    this.scale = working / (first + this.last + steps.reduce((sum, x) => sum + x.weight, 0));
    this.w = first * this.scale;
    this.stepMode = planTurn ? "plan" : s.mode;
  }

  private wall(x: number): number {
    return Math.round(this.t0 + x + this.waited);
  }

  /** Runs the steps, then the closing message (a summary, or a question for the person). */
  run(apiErrorAt: number, closing: string | null): Ending {
    const {rng, ev, project, user} = this.s;
    for (let i = 0; i < this.steps.length; i++) {
      const step = this.steps[i];
      const span = step.weight * this.scale;
      const slow = step.kind === "calls" && step.calls.some((x) => x.slow);
      const callAt = this.w + span * (slow ? 0.15 : 0.55);
      const endAt = this.w + span;
      if (this.cut < callAt) return this.streamInterrupt(this.cut);
      if (i === apiErrorAt) return this.apiError(callAt);
      const ending =
        step.kind === "calls" ? this.calls(step.calls, slow, callAt, endAt)
        : step.kind === "agents" ? this.agents(step.briefs, callAt, endAt)
        : step.kind === "ask" ? this.ask(step.reason, callAt, endAt)
        : this.plan(callAt, endAt);
      if (ending) return ending;
      this.w = endAt;
    }
    const finalAt = this.w + this.last * this.scale;
    if (this.cut < finalAt) return this.streamInterrupt(this.cut);
    if (apiErrorAt === this.steps.length) return this.apiError(finalAt);
    this.message(finalAt, [{type: "text", text: closing ? this.say.closingQuestion(closing, project, this.topic, rng) : this.say.summary(project, this.topic, rng)}]);
    if (!this.s.headless) ev.push({k: "turn_end", t: this.wall(finalAt) + rng.int(20, 400), durationMs: Math.round(finalAt * rng.uniform(1, 1.02)), messages: this.messages, stopHook: user.hooks.stop});
    return closing ? {how: "clarification", reason: closing} : {how: "completed", reason: ""};
  }

  /** A message of the agent's; the turn's first may come after a retry, and open with thinking and a sentence. */
  private message(x: number, blocks: Block[], extra: {aborted?: boolean; apiError?: boolean} = {}): void {
    const {rng, ev, project} = this.s;
    const Q = this.A.quirks;
    if (this.messages === 0) {
      if (rng.chance(Q.api_retry)) ev.push({k: "retry", t: this.wall(x) - rng.int(1000, 4000), attempt: 1});
      // A real response may open with thinking and a sentence; a client-written error does not.
      const pre: Block[] = [];
      if (!extra.apiError && rng.chance(Q.thinking_block) && !this.s.model.includes("haiku")) pre.push({type: "thinking"});
      if (blocks.some((b) => b.type === "tool_use") && rng.chance(Q.opener_text)) pre.push({type: "text", text: this.say.opener(project, this.topic, rng)});
      blocks.unshift(...pre);
    }
    ev.push({k: "message", t: this.wall(x), model: extra.apiError ? "<synthetic>" : this.s.model, blocks, ...extra});
    this.messages++;
  }

  /** The person stops the agent while it writes: a marker line, or (2.1.2xx) the message cut mid-stream. */
  private streamInterrupt(x: number): Ending {
    const {rng, ev, project} = this.s;
    if (this.s.version >= 198 && rng.chance(this.A.quirks.aborted_stream)) this.message(x, [{type: "text", text: this.say.opener(project, this.topic, rng).slice(0, 24)}], {aborted: true});
    else ev.push({k: "interrupt", t: this.wall(x), forTool: false});
    return {how: "interrupted", reason: ""};
  }

  /** ... or while a tool runs (or waits on a dialog): the call is rejected, then the marker. */
  private toolInterrupt(x: number, ids: string[], call: Call): Ending {
    // 2.1.x rejects every call running in parallel (one marker follows).
    for (const id of ids) this.s.ev.push({k: "result", t: this.wall(x), id, call, outcome: "reject"});
    this.s.ev.push({k: "interrupt", t: this.wall(x) + 1, forTool: true});
    return {how: "interrupted", reason: ""};
  }

  /** The request fails for good (retries spent): Claude Code writes a <synthetic> message. */
  private apiError(x: number): Ending {
    this.message(x, [{type: "text", text: 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'}], {apiError: true});
    return {how: "error", reason: ""};
  }

  /** Tool calls (one, or a few in parallel) and their results. */
  private calls(calls: Call[], slow: boolean, callAt: number, endAt: number): Ending | undefined {
    const {rng, ev, project, user} = this.s;
    const ids = calls.map(() => this.s.toolId());
    this.message(callAt, calls.map((call, i) => ({type: "tool_use", id: ids[i], name: call.name, input: call.input})));
    if (this.cut < endAt) return this.toolInterrupt(this.cut, ids, calls[0]);
    if (slow && calls[0].name === "Bash") ev.push({k: "bash_progress", t: this.wall(callAt + (endAt - callAt) / 2), toolUseId: ids[0]});
    calls.forEach((call, i) => {
      const at = this.wall(endAt) - (calls.length - 1 - i) * 3;
      // A call the mode asks about may be refused with a reason: a correction that does not stop the turn.
      const corrected = asksPerson(levelOf(this.stepMode), call.name) === true && rng.chance(this.s.behaviour.rejectWithReason(this.t0));
      ev.push({k: "result", t: at, id: ids[i], call, outcome: corrected ? "reject_reason" : call.error ? "error" : "ok", said: corrected ? this.say.rejectReason(project, this.topic, rng) : undefined});
      if (!corrected && user.hooks.postEdit && (call.name === "Edit" || call.name === "Write")) ev.push({k: "hook", t: at + 40, toolUseId: ids[i], tool: call.name, output: rng.chance(this.A.quirks.hook_output)});
    });
  }

  /** Subagents (one, or two in parallel): each works in a transcript of its own, then reports. */
  private agents(briefs: Brief[], callAt: number, endAt: number): Ending | undefined {
    const name = this.s.version < 63 ? "Task" : "Agent";
    const ids = briefs.map(() => this.s.toolId());
    this.message(callAt, briefs.map(({brief}, i) => ({type: "tool_use", id: ids[i], name, input: {description: brief.description, prompt: brief.prompt, subagent_type: brief.type}})));
    if (this.cut < endAt) return this.toolInterrupt(this.cut, ids, {name, input: {}, content: "", result: null, slow: false});
    briefs.forEach((b, i) => {
      const call = this.subagent(name, b, ids[i], this.wall(callAt) + 150, this.wall(endAt) - 400 - i * 700);
      this.s.ev.push({k: "result", t: this.wall(endAt) - (briefs.length - 1 - i) * 600, id: ids[i], call, outcome: "ok"});
    });
  }

  /** One subagent's transcript, from `begin` to `end` (ms); returns its report as the result of the call that started it. */
  private subagent(name: string, {brief, actions}: Brief, toolUseId: string, begin: number, end: number): Call {
    const {rng, project} = this.s;
    const subModel = brief.type === "Explore" && this.t0 >= this.s.behaviour.subagentFrom ? this.A.models.subagent.model : this.s.model;
    const sub: Subagent = {agentId: this.s.agentId(), type: brief.type, description: brief.description, toolUseId, model: subModel, events: []};
    sub.events.push({k: "prompt", t: begin, text: brief.prompt, mode: null, source: "typed"});
    const each = (end - begin) / (actions.length + 1);
    actions.forEach((a, j) => {
      const call = toolCall(project, this.topic, a, rng);
      const id = this.s.toolId();
      sub.events.push({k: "message", t: Math.round(begin + each * (j + 0.5)), model: subModel, blocks: [{type: "tool_use", id, name: call.name, input: call.input}]});
      sub.events.push({k: "result", t: Math.round(begin + each * (j + 1)), id, call, outcome: call.error ? "error" : "ok"});
    });
    const report = `Checked ${actions.length} places in ${project.name}. The main entry point and the two call sites that matter are listed below, with the one surprising case.`;
    sub.events.push({k: "message", t: end, model: subModel, blocks: [{type: "text", text: report}]});
    this.s.plan.subagents.push(sub);
    const tokens = rng.int(8000, 90000);
    return {
      name,
      input: {},
      content: [{type: "text", text: report}, {type: "text", text: `agentId: ${sub.agentId} (for resuming to continue this agent's work if needed)\n<usage>total_tokens: ${tokens}\ntool_uses: ${actions.length}\nduration_ms: ${end - begin}</usage>`}],
      result: {status: "completed", prompt: brief.prompt, agentId: sub.agentId, agentType: brief.type, content: [{type: "text", text: report}], totalDurationMs: end - begin, totalTokens: tokens, totalToolUseCount: actions.length},
      slow: false
    };
  }

  /** A question for the person (AskUserQuestion): the turn waits on the answer, and ends if they would rather clarify. */
  private ask(reason: string, callAt: number, endAt: number): Ending | undefined {
    const {rng, ev} = this.s;
    const q = this.say.askQuestion(reason, rng);
    const id = this.s.toolId();
    const call: Call = {name: "AskUserQuestion", input: {questions: [{question: q.question, header: q.header, options: q.options, multiSelect: false}]}, content: q.options[rng.int(0, q.options.length - 1)].label, result: null, slow: false};
    this.message(callAt, [{type: "tool_use", id, name: call.name, input: call.input}]);
    if (this.cut < endAt) return this.toolInterrupt(this.cut, [id], call);
    let outcome = rng.weighted(this.A.agent_stops.ask_outcome) as Outcome;
    if (outcome === "timeout" && this.s.version < 198) outcome = "answered";
    const answer = outcome === "timeout" ? 60_000 : this.s.wait(this.A.sessions.answer_wait_s);
    ev.push({k: "result", t: this.wall(callAt) + answer, id, call, outcome});
    this.waited += answer;
    if (outcome === "clarify") {
      this.message(callAt + rng.uniform(1500, 5000), [{type: "text", text: this.say.afterClarify(rng)}]);
      return {how: "clarification", reason};
    }
  }

  /** A plan put to the person (ExitPlanMode): approved, revised once, or rejected (which ends the turn). */
  private plan(callAt: number, endAt: number): Ending | undefined {
    const {rng, ev, project} = this.s;
    const plan = this.say.plan(project, this.topic, rng);
    const call: Call = {name: "ExitPlanMode", input: {plan}, content: plan, result: null, slow: false};
    const id = this.s.toolId();
    this.message(callAt, [{type: "tool_use", id, name: call.name, input: call.input}]);
    if (this.cut < endAt) return this.toolInterrupt(this.cut, [id], call);
    const outcome = rng.weighted(this.A.agent_stops.plan_outcome);
    const approval = this.s.wait(this.A.sessions.plan_wait_s);
    if (outcome === "rejected") {
      ev.push({k: "result", t: this.wall(callAt) + approval, id, call, outcome: "plan_rejected"});
      ev.push({k: "interrupt", t: this.wall(callAt) + approval + 1, forTool: true});
      return {how: "interrupted", reason: ""};
    }
    ev.push({k: "result", t: this.wall(callAt) + approval, id, call, outcome: outcome === "revise" ? "plan_revise" : "plan_approved", said: outcome === "revise" ? this.say.rejectReason(project, this.topic, rng) : undefined});
    this.waited += approval;
    if (outcome === "revise") {
      // The agent reworks the plan and puts it to the person again.
      const again = this.s.toolId();
      const x = callAt + (endAt - callAt) * 0.8;
      this.message(x, [{type: "tool_use", id: again, name: call.name, input: call.input}]);
      const approval2 = this.s.wait(this.A.sessions.plan_wait_s);
      ev.push({k: "result", t: this.wall(x) + approval2, id: again, call, outcome: "plan_approved"});
      this.waited += approval2;
    }
    // Approving a plan leaves plan mode for the mode the person works in.
    this.stepMode = this.s.mode;
  }
}
