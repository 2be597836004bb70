// Intervals for the calibration report: Wilson for rates, the bootstrap for quantiles,
// the normal interval for means; each estimate also carries bootstrap replicates, so that
// a ratio or difference of two estimates gets its interval from theirs.
import {Rng} from "../generate/rng.ts";

export const Z95 = 1.959964;
/** Bootstrap resamples per estimate. */
export const REPLICATES = 400;

export type Estimate = {value: number; lo: number; hi: number; n: number; replicates: number[]};

function percentile(xs: number[], q: number): number {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return quantileSorted(s, q);
}

/** DuckDB's quantile_cont: linear interpolation at position (n − 1)·q of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

export function wilson(successes: number, n: number, rng: Rng): Estimate {
  if (n === 0) return {value: NaN, lo: NaN, hi: NaN, n, replicates: []};
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const sd = Math.sqrt((p * (1 - p)) / n);
  return {value: p, lo: centre - half, hi: centre + half, n, replicates: Array.from({length: REPLICATES}, () => p + sd * rng.normal())};
}

export function mean(values: number[], rng: Rng): Estimate {
  const n = values.length;
  if (n === 0) return {value: NaN, lo: NaN, hi: NaN, n, replicates: []};
  const m = values.reduce((a, b) => a + b, 0) / n;
  const se = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, n - 1) / n);
  return {value: m, lo: m - Z95 * se, hi: m + Z95 * se, n, replicates: Array.from({length: REPLICATES}, () => m + se * rng.normal())};
}

/**
 * The q-quantile with a percentile-bootstrap interval. A resample of sorted values is
 * drawn as counts per position, so each replicate costs O(n), not a sort.
 */
export function bootstrapQuantile(values: number[], q: number, rng: Rng): Estimate {
  const n = values.length;
  if (n === 0) return {value: NaN, lo: NaN, hi: NaN, n, replicates: []};
  const sorted = Float64Array.from(values).sort();
  const counts = new Uint32Array(n);
  const h = (n - 1) * q;
  const want = [Math.floor(h), Math.min(n - 1, Math.floor(h) + 1)];
  const replicates = Array.from({length: REPLICATES}, () => {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * n)]++;
    const at: number[] = [];
    let seen = 0;
    for (let j = 0, k = 0; j < n && k < 2; j++) {
      seen += counts[j];
      while (k < 2 && seen > want[k]) at[k++] = sorted[j];
    }
    return at[0] + (h - Math.floor(h)) * (at[1] - at[0]);
  });
  return {value: quantileSorted(sorted, q), lo: percentile(replicates, 0.025), hi: percentile(replicates, 0.975), n, replicates};
}

/** An estimate computed from two others (a ratio, a difference), with its interval from their replicates. */
export function combine(a: Estimate, b: Estimate, f: (x: number, y: number) => number): Estimate {
  const replicates = a.replicates.map((x, i) => f(x, b.replicates[i]));
  return {value: f(a.value, b.value), lo: percentile(replicates, 0.025), hi: percentile(replicates, 0.975), n: Math.min(a.n, b.n), replicates};
}
