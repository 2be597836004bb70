// F6: the share of tool calls with a person involved, by task complexity and source, with
// Wilson intervals and the study's published shares for the extremes.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type InvolvementRow = {complexity: string; source: string; share: number; low: number; high: number; known: number; users: number};

export function involvementChart(
  rows: InvolvementRow[],
  published: {complexity: string; share: number}[],
  {width, height = 320, color = {}}: {width: number; height?: number; color?: {tickFormat?: (source: string) => string}}
) {
  const sources = [...new Set(rows.map((d) => d.source))].sort();
  const label = color.tickFormat ?? ((source: string) => source);
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    fx: {domain: ["minimal", "low", "medium", "high"], label: "Task complexity (a classifier's label)", padding: 0.15},
    x: {domain: sources, axis: null, padding: 0.2},
    // `percent` scales shares to 0–100 before the domain applies.
    y: {label: "Tool calls with a person involved", percent: true, grid: true, domain: [0, 100]},
    color: {legend: true, label: "Source", domain: sources, tickFormat: label},
    marks: [
      Plot.barY(rows, {fx: "complexity", x: "source", y: "share", fill: "source"}),
      Plot.ruleX(rows, {fx: "complexity", x: "source", y1: "low", y2: "high", stroke: "currentColor"}),
      Plot.ruleY(published, {fx: "complexity", y: "share", stroke: "var(--theme-published)", strokeWidth: 2, strokeDasharray: "4,3"}),
      Plot.tip(rows, Plot.pointerX({fx: "complexity", x: "source", y: "share", title: (d: InvolvementRow) => `${label(d.source)}, ${d.complexity}: ${(100 * d.share).toFixed(1)}% (${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%)\n${count(d.known)} calls, ${d.users} users`}))
    ]
  });
}
