// The API-side population: agents built on the API, their conversations, their runs and
// the GenAI agent spans (semantic conventions 1.31–1.41) that record them. An agent has a
// domain, tools (api-agents.ts), a style (interactive: it works with a person in a
// conversation; pipeline: it runs unattended), and is gated or not (it has tools that ask,
// hand off to or wait for a person). A conversation is a run of agent runs; a run (one
// `invoke_agent`: a turn) makes tool calls whose number follows its complexity, hands a
// part of a long run to a nested agent, and, when the agent is gated, often calls a tool
// that involves a person. Every chance comes from the calibration (`api`); the spans go to
// otlp-export.ts, which writes them as the Collector's file exporter does.
//
// Privacy: the only content a span carries is synthetic (`synthetic request ...`), in the
// attributes the reader never reads (messages, tool arguments and results).
import {COMPLEXITIES, type Complexity} from "../definitions.ts";
import {AGENT_KINDS, ORGS, SDKS, type AgentKind, type ToolKinds} from "./api-agents.ts";
import {ms, shareSchedule, type ApiAssumptions, type Calibration} from "./calibration.ts";
import {type Attribute, type Span, str, int, strings} from "./otlp-export.ts";
import {pow, Rng} from "./rng.ts";

export type Style = "interactive" | "pipeline";

export type Agent = {
  index: number;
  rng: Rng;
  domain: string;
  kind: AgentKind;
  /** `gen_ai.agent.name`; `service.name` is the service it runs in. */
  name: string;
  service: string;
  style: Style;
  gated: boolean;
  /** Conversations over the period, and from when (ms). */
  sessions: number;
  live: number;
  /** Semantic conventions before 1.34: `gen_ai.system`, no conversation id. */
  legacy: boolean;
  enduser: boolean;
  http: boolean;
  /** Its spans carry (synthetic) messages and tool arguments: content capture is on. */
  content: boolean;
  provider: string;
  /** How many distinct end users its conversations come from. */
  users: number;
  resource: Attribute[];
  scope: {name: string; version: string};
};

/** What one conversation wrote, as the reader will count it. */
export type Conversation = {spans: Span[]; sessions: number; runs: number; calls: number};

const mean = ([lo, hi]: [number, number]) => (lo + hi) / 2;

/** Tool calls a conversation of this style makes, on average (runs × calls by complexity). */
function callsPerSession(a: ApiAssumptions, style: Style): number {
  return a.runs.per_session[style] * COMPLEXITIES.reduce((s, c) => s + a.runs.complexity[style][c] * mean(a.runs.calls[c]), 0);
}

/**
 * Agents per domain: one each, then one at a time to the domain with the most calls per
 * agent (D'Hondt), so every domain is present once there are as many agents as domains.
 */
function domainsOf(mix: Record<string, number>, count: number): string[] {
  const order = Object.keys(mix).sort((x, y) => mix[y] - mix[x] || (x < y ? -1 : 1));
  const n = new Map(order.map((d) => [d, 0]));
  for (let i = 0; i < count; i++) {
    const d = i < order.length ? order[i] : order.reduce((best, x) => (mix[x] / (n.get(x)! + 1) > mix[best] / (n.get(best)! + 1) ? x : best));
    n.set(d, n.get(d)! + 1);
  }
  return order.flatMap((d) => new Array<string>(n.get(d)!).fill(d));
}

/**
 * Marks items true until they hold `share` of the total weight: in their order, an item is
 * marked when that keeps the marked weight nearest the share of the weight so far (error
 * diffusion). A small population then has the share a large one has, by weight.
 */
function stratified(weights: number[], share: number): boolean[] {
  let total = 0;
  let marked = 0;
  return weights.map((w) => {
    total += w;
    const mark = marked + w / 2 <= share * total;
    if (mark) marked += w;
    return mark;
  });
}

/** The population: its agents, drawn from their own streams; their volumes make each domain's share of calls. */
export function makeAgents(cal: Calibration, count: number, seed: string): Agent[] {
  const a = cal.api.assumptions;
  const p = a.population;
  for (const d of Object.keys(cal.api.domains)) if (!AGENT_KINDS[d]) throw new Error(`calibration: no API agents for the domain ${d} (loaders/generate/api-agents.ts)`);
  const root = new Rng(seed).fork("api");
  const start = ms(cal.assumptions.period.start);
  const span = ms(cal.assumptions.period.end) - start;
  const domains = root.fork("domains").shuffle(domainsOf(cal.api.domains, count));
  const drawn = domains.map((domain, index) => {
    const rng = root.fork(`agent/${index}`);
    const kind = rng.pick(AGENT_KINDS[domain]);
    const name = rng.pick(kind.names);
    const sdk = rng.pick(SDKS);
    const service = rng.chance(0.5) ? name : `${rng.pick(ORGS)}-${name}`;
    return {
      index, rng, domain, kind, name, service,
      weight: Math.exp(p.volume_sigma * rng.normal()),
      calls: 0,
      live: start + rng.uniform(0, p.live_by) * span,
      legacy: rng.chance(p.semconv_1_31),
      enduser: rng.chance(p.enduser_id),
      http: rng.chance(p.http_root),
      content: rng.chance(p.content_capture),
      provider: rng.weighted(p.providers),
      resource: [
        str("service.name", service), str("service.version", `${rng.int(1, 4)}.${rng.int(0, 20)}.${rng.int(0, 9)}`),
        str("service.instance.id", `${service}-${rng.hex(10)}`), str("deployment.environment.name", "production"),
        str("telemetry.sdk.name", "opentelemetry"), str("telemetry.sdk.language", sdk.language), str("telemetry.sdk.version", "1.29.0")
      ],
      scope: {name: sdk.scope, version: sdk.version}
    };
  });
  // Each domain's share of all calls, shared among its agents by weight.
  const total = count * p.sessions_per_agent * ((1 - p.pipeline_share) * callsPerSession(a, "interactive") + p.pipeline_share * callsPerSession(a, "pipeline"));
  const shares = Object.values(cal.api.domains).reduce((s, x) => s + x, 0);
  for (const [domain, share] of Object.entries(cal.api.domains)) {
    const mine = drawn.filter((x) => x.domain === domain);
    const weights = mine.reduce((s, x) => s + x.weight, 0);
    for (const x of mine) x.calls = (total * (share / shares) * x.weight) / weights;
  }
  // Styles, then gates within each style, stratified by calls over the agents in a random order.
  const order = root.fork("styles").shuffle(drawn.map((_, i) => i));
  const pipeline = stratified(order.map((i) => drawn[i].calls), p.pipeline_share);
  const style = new Map(order.map((i, k): [number, Style] => [i, pipeline[k] ? "pipeline" : "interactive"]));
  const gated = new Map<number, boolean>();
  for (const st of ["interactive", "pipeline"] as const) {
    const mine = order.filter((i) => style.get(i) === st);
    stratified(mine.map((i) => drawn[i].calls), 1 - a.involvement.gated[st]).forEach((ungated, k) => gated.set(mine[k], !ungated));
  }
  return drawn.map(({weight: _, calls, ...x}) => {
    const st = style.get(x.index)!;
    const sessions = Math.max(1, Math.round(calls / callsPerSession(a, st)));
    const users = st === "pipeline" ? x.rng.int(p.staff[0], p.staff[1]) : Math.max(5, Math.round(sessions * p.customers_per_session));
    return {...x, style: st, gated: gated.get(x.index)!, sessions, users};
  });
}

/** An agent's conversations in time order, drawn one at a time (ascending uniform order statistics over its live time). */
export class Arrivals {
  next: number;
  private k = 0;
  private u = 0;

  constructor(
    readonly agent: Agent,
    private readonly end: number
  ) {
    this.next = this.draw();
  }

  get index() {
    return this.k;
  }

  private draw(): number {
    const left = this.agent.sessions - this.k;
    this.u += (1 - this.u) * (1 - pow(1 - this.agent.rng.fork(`arrival/${this.k}`).next(), 1 / left));
    return this.agent.live + this.u * (this.end - this.agent.live);
  }

  /** Moves to the next conversation; false when there is none. */
  advance(): boolean {
    if (++this.k >= this.agent.sessions) return false;
    this.next = this.draw();
    return true;
  }
}

type Call = {tool: string; person: boolean; sub: boolean; error: boolean};

/** What a run does: its calls in order, a block of them in a nested agent. */
function planRun(agent: Agent, a: ApiAssumptions, complexity: Complexity, involved: boolean, rng: Rng): {calls: Call[]; subName: string | null; error: boolean} {
  const [lo, hi] = a.runs.calls[complexity];
  const n = rng.int(lo, hi);
  const people = involved ? Math.min(n, rng.chance(a.involvement.second_call) ? 2 : 1) : 0;
  const kinds = (k: ToolKinds) => ({read: k.reads, write: k.writes, act: k.acts.length ? k.acts : k.writes});
  const tool = (k: ToolKinds) => {
    const kind = rng.weighted(a.tools.kinds);
    return {tool: rng.pick(kinds(k)[kind]), act: kind === "act"};
  };
  const rest = n - people;
  const subCount = rest >= 4 && rng.chance(a.runs.subagent[complexity]) ? Math.max(2, Math.round(rest * rng.uniform(a.runs.subagent_share[0], a.runs.subagent_share[1]))) : 0;
  const subAt = subCount ? rng.int(1, rest - subCount) : -1;
  const calls: (Call & {act: boolean})[] = [];
  for (let i = 0; i < rest; i++) {
    const sub = subCount > 0 && i >= subAt && i < subAt + subCount;
    calls.push({...tool(sub ? agent.kind.sub : agent.kind), person: false, sub, error: false});
  }
  // A person is asked before the first consequential act of the main agent (an approval), else anywhere.
  for (let j = 0; j < people; j++) {
    const firstAct = calls.findIndex((c) => c.act && !c.sub);
    let at = j === 0 && firstAct >= 0 ? firstAct : rng.int(0, calls.length);
    while (at > 0 && at < calls.length && calls[at - 1].sub && calls[at].sub) at++; // never inside the nested agent's block
    calls.splice(at, 0, {tool: rng.pick(agent.kind.person), act: false, person: true, sub: false, error: false});
  }
  for (const c of calls) c.error = !c.person && rng.chance(a.runs.tool_error);
  return {calls: calls.map(({act: _, ...c}) => c), subName: subCount ? rng.pick(agent.kind.sub.names) : null, error: rng.chance(a.runs.error)};
}

/** Writes spans for one conversation: ids, times and attributes in the shape of the semantic conventions. */
class SpanWriter {
  readonly spans: Span[] = [];
  traceId = "";

  constructor(
    private readonly agent: Agent,
    private readonly rng: Rng
  ) {}

  private genAi(op: string, extra: Attribute[]): Attribute[] {
    return [str("gen_ai.operation.name", op), str(this.agent.legacy ? "gen_ai.system" : "gen_ai.provider.name", this.agent.provider), ...extra];
  }

  span(parent: string, name: string, kind: number, start: number, attributes: Attribute[]): Span {
    const span: Span = {traceId: this.traceId, spanId: this.rng.hex(16), parentSpanId: parent, name, kind, start, end: start, attributes, error: false};
    this.spans.push(span);
    return span;
  }

  /** An agent's span; its end is set once its children are written. */
  agentSpan(parent: string, name: string, at: number, attributes: Attribute[]): Span {
    return this.span(parent, `invoke_agent ${name}`, 1, at, this.genAi("invoke_agent", [str("gen_ai.agent.name", name), ...attributes]));
  }

  chat(parent: string, at: number, seconds: number, model: string): number {
    const legacy = this.agent.legacy;
    const tokens = [int(legacy ? "gen_ai.usage.prompt_tokens" : "gen_ai.usage.input_tokens", this.rng.int(400, 30000)), int(legacy ? "gen_ai.usage.completion_tokens" : "gen_ai.usage.output_tokens", this.rng.int(20, 1200))];
    const content = this.agent.content ? [str("gen_ai.output.messages", JSON.stringify([{role: "assistant", parts: [{type: "text", content: `synthetic reply ${this.rng.hex(6)}`}]}]))] : [];
    const alias = model.replace(/-\d{8}$/, "");
    return (this.span(parent, `chat ${alias}`, 3, at, this.genAi("chat", [str("gen_ai.request.model", alias), str("gen_ai.response.model", model), ...tokens, strings("gen_ai.response.finish_reasons", ["tool_use"]), ...content])).end = at + seconds * 1000);
  }

  tool(parent: string, at: number, seconds: number, call: Call): number {
    const content = this.agent.content ? [str("gen_ai.tool.call.arguments", JSON.stringify({ref: `synthetic-${this.rng.hex(8)}`})), str("gen_ai.tool.call.result", `synthetic result ${this.rng.hex(6)}`)] : [];
    const id = `toolu_01${this.rng.base62(22)}`;
    const span = this.span(parent, `execute_tool ${call.tool}`, 1, at, this.genAi("execute_tool", [str("gen_ai.tool.name", call.tool), str("gen_ai.tool.call.id", id), str("gen_ai.tool.type", "function"), ...content]));
    span.error = call.error;
    return (span.end = at + seconds * 1000);
  }
}

/** The conversation model for a calibration: its schedules are built once per population. */
export function conversationModel(cal: Calibration) {
  const a = cal.api.assumptions;
  const models = shareSchedule(cal.assumptions.models.shares);
  const seconds = (ln: {median: number; sigma: number}, rng: Rng) => rng.lognormal(ln.median, ln.sigma);

  /** The `k`-th conversation of an agent, starting at `at` (ms). */
  return function conversation(agent: Agent, k: number, at: number): Conversation {
    const rng = agent.rng.fork(`conversation/${k}`);
    const out = new SpanWriter(agent, rng);
    const model = rng.weighted(models(at));
    const conversationId = `conv_${rng.base62(24)}`;
    const userRank = Math.floor(agent.users * rng.next() ** 2); // a few users come back often
    const user = `${agent.style === "pipeline" ? "svc" : "usr"}_${agent.rng.fork(`user/${userRank}`).base62(14)}`;
    let runs = 1;
    while (rng.chance(1 - 1 / a.runs.per_session[agent.style])) runs++;
    let t = at;
    let calls = 0;
    for (let r = 0; r < runs; r++) {
      if (r > 0) t += seconds(a.timing.between_runs_s, rng) * 1000;
      const complexity = rng.weighted(a.runs.complexity[agent.style]);
      const plan = planRun(agent, a, complexity, agent.gated && rng.chance(a.involvement.run[complexity]), rng);
      calls += plan.calls.length;
      out.traceId = rng.hex(32);
      const http = agent.http ? out.span("", "POST /v1/agent/run", 2, t, [str("http.request.method", "POST"), str("http.route", "/v1/agent/run"), int("http.response.status_code", plan.error ? 500 : 200)]) : null;
      const request = agent.content ? [str("gen_ai.input.messages", JSON.stringify([{role: "user", parts: [{type: "text", content: `synthetic request ${rng.hex(6)}`}]}]))] : [];
      const root = out.agentSpan(http?.spanId ?? "", agent.name, t, [
        str("gen_ai.agent.id", `agent_${agent.service}`), str("gen_ai.request.model", model.replace(/-\d{8}$/, "")),
        ...(agent.legacy ? [] : [str("gen_ai.conversation.id", conversationId)]), str(agent.enduser ? "enduser.id" : "user.id", user), ...request
      ]);
      let now = t + rng.int(5, 40);
      for (let i = 0; i < plan.calls.length; ) {
        now = out.chat(root.spanId, now, seconds(a.timing.chat_s, rng), model);
        if (plan.calls[i].sub) {
          // The nested agent: its own model calls and tools, under its own invoke_agent.
          const sub = out.agentSpan(root.spanId, plan.subName!, now, [str("gen_ai.agent.id", `agent_${plan.subName}`)]);
          let inner = now + rng.int(5, 40);
          for (; i < plan.calls.length && plan.calls[i].sub; i++) {
            inner = out.chat(sub.spanId, inner, seconds(a.timing.chat_s, rng), model);
            inner = out.tool(sub.spanId, inner, seconds(a.timing.tool_s, rng), plan.calls[i]);
          }
          now = sub.end = out.chat(sub.spanId, inner, seconds(a.timing.chat_s, rng), model);
          continue;
        }
        // One call, or a few side by side; a person's answer takes a person's time.
        const side = !plan.calls[i].person && rng.chance(a.runs.parallel) ? rng.int(2, 3) : 1;
        let done = now;
        for (let j = 0; j < side && i < plan.calls.length && !plan.calls[i].sub && (j === 0 || !plan.calls[i].person); j++, i++) {
          done = Math.max(done, out.tool(root.spanId, now, seconds(plan.calls[i].person ? a.timing.person_wait_s : a.timing.tool_s, rng), plan.calls[i]));
        }
        now = done + rng.int(2, 30);
      }
      now = root.end = out.chat(root.spanId, now, seconds(a.timing.chat_s, rng), model) + rng.int(1, 20);
      root.error = plan.error;
      if (http) http.end = now + rng.int(1, 10);
      t = now;
    }
    return {spans: out.spans, sessions: agent.legacy ? runs : 1, runs, calls};
  };
}
