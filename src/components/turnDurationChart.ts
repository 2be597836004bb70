// F1's chart: rolling 7-day quantiles of turn duration over time, one line a quantile. On
// a site built from one person's logs, a window holds a handful of their turns, whose
// quantiles mean little: each turn is drawn instead, against the study's figures.
import * as Plot from "./plot.js";
import {count} from "./format.js";
import {belowThreshold, el} from "./html.js";

export type QuantileRow = {day: Date; quantile: string; minutes: number; turns: number; users: number};
/** The p99.9's 95% interval on a day, in minutes. */
export type Band = {day: Date; low: number; high: number};

/** One of the person's turns: when it began, and how long it worked. */
export type Turn = {x: Date; minutes: number};
/** A figure of the study's, drawn as a level across the chart. */
export type Level = {minutes: number; label: string};

export const QUANTILES = ["p50", "p90", "p99", "p99.9"];
const DAY = 864e5;

// The axes both charts share: durations under a minute in seconds (Plot's SI format would
// write 0.4 min as "400m"), and room under the dates' two lines for the x axis's label.
const xAxis = (label: string) => ({type: "utc" as const, label, labelOffset: 42});
const yAxis = {type: "log" as const, label: "Turn duration (log scale)", grid: true, tickFormat: (m: number) => duration(m)};

/** A duration in minutes, in words: seconds under a minute (two significant digits). */
export const duration = (minutes: number) => (minutes < 1 ? `${+(minutes * 60).toPrecision(2)} s` : `${+minutes.toPrecision(2)} min`);

/** A selection's quantiles over the whole period, in seconds, with the turns and users they are of. */
export type Period = {turns: number; users: number; p50_s: number; p90_s: number; p99_s: number; p999_s: number};

/**
 * The coarser cell where no 7-day window of a selection has enough users: the whole
 * period's four quantiles, with why they stand in for the chart.
 */
export function periodQuantiles(p: Period, {minUsers}: {minUsers: number}): HTMLElement {
  const columns = [["p50_s", "Median"], ["p90_s", "p90"], ["p99_s", "p99"], ["p999_s", "p99.9"]] as const;
  return el(
    "div",
    {class: "coarser"},
    el("p", {}, el("em", {}, `${belowThreshold("7-day window", minUsers)}. Over the whole period, ${count(p.turns)} turns of ${count(p.users)} people:`)),
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, ...columns.map(([, name]) => el("th", {}, name)))),
      el("tbody", {}, el("tr", {}, ...columns.map(([key]) => el("td", {}, duration(p[key] / 60)))))
    )
  );
}

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

function yourTurnsChart(turns: Turn[], study: Level[], {width, height}: {width: number; height: number}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 55,
    marginBottom: 48,
    x: xAxis("When the turn began"),
    y: yAxis,
    marks: [
      Plot.ruleY(study, {y: "minutes", stroke: "var(--theme-published)", strokeDasharray: "4 3"}),
      Plot.text(study, {y: "minutes", text: "label", frameAnchor: "right", textAnchor: "end", dy: -7, fill: "var(--theme-published)", fontSize: 11}),
      Plot.dot(turns, {x: "x", y: "minutes", r: 2.5, fill: "var(--theme-ours)", fillOpacity: 0.5}),
      Plot.tip(turns, Plot.pointer({x: "x", y: "minutes", title: (d: Turn) => `${duration(d.minutes)}\n${d.x.toISOString().slice(0, 16).replace("T", " ")} UTC`}))
    ]
  });
}

/** `yours`: on a site built from one person's logs, their turns, drawn against `study`; elsewhere null. */
export function turnDurationChart(rows: QuantileRow[], band: Band[], {width, height = 360, yours = null, study = []}: {width: number; height?: number; yours?: Turn[] | null; study?: Level[]}) {
  if (yours) return yourTurnsChart(yours, study, {width, height});
  return Plot.plot({
    width,
    height,
    marginLeft: 55,
    marginBottom: 48,
    x: xAxis("Day (7-day window ending that day)"),
    y: yAxis,
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
