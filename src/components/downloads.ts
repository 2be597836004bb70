// Links to the aggregate behind a chart: its Parquet file as built, and a CSV of it.
import {aq} from "./arquero.js";
import {el} from "./html.js";

/** `rows` is asked for when the CSV link is first clicked: the rows come from DuckDB, which a page starts only when it must. */
export function downloads(name: string, parquetUrl: string, rows: () => Promise<Record<string, unknown>[]>): HTMLElement {
  const csv = el("a", {href: "#", download: `${name}.csv`}, "CSV") as HTMLAnchorElement;
  csv.addEventListener("click", async (e) => {
    if (csv.href.startsWith("blob:")) return;
    e.preventDefault();
    csv.textContent = "CSV (preparing …)";
    csv.href = URL.createObjectURL(new Blob([aq.from(await rows()).toCSV()], {type: "text/csv"}));
    csv.textContent = "CSV";
    csv.click();
  });
  return el("p", {class: "downloads"}, "Download the aggregate: ", el("a", {href: parquetUrl, download: `${name}.parquet`}, "Parquet"), csv);
}
