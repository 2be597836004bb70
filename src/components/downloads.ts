// Links to the aggregate behind a chart: its Parquet file as built, and a CSV of it.
import {el} from "./html.js";

/** A CSV of `rows` as a link's address; arquero, which writes it, loads then, not with the page. */
export async function csvHref(rows: Record<string, unknown>[]): Promise<string> {
  const {aq} = await import("./arquero.js");
  return URL.createObjectURL(new Blob([aq.from(rows).toCSV()], {type: "text/csv"}));
}

/** `rows` is asked for when the CSV link is first clicked: the rows come from DuckDB, which a page starts only when it must. */
export function downloads(name: string, parquetUrl: string, rows: () => Promise<Record<string, unknown>[]>): HTMLElement {
  const csv = el("a", {href: "#", download: `${name}.csv`}, "CSV") as HTMLAnchorElement;
  csv.addEventListener("click", async (e) => {
    if (csv.href.startsWith("blob:")) return;
    e.preventDefault();
    csv.textContent = "CSV (preparing …)";
    csv.href = await csvHref(await rows());
    csv.textContent = "CSV";
    csv.click();
  });
  return el("p", {class: "downloads"}, "Download the aggregate: ", el("a", {href: parquetUrl, download: `${name}.parquet`}, "Parquet"), csv);
}
