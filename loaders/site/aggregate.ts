// Runs a metric's SQL (loaders/metrics/<name>.sql) over the canonical tables and writes
// the aggregate as Parquet to stdout: the body of every Framework data loader in src/data/.
import {createReadStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {currentTables} from "../ingest/output.ts";
import {metricSql, statement} from "../metrics/sql.ts";
import {TABLE_NAMES} from "../tables.ts";
import {builtTables} from "./built.ts";

/** A connection with the canonical tables of an output folder's current generation as views, the publication threshold set, and the macros every metric may use. */
export async function connect(out: string, minUsers: number): Promise<DuckDBConnection> {
  const {DuckDBInstance} = await import("@duckdb/node-api");
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const dir = currentTables(out);
  for (const table of TABLE_NAMES) {
    await db.run(`create view ${table} as select * from read_parquet('${join(dir, `${table}.parquet`).replace(/'/g, "''")}')`);
  }
  await db.run(`set variable min_users = ${minUsers}`);
  for (const shared of ["macros", "involvement"]) await db.run(metricSql(shared));
  return db;
}

export async function writeAggregate(name: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const {dir, origin} = builtTables();
  const db = await connect(dir, origin.minUsers);
  const tmp = mkdtempSync(join(tmpdir(), "aggregate-"));
  try {
    const file = join(tmp, `${name}.parquet`);
    await db.run(`copy (${statement(metricSql(name))}) to '${file}' (format parquet, compression zstd)`);
    await pipeline(createReadStream(file), out, {end: false});
  } finally {
    db.closeSync();
    rmSync(tmp, {recursive: true, force: true});
  }
}
