// F10: a monthly measure with its 95% interval, for one or more series.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type MonthRow = {month: Date; series: string; value: number; low: number; high: number; n: number; users: number};

export function timeSeriesChart(rows: MonthRow[], published: {month: Date; value: number; label: string}[], {width, height = 300, y}: {width: number; height?: number; y: {label: string; percent?: boolean}}) {
  const percent = y.percent ?? false;
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "utc", label: "Month"},
    y: {label: y.label, grid: true, percent, zero: true},
    color: {legend: rows.some((d) => d.series !== rows[0]?.series)},
    marks: [
      Plot.areaY(rows, {x: "month", y1: "low", y2: "high", fill: "series", fillOpacity: 0.15}),
      Plot.lineY(rows, {x: "month", y: "value", stroke: "series", marker: "circle"}),
      Plot.dot(published, {x: "month", y: "value", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "month", y: "value", text: "label", dy: -12, fontSize: 11, fill: "var(--theme-published)"}),
      Plot.tip(rows, Plot.pointer({x: "month", y: "value", title: (d: MonthRow) => `${d.series}, ${d.month.toISOString().slice(0, 7)}: ${percent ? `${(100 * d.value).toFixed(1)}%` : d.value.toFixed(2)} (${percent ? `${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%` : `${d.low.toFixed(2)}–${d.high.toFixed(2)}`})\n${count(d.n)} counted, ${d.users} users`}))
    ]
  });
}
