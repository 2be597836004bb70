// A metric's SQL as the loaders run it and the pages show it: one file per finding in this
// folder (and the shared macros.sql and involvement.sql).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {LIBRARY} from "../paths.ts";

export function metricSql(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid metric name: ${name}`);
  return readFileSync(join(LIBRARY, "metrics", `${name}.sql`), "utf8");
}

/** Strips the line comments and the final semicolon that a readable SQL file carries. */
export function statement(sql: string): string {
  return sql.replace(/(^|\s)--[^\n]*/g, "$1").trim().replace(/;\s*$/, "");
}
