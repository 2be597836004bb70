// A table of the cells a selection has, or, where it has none to show, why (noCells): an
// empty table's "No results." says neither what is missing nor what to do.
import * as Inputs from "@observablehq/inputs";
import {noCells, type Needs} from "./html.js";

export function cellsTable<T>(rows: T[], options: Record<string, unknown>, info: Parameters<typeof noCells>[0], what: string, needs?: Needs): HTMLElement {
  return rows.length ? Inputs.table(rows, options) : noCells(info, what, needs);
}
