// F2 and F3: a share against the session number on a log axis. The LOWESS curve with its
// bootstrap band, the binned shares with their Wilson intervals, and the study's published
// values as marked points. On a site built from one person's logs, a curve and bins of one
// person mean little: their sessions are drawn instead, each a point, with their running
// share, against the study's values.
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

function yourChart(sessions: Session[], published: Marker[], {width, height, y}: {width: number; height: number; y: {label: string}}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "log", label: "Your session number (log scale)", grid: true},
    y: {label: y.label, percent: true, grid: true, domain: [0, 100]},
    marks: [
      Plot.dot(sessions, {x: "x", y: "y", r: 3, fill: "var(--theme-ours)", fillOpacity: 0.5}),
      Plot.lineY(running(sessions), {x: "x", y: "y", stroke: "var(--theme-ours)", strokeWidth: 2, curve: "step-after"}),
      Plot.dot(published, {x: "x", y: "y", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "x", y: "y", text: "label", dy: -12, fill: "var(--theme-published)", fontSize: 11}),
      Plot.tip(sessions, Plot.pointer({x: "x", y: "y", title: (d: Session) => `session ${d.x}\n${(100 * d.y).toFixed(0)}% of ${count(d.n)}`}))
    ]
  });
}

export function tenureChart(bins: Bin[], curve: CurvePoint[], published: Marker[], {width, height = 380, y, yours = []}: {width: number; height?: number; y: {label: string}; yours?: Session[]}) {
  if (yours.length) return yourChart(yours, published, {width, height, y});
  const mid = (d: Bin) => Math.sqrt(d.from_session * d.to_session);
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {type: "log", label: "Session number (the user's nth session, log scale)", grid: true},
    // `percent` scales shares to 0–100 before the domain applies.
    y: {label: y.label, percent: true, grid: true, domain: [0, 100 * Math.max(0.1, ...bins.map((d) => d.high), ...published.map((d) => d.y)) * 1.1]},
    marks: [
      Plot.areaY(curve.filter((d) => d.low !== null), {x: "x", y1: "low", y2: "high", fill: "var(--theme-ours)", fillOpacity: 0.15}),
      Plot.lineY(curve, {x: "x", y: "fit", stroke: "var(--theme-ours)", strokeWidth: 2}),
      Plot.ruleX(bins, {x: mid, y1: "low", y2: "high", stroke: "var(--theme-ours)", strokeOpacity: 0.6}),
      Plot.dot(bins, {x: mid, y: "share", fill: "var(--theme-ours)", r: 3}),
      Plot.dot(published, {x: "x", y: "y", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "x", y: "y", text: "label", dy: -12, fill: "var(--theme-published)", fontSize: 11}),
      Plot.tip(bins, Plot.pointer({x: mid, y: "share", title: (d: Bin) => `sessions ${d.from_session}–${d.to_session}\n${(100 * d.share).toFixed(1)}% (${(100 * d.low).toFixed(1)}–${(100 * d.high).toFixed(1)}%)\n${count(d.n)} in the bin, ${d.users} users`}))
    ]
  });
}
