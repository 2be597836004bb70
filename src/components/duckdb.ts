// The site's one DuckDB: every page queries its aggregates through this module.
// It runs offline: the worker and both wasm files come out of dist/_node
// (docs/offline-build.md), and Parquet is decoded by parquet-wasm because duckdb-wasm's own
// reader would try to download its extension. Neither package is imported until DuckDB
// starts: a page's first view is drawn from the answers the build wrote into it, and
// never waits for their modules.
import type {AsyncDuckDBConnection} from "@duckdb/duckdb-wasm";

// Pages pass `() => FileAttachment(...).arrayBuffer()`: a bare attachment would make
// Framework add CDN imports for Parquet (docs/offline-build.md, "Framework").
type Bytes = ArrayBuffer | Promise<ArrayBuffer>;
export type Row = Record<string, unknown>;

let started: Promise<{conn: AsyncDuckDBConnection; readParquet: (bytes: Uint8Array) => {intoIPCStream(): Uint8Array}}> | undefined;
const watchers = new Set<(bytes: number) => void>();

/** Calls `watch` with the bytes of DuckDB's engine received so far while it loads; returns the unwatch. */
export function watchLoading(watch: (bytes: number) => void): () => void {
  watchers.add(watch);
  return () => watchers.delete(watch);
}

function start() {
  return (started ??= (async () => {
    const [duckdb, parquet] = await Promise.all([import("@duckdb/duckdb-wasm"), import("parquet-wasm/esm/parquet_wasm.js")]);
    const worker = new Worker(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"), {type: "module"});
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await Promise.all([
      db.instantiate(import.meta.resolve("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"), null, (p) => watchers.forEach((watch) => watch(p.bytesLoaded))),
      parquet.default({module_or_path: import.meta.resolve("parquet-wasm/esm/parquet_wasm_bg.wasm")})
    ]);
    return {conn: await db.connect(), readParquet: parquet.readParquet};
  })());
}

const loaded = new Map<string, Promise<void>>();

/** A page's aggregates: each table's name, and how to fetch its Parquet bytes when first needed. */
export type Aggregates = Record<string, () => Bytes>;

/** Loads table `name` from its Parquet bytes, fetched then (once per page, whoever asks first). */
function load(name: string, parquet: () => Bytes): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`invalid table name: ${name}`);
  let done = loaded.get(name);
  if (!done) {
    done = (async () => {
      const [{conn, readParquet}, bytes] = await Promise.all([start(), parquet()]);
      const ipc = readParquet(new Uint8Array(bytes)).intoIPCStream();
      await conn.insertArrowFromIPCStream(ipc, {name, create: true});
    })();
    loaded.set(name, done);
  }
  return done;
}

/** Starts DuckDB and loads every aggregate of `tables` into it. */
export async function loadAll(tables: Aggregates): Promise<void> {
  await Promise.all(Object.entries(tables).map(([name, bytes]) => load(name, bytes)));
}

/** A query's answers as the build wrote them (scripts/answers.ts): by the query's text, then by the JSON of its values. */
type Answers = Record<string, {dates: string[]; columns: string[]; rows: Record<string, unknown[][]>}>;

/** The page's data block: the answers its first view may need, and the file of the rest (null: none). */
function embedded(): {first: Answers; rest: string | null} {
  const block = document.getElementById("first-view");
  return block ? JSON.parse(block.textContent ?? "") : {first: {}, rest: null};
}

/**
 * The page's `sql` tag, for its first view: a query the build answered for these values
 * comes from the page itself, or from the file of the rest of its answers (fetched when a
 * filter first asks for one), as the rows DuckDB returned for it; any other loads DuckDB
 * and the tables (fetched then, not before) and runs there. `npm run dev` writes no
 * answers, so there every query runs in DuckDB.
 */
export function firstView(tables: Aggregates) {
  const {first, rest} = embedded();
  let more: Promise<Answers> | undefined;
  const restAnswers = (url: string) => (more ??= fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: HTTP ${r.status}`)))));
  const find = (answers: Answers, text: string, values: unknown[]) => {
    const a = answers[text];
    const rows = a?.rows[JSON.stringify(values)];
    return rows && Object.assign(rows.map((r) => Object.fromEntries(a.columns.map((c, i) => [c, a.dates.includes(c) && r[i] != null ? new Date(r[i] as string) : r[i]]))), {columns: a.columns});
  };
  return async (strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]> => {
    const text = strings.join("?");
    const found = find(first, text, values) ?? (rest ? find(await restAnswers(rest), text, values) : undefined);
    if (found) return found;
    await loadAll(tables);
    return query(text, values);
  };
}

/**
 * Runs `text` with `?` placeholders bound to `params` (a page's interpolated values become
 * bound parameters, never text, so a filter's value cannot change the query's shape); rows
 * come back as plain objects.
 */
export async function query(text: string, params: unknown[] = []): Promise<Row[]> {
  const {conn} = await start();
  let table;
  if (params.length === 0) table = await conn.query(text);
  else {
    const statement = await conn.prepare(text);
    try {
      table = await statement.query(...params);
    } finally {
      await statement.close();
    }
  }
  return toRows(table);
}

// Arrow gives 64-bit integers as BigInt and dates as epoch numbers; Plot and Inputs want
// numbers and Dates.
function toRows(table: {schema: {fields: {name: string; type: {typeId: number}}[]}; toArray(): {toJSON(): Row}[]}): Row[] {
  const dates = table.schema.fields.filter((f) => isDate(f.type.typeId)).map((f) => f.name);
  const rows = table.toArray().map((r) => r.toJSON());
  for (const row of rows) {
    for (const key in row) if (typeof row[key] === "bigint") row[key] = Number(row[key]);
    for (const key of dates) if (row[key] != null) row[key] = new Date(row[key] as number);
  }
  return Object.assign(rows, {columns: table.schema.fields.map((f) => f.name)});
}

// Arrow type ids: Date = 8, Timestamp = 10.
function isDate(typeId: number) {
  return typeId === 8 || typeId === 10;
}
