// What a reader would find empty or unexplained on a page: a filter with no option, a value
// that is a bare dash, a "null", "NaN" or "undefined" in the text, or an empty table's
// "No results.". The pages of a site whose cells are hidden say why instead.
import type {Page} from "playwright-core";

export type Emptiness = {emptySelects: string[]; dashes: string[]; nulls: string[]; noResults: number};

export function emptiness(page: Page): Promise<Emptiness> {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    const lines = main.innerText.split("\n");
    return {
      emptySelects: [...main.querySelectorAll("select")].filter((s) => s.options.length === 0).map((s) => s.closest("form")?.querySelector("label")?.textContent ?? s.name),
      // A dash standing for a value: alone on its line or in a table's cell (tab-separated).
      dashes: lines.filter((l) => /(^|\t)\s*—\s*(\t|$)/.test(l)),
      // The fleet page names the "null" fleet of the circularity check: a word, not a value.
      nulls: lines.filter((l) => /\b(NaN|undefined)\b|\bnull\b(?!: the same generator| fleet| and paraphrased)/.test(l)),
      noResults: lines.filter((l) => l.trim() === "No results.").length
    };
  });
}
