// Reads the SQL that pages run in the browser: their ```sql blocks, with each `${...}`
// interpolation turned into the bound parameter the site's `sql` tag makes of it.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "./cli.ts";

export type PageQuery = {page: string; id: string; sql: string; params: string[]};

export function pageQueries(): PageQuery[] {
  const out: PageQuery[] = [];
  for (const page of readdirSync(join(ROOT, "src")).filter((f) => f.endsWith(".md"))) {
    const text = readFileSync(join(ROOT, "src", page), "utf8");
    for (const m of text.matchAll(/```sql([^\n]*)\n([\s\S]*?)```/g)) {
      const id = /id=(\w+)/.exec(m[1])?.[1] ?? "";
      const params: string[] = [];
      const sql = m[2].replace(/\$\{([^}]+)\}/g, (_, expr: string) => (params.push(expr.trim()), "?"));
      out.push({page, id, sql, params});
    }
  }
  return out;
}
