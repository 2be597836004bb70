// F4: agent-initiated stops and human interrupts per turn, by goal complexity, each with
// its 95% interval, beside the values read off the study's chart.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type StopRow = {complexity: string; who: string; rate: number; low: number; high: number; turns: number; users: number};
export type PublishedStop = {complexity: string; who: string; rate: number};

const WHO = ["agent stops", "human interrupts"];

export function stopsChart(rows: StopRow[], published: PublishedStop[], {width, height = 340}: {width: number; height?: number}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    marginBottom: 40,
    fx: {domain: ["minimal", "low", "medium", "high"], label: "Goal complexity (a classifier's label)", padding: 0.15},
    x: {domain: WHO, axis: null, padding: 0.2},
    y: {label: "Per turn", percent: true, grid: true},
    color: {legend: true, domain: WHO, range: ["var(--theme-ours)", "#9c6b4e"]},
    marks: [
      Plot.barY(rows, {fx: "complexity", x: "who", y: "rate", fill: "who", fillOpacity: 0.8}),
      Plot.ruleX(rows, {fx: "complexity", x: "who", y1: "low", y2: "high", stroke: "currentColor"}),
      Plot.dot(published, {fx: "complexity", x: "who", y: "rate", symbol: "diamond", r: 5, fill: "var(--theme-published)"}),
      Plot.tip(rows, Plot.pointerX({fx: "complexity", x: "who", y: "rate", title: (d: StopRow) => `${d.who}, ${d.complexity}: ${(100 * d.rate).toFixed(1)}% per turn (${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%)\n${count(d.turns)} turns, ${d.users} users`}))
    ]
  });
}
