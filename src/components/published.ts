// The study's published figures (data/published.json): one figure by id, and the words
// the "Published vs ours" cards use for it.
export type Figure = {
  id: string;
  finding: string;
  value: number | number[];
  unit: string;
  bound?: string;
  range?: [number, number];
  /** Our reading of a date the study gives in words (ISO). */
  at?: string;
  label: string;
  source: string;
  provenance: string;
};
export type PublishedFigures = {study: {title: string; url: string; date: string}; provenance: Record<string, string>; figures: Figure[]};

export function figure(p: PublishedFigures, id: string): Figure {
  const f = p.figures.find((d) => d.id === id);
  if (!f) throw new Error(`no published figure ${id}`);
  return f;
}

/** A figure's unit as it follows a number: "20%", "2×", "45 min". */
const unitOf = (f: Figure) => (f.unit === "%" || f.unit === "×" ? f.unit : ` ${f.unit}`);

/** A figure as a value, its source and its provenance, for `comparison()`. */
export function cited(p: PublishedFigures, id: string, value?: string): {value: string; source: string; provenance: string} {
  const f = figure(p, id);
  const shown = value ?? `${f.bound ? `${f.bound} ` : ""}${Array.isArray(f.value) ? f.value.join(", ") : f.value}${unitOf(f)}`;
  return {value: shown, source: `${f.source}: ${f.label}`, provenance: p.provenance[f.provenance] ?? f.provenance};
}

/** Our side of a comparison, as the comparisons loader gives it (loaders/site/compare.ts). */
export type Compared = {
  id: string;
  note: string | null;
  reference: string | null;
  ours: {value: number | null; low: number | null; high: number | null; n: number | null; users: number} | null;
  readings: {value: number | null; low: number | null; high: number | null; n: number | null; users: number; cell: Record<string, string | number>; sql: string}[];
  /** Why ours has no value: its cell is under the publication threshold, the logs hold none, or nothing in it records the measure (src/data/comparisons.json.ts); null where it has one. */
  missing: Missing | null;
  /** What agreement means on this data (src/data/comparisons.json.ts); null where the figure is not compared. */
  basis: "input" | "calibrated" | "synthetic" | "measured" | null;
  /** On the embedded default: what the null and paraphrased fleets recover (data/circularity.json). */
  circular: {null: Estimate | null; paraphrased: Estimate | null; input: boolean | null; words: boolean | null} | null;
};

export type Estimate = {value: number | null; low: number | null; high: number | null};

/** Why ours has no value: its cell is drawn from fewer people than `minUsers`, the logs hold no such cell, or none of what the cell counts records the measure. */
export type Missing = {reason: "threshold" | "absent" | "unrecorded"; minUsers: number};

/** The same, in the few words a table's cell has room for. */
export const missingWords = (m: Missing) => ({threshold: `not shown (< ${m.minUsers} people)`, absent: "none in these logs", unrecorded: "not recorded in these logs"})[m.reason];

export function compared(all: Compared[], id: string): Compared {
  const c = all.find((d) => d.id === id);
  if (!c) throw new Error(`no comparison for ${id}`);
  return c;
}

/** Our value in the figure's unit, with its interval where the aggregate has one: the same text on every page. */
export function ours(f: Figure, c: Compared): string {
  return c.reference ? "not compared" : c.missing ? missingWords(c.missing) : estimate(f, c.ours);
}

/** An estimate in a figure's unit, with its interval where it has one. */
export function estimate(f: Figure, o: Estimate | null): string {
  if (!o || o.value === null || Number.isNaN(o.value)) return "—";
  const digits = f.unit === "%" ? (Math.abs(o.value) < 1 ? 2 : 1) : f.unit === "s" ? 0 : f.unit === "×" ? 2 : 1;
  const n = (x: number) => x.toFixed(digits);
  const unit = unitOf(f);
  const pct = f.unit === "%" ? "%" : "";
  // An interval with a lower end only: too few values for a 95% upper bound (a p99.9 of
  // fewer than 3,688 turns), which is said rather than left out.
  if (o.low !== null && o.high === null) return `${n(o.value)}${unit} (≥ ${n(o.low)}${pct}; too few for a 95% upper bound)`;
  return o.low === null || o.high === null ? `${n(o.value)}${unit}` : `${n(o.value)}${unit} (${n(o.low)}–${n(o.high)}${pct})`;
}

/** A share as a percentage with its interval, or a dash where no cell is shown. */
export function percent(share: number | null | undefined, low?: number | null, high?: number | null, digits = 1): string {
  if (share == null || Number.isNaN(share)) return "—";
  const main = `${(100 * share).toFixed(digits)}%`;
  return low == null || high == null ? main : `${main} (${(100 * low).toFixed(digits)}–${(100 * high).toFixed(digits)}%)`;
}
