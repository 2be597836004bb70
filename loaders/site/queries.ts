// The SQL a finding page runs in the browser, read from its source: the aggregates it
// loads (`name: FileAttachment("data/<file>.parquet")`), the queries it defines once as a
// function of the tag (`const cellsQuery = (q) => q\`...\``), and the queries it awaits with
// no parameter (`await sql\`select distinct ...\``). Each `${...}` is a bound parameter, compared
// with one column of the query's table; its values are that column's. The values a page opens
// on are the string literals of the control that declares the parameter
// (`const model = view(Inputs.select(models, {value: "(all)"}))`), or '(all)'.
export type PageQuery = {
  id: string;
  /** The text the site's `sql` tag prepares: each interpolation a `?`. */
  sql: string;
  /**
   * Each parameter's expression in the page, the column it is compared with, and the values
   * the page may open on (null: the page's source does not say, so any).
   */
  params: {expr: string; column: string; first: string[] | null}[];
  /** The table the query reads first (its `from`). */
  table: string;
};

export type PageSql = {tables: Record<string, string>; queries: PageQuery[]};

export function pageSql(text: string): PageSql {
  const tables = Object.fromEntries([...text.matchAll(/(\w+): (?:\(\) => )?FileAttachment\("data\/([\w-]+\.parquet)"\)/g)].map((m) => [m[1], m[2]]));
  const defined = [...text.matchAll(/const (\w+)Query = \(q\) => q`([\s\S]*?)`;/g)].map((m) => ({id: m[1], body: m[2]}));
  const plain = [...text.matchAll(/\bawait sql`([^`$]*)`/g)].map((m, i) => ({id: `plain${i}`, body: m[1]}));
  const queries = [...defined, ...plain].map(({id, body}) => {
    // The text is kept as the tag sees it (each interpolation a `?`): it is the key the page looks its answers up by.
    const sql = body.replace(/\$\{[^}]+\}/g, "?");
    const params = [...body.matchAll(/\$\{([^}]+)\}/g)].map((m) => {
      const expr = m[1].trim();
      return {expr, column: /(\w+)\s*=\s*$/.exec(body.slice(0, m.index))?.[1] ?? "", first: firstValues(text, expr)};
    });
    return {id, sql, params, table: /\bfrom\s+(\w+)/i.exec(sql)?.[1] ?? ""};
  });
  return {tables, queries};
}

/** The values the control that declares `name` may open on: the string literals of its line, and '(all)'; null where no control declares it. */
function firstValues(text: string, name: string): string[] | null {
  const line = new RegExp(`^const ${name} = view\\(.*$`, "m").exec(text)?.[0];
  return line ? [...new Set([...[...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]), "(all)"])] : null;
}
