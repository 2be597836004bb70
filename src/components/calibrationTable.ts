// The calibration report as a table: each target, the published figure and its source,
// what the pipeline recovers with its interval, and (for aimed targets) whether it falls
// in the target's band.
import {el} from "./html.js";

export type Row = {
  id: string;
  label: string;
  published: string | null;
  source: string;
  pass: {min?: number; max?: number} | null;
  value: number | null;
  lo: number | null;
  hi: number | null;
  ok: boolean | null;
  /** recovered (the interval holds the aim), within band (only the value is in the band), outside band. */
  verdict: "recovered" | "within band" | "outside band" | null;
  /** The aggregate cells the value was read from. */
  cells: {metric: string; cell: Record<string, string | number>}[];
  withheld?: boolean;
};

const cellText = (c: Row["cells"][number]) => `${c.metric}: ${Object.entries(c.cell).map(([k, v]) => `${k} ${v}`).join(", ")}`;

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
/** An interval in words: a p99.9 of too few turns has a lower end only. */
const interval = (lo: number | null, hi: number | null) => (known(lo) && known(hi) ? `${num(lo)} – ${num(hi)}` : known(lo) ? `≥ ${num(lo)}` : known(hi) ? `≤ ${num(hi)}` : "none");
const band = (p: Row["pass"]) => (!p ? "" : p.min !== undefined && p.max !== undefined ? `${p.min} to ${p.max}` : p.min !== undefined ? `≥ ${p.min}` : `≤ ${p.max}`);

/** How many targets were recovered, only within their band, or outside it, in words. */
export function verdicts(rows: Row[]): string {
  const count = (v: Row["verdict"]) => rows.filter((r) => r.verdict === v).length;
  return `Of ${rows.length} targets, ${count("recovered")} recovered (the 95% interval holds the aim), ${count("within band")} within their band only, ${count("outside band")} outside it`;
}

export function calibrationTable(rows: Row[], {pass}: {pass: boolean}): HTMLElement {
  const head = ["Target", "Published", "Recovered", "95% interval", ...(pass ? ["Band", ""] : [])];
  return el(
    "div",
    {class: "scroll"},
    el(
      "table",
      {class: "calibration"},
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))),
      el(
        "tbody",
        {},
        ...rows.map((r) =>
          el(
            "tr",
            {},
            el("td", {}, el("code", {}, r.id), el("div", {class: "muted"}, r.label), ...r.cells.map((c) => el("div", {class: "muted cell"}, cellText(c)))),
            el("td", {}, r.published ?? "", el("div", {class: "muted"}, r.source)),
            el("td", {class: "number"}, r.withheld ? "withheld" : known(r.value) ? num(r.value) : "no value"),
            el("td", {class: "number"}, r.withheld || !known(r.value) ? "" : interval(r.lo, r.hi)),
            ...(pass ? [el("td", {class: "number"}, band(r.pass)), el("td", {class: `verdict ${r.verdict?.replace(" ", "-") ?? ""}`}, r.verdict ?? "")] : [])
          )
        )
      )
    )
  );
}
