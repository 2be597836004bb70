// The LOWESS smoother the study draws F2 and F3 with (bandwidth 0.15, on a log x axis),
// with a 95% band from a bootstrap that resamples users, not points: one user's sessions
// are not independent of each other. The fit is `fit` below.
//
// The band is the fit ± 1.96 standard deviations of the resampled fits (the normal
// bootstrap interval), not their 2.5th and 97.5th percentiles: a percentile that far out
// needs a thousand resamples or more to be read steadily (of 40, it is the first or the
// second), and each fit reads every point of the cell. A standard deviation from 100
// resamples is within about 7% of its value (1/√(2·99)), which is the band's own
// uncertainty. A resample weighs each point by how often its user was drawn, rather than
// copying the points: the same fit, on one sorted array.
//
// The input is a metric's point SQL (loaders/metrics/<name>.sql: user_id, the cell
// columns, x, y); points are never published, only the curve on a grid of x. The curve
// stops where fewer than `min_users` users reach further along x, so no stretch of it
// rests on fewer people than a published cell may. On a site built from one person's own
// logs, a curve of one person would swing from session to session: the curve is then the
// embedded default's (built.ts, `population`), which their own points are drawn over.
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {metricSql, statement} from "../metrics/sql.ts";
import {connect} from "./aggregate.ts";
import {builtTables} from "./built.ts";

export type SmoothOptions = {
  /** The columns whose values (and '(all)' for each) make the cells: every combination, as CUBE makes them. */
  cells: readonly string[];
  bandwidth?: number;
  resamples?: number;
  gridSize?: number;
};

type Point = {user: string; x: number; y: number};

/**
 * A cell's points sorted once by log10(x), those of one user at one x as one (their
 * count, and the sum of their y: a session's turns are one point of F3's), each with the
 * index of its user: every fit of the bootstrap weighs them anew.
 */
export type Sorted = {x: Float64Array; count: Float64Array; ySum: Float64Array; user: Int32Array; users: number};

export function sortPoints(points: readonly Point[]): Sorted {
  const ids = new Map<string, number>();
  const groups = new Map<string, {x: number; user: number; count: number; ySum: number}>();
  for (const p of points) {
    const user = ids.get(p.user) ?? ids.set(p.user, ids.size).get(p.user)!;
    const key = `${user} ${p.x}`;
    const g = groups.get(key) ?? groups.set(key, {x: p.x, user, count: 0, ySum: 0}).get(key)!;
    g.count++;
    g.ySum += p.y;
  }
  const sorted = [...groups.values()].sort((a, b) => a.x - b.x || a.user - b.user);
  return {
    x: Float64Array.from(sorted, (g) => Math.log10(g.x)),
    count: Float64Array.from(sorted, (g) => g.count),
    ySum: Float64Array.from(sorted, (g) => g.ySum),
    user: Int32Array.from(sorted, (g) => g.user),
    users: ids.size
  };
}

const tricube = (u: number) => (1 - u * u * u) ** 3;

/** In a sorted array, the first index whose value is above `v` (`right`), or at least `v`; the length if none is. */
function bisect(values: ArrayLike<number>, v: number, right: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < v || (right && values[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The LOWESS fit on log10(x), read at each grid x: a line fitted by weighted least squares
 * to the `bandwidth` share of points nearest that x (with any tied with the farthest),
 * weighted by the tricube of their distance over the farthest one's, as Cleveland's
 * LOWESS fits each point. Without the robustness iterations that LOWESS code runs by
 * default: they down-weight points far from the fit as outliers, and on outcomes of 0 and
 * 1 the rarer value is all such points, so a share of 7% came out at 0.
 *
 * `times`: how many times each point counts (a bootstrap resample draws a user's points as
 * often as it draws the user); once each when absent.
 */
export function fit(points: Sorted, grid: readonly number[], bandwidth: number, times?: Float64Array): number[] {
  const {x, count, ySum} = points;
  const n = x.length;
  // before[i]: how many points, counted with their times, come before point i.
  const before = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) before[i + 1] = before[i] + count[i] * (times ? times[i] : 1);
  const total = before[n];
  const k = Math.min(total, Math.max(2, Math.floor(bandwidth * total)));
  // The x of the e-th point, counting each point its times.
  const xAt = (e: number) => x[bisect(before, e, true) - 1];
  const span = x[n - 1] - x[0];
  return grid.map((g) => {
    const at = Math.log10(g);
    // The k nearest: the first start whose farthest point on the left is no farther than
    // the point just past them on the right.
    let lo = 0;
    let hi = total - k;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (at - xAt(mid) > xAt(mid + k) - at) lo = mid + 1;
      else hi = mid;
    }
    const d = Math.max(at - xAt(lo), xAt(lo + k - 1) - at);
    const end = bisect(x, at + d, true);
    const from = bisect(x, at - d, false);
    // `flat`: every point of the window weighs the same, where all of them lie at its edge
    // (the tricube gives each 0: a grid x past a cluster of tied points).
    const sums = (flat: boolean) => {
      let w = 0, wx = 0, wy = 0, wxx = 0, wxy = 0;
      for (let i = from; i < end; i++) {
        const t = times ? times[i] : 1;
        if (!t) continue;
        // The point's weight, once for each of its points: their y's enter as their sum.
        const each = t * (flat || d === 0 ? 1 : tricube(Math.min(1, Math.abs(x[i] - at) / d)));
        w += each * count[i];
        wx += each * count[i] * x[i];
        wy += each * ySum[i];
        wxx += each * count[i] * x[i] * x[i];
        wxy += each * ySum[i] * x[i];
      }
      return {w, wx, wy, wxx, wxy};
    };
    const tricubed = sums(false);
    const {w, wx, wy, wxx, wxy} = tricubed.w > 0 ? tricubed : sums(true);
    const mx = wx / w;
    const my = wy / w;
    const sxx = wxx - w * mx * mx;
    // Where the window's x barely vary (all at one session number), the line is its mean.
    const slope = sxx > w * (1e-3 * span) ** 2 ? (wxy - w * mx * my) / sxx : 0;
    return my + slope * (at - mx);
  });
}

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32): the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from a cell's name (FNV-1a): the same on every run. */
function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function standardDeviation(xs: number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

export function smoothCell(points: Point[], minUsers: number, opts: Required<Omit<SmoothOptions, "cells">>, seed: number) {
  const sorted = sortPoints(points);
  if (sorted.users < minUsers) return [];
  // The furthest x that at least `minUsers` users reach.
  const furthest = new Float64Array(sorted.users);
  sorted.user.forEach((u, i) => (furthest[u] = Math.max(furthest[u], sorted.x[i])));
  const top = Math.round(10 ** [...furthest].sort((a, b) => b - a)[minUsers - 1]);
  const grid = [...new Set(Array.from({length: opts.gridSize}, (_, i) => Math.round(Math.pow(top, i / (opts.gridSize - 1)))))];
  const center = fit(sorted, grid, opts.bandwidth);
  const random = seeded(seed);
  const draws: number[][] = grid.map(() => []);
  const drawn = new Float64Array(sorted.users);
  const times = new Float64Array(sorted.x.length);
  for (let r = 0; r < opts.resamples; r++) {
    // A resample of users, with replacement: each point counts as often as its user is drawn.
    drawn.fill(0);
    for (let i = 0; i < sorted.users; i++) drawn[Math.floor(random() * sorted.users)]++;
    sorted.user.forEach((u, i) => (times[i] = drawn[u]));
    fit(sorted, grid, opts.bandwidth, times).forEach((y, i) => draws[i].push(y));
  }
  return grid.map((x, i) => {
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const half = draws[i].length > 1 ? 1.96 * standardDeviation(draws[i]) : null;
    return {x, fit: clamp(center[i]), low: half === null ? null : clamp(center[i] - half), high: half === null ? null : clamp(center[i] + half)};
  });
}

/** Fits the smoother for every cell of a point SQL and writes the curves as Parquet to stdout. */
export async function writeSmoothed(name: string, options: SmoothOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const opts = {bandwidth: 0.15, resamples: 100, gridSize: 60, ...options};
  // On one person's own site the curve is the population's, drawn behind their points.
  const built = builtTables();
  const {dir, origin} = built.population ?? built;
  const db = await connect(dir, origin.minUsers);
  const tmp = mkdtempSync(join(tmpdir(), "smooth-"));
  try {
    const columns = opts.cells;
    const rows = (await db.runAndReadAll(`select user_id, ${columns.map((c) => `${c}::VARCHAR as ${c}`).join(", ")}, x::DOUBLE as x, y::DOUBLE as y from (${statement(metricSql(name))})`)).getRowObjectsJS();
    // Each point joins every cell it falls in: each column at its own value or at '(all)'.
    const cells = new Map<string, {values: string[]; points: Point[]}>();
    for (const r of rows) {
      const p = {user: String(r.user_id), x: Number(r.x), y: Number(r.y)};
      for (let mask = 0; mask < 1 << columns.length; mask++) {
        const values = columns.map((c, i) => (mask & (1 << i) ? "(all)" : String(r[c])));
        const key = JSON.stringify(values);
        (cells.get(key) ?? cells.set(key, {values, points: []}).get(key)!).points.push(p);
      }
    }
    await db.run(`create table curve (${columns.map((c) => `${c} VARCHAR`).join(", ")}, x DOUBLE, fit DOUBLE, low DOUBLE, high DOUBLE)`);
    for (const key of [...cells.keys()].sort()) {
      const {values, points} = cells.get(key)!;
      // Seeded by the cell's own name, so a cell's curve does not move when others come or go.
      const curve = smoothCell(points, origin.minUsers, opts, seedOf(key));
      const appender = await db.createAppender("curve");
      for (const c of curve) {
        for (const v of values) appender.appendVarchar(v);
        appender.appendDouble(c.x);
        appender.appendDouble(c.fit);
        if (c.low === null) appender.appendNull(); else appender.appendDouble(c.low);
        if (c.high === null) appender.appendNull(); else appender.appendDouble(c.high);
        appender.endRow();
      }
      appender.closeSync();
    }
    const file = join(tmp, `${name}.parquet`);
    await db.run(`copy (select * from curve order by ${columns.join(", ")}, x) to '${file}' (format parquet, compression zstd)`);
    await pipeline(createReadStream(file), out, {end: false});
  } finally {
    db.closeSync();
    rmSync(tmp, {recursive: true, force: true});
  }
}
