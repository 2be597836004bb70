// Summaries of repeated measurements: the median with the spread around it.
export type Summary = {median: number; min: number; max: number; p95: number; runs: number};

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => {
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
  };
  return {median: at(0.5), min: sorted[0], max: sorted.at(-1)!, p95: at(0.95), runs: sorted.length};
}

export function fmt(x: number, digits = 2): string {
  return x.toFixed(digits);
}

/** "1.23 (1.10–1.40)": the median with its range; one run's value alone. */
export function spread(s: Summary, digits = 2, unit = ""): string {
  return s.runs === 1 ? `${fmt(s.median, digits)}${unit}` : `${fmt(s.median, digits)}${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;
}
