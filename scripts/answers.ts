// A page's first view without DuckDB in the browser: after the build, native DuckDB runs
// every query a page defines (loaders/site/queries.ts) over the very Parquet files the
// page publishes, for every value its filters can take. The answers for the values the page
// opens on go into the page as a JSON data block; the rest go into a file of their own
// (`_file/answers/<page>.<hash>.json`), which the page fetches when a filter first asks for
// one. The page's `sql` tag (src/components/duckdb.ts) answers from them, and starts
// DuckDB-wasm only for a query they do not hold, or for the reader's own SQL.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {pageSql, type PageQuery, type PageSql} from "../loaders/site/queries.ts";
import {sqlString} from "../loaders/tables.ts";

/** The id of the data block, which the page reads. */
export const BLOCK_ID = "first-view";
/** The data block in a built page, its JSON the first group. */
const BLOCK = new RegExp(`<script type="application/json" id="${BLOCK_ID}">([\\s\\S]*?)</script>\\n?`);

/** One query's answers: its date columns (sent as ISO text), and its rows by the JSON of their parameters' values. */
export type Answers = Record<string, {dates: string[]; columns: string[]; rows: Record<string, unknown[][]>}>;

/** The page's data block: the answers its first view may need, and where the rest are (null: there are none). */
export type Block = {first: Answers; rest: string | null};

/**
 * Every combination of the parameters' values: each the distinct values of its column in
 * every table of the page that has one, since a filter offers what any of them holds (F3's
 * sessions come from f3, and its curve and the person's own points are asked for each).
 * Where no table holds a value (files only some sites fill), the values the page opens on,
 * so that its first view still has its (empty) answer.
 */
function combinations(q: PageQuery, held: Map<string, unknown[]>): unknown[][] {
  let out: unknown[][] = [[]];
  for (const p of q.params) {
    if (!p.column) return [];
    const found = held.get(p.column)!;
    const values = found.length ? found : (p.first ?? []);
    out = out.flatMap((c) => values.map((v) => [...c, typeof v === "bigint" ? Number(v) : v]));
  }
  return out;
}

/** Each of `columns` with its distinct values in every table of the page that has it. */
async function heldValues(db: DuckDBConnection, columns: Set<string>): Promise<Map<string, unknown[]>> {
  const held = new Map<string, unknown[]>();
  for (const column of columns) {
    const tables = (await db.runAndReadAll(`select table_name from information_schema.columns where column_name = ${sqlString(column)} order by table_name`)).getRowsJS().map((r) => String(r[0]));
    const union = tables.map((t) => `select ${column} from ${t} where ${column} is not null`).join(" union ");
    held.set(column, union ? (await db.runAndReadAll(`select distinct * from (${union}) order by all`)).getRowsJS().map((r) => r[0]) : []);
  }
  return held;
}

async function answer(db: DuckDBConnection, q: PageQuery, held: Map<string, unknown[]>): Promise<Answers[string] | null> {
  const combos = combinations(q, held);
  if (!combos.length) return null;
  const entry: Answers[string] = {dates: [], columns: [], rows: {}};
  const prepared = await db.prepare(q.sql);
  for (const values of combos) {
    values.forEach((v, i) => (typeof v === "number" ? prepared.bindDouble(i + 1, v) : prepared.bindVarchar(i + 1, String(v))));
    const reader = await prepared.runAndReadAll();
    entry.columns = reader.columnNames();
    entry.dates = reader.columnTypes().flatMap((t, i) => (/^(DATE|TIMESTAMP)/.test(t.toString()) ? [entry.columns[i]] : []));
    entry.rows[JSON.stringify(values)] = reader.getRowsJS().map((row) => row.map((v) => (typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v)));
  }
  return entry;
}

/** Where the build put a page's `data/<file>.parquet`: Framework names it by its content (`_file/data/<stem>.<hash>.parquet`). */
export function builtFile(dist: string, file: string): string {
  const files = join(dist, "_file", "data");
  const built = readdirSync(files).find((f) => f.startsWith(`${file.replace(/\.parquet$/, "")}.`) && f.endsWith(".parquet"));
  if (!built) throw new Error(`answers: no built file for ${file}`);
  return join(files, built);
}

/** The answers of one page's queries, over the built site's Parquet files in `dist`. */
export async function pageAnswers(dist: string, {tables, queries}: PageSql): Promise<Answers> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    for (const [name, file] of Object.entries(tables)) await db.run(`create view ${name} as select * from read_parquet(${sqlString(builtFile(dist, file))})`);
    const out: Answers = {};
    const held = await heldValues(db, new Set(queries.flatMap((q) => q.params.map((p) => p.column).filter(Boolean))));
    for (const q of queries) {
      const a = await answer(db, q, held);
      if (a) out[q.sql] = a;
    }
    return out;
  } finally {
    db.closeSync();
  }
}

/** Splits a page's answers into those for the values the page may open on and the rest. */
export function splitAnswers(queries: PageQuery[], answers: Answers): {first: Answers; rest: Answers} {
  const first: Answers = {};
  const rest: Answers = {};
  const params = new Map(queries.map((q) => [q.sql, q.params]));
  for (const [sql, a] of Object.entries(answers)) {
    for (const [key, rows] of Object.entries(a.rows)) {
      const opens = (JSON.parse(key) as unknown[]).every((v, i) => params.get(sql)?.[i]?.first?.includes(String(v)) ?? true);
      const into = opens ? first : rest;
      (into[sql] ??= {...a, rows: {}}).rows[key] = rows;
    }
  }
  return {first, rest};
}

// `<` escaped: the text can never close the element it is written into.
const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/** Writes the answers into every built page whose source defines queries, and the rest beside; returns the pages and the bytes in each. */
export async function answerPages(dist: string, src: string): Promise<{pages: number; first: number; rest: number}> {
  const out = {pages: 0, first: 0, rest: 0};
  for (const md of readdirSync(src).filter((f) => f.endsWith(".md"))) {
    const html = join(dist, md.replace(/\.md$/, ".html"));
    const source = readFileSync(join(src, md), "utf8");
    if (!existsSync(html) || !source.includes("firstView(")) continue;
    const sql = pageSql(source);
    const {first, rest} = splitAnswers(sql.queries, await pageAnswers(dist, sql));
    let restPath: string | null = null;
    if (Object.keys(rest).length) {
      const text = json(rest);
      restPath = `./_file/answers/${md.replace(/\.md$/, "")}.${createHash("sha256").update(text).digest("hex").slice(0, 8)}.json`;
      mkdirSync(join(dist, "_file", "answers"), {recursive: true});
      writeFileSync(join(dist, restPath), text);
      out.rest += text.length;
    }
    const block = json({first, rest: restPath} satisfies Block);
    const page = readFileSync(html, "utf8").replace(BLOCK, "");
    writeFileSync(html, page.replace("</head>", `<script type="application/json" id="${BLOCK_ID}">${block}</script>\n</head>`));
    out.pages++;
    out.first += block.length;
  }
  return out;
}

/** Every answer a built page holds, in its data block and in the file of the rest. */
export function builtAnswers(dist: string, page: string): Answers {
  const html = readFileSync(join(dist, `${page}.html`), "utf8");
  const text = BLOCK.exec(html)?.[1];
  if (!text) throw new Error(`answers: ${page}.html holds no answers`);
  const {first, rest} = JSON.parse(text) as Block;
  const all: Answers = structuredClone(first);
  if (rest) {
    for (const [sql, a] of Object.entries(JSON.parse(readFileSync(join(dist, rest), "utf8")) as Answers)) Object.assign((all[sql] ??= {...a, rows: {}}).rows, a.rows);
  }
  return all;
}
