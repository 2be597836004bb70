// "Published vs ours": the study's figure with its provenance beside the value our query
// returns on the data the site was built from.
import {el} from "./html.js";

export type Published = {value: string; source: string; provenance: string};

export function comparison(published: Published, ours: {value: string; note: string}): HTMLElement {
  return el(
    "div",
    {class: "comparison"},
    el("div", {class: "card published"}, el("h3", {}, "Published"), el("div", {class: "value"}, published.value), el("div", {class: "source"}, `${published.source} (${published.provenance})`)),
    el("div", {class: "card ours"}, el("h3", {}, "Ours"), el("div", {class: "value"}, ours.value), el("div", {class: "source"}, ours.note))
  );
}
