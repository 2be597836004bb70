// The calibrated fleet beside the null and paraphrased ones (data/circularity.json,
// docs/circularity.md): for each published figure, what the pipeline recovers from each,
// and what the differences say.
import {el} from "./html.js";
import {cited, estimate, figure, type Estimate, type PublishedFigures} from "./published.js";

type Variant = "calibrated" | "null" | "paraphrased";
export type Circularity = {
  size: {name: string; users: number; api_agents: number; seed: string};
  variants: Record<Variant, string>;
  figures: {id: string; fleets: Record<Variant, Estimate | null>; input: boolean | null; words: boolean | null}[];
};

const yesNo = (x: boolean | null) => (x === null ? "—" : x ? "yes" : "no");

/** One row a figure (scrolls on a phone). */
export function circularityTable(c: Circularity, published: PublishedFigures): HTMLElement {
  const head = ["Figure", "Published", "Calibrated fleet", "Null fleet", "Paraphrased fleet", "Follows the input", "Moves with the words"];
  const row = (f: Circularity["figures"][number]) => {
    const p = figure(published, f.id);
    return el(
      "tr",
      {"data-figure": f.id, class: f.input ? "input" : ""},
      el("td", {}, `${p.finding}: ${p.label}`),
      el("td", {}, cited(published, f.id).value),
      ...(["calibrated", "null", "paraphrased"] as const).map((v) => el("td", {}, estimate(p, f.fleets[v]))),
      el("td", {}, yesNo(f.input)),
      el("td", {}, yesNo(f.words))
    );
  };
  const table = el("table", {class: "circularity"}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))), el("tbody", {}, ...c.figures.map(row)));
  return el("div", {class: "scroll"}, table);
}

/** How many figures read back their input, and how many move with the words, in a sentence. */
export function circularitySummary(c: Circularity): string {
  const n = c.figures.length;
  const count = (key: "input" | "words") => c.figures.filter((f) => f[key]).length;
  return `Of ${n} figures compared, ${count("input")} follow what the generator is given, and ${count("words")} move when only the words change; each fleet has ${c.size.users} Claude Code users and ${c.size.api_agents} API agents (seed "${c.size.seed}").`;
}
