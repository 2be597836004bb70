// Runs a metric's SQL (loaders/metrics/<name>.sql) over the canonical tables and writes
// the aggregate as Parquet to stdout: the body of every Framework data loader in src/data/.
import {createReadStream, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import type {DuckDBConnection} from "@duckdb/node-api";
import {duckdb} from "../duckdb.ts";
import {tableFolders} from "../ingest/output.ts";
import {metricSql, statement} from "../metrics/sql.ts";
import {acrossShardsSql, parquetSql, TABLE_NAMES} from "../tables.ts";
import {builtTables, onePerson} from "./built.ts";

/**
 * A connection with the canonical tables of an output folder's current generation (or of
 * every shard of a folder of shards) as views, the publication threshold set, and the
 * macros every metric may use. Shards' tables are read as one ingest keeps its input
 * (acrossShardsSql): the telemetry and the transcript of a session may have been read by
 * different shards.
 */
export async function connect(out: string, minUsers: number): Promise<DuckDBConnection> {
  const {DuckDBInstance} = duckdb();
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  const folders = tableFolders(out);
  const read = (table: string) => parquetSql(folders.map((d) => join(d, `${table}.parquet`)));
  for (const table of TABLE_NAMES) await db.run(`create view ${table} as select * from ${folders.length > 1 ? acrossShardsSql(table, read) : read(table)}`);
  await db.run(`set variable min_users = ${minUsers}`);
  for (const shared of ["macros", "involvement"]) await db.run(metricSql(shared));
  return db;
}

/**
 * A smoother's points (loaders/metrics/<name>.sql: user_id, the cell columns, x, y) where
 * the site is built from one person's logs with a threshold of one user: theirs to see,
 * without the user's id, each point in every cell it falls in (each column at its value
 * or '(all)', as the smoother's cells). For several people's logs, or a higher threshold,
 * no rows: their points are never published.
 */
export const writeOnePersonsPoints = (name: string, cells: readonly string[], out: NodeJS.WritableStream = process.stdout) =>
  writeAggregate(name, out, (sql) => `
    select x, y, ${cells.map((c, i) => `case when all${i} then '(all)' else ${c}::VARCHAR end as ${c}`).join(", ")}
    from (${sql}) ${cells.map((_, i) => `cross join (select unnest([false, true]) as all${i})`).join(" ")}
    where ${onePerson(builtTables().origin)}
    order by all`);

/**
 * A build that sets AUTONOMY_HIDDEN to a folder learns from each aggregate how many of its
 * cells the threshold hid: `<name>.json`, {shown, all}, all counted at a threshold of one
 * user (scripts/build.ts prints the sum, one line).
 */
export const HIDDEN_ENV = "AUTONOMY_HIDDEN";

export async function writeAggregate(name: string, out: NodeJS.WritableStream = process.stdout, select?: (sql: string) => string): Promise<void> {
  const {dir, origin} = builtTables();
  const db = await connect(dir, origin.minUsers);
  const tmp = mkdtempSync(join(tmpdir(), "aggregate-"));
  try {
    const file = join(tmp, `${name}.parquet`);
    const sql = statement(metricSql(name));
    await db.run(`copy (${select ? select(sql) : sql}) to '${file}' (format parquet, compression zstd)`);
    await pipeline(createReadStream(file), out, {end: false});
    const hidden = process.env[HIDDEN_ENV];
    if (hidden && !select) {
      const count = async (query: string) => Number((await db.runAndReadAll(`select count(*) from (${query})`)).getRows()[0][0]);
      const shown = await count(`from read_parquet('${file}')`);
      await db.run("set variable min_users = 1");
      writeFileSync(join(hidden, `${name}.json`), JSON.stringify({shown, all: await count(sql)}));
    }
  } finally {
    db.closeSync();
    rmSync(tmp, {recursive: true, force: true});
  }
}
