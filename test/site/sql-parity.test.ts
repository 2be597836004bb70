// Every ```sql block of every page runs on DuckDB-wasm (the browser's engine) and on
// native DuckDB over the same aggregate Parquet, and both return the same rows.
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, test} from "vitest";
import {ROOT, tmp} from "../helpers/cli.ts";
import {pageSql} from "../../loaders/site/queries.ts";
import {comparable, pageQueries} from "../helpers/pages.ts";
import {wasmDuckDB} from "../helpers/wasm.ts";
import {dataFile, handEnv} from "../helpers/site-corpus.ts";

// The values a reader's filters give each interpolated expression.
const VALUES: Record<string, unknown[]> = {
  model: ["(all)", "claude-opus-4-5-20251101"],
  sessions: ["interactive", "(all)"],
  tenure: ["(all)", "0–9"],
  source: ["(all)", "claude-code", "otel"],
  agent: ["(all)", "claude-code", "codex"],
  complexity: ["(all)", "low"],
  period: ["(all)", "2025-11"]
};

const tablesOf = (page: string) => pageSql(readFileSync(join(ROOT, "src", page), "utf8")).tables;

function combinations(params: string[]): unknown[][] {
  return params.reduce<unknown[][]>((acc, p) => acc.flatMap((c) => (VALUES[p] ?? [undefined]).map((v) => [...c, v])), [[]]);
}

const normalise = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.getTime() : typeof v === "number" ? Number(v.toPrecision(12)) : v])));

const env = await handEnv();

describe("page SQL: DuckDB-wasm and native DuckDB agree", () => {
  const queries = pageQueries();
  const built = new Map<string, Buffer>();
  const aggregate = (file: string) => built.get(file) ?? built.set(file, dataFile(file, env)).get(file)!;

  test("every page query has values for its parameters", () => {
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) for (const p of q.params) expect(VALUES, `${q.page} ${q.id}: ${p}`).toHaveProperty(p);
  });

  test.each(queries.map((q) => [`${q.page} ${q.id}`, q] as const))("%s", async (_, q) => {
    const dir = tmp();
    const wasm = await wasmDuckDB();
    const native = await (await DuckDBInstance.create(":memory:")).connect();
    for (const [name, file] of Object.entries(tablesOf(q.page))) {
      const bytes = aggregate(file);
      writeFileSync(join(dir, file), bytes);
      wasm.load(name, new Uint8Array(bytes));
      await native.run(`create table ${name} as select * from read_parquet('${join(dir, file)}')`);
    }
    for (const values of combinations(q.params)) {
      const a = wasm.query(q.sql, values);
      const prepared = await native.prepare(q.sql);
      values.forEach((v, i) => prepared.bindVarchar(i + 1, String(v)));
      const b = (await prepared.runAndReadAll()).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
      expect(comparable(q.sql, normalise(a)), JSON.stringify(values)).toEqual(comparable(q.sql, normalise(b)));
    }
    wasm.close();
    native.closeSync();
  });
});
