// Reads the SQL that pages run in the browser (loaders/site/queries.ts), page by page.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {pageSql} from "../../loaders/site/queries.ts";
import {ROOT} from "./cli.ts";

export type PageQuery = {page: string; id: string; sql: string; params: string[]};

export function pageQueries(): PageQuery[] {
  return readdirSync(join(ROOT, "src"))
    .filter((f) => f.endsWith(".md"))
    .flatMap((page) => pageSql(readFileSync(join(ROOT, "src", page), "utf8")).queries.map((q) => ({page, id: q.id, sql: q.sql, params: q.params.map((p) => p.expr)})));
}

/** Rows as a query's result can be compared: in its order where it has an `order by`, else (no order is set) sorted. */
export function comparable<T>(sql: string, rows: T[]): T[] {
  return /\border by\b/i.test(sql) ? rows : [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
