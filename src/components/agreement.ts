// How far a classifier agrees with blind labels on real text (data/labels/, recorded by
// `npm run agreement`): the methodology page's table, and the sentence a finding's page
// shows beside the figures that rest on it.
import {el} from "./html.js";

export type ClassScore = {label: string; support: number; predicted: number; precision: number | null; recall: number | null};
export type Agreement = {kind: string; question: string; classifier: string; split: string; items: number; scored: number; labellersKappa: number | null; accuracy: number | null; kappa: number | null; classes: ClassScore[]};

const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const find = (all: Agreement[], kind: string, split: string) => all.find((a) => a.kind === kind && a.split === split);

/** One row a classifier: what it says, how many items, the labellers' κ and ours (scrolls on a phone). */
export function agreementTable(all: Agreement[]): HTMLElement {
  const head = ["Classifier", "What it says", "Scored / items", "Labellers' κ", "Our κ, held-out", "Our κ, all", "Accuracy, all"];
  const row = (a: Agreement) =>
    el(
      "tr",
      {"data-kind": a.kind},
      el("td", {}, el("code", {}, a.classifier)),
      el("td", {}, a.question),
      el("td", {}, `${a.scored} / ${a.items}`),
      el("td", {}, fixed(a.labellersKappa)),
      el("td", {}, fixed(find(all, a.kind, "held-out")?.kappa ?? null)),
      el("td", {}, fixed(a.kappa)),
      el("td", {}, fixed(a.accuracy))
    );
  const table = el("table", {class: "agreement"}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))), el("tbody", {}, ...all.filter((a) => a.split === "all").map(row)));
  return el("div", {class: "scroll"}, table);
}

/** Each class of one classifier: how often labelled, how often said, precision and recall. */
export function classTable(a: Agreement): HTMLElement {
  return el(
    "table",
    {},
    el("thead", {}, el("tr", {}, ...["Label", "Labelled", "Said", "Precision", "Recall"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...a.classes.map((c) => el("tr", {}, el("td", {}, c.label), el("td", {}, String(c.support)), el("td", {}, String(c.predicted)), el("td", {}, fixed(c.precision)), el("td", {}, fixed(c.recall)))))
  );
}

/** Below this κ a classifier's labels are called weak where a finding rests on them. */
const WEAK = 0.6;

/** The sentence a finding's page shows for the classifiers it rests on: their κ against the labellers'. */
export function agreementNote(all: Agreement[], kinds: string[]): HTMLElement {
  const rows = kinds.map((k) => find(all, k, "all")).filter((a): a is Agreement => a !== undefined);
  const weak = rows.some((a) => (a.kappa ?? 0) < WEAK);
  const parts = rows.map((a) => `${a.question}: κ ${fixed(a.kappa)} on ${a.scored} items, where two blind labellers agree with each other at κ ${fixed(a.labellersKappa)}`);
  return el(
    "p",
    {class: weak ? "agreement-note weak" : "agreement-note"},
    el("strong", {}, weak ? "The classifier behind these figures agrees poorly with blind labels on real text. " : "How far the classifier behind these figures agrees with blind labels on real text: "),
    `${parts.join("; ")}. `,
    el("a", {href: "./methodology#how-far-the-classifiers-agree"}, "How it was measured"),
    weak ? ". Read the shares below as what the rules say, not as what people or agents meant." : "."
  );
}
