// DuckDB-wasm in Node: the engine the browser runs, loading Parquet the way the site's
// module does (parquet-wasm → Arrow IPC), so a test can run a page's SQL on it.
import {createRequire} from "node:module";
import {dirname, join} from "node:path";

const require = createRequire(import.meta.url);

type Table = {toArray(): {toJSON(): Record<string, unknown>}[]};
export type WasmDb = {
  load(name: string, parquet: Uint8Array): void;
  query(sql: string, params?: unknown[]): Record<string, unknown>[];
  close(): void;
};

export async function wasmDuckDB(): Promise<WasmDb> {
  const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
  const {readParquet} = require("parquet-wasm/node");
  const dist = dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs"));
  const db = await duckdb.createDuckDB(
    {mvp: {mainModule: join(dist, "duckdb-mvp.wasm"), mainWorker: ""}, eh: {mainModule: join(dist, "duckdb-eh.wasm"), mainWorker: ""}},
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME
  );
  await db.instantiate();
  const conn = db.connect();
  const rows = (t: Table) =>
    t.toArray().map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  return {
    load(name, parquet) {
      conn.insertArrowFromIPCStream(readParquet(parquet).intoIPCStream(), {name, create: true});
    },
    query(sql, params = []) {
      if (params.length === 0) return rows(conn.query(sql));
      const statement = conn.prepare(sql);
      try {
        return rows(statement.query(...params));
      } finally {
        statement.close();
      }
    },
    close() {
      conn.close();
    }
  };
}
