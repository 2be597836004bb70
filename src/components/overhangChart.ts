// F9: METR's 50% time horizons over model release dates (log scale, with their 95%
// intervals) and, on the same page but labelled as a different clock, the tail of how
// long the agent worked in practice.
import * as Plot from "./plot.js";

export type Horizon = {model: string; release_date: Date; horizon50_min: number; ci_low_min: number; ci_high_min: number; metr_version: string};
export type Tail = {label: string; minutes: number};

export function overhangChart(horizons: Horizon[], quoted: Horizon[], tails: Tail[], {width, height = 420}: {width: number; height?: number}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: {type: "utc", label: "Model release date"},
    y: {type: "log", label: "Minutes (log scale): METR's human task time, or our turn duration", grid: true},
    marks: [
      Plot.ruleX(horizons, {x: "release_date", y1: "ci_low_min", y2: "ci_high_min", stroke: "currentColor", strokeOpacity: 0.35}),
      Plot.dot(horizons, {x: "release_date", y: "horizon50_min", fill: "currentColor", r: 3}),
      Plot.dot(quoted, {x: "release_date", y: "horizon50_min", symbol: "diamond", r: 6, fill: "var(--theme-published)"}),
      Plot.ruleY(tails, {y: "minutes", stroke: "var(--theme-ours)", strokeDasharray: "4,3"}),
      Plot.text(tails, {y: "minutes", text: "label", frameAnchor: "left", dy: -7, fill: "var(--theme-ours)", fontSize: 11}),
      Plot.tip(horizons, Plot.pointer({x: "release_date", y: "horizon50_min", title: (d: Horizon) => `${d.model} (${d.metr_version})\n50% horizon ${d.horizon50_min.toFixed(1)} min (${d.ci_low_min.toFixed(1)}–${d.ci_high_min.toFixed(1)})`}))
    ]
  });
}
