// Shows a metric's SQL, the text the loader ran, folded under a summary line.
import {el} from "./html.js";

export function sqlBlock(text: string, summary = "The SQL that computes this aggregate"): HTMLElement {
  return el("details", {class: "sql"}, el("summary", {}, summary), el("pre", {}, el("code", {class: "language-sql"}, text)));
}
