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

/** A figure as a value, its source and its provenance, for `comparison()`. */
export function cited(p: PublishedFigures, id: string, value?: string): {value: string; source: string; provenance: string} {
  const f = figure(p, id);
  const shown = value ?? `${f.bound ? `${f.bound} ` : ""}${Array.isArray(f.value) ? f.value.join(", ") : f.value}${f.unit === "%" ? "%" : ` ${f.unit}`}`;
  return {value: shown, source: `${f.source}: ${f.label}`, provenance: p.provenance[f.provenance] ?? f.provenance};
}

/** A share as a percentage with its interval, or a dash where no cell is shown. */
export function percent(share: number | null | undefined, low?: number | null, high?: number | null, digits = 1): string {
  if (share == null || Number.isNaN(share)) return "—";
  const main = `${(100 * share).toFixed(digits)}%`;
  return low == null || high == null ? main : `${main} (${(100 * low).toFixed(digits)}–${(100 * high).toFixed(digits)}%)`;
}
