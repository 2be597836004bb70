// Writes OTLP JSON lines for tests, as the Collector's file exporter writes them
// (docs/otel-format.md): one export request a line, attributes as
// `{key, value: {...Value}}`, int64 as decimal strings, times in `*UnixNano`. Claude Code's
// events follow the shapes of each version named in docs/otel-format.md; GenAI spans those
// of semantic conventions 1.31–1.41.
//
// Every attribute that holds content (prompts, tool input, messages, arguments, e-mail,
// agent and service names, span names, ...) carries CANARY, so that a test can look for it
// in everything the ingest wrote.

export const CANARY = "CANARY-7f3a9c";

type Value = {stringValue: string} | {intValue: string | number} | {doubleValue: number} | {boolValue: boolean};
export type Attribute = {key: string; value: Value};

export const str = (key: string, value: string): Attribute => ({key, value: {stringValue: value}});
export const int = (key: string, value: number, asString = false): Attribute => ({key, value: asString ? {stringValue: String(value)} : {intValue: String(value)}});
const bool = (key: string, value: boolean): Attribute => ({key, value: {boolValue: value}});

/** Epoch ms → a `*UnixNano` decimal string. */
export const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();

export function logsLine(resource: Attribute[], records: object[], scope = `com.anthropic.claude_code.events ${CANARY}`): string {
  return JSON.stringify({resourceLogs: [{resource: {attributes: resource}, scopeLogs: [{scope: {name: scope, version: "2.1.200"}, logRecords: records}]}]});
}

export function spansLine(resource: Attribute[], spans: object[]): string {
  return JSON.stringify({resourceSpans: [{resource: {attributes: resource}, scopeSpans: [{scope: {name: `acme.agents ${CANARY}`, version: "1.0"}, spans}]}]});
}

export function metricsLine(): string {
  return JSON.stringify({
    resourceMetrics: [{
      resource: {attributes: [str("service.name", `claude-code ${CANARY}`)]},
      scopeMetrics: [{scope: {name: `com.anthropic.claude_code ${CANARY}`}, metrics: [{name: `claude_code.session.count ${CANARY}`, unit: "count", sum: {dataPoints: [{asInt: "1", timeUnixNano: "1767607200000000000", attributes: [str("session.id", "m-1"), str("user.email", `dev-${CANARY}@example.com`)]}], aggregationTemporality: 1, isMonotonic: true}}]}]
    }]
  });
}

/** What changed across Claude Code versions (docs/otel-format.md, "Claude Code's events"). */
export type Profile = {
  version: string;
  /** `prompt.id` (documented Feb 2026, in 2.1.100, not 2.0.x). */
  promptIds: boolean;
  /** `event.sequence` (2026). */
  sequence: boolean;
  /** `tool_use_id` on decisions and results (≥ 2.1.119). */
  toolUseIds: boolean;
  /** `api_request` numbers as stringValue (until 2.1.122). */
  stringNumbers: boolean;
  /** tool_result's decision keys: `decision`/`source` (2025), `decision_type`/`decision_source`. */
  resultKeys: [string, string];
  /** Only `observedTimeUnixNano` set (`timeUnixNano` "0"). */
  observedOnly: boolean;
  /** The signed-in account (`user.account_uuid`) beside the installation (`user.id`). */
  account: boolean;
};

export const V2_0: Profile = {version: "2.0.30", promptIds: false, sequence: false, toolUseIds: false, stringNumbers: true, resultKeys: ["decision", "source"], observedOnly: true, account: false};
export const V2_1_110: Profile = {version: "2.1.110", promptIds: true, sequence: true, toolUseIds: false, stringNumbers: true, resultKeys: ["decision_type", "decision_source"], observedOnly: false, account: true};
export const V2_1_200: Profile = {version: "2.1.200", promptIds: true, sequence: true, toolUseIds: true, stringNumbers: false, resultKeys: ["decision_type", "decision_source"], observedOnly: false, account: true};

/** One Claude Code session's events, one log record each, in the order they happened. */
export class CcSession {
  readonly records: object[] = [];
  private seq = 0;
  private prompts = 0;
  private promptId = "";

  constructor(
    readonly sessionId: string,
    readonly profile: Profile,
    readonly t0 = Date.parse("2026-01-05T10:00:00.000Z"),
    readonly installation = "inst-0001",
    readonly account = "acct-0001"
  ) {}

  /** The resource of Claude Code's export requests. */
  resource(): Attribute[] {
    return [str("service.name", `claude-code ${CANARY}`), str("service.version", this.profile.version), str("os.type", `linux ${CANARY}`), str("host.name", `host-${CANARY}`)];
  }

  private event(s: number, name: string, attrs: Attribute[]): this {
    const p = this.profile;
    const time = nanos(this.t0 + s * 1000);
    const standard = [
      str("session.id", this.sessionId), str("event.name", name), str("event.timestamp", new Date(this.t0 + s * 1000).toISOString()),
      str("user.id", this.installation), str("organization.id", `org-${CANARY}`), str("terminal.type", `term-${CANARY}`),
      str("app.version", p.version),
      ...(p.account ? [str("user.account_uuid", this.account), str("user.email", `dev-${CANARY}@example.com`)] : []),
      ...(p.sequence ? [int("event.sequence", this.seq++)] : []),
      ...(p.promptIds && this.promptId ? [str("prompt.id", this.promptId)] : [])
    ];
    this.records.push({
      timeUnixNano: p.observedOnly ? "0" : time,
      observedTimeUnixNano: time,
      body: {stringValue: `claude_code.${name}`},
      attributes: [...standard, ...attrs]
    });
    return this;
  }

  prompt(s: number): this {
    this.promptId = `prompt-${CANARY}-${this.sessionId}-${++this.prompts}`;
    return this.event(s, "user_prompt", [str("prompt", `please fix it ${CANARY}`), int("prompt_length", 42)]);
  }

  request(s: number, model = "claude-opus-4-5-20251101"): this {
    const n = (key: string, v: number) => int(key, v, this.profile.stringNumbers);
    return this.event(s, "api_request", [str("model", model), n("input_tokens", 1200), n("output_tokens", 300), n("duration_ms", 2500), {key: "cost_usd", value: {doubleValue: 0.01}}]);
  }

  apiError(s: number): this {
    return this.event(s, "api_error", [str("model", "claude-opus-4-5-20251101"), str("error", `overloaded ${CANARY}`), int("status_code", 529), int("attempt", 1)]);
  }

  decision(s: number, tool: string, decision: "accept" | "reject", source: string, id?: string): this {
    return this.event(s, "tool_decision", [str("tool_name", tool), str("decision", decision), str("source", source), ...this.id(id)]);
  }

  result(s: number, tool: string, success: boolean, durationMs: number, source: string, id?: string): this {
    const [decisionKey, sourceKey] = this.profile.resultKeys;
    return this.event(s, "tool_result", [
      str("tool_name", tool), str("success", String(success)), int("duration_ms", durationMs), str(decisionKey, "accept"), str(sourceKey, source),
      str("tool_parameters", JSON.stringify({bash_command: `rm -rf /home/${CANARY}`, full_command: `rm -rf /home/${CANARY}`})),
      str("tool_input", `{"file_path":"/src/${CANARY}.ts"}`), ...(success ? [] : [str("error", `failed ${CANARY}`)]), ...this.id(id)
    ]);
  }

  /** An event that makes no rows, holding content. */
  response(s: number): this {
    return this.event(s, "assistant_response", [str("response", `here is the fix ${CANARY}`), int("response_length", 17)]);
  }

  private id(id: string | undefined): Attribute[] {
    return this.profile.toolUseIds && id ? [str("tool_use_id", id)] : [];
  }

  /** The session as export requests of `perLine` records each. */
  lines(perLine = 3): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.records.length; i += perLine) out.push(logsLine(this.resource(), this.records.slice(i, i + perLine)));
    return out;
  }
}

/** Semantic-convention versions of GenAI spans (docs/otel-format.md, "GenAI agent spans"). */
export type Semconv = {
  /** `gen_ai.provider.name` (1.37+), else `gen_ai.system`. */
  provider: boolean;
  /** `gen_ai.conversation.id` (1.34+). */
  conversation: boolean;
  /** `gen_ai.usage.input_tokens`, else `gen_ai.usage.prompt_tokens`. */
  inputTokens: boolean;
};

export const SEMCONV_1_41: Semconv = {provider: true, conversation: true, inputTokens: true};
export const SEMCONV_1_31: Semconv = {provider: false, conversation: false, inputTokens: false};

let spanIds = 0;
const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** One trace of an agent built on the API: spans are added parent first, written in any order. */
export class Trace {
  readonly spans: object[] = [];

  constructor(
    readonly traceId: string,
    readonly semconv: Semconv,
    readonly t0 = Date.parse("2026-01-06T09:00:00.000Z"),
    readonly provider = "anthropic"
  ) {}

  private span(parent: string, name: string, s: number, e: number, attrs: Attribute[], error = false): string {
    const spanId = hex(++spanIds, 16);
    this.spans.push({
      traceId: this.traceId, spanId, parentSpanId: parent, name: `${name} ${CANARY}`, kind: 1,
      startTimeUnixNano: nanos(this.t0 + s * 1000), endTimeUnixNano: nanos(this.t0 + e * 1000), attributes: attrs,
      events: [{timeUnixNano: nanos(this.t0 + s * 1000), name: "gen_ai.content.prompt", attributes: [str("gen_ai.prompt", `secret prompt ${CANARY}`)]}],
      status: error ? {code: 2, message: `boom ${CANARY}`} : {}
    });
    return spanId;
  }

  private genAi(op: string, extra: Attribute[]): Attribute[] {
    const v = this.semconv;
    return [str("gen_ai.operation.name", op), str(v.provider ? "gen_ai.provider.name" : "gen_ai.system", this.provider), ...extra];
  }

  agent(parent: string, s: number, e: number, opts: {conversation?: string; user?: string; enduser?: string; error?: boolean} = {}): string {
    return this.span(parent, "invoke_agent", s, e, this.genAi("invoke_agent", [
      str("gen_ai.agent.name", `support agent ${CANARY}`), str("gen_ai.agent.id", `agent-${CANARY}`), str("gen_ai.agent.description", `helps ${CANARY}`),
      ...(opts.conversation && this.semconv.conversation ? [str("gen_ai.conversation.id", opts.conversation)] : []),
      ...(opts.user ? [str("user.id", opts.user)] : []), ...(opts.enduser ? [str("enduser.id", opts.enduser)] : []),
      str("gen_ai.input.messages", JSON.stringify([{role: "user", parts: [{type: "text", content: `refund me ${CANARY}`}]}])),
      str("gen_ai.system_instructions", `be nice ${CANARY}`)
    ]), opts.error);
  }

  chat(parent: string, s: number, e: number, model: string): string {
    return this.span(parent, "chat", s, e, this.genAi("chat", [
      str("gen_ai.request.model", model), str("gen_ai.response.model", `${model}-20251101`),
      int(this.semconv.inputTokens ? "gen_ai.usage.input_tokens" : "gen_ai.usage.prompt_tokens", 900),
      str("gen_ai.output.messages", JSON.stringify([{role: "assistant", parts: [{type: "text", content: `sure ${CANARY}`}]}])),
      str("gen_ai.completion", `sure ${CANARY}`)
    ]));
  }

  tool(parent: string, s: number, e: number, name: string, opts: {callId?: string; error?: boolean} = {}): string {
    return this.span(parent, "execute_tool", s, e, this.genAi("execute_tool", [
      str("gen_ai.tool.name", name), ...(opts.callId ? [str("gen_ai.tool.call.id", opts.callId)] : []), str("gen_ai.tool.type", `function ${CANARY}`),
      str("gen_ai.tool.call.arguments", JSON.stringify({order: `A-${CANARY}`})), str("gen_ai.tool.call.result", `done ${CANARY}`),
      str("gen_ai.tool.description", `looks up ${CANARY}`)
    ]), opts.error);
  }

  /** A span of no GenAI operation (an HTTP client, a framework step). */
  other(parent: string, s: number, e: number): string {
    return this.span(parent, "POST", s, e, [str("http.request.method", `POST ${CANARY}`), str("url.full", `https://api.example.com/${CANARY}`), bool("internal", false)]);
  }

  static resource(service = `support-agent ${CANARY}`): Attribute[] {
    return [str("service.name", service), str("service.instance.id", `pod-${CANARY}`), str("telemetry.sdk.language", `python ${CANARY}`)];
  }

  /** Its spans as export requests of `perLine` spans each. */
  lines(perLine = 2): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.spans.length; i += perLine) out.push(spansLine(Trace.resource(), this.spans.slice(i, i + perLine)));
    return out;
  }
}

/** A log record of another program (no Claude Code event): `unknown_event`. */
export function foreignLog(t: number): object {
  return {timeUnixNano: nanos(t), severityText: "INFO", body: {stringValue: `user logged in ${CANARY}`}, attributes: [str("user.name", `bob ${CANARY}`), str("event.name", `login ${CANARY}`)]};
}

export const file = (lines: string[]) => lines.join("\n") + "\n";
