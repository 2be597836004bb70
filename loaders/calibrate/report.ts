// `agent-autonomy calibrate`: each target of data/calibration.json beside what the pipeline
// recovers from the canonical tables (ingest + SQL), with its interval: Wilson for rates,
// the bootstrap for quantiles, the normal interval for means, replicates for ratios. This
// is the evidence the site cites for the synthetic fleet; it reads only the tables.
// The Claude Code targets are measured on the transcripts' rows (source 'claude-code');
// the API side's (`api`) read a cell of a finding's own aggregate, by the metric's SQL,
// in which each names its source.
import type {DuckDBConnection} from "@duckdb/node-api";
import {metricSql, statement as runnable} from "../metrics/sql.ts";
import {connect} from "../site/aggregate.ts";
import {readPublished, type Calibration, type Measure, type Published, type Target} from "../generate/calibration.ts";
import {Rng} from "../generate/rng.ts";
import {bootstrapQuantile, combine, mean, wilson, type Estimate} from "./stats.ts";

export type Recovered = {
  id: string;
  label: string;
  /** The published figure as the study states it, and where it comes from. */
  published: string | null;
  source: string;
  aim: number | null;
  pass: {min?: number; max?: number} | null;
  why: string | null;
  value: number;
  lo: number;
  hi: number;
  n: number;
  /** How many users the estimate draws on (the site publishes none from fewer than K). */
  users: number;
  /** The recovered value falls in the pass band (null when the target has none). */
  ok: boolean | null;
};

type Data = {users: number; sessions: number; turns: number; tool_calls: number; synthetic: boolean; first_day: string; last_day: string};

export type CalibrationReport = {
  calibration: string;
  /** The Claude Code fleet: the transcripts' rows. */
  data: Data & {users_past_750: number};
  /** Interactive turns in each 7-day window the F1 targets read. */
  windows: {day: string; turns: number}[];
  targets: Recovered[];
  reported: Recovered[];
  /** The API side: the rows of OpenTelemetry (agents' spans). */
  api: {data: Data; targets: Recovered[]; reported: Recovered[]};
};

// Views every measure reads: interactive sessions' turns, with the session's tenure; the
// transcripts' tool calls.
const VIEWS = [
  "create or replace temp view it as select t.*, s.tenure from turns t join sessions s using (user_id, session_id) where s.interactive",
  "create or replace temp view st as select x.*, it.complexity from stops x join it using (user_id, session_id, turn_index)",
  "create or replace temp view cc_calls as select * from tool_calls where source = 'claude-code'"
];

const lit = (x: unknown) => (typeof x === "number" ? String(x) : `'${String(x).replace(/'/g, "''")}'`);

function tenure(range: unknown): string {
  const [lo, hi] = range as [number, number | null];
  return hi === null ? `tenure >= ${lo}` : `tenure between ${lo} and ${hi}`;
}

function month(m: unknown): string {
  return `strftime(started_at, '%Y-%m') = ${lit(m)}`;
}

async function rows(db: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

type Counted = {x: number; n: number; users: number};

async function count(db: DuckDBConnection, hits: string, from: string): Promise<Counted> {
  const [r] = await rows(db, `select count(*) filter (where ${hits}) as x, count(*) as n, count(distinct user_id) as users from ${from}`);
  return r as Counted;
}

/** A column's values (the first column of `sql`), and how many users they come from (its `user_id`). */
async function column(db: DuckDBConnection, sql: string): Promise<{values: number[]; users: number}> {
  const all = await rows(db, sql);
  return {values: all.map((r) => Number(Object.values(r)[0])), users: new Set(all.map((r) => r.user_id)).size};
}

const rate = ({x, n, users}: Counted, rng: Rng) => ({...wilson(x, n, rng), users});
const quantile = ({values, users}: {values: number[]; users: number}, q: number, rng: Rng) => ({...bootstrapQuantile(values, q, rng), users});

/** One measure's estimate, in the measure's own unit. */
async function estimate(db: DuckDBConnection, m: Measure, rng: Rng): Promise<Estimate & {users: number}> {
  // A window of `days` (7 unless said) ending on `day`, as F1's metric reads it.
  const window = (day: unknown, days = 7) => `started_at >= ${lit(day)}::timestamp - interval ${days - 1} day and started_at < ${lit(day)}::timestamp + interval 1 day`;
  let e: Estimate & {users: number};
  switch (m.kind) {
    case "window_quantile":
      e = quantile(await column(db, `select duration_s, user_id from it where duration_s is not null and ${window(m.day, (m.days as number | undefined) ?? 7)}`), m.q as number, rng);
      break;
    case "quantile":
      e = quantile(await column(db, "select duration_s, user_id from it where duration_s is not null"), m.q as number, rng);
      break;
    case "session_share":
      e = rate(await count(db, `auto_approve = ${lit(m.level)}`, `sessions where interactive and auto_approve is not null and ${tenure(m.tenure)}`), rng);
      break;
    case "turn_share":
      e = rate(await count(db, `end_reason = ${lit(m.end_reason)}`, `it where ${tenure(m.tenure)}`), rng);
      break;
    case "stops_per_turn": {
      // Stops over turns: each stop counted as a success (a turn rarely holds two).
      const [stops, turns] = await Promise.all([count(db, "true", `st where kind = ${lit(m.stop)} and complexity = ${lit(m.complexity)}`), count(db, "true", `it where complexity = ${lit(m.complexity)}`)]);
      e = rate({x: stops.n, n: turns.n, users: turns.users}, rng);
      break;
    }
    case "reason_share":
      e = rate(await count(db, `reason = ${lit(m.reason)}`, `st where kind = ${lit(m.stop)}`), rng);
      break;
    case "call_share":
      e = rate(await count(db, `domain = ${lit(m.domain)}`, "cc_calls"), rng);
      break;
    case "call_flag": {
      const flag = m.column === "irreversible" ? "reversible = false" : `${m.column}`;
      const known = m.column === "irreversible" ? "reversible is not null" : `${m.column} is not null`;
      const scope = m.complexity ? `cc_calls c join it using (user_id, session_id, turn_index) where it.complexity = ${lit(m.complexity)} and` : "cc_calls where";
      e = rate(await count(db, flag, `${scope} ${known}`), rng);
      break;
    }
    case "per_session": {
      const {values, users} = await column(db, `select ${m.column}, user_id from sessions where interactive and ${month(m.month)}`);
      e = {...mean(values, rng), users};
      break;
    }
    case "success":
      e = rate(
        await count(
          db,
          "end_reason = 'completed' and not coalesce(next_corrective, false)",
          `(select *, lead(corrective) over (partition by user_id, session_id order by turn_index) as next_corrective from it) where complexity = ${lit(m.complexity)} and ${month(m.month)}`
        ),
        rng
      );
      break;
    case "cell": {
      // One cell of a finding's aggregate: `x` of `n` (its counts), as the site publishes it.
      const where = Object.entries(m.where as Record<string, string>).map(([k, v]) => `"${k}" = ${lit(v)}`).join(" and ");
      const cells = await rows(db, `select "${m.x}"::DOUBLE as x, "${m.n}"::DOUBLE as n, users from (${runnable(metricSql(m.metric as string))}) where ${where}`);
      if (cells.length > 1) throw new Error(`calibration: ${m.metric} has ${cells.length} cells where ${where}`);
      e = rate((cells[0] as Counted | undefined) ?? {x: 0, n: 0, users: 0}, rng);
      break;
    }
    case "ratio":
    case "difference": {
      const [a, b] = [await estimate(db, m.of as Measure, rng), await estimate(db, (m.to ?? m.minus) as Measure, rng)];
      return {...combine(a, b, m.kind === "ratio" ? (x, y) => x / y : (x, y) => x - y), users: Math.min(a.users, b.users)};
    }
    default:
      throw new Error(`calibration: unknown measure ${m.kind}`);
  }
  const scale = m.unit === "%" ? 100 : m.unit === "min" ? 1 / 60 : 1;
  return {...e, value: e.value * scale, lo: e.lo * scale, hi: e.hi * scale, replicates: e.replicates.map((x) => x * scale)};
}

function statement(f: Published | undefined): string | null {
  if (!f) return null;
  const unit = f.unit === "%" ? "%" : ` ${f.unit}`;
  return `${f.bound ? `${f.bound} ` : ""}${Array.isArray(f.value) ? f.value.join(", ") : f.value}${unit}`;
}

async function recover(db: DuckDBConnection, t: Target, published: Map<string, Published>): Promise<Recovered> {
  const e = await estimate(db, t.measure, new Rng("calibrate").fork(t.id));
  const f = t.published ? published.get(t.published) : undefined;
  const ok = t.pass ? (t.pass.min === undefined || e.value >= t.pass.min) && (t.pass.max === undefined || e.value <= t.pass.max) : null;
  return {
    id: t.id,
    label: f?.label ?? t.source ?? t.id,
    published: statement(f) ?? (t.derived ? t.derived.map((d) => `${d}: ${statement(published.get(d))}`).join("; ") : null),
    source: f ? `${f.source} (${f.provenance === "chart" ? "read off the chart" : f.provenance})` : t.derived ? "derived from the published figures" : (t.source ?? ""),
    aim: t.aim ?? (typeof f?.value === "number" ? f.value : null),
    pass: t.pass ?? null,
    why: t.why ?? null,
    value: e.value,
    lo: e.lo,
    hi: e.hi,
    n: e.n,
    users: e.users,
    ok
  };
}

/** The report for the canonical tables in `dir`, against a calibration. */
export async function calibrationReport(dir: string, cal: Calibration): Promise<CalibrationReport> {
  const db = await connect(dir, 1);
  try {
    for (const v of VIEWS) await db.run(v);
    const published = readPublished();
    const data = async (source: string) =>
      (
        await rows(
          db,
          `select count(distinct user_id)::INTEGER as users, count(*)::INTEGER as sessions, (select count(*) from turns where source = ${lit(source)})::INTEGER as turns,
            (select count(*) from tool_calls where source = ${lit(source)})::INTEGER as tool_calls, coalesce(bool_or(synthetic), false) as synthetic,
            strftime(min(started_at), '%Y-%m-%d') as first_day, strftime(max(started_at), '%Y-%m-%d') as last_day,
            (select count(*) from (select user_id from sessions where source = ${lit(source)} group by user_id having max(tenure) >= 750))::INTEGER as users_past_750
          from sessions where source = ${lit(source)}`
        )
      )[0];
    const days = [...new Set(cal.targets.flatMap((t) => days_of(t.measure)))].sort();
    const windows = [];
    for (const day of days) {
      const [r] = await rows(db, `select count(*)::INTEGER as n from it where started_at >= '${day}'::timestamp - interval 6 day and started_at < '${day}'::timestamp + interval 1 day`);
      windows.push({day, turns: r.n as number});
    }
    const all = async (list: Target[]) => {
      const out = [];
      for (const t of list) out.push(await recover(db, t, published));
      return out;
    };
    const {users_past_750: _, ...api} = (await data("otel")) as CalibrationReport["data"];
    return {
      calibration: cal.hash,
      data: (await data("claude-code")) as CalibrationReport["data"],
      windows,
      targets: await all(cal.targets),
      reported: await all(cal.reported),
      api: {data: api, targets: await all(cal.api.targets), reported: await all(cal.api.reported)}
    };
  } finally {
    db.closeSync();
  }
}

function days_of(m: Measure): string[] {
  return [...(m.kind === "window_quantile" ? [m.day as string] : []), ...[m.of, m.to, m.minus].flatMap((x) => (x ? days_of(x as Measure) : []))];
}

const num = (x: number) => (!Number.isFinite(x) ? "—" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The report as a table a person reads. */
export function formatReport(r: CalibrationReport): string {
  const d = r.data;
  const head = `${d.synthetic ? "Synthetic fleet" : "Logs"}: ${d.users} users (${d.users_past_750} past 750 sessions), ${d.sessions.toLocaleString("en")} sessions, ${d.turns.toLocaleString("en")} turns, ${d.tool_calls.toLocaleString("en")} tool calls, ${d.first_day} to ${d.last_day}; calibration ${r.calibration}\n` +
    `F1 windows (interactive turns in the 7 days ending): ${r.windows.map((w) => `${w.day} ${w.turns.toLocaleString("en")}`).join(", ")}\n`;
  const table = (title: string, list: Recovered[]) => {
    const cells = list.map((x) => [x.ok === null ? " " : x.ok ? "✓" : "✗", x.id, x.published ?? "", x.aim === null ? "" : num(x.aim), x.pass ? `${x.pass.min ?? ""}..${x.pass.max ?? ""}` : "", num(x.value), `[${num(x.lo)}, ${num(x.hi)}]`, x.n.toLocaleString("en")]);
    const header = ["", "target", "published", "aim", "pass", "recovered", "95% interval", "n"];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => c.map((x, i) => (i >= 3 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ").trimEnd();
    return `\n${title}\n${line(header)}\n${cells.map(line).join("\n")}\n`;
  };
  const passed = (list: Recovered[]) => `${list.filter((t) => t.ok).length} of ${list.length} within their pass band`;
  const a = r.api.data;
  const api = `\nAPI agents (OpenTelemetry spans): ${a.users.toLocaleString("en")} end users, ${a.sessions.toLocaleString("en")} sessions, ${a.turns.toLocaleString("en")} agent runs, ${a.tool_calls.toLocaleString("en")} tool calls${a.sessions ? `, ${a.first_day} to ${a.last_day}` : ""}\n`;
  return (
    head + table(`Targets (${passed(r.targets)})`, r.targets) + table("Reported, not aimed at", r.reported) +
    api + table(`API targets (${passed(r.api.targets)})`, r.api.targets) + table("API, reported, not aimed at", r.api.reported)
  );
}
