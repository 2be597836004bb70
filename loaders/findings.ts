// The findings registry: for each figure the study published (data/published.json, by id),
// the one cell of our aggregates it is compared with. Every place that sets a published
// figure beside ours reads it here: the finding's page and the home page (through the
// comparisons loader, src/data/comparisons.json.ts) and the calibration report
// (loaders/calibrate/report.ts). So each figure is compared on one cell, everywhere, by the
// metric's own SQL. How a cell is read is in loaders/site/compare.ts.

/**
 * A row of an aggregate, by the values of its dimensions. A value is the dimension's value;
 * a list is an order of preference (the first value the aggregate holds: F6 to F8 are of
 * API traffic, so the agents seen through OpenTelemetry where the data has any, else all
 * sources); `{nearest}` is the row whose date is nearest to it (the study's dates, on logs
 * of other dates).
 */
export type Cell = Record<string, string | number | readonly string[] | {nearest: string}>;

/** A value of one aggregate's cell: its column, and the columns of its 95% interval and of what it counts. */
export type Measure = {
  /** The aggregate: loaders/metrics/<metric>.sql. */
  metric: string;
  cell: Cell;
  value: string;
  low?: string;
  high?: string;
  /** How many turns, sessions, calls or stops the value is drawn from. */
  n?: string;
  /** The factor from the column's unit to the figure's: 100 for a share in %, 1/60 for seconds in minutes. */
  scale?: number;
};

export type Comparison =
  /** Compared with one cell; `note` says in words what the cell holds. */
  | ({id: string; note: string} & Measure)
  /** Compared with the ratio of two cells (a published "2×"). */
  | {id: string; note: string; ratio: {of: Measure; to: Measure}}
  /** Shown beside ours, never compared: `reference` says why. */
  | {id: string; reference: string};

const PERCENT = {scale: 100};
const MINUTES = {scale: 1 / 60};
// The study measured Claude Code: its figures are compared on Claude Code's cells where the
// data has any (Codex's sit beside them on the pages, never in the comparison), else on all
// agents'. Its Claude Code figures are of interactive sessions.
const CLAUDE_CODE = ["claude-code", "(all)"] as const;
const INTERACTIVE_TURNS = {model: "(all)", sessions: "interactive", agent: CLAUDE_CODE};
const API_FIRST = ["otel", "(all)"] as const;

const f1 = (id: string, day: string, column: "p999_s" | "p50_s", note: string): Comparison => ({
  id,
  metric: "f1-turn-duration",
  cell: {...INTERACTIVE_TURNS, grain: "window", day: {nearest: day}},
  value: column,
  ...(column === "p999_s" ? {low: "p999_low_s", high: "p999_high_s", ...MINUTES} : {}),
  n: "turns",
  note
});

/** A share of the aggregate's `share` column, with its Wilson interval, in percent. */
const share = (id: string, metric: string, cell: Cell, n: string, note: string): Comparison => ({id, metric, cell, value: "share", low: "low", high: "high", n, ...PERCENT, note});

const tenure = (id: string, metric: string, cell: Cell, n: string, note: string) => share(id, metric, {...cell, sessions: "interactive", agent: CLAUDE_CODE}, n, note);

const f4 = (complexity: string, who: "agent" | "human"): Comparison => ({
  id: `f4.${complexity}.${who}`,
  metric: "f4-stops",
  cell: {complexity, sessions: "interactive", agent: CLAUDE_CODE, tenure: "(all)"},
  value: `${who}_rate`,
  low: `${who}_low`,
  high: `${who}_high`,
  n: "turns",
  ...PERCENT,
  note: `${who === "agent" ? "agent-initiated stops" : "turns the person interrupted"} per turn, ${complexity} complexity, interactive sessions`
});

const f5 = (kind: "agent" | "human", reason: string) =>
  share(`f5.${kind}.${reason}`, "f5-reasons", {kind, reason, complexity: "(all)", sessions: "interactive", agent: CLAUDE_CODE}, "of_kind", `of all ${kind === "agent" ? "agent-initiated stops" : "human interrupts"} in interactive sessions`);

const f6 = (complexity: string) =>
  share(`f6.${complexity}`, "f6-involvement", {complexity, source: API_FIRST, sessions: "(all)"}, "known", `tool calls with a person involved, ${complexity}-complexity tasks`);

const f7 = (id: string, prefix: string, n: string, note: string): Comparison => ({
  id,
  metric: "f7-safeguards",
  cell: {source: API_FIRST},
  value: `${prefix}_share`,
  low: `${prefix}_low`,
  high: `${prefix}_high`,
  n,
  ...PERCENT,
  note
});

const f8 = (domain: string) => share(`f8.${domain}`, "f8-domains", {domain, source: API_FIRST, period: "(all)"}, "of_all", "of all tool calls, the whole period");

const f10 = (measure: string, month: string, complexity: string): Measure => ({
  metric: "f10-outcomes",
  cell: {measure, complexity, agent: CLAUDE_CODE, grain: "month", month: {nearest: month}},
  value: "value",
  low: "low",
  high: "high",
  n: "n"
});

export const COMPARISONS: readonly Comparison[] = [
  f1("f1.p999.start", "2025-09-28", "p999_s", "p99.9 of interactive turns in the 7 days ending nearest the study's late September"),
  f1("f1.p999.end", "2026-01-07", "p999_s", "p99.9 of interactive turns in the 7 days ending nearest the study's early January"),
  // The study's median holds across its chart; we read it in the window of its last p99.9.
  f1("f1.p50", "2026-01-07", "p50_s", "median of interactive turns in the 7 days ending nearest the study's early January"),
  // Quoted against METR, near the study's publication.
  f1("f1.p999.metr", "2026-02-10", "p999_s", "p99.9 of interactive turns in the 7 days ending nearest 10 February 2026"),
  // The study's "fewer than 50 sessions": a user's first 50 sessions, pooled (tenure 0–49).
  tenure("f2.new", "f2-auto-approve", {grain: "first 50", bucket: "0–49"}, "known", "sessions with full auto-approve, a user's first 50 sessions"),
  tenure("f2.experienced", "f2-auto-approve", {grain: "bucket", bucket: "750+"}, "known", "sessions with full auto-approve, from a user's 751st session on"),
  // "About 10 sessions": the half-octave bin that holds the 10th session (8 to 11).
  tenure("f3.new", "f3-interrupts", {grain: "bin", position: 6}, "turns", "turns interrupted, a user's sessions 8 to 11"),
  tenure("f3.experienced", "f3-interrupts", {grain: "bucket", bucket: "750+"}, "turns", "turns interrupted, from a user's 751st session on"),
  f4("high", "agent"),
  f4("high", "human"),
  f4("minimal", "agent"),
  f4("minimal", "human"),
  ...["offer_choice", "gather_diagnostics", "clarify_request", "credentials_access", "approval"].map((r) => f5("agent", r)),
  ...["missing_context", "slow_or_excessive", "enough_help", "do_it_myself", "change_requirements"].map((r) => f5("human", r)),
  f6("minimal"),
  f6("high"),
  f7("f7.safeguard", "safeguard", "known_safeguard", "tool calls with at least one safeguard"),
  f7("f7.human_in_loop", "human", "known_human", "tool calls with a person in the loop"),
  f7("f7.irreversible", "irreversible", "known_reversible", "tool calls judged irreversible"),
  ...["exfiltration", "sodium", "medical", "fire", "deploy"].map((c) => ({
    id: `f7.cluster.${c}`,
    reference: "a cluster of the study's own API traffic; ours are clusters of our calls, drawn beside it"
  })),
  ...["software_engineering", "back_office", "other", "marketing", "sales_crm", "finance", "data_analysis", "academic_research", "cybersecurity", "customer_service", "gaming", "documents", "education", "ecommerce", "healthcare", "legal", "travel_logistics"].map(f8),
  // The study sets its p99.9 beside Opus 4.5's horizon: Opus 4.5's turns since its release,
  // where the data has them.
  {id: "f9.p999", metric: "f9-overhang", cell: {period: ["since Opus 4.5", "whole period"], model: ["claude-opus-4-5-20251101", "(all)"], agent: CLAUDE_CODE}, value: "p999_min", low: "p999_low_min", high: "p999_high_min", n: "turns", note: "p99.9 of interactive turns of Claude Opus 4.5 since its release (24 November 2025), where the data has them"},
  {id: "f9.metr.opus45", reference: "METR's measure of a model, not of logs: the study sets it beside the p99.9"},
  // The study's footnote: success on the hardest tasks doubled from August to December 2025.
  {id: "f10.success", ratio: {of: f10("success", "2025-12", "high"), to: f10("success", "2025-08", "high")}, note: "success of high-complexity turns, the month nearest December 2025 over the month nearest August 2025"},
  {id: "f10.interventions.start", ...f10("interventions per session", "2025-08", "(all)"), note: "interventions per session, the month nearest August 2025"},
  {id: "f10.interventions.end", ...f10("interventions per session", "2025-12", "(all)"), note: "interventions per session, the month nearest December 2025"}
];

export function comparisonOf(id: string): Comparison {
  const c = COMPARISONS.find((d) => d.id === id);
  if (!c) throw new Error(`no comparison for the published figure ${id}`);
  return c;
}
