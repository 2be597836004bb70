// Links to the aggregate behind a chart: its Parquet file as built, and a CSV of it.
import {aq} from "./arquero.js";
import {el} from "./html.js";

export function downloads(name: string, parquetUrl: string, rows: Record<string, unknown>[]): HTMLElement {
  const csv = URL.createObjectURL(new Blob([aq.from(rows).toCSV()], {type: "text/csv"}));
  return el(
    "p",
    {class: "downloads"},
    "Download the aggregate: ",
    el("a", {href: parquetUrl, download: `${name}.parquet`}, "Parquet"),
    el("a", {href: csv, download: `${name}.csv`}, "CSV")
  );
}
