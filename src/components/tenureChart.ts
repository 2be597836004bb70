// F2 and F3: a share against the session number on a log axis. The LOWESS curve with its
// bootstrap band, the binned shares with their Wilson intervals, and the study's published
// values as marked points. On a site built from one person's logs, a curve and bins of one
// person mean little: their sessions are drawn instead, each a point, with their running
// share, over the population's curve (the embedded default's) and the study's values.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type Bin = {from_session: number; to_session: number; share: number; low: number; high: number; n: number; users: number};
export type CurvePoint = {x: number; fit: number; low: number | null; high: number | null};
export type Marker = {x: number; y: number; label: string};
/** One of the person's sessions: its number, its share (1 or 0 for a session's level; of its turns for interrupts) and its turns or sessions. */
export type Session = {x: number; y: number; n: number};

/** The share over the person's sessions so far, at each session: their own curve, with no smoothing to read into. */
function running(sessions: Session[]): {x: number; y: number}[] {
  let hits = 0;
  let n = 0;
  return sessions.map((s) => ((hits += s.y * s.n), (n += s.n), {x: s.x, y: hits / n}));
}

/** The smoother's curve and its band, in the colour of everyone else's data: ours, or the population's. */
const curveMarks = (curve: CurvePoint[], fill: string) => [
  Plot.areaY(curve.filter((d) => d.low !== null), {x: "x", y1: "low", y2: "high", fill, fillOpacity: 0.15}),
  Plot.lineY(curve, {x: "x", y: "fit", stroke: fill, strokeWidth: 2})
];

/** The y domain, in percent: all of what is drawn, with room above it for the labels. */
const yDomain = (...ys: number[]) => [0, 100 * Math.min(1, 1.1 * Math.max(0.1, ...ys))];

function yourChart(sessions: Session[], population: CurvePoint[], published: Marker[], {width, height, y}: {width: number; height: number; y: {label: string}}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "log", label: "Session number (yours, and the population's users'; log scale)", grid: true},
    y: {label: y.label, percent: true, grid: true, domain: yDomain(...sessions.map((d) => d.y), ...population.map((d) => d.high ?? d.fit), ...published.map((d) => d.y))},
    marks: [
      ...curveMarks(population, "var(--theme-population)"),
      Plot.dot(sessions, {x: "x", y: "y", r: 3, fill: "var(--theme-ours)", fillOpacity: 0.5}),
      Plot.lineY(running(sessions), {x: "x", y: "y", stroke: "var(--theme-ours)", strokeWidth: 2, curve: "step-after"}),
      Plot.dot(published, {x: "x", y: "y", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "x", y: "y", text: "label", dy: -12, fill: "var(--theme-published)", fontSize: 11}),
      Plot.tip(sessions, Plot.pointer({x: "x", y: "y", title: (d: Session) => `session ${d.x}\n${(100 * d.y).toFixed(0)}% of ${count(d.n)}`}))
    ]
  });
}

/**
 * `yours`: on a site built from one person's logs, their sessions (maybe none in the
 * selection), drawn over `curve`, which is then the population's; elsewhere null.
 */
export function tenureChart(bins: Bin[], curve: CurvePoint[], published: Marker[], {width, height = 380, y, yours = null}: {width: number; height?: number; y: {label: string}; yours?: Session[] | null}) {
  if (yours) return yourChart(yours, curve, published, {width, height, y});
  const mid = (d: Bin) => Math.sqrt(d.from_session * d.to_session);
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "log", label: "Session number (the user's nth session, log scale)", grid: true},
    // `percent` scales shares to 0–100 before the domain applies.
    y: {label: y.label, percent: true, grid: true, domain: yDomain(...bins.map((d) => d.high), ...published.map((d) => d.y))},
    marks: [
      ...curveMarks(curve, "var(--theme-ours)"),
      Plot.ruleX(bins, {x: mid, y1: "low", y2: "high", stroke: "var(--theme-ours)", strokeOpacity: 0.6}),
      Plot.dot(bins, {x: mid, y: "share", fill: "var(--theme-ours)", r: 3}),
      Plot.dot(published, {x: "x", y: "y", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "x", y: "y", text: "label", dy: -12, fill: "var(--theme-published)", fontSize: 11}),
      Plot.tip(bins, Plot.pointer({x: mid, y: "share", title: (d: Bin) => `sessions ${d.from_session}–${d.to_session}\n${(100 * d.share).toFixed(1)}% (${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%)\n${count(d.n)} in the bin, ${d.users} users`}))
    ]
  });
}

/** What the grey curve behind one person's points is (provenance.json's `population`), for the text under the chart. */
export function populationCurve(info: {population: string | null}): string {
  return `The grey line and band are the smoother over the users of the report's embedded default, ${info.population}: generated data calibrated to the study, not people measured, drawn so that your sessions have a population to sit in. A smoother over one person's sessions alone would swing from one session to the next, so none is drawn.`;
}
