// The interval of a ratio or a difference of two estimates, each read with its 95%
// interval from an aggregate: each side is drawn as bootstrap-like replicates, normal
// around its value with the spread its interval gives, and the combination's interval is
// the percentile interval of the combined replicates.
import {Rng} from "../generate/rng.ts";

/** The z of a two-sided 95% interval, as loaders/metrics/macros.sql writes it. */
const Z95 = 1.96;
/** Replicates per estimate. */
export const REPLICATES = 400;

export type Estimate = {value: number; lo: number; hi: number; n: number; replicates: number[]};

function percentile(xs: number[], q: number): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < s.length ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
}

/** An estimate from a value and its interval (NaN where the aggregate gives none, and then no replicates). */
export function fromInterval(value: number | null, lo: number | null, hi: number | null, n: number | null, rng: Rng): Estimate {
  const v = value ?? NaN;
  if (lo === null || hi === null) return {value: v, lo: NaN, hi: NaN, n: n ?? NaN, replicates: []};
  const sd = (hi - lo) / (2 * Z95);
  return {value: v, lo, hi, n: n ?? NaN, replicates: Array.from({length: REPLICATES}, () => v + sd * rng.normal())};
}

/** An estimate computed from two others (a ratio, a difference), with its interval from their replicates. */
export function combine(a: Estimate, b: Estimate, f: (x: number, y: number) => number): Estimate {
  const replicates = a.replicates.length && b.replicates.length ? a.replicates.map((x, i) => f(x, b.replicates[i])) : [];
  return {value: f(a.value, b.value), lo: percentile(replicates, 0.025), hi: percentile(replicates, 0.975), n: Math.min(a.n, b.n), replicates};
}
