// F7: clusters of similar tool calls by mean risk and mean autonomy (1–10 each), sized by
// calls, with the high-risk, high-autonomy corner shaded and the study's named clusters
// marked.
import * as Plot from "./plot.js";
import {count} from "./format.js";

export type Cluster = {domain: string; tool: string; risk: number; autonomy: number; calls: number; users: number; irreversible: number};
export type NamedCluster = {label: string; risk: number; autonomy: number};

export function riskAutonomyChart(clusters: Cluster[], published: NamedCluster[], {width, height = 440}: {width: number; height?: number}) {
  return Plot.plot({
    width,
    height,
    marginLeft: 50,
    x: {domain: [1, 10], label: "Autonomy (mean, 1–10) →", grid: true},
    y: {domain: [1, 10], label: "↑ Risk (mean, 1–10)", grid: true},
    r: {range: [2, 18]},
    marks: [
      Plot.rect([{x1: 5, x2: 10, y1: 5, y2: 10}], {x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "var(--theme-published)", fillOpacity: 0.07}),
      Plot.dot(clusters, {x: "autonomy", y: "risk", r: "calls", fill: "var(--theme-ours)", fillOpacity: 0.5, stroke: "var(--theme-ours)"}),
      Plot.dot(published, {x: "autonomy", y: "risk", symbol: "diamond", r: 5, fill: "var(--theme-published)"}),
      Plot.text(published, {x: "autonomy", y: "risk", text: "label", dy: -10, fontSize: 10, fill: "var(--theme-published)"}),
      Plot.tip(clusters, Plot.pointer({x: "autonomy", y: "risk", title: (d: Cluster) => `${d.tool} (${d.domain})\nrisk ${d.risk.toFixed(1)}, autonomy ${d.autonomy.toFixed(1)}\n${(100 * d.irreversible).toFixed(1)}% irreversible\n${count(d.calls)} calls, ${d.users} users`}))
    ]
  });
}
