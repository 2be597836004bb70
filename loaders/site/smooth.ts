// The LOWESS smoother the study draws F2 and F3 with (bandwidth 0.15, on a log x axis),
// with a 95% band from a bootstrap that resamples users, not points: one user's sessions
// are not independent of each other. The fit is vega-statistics' `regressionLoess`.
//
// The band is the fit ± 1.96 standard deviations of the resampled fits (the normal
// bootstrap interval), not their 2.5th and 97.5th percentiles: a percentile that far out
// needs a thousand resamples or more to be read steadily (of 40, it is the first or the
// second), and a fit costs about 60 ms. A standard deviation from 100 resamples is within
// about 7% of its value (1/√(2·99)), which is the band's own uncertainty.
//
// The input is a metric's point SQL (loaders/metrics/<name>.sql: user_id, the cell
// columns, x, y); points are never published, only the curve on a grid of x. The curve
// stops where fewer than `min_users` users reach further along x, so no stretch of it
// rests on fewer people than a published cell may.
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {randomLCG, regressionLoess} from "vega-statistics";
import {metricSql, statement} from "../metrics/sql.ts";
import {connect} from "./aggregate.ts";
import {builtTables} from "./built.ts";

export type SmoothOptions = {
  /** The columns whose values (and '(all)' for each) make the cells: every combination, as CUBE makes them. */
  cells: readonly string[];
  bandwidth?: number;
  /** Points a fit uses at most: a seeded sample of them when there are more (default 5,000). */
  maxPoints?: number;
  resamples?: number;
  gridSize?: number;
};

type Point = {user: string; x: number; y: number};

function sample<T>(items: T[], n: number, random: () => number): T[] {
  if (items.length <= n) return items;
  const out = items.slice(0, n);
  for (let i = n; i < items.length; i++) {
    const j = Math.floor(random() * (i + 1));
    if (j < n) out[j] = items[i];
  }
  return out;
}

/** The fit on log10(x), read at each grid x by linear interpolation between fitted x's. */
function fit(points: Point[], grid: number[], bandwidth: number): number[] {
  const curve = regressionLoess(points, (d: Point) => Math.log10(d.x), (d: Point) => d.y, bandwidth) as [number, number][];
  return grid.map((x) => {
    const lx = Math.log10(x);
    let i = curve.findIndex(([cx]) => cx >= lx);
    if (i === -1) return curve.at(-1)![1];
    if (i === 0) return curve[0][1];
    const [x0, y0] = curve[i - 1];
    const [x1, y1] = curve[i];
    return y0 + ((lx - x0) / (x1 - x0)) * (y1 - y0);
  });
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
  const byUser = new Map<string, Point[]>();
  for (const p of points) (byUser.get(p.user) ?? byUser.set(p.user, []).get(p.user)!).push(p);
  if (byUser.size < minUsers) return [];
  // The furthest x that at least `minUsers` users reach.
  const reach = [...byUser.values()].map((ps) => Math.max(...ps.map((p) => p.x))).sort((a, b) => b - a);
  const top = reach[minUsers - 1];
  const grid = [...new Set(Array.from({length: opts.gridSize}, (_, i) => Math.round(Math.pow(top, i / (opts.gridSize - 1)))))];
  const random = randomLCG(seed);
  const center = fit(sample(points, opts.maxPoints, random), grid, opts.bandwidth);
  const users = [...byUser.keys()];
  const draws: number[][] = grid.map(() => []);
  for (let r = 0; r < opts.resamples; r++) {
    const resample: Point[] = [];
    for (let i = 0; i < users.length; i++) resample.push(...byUser.get(users[Math.floor(random() * users.length)])!);
    fit(sample(resample, opts.maxPoints, random), grid, opts.bandwidth).forEach((y, i) => draws[i].push(y));
  }
  return grid.map((x, i) => {
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const half = draws[i].length > 1 ? 1.96 * standardDeviation(draws[i]) : null;
    return {x, fit: clamp(center[i]), low: half === null ? null : clamp(center[i] - half), high: half === null ? null : clamp(center[i] + half)};
  });
}

/** Fits the smoother for every cell of a point SQL and writes the curves as Parquet to stdout. */
export async function writeSmoothed(name: string, options: SmoothOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  // A LOWESS costs n × 0.15n per fit, and the band needs dozens of fits: each fit takes a
  // seeded sample of 5,000 points, whose local windows of 750 points still pin a share to
  // about ±1.5 points, and the bootstrap's band includes that sampling.
  const opts = {bandwidth: 0.15, maxPoints: 5_000, resamples: 100, gridSize: 60, ...options};
  const {dir, origin} = builtTables();
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
