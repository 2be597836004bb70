// Shares as horizontal bars with their 95% intervals, and the study's published share of
// the same category as a marker: F5's reasons and F8's domains.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type ShareRow = {label: string; share: number; low: number; high: number; n: number; users: number; published?: number | null};

export function sharesChart(rows: ShareRow[], {width, x = {label: "Share"}, height}: {width: number; x?: {label: string}; height?: number}) {
  const withPublished = rows.filter((d) => d.published != null);
  return Plot.plot({
    width,
    height: height ?? 40 + 28 * rows.length,
    marginLeft: Math.min(260, width * 0.45),
    x: {label: `${x.label} →`, percent: true, grid: true},
    y: {label: null, domain: rows.map((d) => d.label)},
    marks: [
      Plot.barX(rows, {y: "label", x: "share", fill: "var(--theme-ours)", fillOpacity: 0.8}),
      Plot.ruleY(rows, {y: "label", x1: "low", x2: "high", stroke: "currentColor", strokeOpacity: 0.7}),
      Plot.dot(withPublished, {y: "label", x: "published", symbol: "diamond", r: 5, fill: "var(--theme-published)"}),
      Plot.tip(rows, Plot.pointerY({y: "label", x: "share", title: (d: ShareRow) => `${d.label}: ${(100 * d.share).toFixed(1)}% (${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%)${d.published != null ? `\npublished: ${(100 * d.published).toFixed(1)}%` : ""}\n${count(d.n)} counted, ${d.users} users`}))
    ]
  });
}
