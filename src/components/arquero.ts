// Arquero for the page: its package entry imports node:fs (the `browser` field is not
// applied to node_modules imports here), so the page takes the browser build
// (docs/offline-build.md, "Arquero").
// @ts-expect-error: the UMD build has no types of its own; they are the package's.
import * as umd from "arquero/dist/arquero.js";
import type * as Arquero from "arquero";

export const aq: typeof Arquero = (umd as {default?: typeof Arquero}).default ?? (umd as typeof Arquero);

/**
 * A query's rows as a table that keeps its columns when no row came back (a filter with
 * no cell to show), so that the reshaping after it still finds them.
 */
export function frame(rows: Record<string, unknown>[] & {columns?: string[]}) {
  const columns = rows.columns ?? Object.keys(rows[0] ?? {});
  return aq.table(Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c])])));
}
