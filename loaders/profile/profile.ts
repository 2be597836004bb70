// One person's profile against the study (`agent-autonomy` with no command): what the
// finding pages show a population, read for one person from the same metric SQL and the
// same findings registry, with the threshold at one user. It holds counts, shares, dates
// and the names this project gives (agents, tenure buckets, kinds of action, domains):
// never a word, path, model or tool name from the logs, so it may be shown and shared.
import type {DuckDBConnection} from "@duckdb/node-api";
import {DOMAINS} from "../classify/domain.ts";
import {comparisonOf, type Comparison} from "../findings.ts";
import {FILE_EDIT_TOOLS, PLAN_TOOL, ASK_TOOL, READ_ONLY_TOOLS, SHELL_TOOL, SUBAGENT_TOOLS, AGENT_LABELS, type Agent} from "../definitions.ts";
import {readPublished, type Published} from "../generate/calibration.ts";
import {Aggregates} from "../site/compare.ts";
import {connect} from "../site/aggregate.ts";
import {claudeCodeName} from "../sources/codex/tools.ts";

/** A figure of the study beside the person's value of the same cell (null where their data has none). */
export type Beside = {id: string; label: string; published: {value: number; unit: string; bound: string | null}; ours: number | null; n: number | null};

export type Profile = {
  /** The agent the comparisons read: Claude Code where the data has it (the study's agent). */
  agent: Agent;
  agents: {agent: Agent; label: string; sessions: number; turns: number; first_day: string; last_day: string}[];
  /** Interactive turns' working time, the whole period (F9's cells); the study's figures are of 7-day windows, quoted. */
  turns: {turns: number; p50_s: number; p99_s: number; longest_s: number; longest_day: string} | null;
  turnsStudy: Beside[];
  /** Full auto-approve by the person's own sessions, in tenure buckets (F2's cells). */
  autoApprove: {buckets: {bucket: string; sessions: number; share: number}[]; study: Beside[]};
  /** Interrupts per 100 turns, in all and by tenure bucket (F3's cells). */
  interrupts: {turns: number; per100: number | null; buckets: {bucket: string; turns: number; per100: number}[]; study: Beside[]};
  /** Agent stops against interrupts per 100 turns, by complexity (F4's cells). */
  stops: {rows: {complexity: string; turns: number; agent_per100: number; human_per100: number}[]; study: Beside[]};
  /** The kinds of action the agent took, riskiest first: how many were put to the person. */
  actions: {kind: string; calls: number; risk: number | null; risky: number; irreversible: number; put_to_person: number; told: number}[];
  /** The domains of the work (F8's cells), beside the study's share of API traffic. */
  domains: {domain: string; label: string; calls: number; share: number; study: number | null}[];
};

/** Kinds of action, named by this project, from a tool's Claude Code name (a Codex tool as its kind). */
const ACTION_KINDS: readonly [string, (tool: string) => boolean][] = [
  ["shell commands", (t) => t === SHELL_TOOL],
  ["file edits", (t) => FILE_EDIT_TOOLS.has(t)],
  ["questions and plans", (t) => t === ASK_TOOL || t === PLAN_TOOL],
  ["subagents", (t) => SUBAGENT_TOOLS.has(t)],
  ["web searches and fetches", (t) => t === "WebSearch" || t === "WebFetch"],
  ["reading and searching", (t) => READ_ONLY_TOOLS.has(t)],
  ["MCP tools", (t) => t.startsWith("mcp__")]
];
const actionKind = (name: string) => {
  const tool = claudeCodeName(name);
  return ACTION_KINDS.find(([, is]) => is(tool))?.[0] ?? "other tools";
};

async function rows(db: DuckDBConnection, sql: string, ...params: string[]): Promise<Record<string, unknown>[]> {
  const prepared = await db.prepare(sql);
  params.forEach((p, i) => prepared.bindVarchar(i + 1, p));
  return (await prepared.runAndReadAll()).getRowObjectsJson() as Record<string, unknown>[];
}

/** A metric's rows for one person's tables: its aggregate, made once and shared with the comparisons that read it. */
const metric = async (aggregates: Aggregates, db: DuckDBConnection, name: string, where: string, ...params: string[]) =>
  rows(db, `select * from ${await aggregates.table(name)} where ${where}`, ...params);

/** The study's figures, each beside the person's value of its cell where `compare` (else shown as quoted). */
async function besides(aggregates: Aggregates, published: Map<string, Published>, ids: string[], compare = true): Promise<Beside[]> {
  const out: Beside[] = [];
  for (const id of ids) {
    const figure = published.get(id)!;
    const compared = compare ? await aggregates.compare(comparisonOf(id) as Comparison) : null;
    out.push({
      id, label: figure.label,
      published: {value: Array.isArray(figure.value) ? figure.value[0] : figure.value, unit: figure.unit, bound: figure.bound ?? null},
      ours: compared?.ours?.value ?? null, n: compared?.ours?.n ?? null
    });
  }
  return out;
}

/** The profile of the tables in `dir` (an ingest's output folder). */
export async function profileOf(dir: string): Promise<Profile> {
  const db = await connect(dir, 1);
  try {
    const published = readPublished();
    const aggregates = new Aggregates(db);
    const agents = (await rows(db, `
      select s.agent, count(*)::INTEGER as sessions, sum(s.n_turns)::INTEGER as turns,
        min(s.started_at)::DATE::VARCHAR as first_day, max(s.started_at)::DATE::VARCHAR as last_day
      from sessions as s
      group by s.agent
      order by list_position(['claude-code', 'codex', 'api'], s.agent)`)).map((r) => ({
      agent: r.agent as Agent, label: AGENT_LABELS[r.agent as Agent] ?? String(r.agent),
      sessions: Number(r.sessions), turns: Number(r.turns), first_day: String(r.first_day), last_day: String(r.last_day)
    }));
    const agent: Agent = agents.some((a) => a.agent === "claude-code") ? "claude-code" : (agents[0]?.agent ?? "claude-code");

    const [tail] = await metric(aggregates, db, "f9-overhang", "period = 'whole period' and model = '(all)' and agent = ?", agent);
    const [longest] = tail
      ? await rows(db, `
        select t.started_at::DATE::VARCHAR as day
        from turns as t join sessions as s using (user_id, session_id)
        where s.interactive and s.agent = ? and t.duration_s is not null
        order by t.duration_s desc, t.started_at
        limit 1`, agent)
      : [];
    const turns = tail
      ? {turns: Number(tail.turns), p50_s: 60 * Number(tail.p50_min), p99_s: 60 * Number(tail.p99_min), longest_s: 60 * Number(tail.max_min), longest_day: String(longest.day)}
      : null;

    const f2 = await metric(aggregates, db, "f2-auto-approve", "grain = 'bucket' and sessions = 'interactive' and agent = ? and known > 0 order by position", agent);
    const f3 = await metric(aggregates, db, "f3-interrupts", "grain = 'bucket' and sessions = 'interactive' and agent = ? order by position", agent);
    const f3turns = f3.reduce((s, r) => s + Number(r.turns), 0);
    const f3hits = f3.reduce((s, r) => s + Number(r.interrupted), 0);
    const f4 = await metric(aggregates, db, "f4-stops", "sessions = 'interactive' and agent = ? and tenure = '(all)' order by level", agent);

    const calls = await rows(db, `
      select c.tool_name, count(*)::INTEGER as calls, sum(c.risk) as risk_sum, count(c.risk)::INTEGER as scored,
        count(*) filter (where c.risk > 5)::INTEGER as risky,
        count(*) filter (where not c.reversible)::INTEGER as irreversible,
        count(*) filter (where c.human_in_loop)::INTEGER as put_to_person,
        count(c.human_in_loop)::INTEGER as told
      from tool_calls as c join sessions as s using (user_id, session_id)
      where s.agent = ?
      group by c.tool_name`, agent);
    const kinds = new Map<string, {calls: number; riskSum: number; scored: number; risky: number; irreversible: number; put_to_person: number; told: number}>();
    for (const r of calls) {
      const kind = actionKind(String(r.tool_name));
      const k = kinds.get(kind) ?? kinds.set(kind, {calls: 0, riskSum: 0, scored: 0, risky: 0, irreversible: 0, put_to_person: 0, told: 0}).get(kind)!;
      k.calls += Number(r.calls);
      k.riskSum += Number(r.risk_sum ?? 0);
      k.scored += Number(r.scored);
      k.risky += Number(r.risky);
      k.irreversible += Number(r.irreversible);
      k.put_to_person += Number(r.put_to_person);
      k.told += Number(r.told);
    }
    const actions = [...kinds]
      .map(([kind, k]) => ({kind, calls: k.calls, risk: k.scored ? k.riskSum / k.scored : null, risky: k.risky, irreversible: k.irreversible, put_to_person: k.put_to_person, told: k.told}))
      .sort((a, b) => (b.risk ?? -1) - (a.risk ?? -1) || b.calls - a.calls || (a.kind < b.kind ? -1 : 1));

    const f8 = await metric(aggregates, db, "f8-domains", "source = '(all)' and period = '(all)' order by calls desc, domain");
    const domains = f8.map((r) => {
      const domain = String(r.domain);
      const study = published.get(`f8.${domain}`)?.value;
      return {domain, label: DOMAINS[domain as keyof typeof DOMAINS] ?? domain, calls: Number(r.calls), share: Number(r.share), study: typeof study === "number" ? study / 100 : null};
    });

    return {
      agent,
      agents,
      turns,
      turnsStudy: await besides(aggregates, published, ["f1.p50", "f1.p999.start", "f1.p999.end"], false),
      autoApprove: {
        buckets: f2.map((r) => ({bucket: String(r.bucket), sessions: Number(r.known), share: Number(r.share)})),
        study: await besides(aggregates, published, ["f2.new", "f2.experienced"])
      },
      interrupts: {
        turns: f3turns,
        per100: f3turns ? (100 * f3hits) / f3turns : null,
        buckets: f3.map((r) => ({bucket: String(r.bucket), turns: Number(r.turns), per100: 100 * Number(r.share)})),
        study: await besides(aggregates, published, ["f3.new", "f3.experienced"])
      },
      stops: {
        rows: f4.map((r) => ({complexity: String(r.complexity), turns: Number(r.turns), agent_per100: 100 * Number(r.agent_rate), human_per100: 100 * Number(r.human_rate)})),
        study: await besides(aggregates, published, ["f4.minimal.agent", "f4.minimal.human", "f4.high.agent", "f4.high.human"])
      },
      actions,
      domains
    };
  } finally {
    db.closeSync();
  }
}
