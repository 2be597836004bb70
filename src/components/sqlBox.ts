// A reader's own question: an editable query over the page's published aggregates, run by
// DuckDB in the browser. DuckDB and the tables load when the box is opened or focused, not
// before; the result is a table cut off at LIMIT rows, with a CSV of every row. A query
// that fails shows DuckDB's own message. Nothing leaves the browser, and the box can read
// only what the page already publishes: the aggregates it was given.
import {csvHref} from "./downloads.js";
import {loadAll, query, watchLoading, type Aggregates, type Row} from "./duckdb.js";
import {count} from "./format.js";
import {el} from "./html.js";

/** A SQL literal: how a value the page binds as a parameter reads in the query's text. */
export function literal(v: unknown): string {
  if (v == null) return "NULL";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return `DATE '${v.toISOString().slice(0, 10)}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

/**
 * The same query as the page's `sql` tag runs with bound parameters, as text with literals:
 * a page defines each query once, as a function of the tag, and hands this one to the box.
 */
export function sqlText(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((text, s, i) => text + s + (i < values.length ? literal(values[i]) : ""), "");
}

/** Rows shown; the CSV holds them all. */
export const LIMIT = 200;

const format = (v: unknown) => (v == null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, "")) : String(v));

function table(rows: Row[], columns: string[]): HTMLElement {
  return el(
    "div",
    {class: "scroll"},
    el(
      "table",
      {class: "sql-result"},
      el("thead", {}, el("tr", {}, ...columns.map((c) => el("th", {}, c)))),
      el("tbody", {}, ...rows.slice(0, LIMIT).map((r) => el("tr", {}, ...columns.map((c) => el("td", {}, format(r[c]))))))
    )
  );
}

/**
 * The box: `tables` are the aggregates it may read (name → Parquet bytes, fetched only
 * when the box opens), `initial` the query it opens with (the page's own).
 */
export function sqlBox(tables: Aggregates, initial: string): HTMLElement {
  const input = el("textarea", {class: "sql-input", rows: String(Math.min(12, initial.split("\n").length + 1)), spellcheck: "false", "aria-label": "Your SQL query"}) as HTMLTextAreaElement;
  input.value = initial;
  const run = el("button", {type: "button"}, "Run") as HTMLButtonElement;
  const status = el("p", {class: "sql-status", role: "status"}, `Tables: ${Object.keys(tables).join(", ")}. DuckDB loads when you open this box.`);
  const out = el("div", {class: "sql-output"});
  let ready: Promise<void> | undefined;
  const start = () =>
    (ready ??= (async () => {
      status.textContent = "Loading DuckDB and the aggregates …";
      const t0 = performance.now();
      const unwatch = watchLoading((bytes) => (status.textContent = `Loading DuckDB: ${(bytes / 1e6).toFixed(1)} MB of its engine received …`));
      await loadAll(tables).finally(unwatch);
      status.textContent = `DuckDB is ready (${((performance.now() - t0) / 1000).toFixed(1)} s). Tables: ${Object.keys(tables).join(", ")}. Ctrl+Enter runs the query.`;
    })().catch((e: Error) => {
      status.textContent = `DuckDB did not start: ${e.message}`;
      ready = undefined;
      throw e;
    }));
  // Opening or focusing starts the load; a failure is said in the status line, and Run tries again.
  const warm = () => void start().catch(() => {});
  const execute = async () => {
    run.disabled = true;
    try {
      await start();
      const t0 = performance.now();
      const rows = await query(input.value);
      const columns = (rows as Row[] & {columns?: string[]}).columns ?? Object.keys(rows[0] ?? {});
      const csv = await csvHref(rows);
      const shown = rows.length > LIMIT ? `the first ${LIMIT} of ${count(rows.length)} rows` : `${count(rows.length)} row${rows.length === 1 ? "" : "s"}`;
      out.replaceChildren(
        el("p", {class: "sql-summary"}, `${shown} in ${Math.round(performance.now() - t0)} ms. `, el("a", {href: csv, download: "query.csv"}, "Download all as CSV")),
        table(rows, columns)
      );
    } catch (e) {
      out.replaceChildren(el("pre", {class: "sql-error", role: "alert"}, e instanceof Error ? e.message : String(e)));
    } finally {
      run.disabled = false;
      // How many queries have answered: a marker to wait on.
      out.dataset.runs = String(Number(out.dataset.runs ?? 0) + 1);
    }
  };
  run.addEventListener("click", execute);
  input.addEventListener("focus", warm);
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      execute();
    }
  });
  const box = el("details", {class: "sql-box"}, el("summary", {}, "Ask your own question in SQL"), input, el("div", {class: "sql-actions"}, run), status, out);
  box.addEventListener("toggle", () => (box as HTMLDetailsElement).open && warm());
  return box;
}
