// `agent-autonomy calibrate`: each target of data/calibration.json beside what the pipeline
// recovers from the canonical tables, with its interval. Every value is read from the
// site's own aggregates, by the metrics' SQL, as the site publishes it: a target that
// names a published figure reads the one cell the findings registry compares that figure
// with (loaders/findings.ts), any other the cells it names, or a ratio or difference of
// two, whose interval comes from its sides' (stats.ts). This is the evidence the site
// cites for the synthetic fleet; it reads only the tables.
import type {DuckDBConnection} from "@duckdb/node-api";
import {comparisonOf, type Measure as CellMeasure} from "../findings.ts";
import {readPublished, type Calibration, type Measure, type Published, type Target} from "../generate/calibration.ts";
import {Rng} from "../generate/rng.ts";
import {connect} from "../site/aggregate.ts";
import {Aggregates, type Reading} from "../site/compare.ts";
import {combine, fromInterval, type Estimate} from "./stats.ts";
import {sqlString} from "../tables.ts";

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
  /** The aggregate cells it was read from. */
  cells: {metric: string; cell: Record<string, string | number>}[];
  /** The recovered value falls in the pass band (null when the target has none). */
  ok: boolean | null;
  /**
   * `recovered` when the 95% interval bears out the figure (and the value is in the band):
   * it holds the aim, or for a figure the study gives as "over" or "under" a number, it
   * lies wholly beyond it; `within band` when only the value is in the band (the bands are
   * wide); `outside band` else; null without a band.
   */
  verdict: Verdict | null;
};

export type Verdict = "recovered" | "within band" | "outside band";

export function verdictOf(ok: boolean | null, aim: number | null, lo: number, hi: number, bound?: string): Verdict | null {
  if (ok === null) return null;
  if (!ok) return "outside band";
  if (aim === null) return "within band";
  const borne = bound === "over" ? lo > aim : bound === "under" ? hi < aim : lo <= aim && aim <= hi;
  return borne ? "recovered" : "within band";
}

type Data = {users: number; sessions: number; turns: number; tool_calls: number; synthetic: boolean; first_day: string; last_day: string};

export type CalibrationReport = {
  calibration: string;
  /** The Claude Code fleet: the transcripts' rows. */
  data: Data & {users_past_750: number};
  /** Interactive turns in each 7-day window of F1 that a target reads. */
  windows: {day: string; turns: number}[];
  targets: Recovered[];
  reported: Recovered[];
  /** The API side: the rows of OpenTelemetry (agents' spans). */
  api: {data: Data; targets: Recovered[]; reported: Recovered[]};
};

async function rows(db: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

type Recovery = Estimate & {users: number; cells: (Reading & {metric: string})[]};

/** One measure's estimate, in the unit of its figure (or of its cell's scale). */
async function estimate(aggregates: Aggregates, m: Measure, rng: Rng): Promise<Recovery> {
  if ("published" in m) {
    const c = comparisonOf(m.published);
    if ("reference" in c) throw new Error(`calibration: ${m.published} is shown, never compared: it cannot be a target`);
    return estimate(aggregates, "ratio" in c ? {kind: "ratio", of: {kind: "cell", ...c.ratio.of}, to: {kind: "cell", ...c.ratio.to}} : {kind: "cell", ...c}, rng);
  }
  if (m.kind === "cell") {
    const cell: CellMeasure = m;
    const r = await aggregates.read(cell);
    if (!r) return {value: NaN, lo: NaN, hi: NaN, n: 0, replicates: [], users: 0, cells: []};
    return {...fromInterval(r.value, r.low, r.high, r.n, rng), users: r.users, cells: [{...r, metric: cell.metric}]};
  }
  const [a, b] = [await estimate(aggregates, m.of, rng), await estimate(aggregates, m.kind === "ratio" ? m.to : m.minus, rng)];
  return {...combine(a, b, m.kind === "ratio" ? (x, y) => x / y : (x, y) => x - y), users: Math.min(a.users, b.users), cells: [...a.cells, ...b.cells]};
}

/**
 * A target's verdict: "over 45" (a published figure's bound, or a target's own claim, as
 * "more than twice") is borne out by an interval beyond 45, whatever the generator aimed at.
 */
export function verdictFor(ok: boolean | null, aim: number | null, f: Published | undefined, lo: number, hi: number, claim?: Target["claim"]): Verdict | null {
  const said = claim ?? ((f?.bound === "over" || f?.bound === "under") && typeof f.value === "number" ? {bound: f.bound, value: f.value} : undefined);
  return said ? verdictOf(ok, said.value, lo, hi, said.bound) : verdictOf(ok, aim, lo, hi);
}

function statement(f: Published | undefined): string | null {
  if (!f) return null;
  const unit = f.unit === "%" || f.unit === "×" ? f.unit : ` ${f.unit}`;
  return `${f.bound ? `${f.bound} ` : ""}${Array.isArray(f.value) ? f.value.join(", ") : f.value}${unit}`;
}

async function recover(aggregates: Aggregates, t: Target, published: Map<string, Published>): Promise<Recovered> {
  const e = await estimate(aggregates, t.measure ?? {published: t.published!}, new Rng("calibrate").fork(t.id));
  const f = t.published ? published.get(t.published) : undefined;
  const ok = t.pass ? (t.pass.min === undefined || e.value >= t.pass.min) && (t.pass.max === undefined || e.value <= t.pass.max) : null;
  const aim = t.aim ?? (typeof f?.value === "number" ? f.value : null);
  return {
    id: t.id,
    label: f?.label ?? t.source ?? t.id,
    published: statement(f) ?? (t.derived ? t.derived.map((d) => `${d}: ${statement(published.get(d))}`).join("; ") : null),
    source: f ? `${f.source} (${f.provenance === "chart" ? "read off the chart" : f.provenance})` : t.derived ? "derived from the published figures" : (t.source ?? ""),
    aim,
    pass: t.pass ?? null,
    why: t.why ?? null,
    value: e.value,
    lo: e.lo,
    hi: e.hi,
    n: e.n,
    users: e.users,
    cells: e.cells.map(({metric, cell}) => ({metric, cell})),
    ok,
    verdict: verdictFor(ok, aim, f, e.lo, e.hi, t.claim)
  };
}

/** The report for the canonical tables in `dir`, against a calibration. */
export async function calibrationReport(dir: string, cal: Calibration): Promise<CalibrationReport> {
  const db = await connect(dir, 1);
  try {
    const aggregates = new Aggregates(db);
    const published = readPublished();
    const data = async (source: string) =>
      (
        await rows(
          db,
          `select count(distinct user_id)::INTEGER as users, count(*)::INTEGER as sessions, (select count(*) from turns where source = ${sqlString(source)})::INTEGER as turns,
            (select count(*) from tool_calls where source = ${sqlString(source)})::INTEGER as tool_calls, coalesce(bool_or(synthetic), false) as synthetic,
            strftime(min(started_at), '%Y-%m-%d') as first_day, strftime(max(started_at), '%Y-%m-%d') as last_day,
            (select count(*) from (select user_id from sessions where source = ${sqlString(source)} group by user_id having max(tenure) >= 750))::INTEGER as users_past_750
          from sessions where source = ${sqlString(source)}`
        )
      )[0];
    const all = async (list: Target[]) => {
      const out = [];
      for (const t of list) out.push(await recover(aggregates, t, published));
      return out;
    };
    const targets = await all(cal.targets);
    // The F1 windows the targets read, with the turns each holds: a p99.9 needs thousands.
    const windows = new Map<string, number>();
    for (const t of targets) {
      for (const c of t.cells) if (c.metric === "f1-turn-duration") windows.set(String(c.cell.day), await turnsIn(aggregates, c.cell));
    }
    const {users_past_750: _, ...api} = (await data("otel")) as CalibrationReport["data"];
    return {
      calibration: cal.hash,
      data: (await data("claude-code")) as CalibrationReport["data"],
      windows: [...windows].sort(([a], [b]) => a.localeCompare(b)).map(([day, turns]) => ({day, turns})),
      targets,
      reported: await all(cal.reported),
      api: {data: api, targets: await all(cal.api.targets), reported: await all(cal.api.reported)}
    };
  } finally {
    db.closeSync();
  }
}

async function turnsIn(aggregates: Aggregates, cell: Record<string, string | number>): Promise<number> {
  return (await aggregates.read({metric: "f1-turn-duration", cell, value: "turns"}))?.value ?? 0;
}

const num = (x: number) => (!Number.isFinite(x) ? "—" : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The report as a table a person reads. */
export function formatReport(r: CalibrationReport): string {
  const d = r.data;
  const head = `${d.synthetic ? "Synthetic fleet" : "Logs"}: ${d.users} users (${d.users_past_750} past 750 sessions), ${d.sessions.toLocaleString("en")} sessions, ${d.turns.toLocaleString("en")} turns, ${d.tool_calls.toLocaleString("en")} tool calls, ${d.first_day} to ${d.last_day}; calibration ${r.calibration}\n` +
    `F1 windows (interactive turns in the 7 days ending): ${r.windows.map((w) => `${w.day} ${w.turns.toLocaleString("en")}`).join(", ")}\n`;
  const table = (title: string, list: Recovered[]) => {
    const cells = list.map((x) => [x.verdict ?? "", x.id, x.published ?? "", x.aim === null ? "" : num(x.aim), x.pass ? `${x.pass.min ?? ""}..${x.pass.max ?? ""}` : "", num(x.value), `[${num(x.lo)}, ${num(x.hi)}]`, x.n.toLocaleString("en")]);
    const header = ["", "target", "published", "aim", "pass", "recovered", "95% interval", "n"];
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: string[]) => c.map((x, i) => (i >= 3 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ").trimEnd();
    return `\n${title}\n${line(header)}\n${cells.map(line).join("\n")}\n`;
  };
  const passed = (list: Recovered[]) => `${list.filter((t) => t.verdict === "recovered").length} recovered (the interval holds the aim), ${list.filter((t) => t.verdict === "within band").length} within band only, ${list.filter((t) => t.verdict === "outside band").length} outside, of ${list.length}`;
  const a = r.api.data;
  const api = `\nAPI agents (OpenTelemetry spans): ${a.users.toLocaleString("en")} end users, ${a.sessions.toLocaleString("en")} sessions, ${a.turns.toLocaleString("en")} agent runs, ${a.tool_calls.toLocaleString("en")} tool calls${a.sessions ? `, ${a.first_day} to ${a.last_day}` : ""}\n`;
  return (
    head + table(`Targets (${passed(r.targets)})`, r.targets) + table("Reported, not aimed at", r.reported) +
    api + table(`API targets (${passed(r.api.targets)})`, r.api.targets) + table("API, reported, not aimed at", r.api.reported)
  );
}
