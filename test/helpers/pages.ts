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
