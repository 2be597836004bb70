// "Published vs ours": the study's figure with its provenance beside the value our query
// returns on the data the site was built from, for the one cell the findings registry
// (loaders/findings.ts) compares it with, and the query that reads that cell.
import {count} from "./format.js";
import {el} from "./html.js";
import {cited, compared, estimate, figure, ours, type Compared, type Figure, type PublishedFigures} from "./published.js";
import {sqlBlock} from "./sql.js";

/** Where the fleet page lists what the generator aims at. */
const GIVEN = "./fleet#each-target-beside-what-the-pipeline-recovers";

export type Published = {value: string; source: string; provenance: string};

export function comparison(published: Published, mine: {value: string; note: string}, id?: string): HTMLElement {
  return el(
    "div",
    {class: "comparison", ...(id ? {"data-figure": id} : {})},
    el("div", {class: "card published"}, el("h3", {}, "Published"), el("div", {class: "value"}, published.value), el("div", {class: "source"}, `${published.source} (${published.provenance})`)),
    el("div", {class: "card ours"}, el("h3", {}, "Ours"), el("div", {class: "value"}, mine.value), el("div", {class: "source"}, mine.note))
  );
}

/** Where the fleet page sets the calibrated fleet beside the null and paraphrased ones. */
const CIRCULAR = "./fleet#what-the-pipeline-recovers-from-fleets-it-was-not-tuned-to";

/**
 * What agreement between the two means on the data the site was built from: an input read
 * back where ours follows whatever the generator is given, by construction where the
 * generator was given the figure, a measurement on real logs.
 */
export function basisNote(c: Compared, f: Figure): HTMLElement | null {
  const words = c.circular?.words ? [" It also moves when only the words change: from the paraphrased fleet the pipeline returns ", estimate(f, c.circular.paraphrased), "."] : [];
  if (c.basis === "input") {
    return el("div", {class: "basis input"}, el("strong", {}, "An input, not a result. "), "The generator was given this mix. From a fleet given uniform mixes instead, the pipeline returns ", estimate(f, c.circular!.null), ": ours follows whatever the generator is given.", ...words, " ", el("a", {href: CIRCULAR}, "The three fleets side by side"));
  }
  if (c.basis === "calibrated") return el("div", {class: "basis calibrated"}, el("strong", {}, "Calibrated: agreement by construction. "), "The generator of this synthetic fleet was given this figure; that ours is near it checks the generator, not the method.", ...words, " ", el("a", {href: GIVEN}, "What it was given"));
  if (c.basis === "synthetic") return el("div", {class: "basis synthetic"}, el("strong", {}, "Generated data. "), "Where its generator was given the study's figures, agreement is by construction, not a check of the method.");
  if (c.basis === "measured") return el("div", {class: "basis measured"}, el("strong", {}, "Measured on these logs. "), "Ours is these users' figure by the study's definitions: a difference is theirs, or the method's (see the caveats).");
  return null;
}

/** The same, in a table's cell: a few words, linked to what the generator was given. */
export function basisCell(c: Compared): HTMLElement {
  const words = {input: "input, read back", calibrated: "by construction (calibrated)", synthetic: "generated data", measured: "measured"} as const;
  if (!c.basis) return el("td", {class: "basis"}, "not compared");
  if (c.missing) return el("td", {class: "basis"}, "nothing to compare");
  const link = c.basis === "input" ? CIRCULAR : c.basis === "calibrated" ? GIVEN : null;
  return el("td", {class: `basis ${c.basis}`}, link ? el("a", {href: link}, words[c.basis]) : words[c.basis]);
}

/** Words for a dimension's values (the site's labels.json), where a page has them. */
export type Labels = Record<string, Record<string, string>>;

/** What a comparison's cell is drawn from, in words. */
function drawnFrom(c: Compared, labels: Labels): string {
  const o = c.ours;
  if (c.missing?.reason === "unrecorded") return "Nothing in its cell records what this figure measures: these logs do not log it";
  if (!o && c.missing?.reason === "threshold") return `Its cell is drawn from fewer than ${c.missing.minUsers} people, the fewest this site publishes a number for; a site built for yourself with npm run build -- --min-users 1 shows it`;
  if (!o) return "These logs hold no such cell";
  const cells = c.readings.map((r) => Object.entries(r.cell).map(([k, v]) => `${k} ${labels[k]?.[v] ?? v}`).join(", "));
  return `${o.n !== null ? `n = ${count(o.n)}, ` : ""}${count(o.users)} users; cell: ${cells.join(" over ")}`;
}

/** The card of published figure `id` beside its registry cell, with the query that reads the cell. */
export function figureCard(published: PublishedFigures, all: Compared[], id: string, labels: Labels = {}): HTMLElement {
  const c = compared(all, id);
  const card = comparison(cited(published, id), {value: ours(figure(published, id), c), note: c.reference ?? `${c.note}. ${drawnFrom(c, labels)}`}, id);
  // What agreement would mean is beside the point where ours has no value.
  const basis = c.missing ? null : basisNote(c, figure(published, id));
  if (basis) card.querySelector(".ours")!.append(basis);
  if (c.readings.length) card.append(sqlBlock(c.readings.map((r) => r.sql).join(";\n\n") + ";", "The query that reads our value from the aggregate"));
  return card;
}

/** Several published figures beside ours, one row each, for a finding with many (F5, F8). */
export function figureTable(published: PublishedFigures, all: Compared[], ids: string[]): HTMLElement {
  return el(
    "table",
    {class: "comparisons"},
    el("thead", {}, el("tr", {}, el("th", {}, "Figure"), el("th", {}, "Published"), el("th", {}, "Ours"), el("th", {}, "Agreement"))),
    el(
      "tbody",
      {},
      ...ids.map((id) => {
        const f = figure(published, id);
        const c = compared(all, id);
        return el("tr", {"data-figure": id}, el("td", {}, f.label), el("td", {}, cited(published, id).value), el("td", {class: "ours"}, ours(f, c)), basisCell(c));
      })
    )
  );
}
