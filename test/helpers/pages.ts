// Reads the SQL that pages run in the browser: their ```sql blocks, and the queries they
// define once as a function of the tag (`const cellsQuery = (q) => q\`...\``, run with
// the site's `sql` and shown in the SQL box), with each `${...}` interpolation turned into
// the bound parameter the site's `sql` tag makes of it.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "./cli.ts";

export type PageQuery = {page: string; id: string; sql: string; params: string[]};

export function pageQueries(): PageQuery[] {
  const out: PageQuery[] = [];
  for (const page of readdirSync(join(ROOT, "src")).filter((f) => f.endsWith(".md"))) {
    const text = readFileSync(join(ROOT, "src", page), "utf8");
    const blocks = [...text.matchAll(/```sql([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({id: /id=(\w+)/.exec(m[1])?.[1] ?? "", body: m[2]}));
    const defined = [...text.matchAll(/const (\w+)Query = \(q\) => q`([\s\S]*?)`;/g)].map((m) => ({id: m[1], body: m[2]}));
    for (const {id, body} of [...blocks, ...defined]) {
      const params: string[] = [];
      const sql = body.replace(/\$\{([^}]+)\}/g, (_, expr: string) => (params.push(expr.trim()), "?"));
      out.push({page, id, sql, params});
    }
  }
  return out;
}
