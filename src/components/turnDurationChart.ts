// F1's chart: rolling 7-day quantiles of turn duration over time, one line a quantile.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type QuantileRow = {day: Date; quantile: string; minutes: number; turns: number; users: number};
/** The p99.9's 95% interval on a day, in minutes. */
export type Band = {day: Date; low: number; high: number};

export const QUANTILES = ["p50", "p90", "p99", "p99.9"];
const DAY = 864e5;

/** Breaks each line where days are missing (windows with no turns, or cells not shown). */
function withGaps(rows: QuantileRow[]): (QuantileRow | {day: Date; quantile: string; minutes: number})[] {
  const out: (QuantileRow | {day: Date; quantile: string; minutes: number})[] = [];
  for (const q of QUANTILES) {
    const series = rows.filter((d) => d.quantile === q).sort((a, b) => +a.day - +b.day);
    series.forEach((d, i) => {
      if (i > 0 && +d.day - +series[i - 1].day > DAY) out.push({day: new Date(+series[i - 1].day + DAY), quantile: q, minutes: NaN});
      out.push(d);
    });
  }
  return out;
}

export function turnDurationChart(rows: QuantileRow[], band: Band[], {width, height = 360}: {width: number; height?: number}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "utc", label: "Day (7-day window ending that day)"},
    y: {type: "log", label: "Turn duration (minutes, log scale)", grid: true},
    color: {legend: true, label: "Quantile", domain: QUANTILES, range: ["#6cc5b0", "#4269d0", "#a463f2", "#ff725c"]},
    marks: [
      Plot.areaY(band, {x: "day", y1: "low", y2: "high", fill: "#ff725c", fillOpacity: 0.15, curve: "step-after"}),
      // z named: with logs of a single day, each line has one point, and Plot would warn
      // that an implicit z has high cardinality.
      Plot.lineY(withGaps(rows), {x: "day", y: "minutes", stroke: "quantile", z: "quantile", strokeWidth: 1.5}),
      Plot.dot(rows, {x: "day", y: "minutes", fill: "quantile", r: 2}),
      Plot.tip(rows, Plot.pointer({x: "day", y: "minutes", title: (d: QuantileRow) => `${d.quantile}: ${d.minutes.toFixed(1)} min\n${d.day.toISOString().slice(0, 10)}\n${count(d.turns)} turns, ${d.users} users in the window`}))
    ]
  });
}
