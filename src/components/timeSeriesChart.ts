// F10: a measure by month with its 95% interval, for one or more series; by quarter where
// no month of a selection has enough users (the coarser cell the aggregate holds).
import * as Plot from "./plot.js";
import {count} from "./format.js";
import {belowThreshold, el} from "./html.js";

/** A row of the aggregate: a month (2025-08) or, for the coarser grain, a quarter (2025-Q3). */
export type Cell = {grain: "month" | "quarter"; month: string | null; quarter: string | null; value: number; low: number; high: number; n: number; users: number};
/** The rows of one grain: months where the selection has any, else quarters. */
export type Periods = {grain: "month" | "quarter"; rows: Cell[]};
export type PeriodRow = Cell & {series: string; period: string; start: Date};

export function byPeriod(cells: Cell[]): Periods {
  const months = cells.filter((d) => d.grain === "month");
  return months.length ? {grain: "month", rows: months} : {grain: "quarter", rows: cells.filter((d) => d.grain === "quarter")};
}

/** Each period with its name and the day it starts, as one series of the chart. */
export function periodRows({rows}: Periods, series: string): PeriodRow[] {
  return rows.map((d) => {
    const period = (d.month ?? d.quarter)!;
    const [year, q] = period.split("-Q");
    const start = new Date(q ? Date.UTC(+year, 3 * (+q - 1), 1) : `${period}-01T00:00:00Z`);
    return {...d, series, period, start};
  });
}

/** The chart, with a word on why it is by quarter where it is. */
export function coarser(p: Periods, {minUsers}: {minUsers: number}, chart: HTMLElement): HTMLElement {
  if (p.grain === "month") return chart;
  return el("div", {class: "coarser"}, el("p", {}, el("em", {}, `${belowThreshold("month", minUsers)}: by quarter instead.`)), chart);
}

export function timeSeriesChart(rows: PeriodRow[], published: {month: Date; value: number; label: string}[], {width, height = 300, y}: {width: number; height?: number; y: {label: string; percent?: boolean}}) {
  const percent = y.percent ?? false;
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    // Room for the label of a study's figure on the last month (December's "3.3 (Dec)").
    marginRight: 36,
    x: {type: "utc", label: rows[0]?.grain === "quarter" ? "Quarter (from its first day)" : "Month"},
    y: {label: y.label, grid: true, percent, zero: true},
    color: {legend: rows.some((d) => d.series !== rows[0]?.series)},
    marks: [
      Plot.areaY(rows, {x: "start", y1: "low", y2: "high", fill: "series", fillOpacity: 0.15}),
      Plot.lineY(rows, {x: "start", y: "value", stroke: "series", marker: "circle"}),
      Plot.dot(published, {x: "month", y: "value", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "month", y: "value", text: "label", dy: -12, fontSize: 11, fill: "var(--theme-published)"}),
      Plot.tip(rows, Plot.pointer({x: "start", y: "value", title: (d: PeriodRow) => `${d.series}, ${d.period}: ${percent ? `${(100 * d.value).toFixed(1)}%` : d.value.toFixed(2)} (${percent ? `${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%` : `${d.low.toFixed(2)}–${d.high.toFixed(2)}`})\n${count(d.n)} counted, ${d.users} users`}))
    ]
  });
}
