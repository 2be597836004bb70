// Canonical tables written from rows a test spells out, through the same SQL the ingest
// uses (loaders/tables.ts), so a metric can be checked against numbers worked out by hand.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {metricSql, statement} from "../../loaders/metrics/sql.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {TABLES, TABLE_NAMES, copySql, partsSql, type Row, type TableName} from "../../loaders/tables.ts";
import {tmp} from "./cli.ts";

/** Every column NULL unless the row says otherwise; timestamps as ISO strings. */
function complete(table: TableName, row: Row): Row {
  const out: Row = {};
  for (const [name, type] of TABLES[table]) {
    if (name === "tenure" && table === "sessions") continue;
    const v = row[name] ?? null;
    out[name] = type === "TIMESTAMP" && typeof v === "string" ? Date.parse(v) : v;
  }
  return out;
}

export async function tables(rows: Partial<Record<TableName, Row[]>>): Promise<string> {
  const dir = tmp();
  const db = await (await DuckDBInstance.create(":memory:")).connect();
  for (const t of TABLE_NAMES) {
    const part = join(dir, `${t}.jsonl`);
    writeFileSync(part, (rows[t] ?? []).map((r) => JSON.stringify(complete(t, r)) + "\n").join(""));
    await db.run(copySql(t, partsSql(t, (rows[t] ?? []).length ? [part] : []), join(dir, `${t}.parquet`), partsSql("sessions", [])));
  }
  db.closeSync();
  return dir;
}

/** Runs a metric's SQL over tables, as the data loader does. */
export async function metric(name: string, dir: string, minUsers = 1, where = ""): Promise<Record<string, unknown>[]> {
  const db = await connect(dir, minUsers);
  try {
    const rows = (await db.runAndReadAll(`select * from (${statement(metricSql(name))}) ${where}`)).getRowObjectsJS();
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  } finally {
    db.closeSync();
  }
}

/** The Wilson 95% interval, written out independently of the SQL macro. */
export function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const center = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [(center - half) / (1 + (z * z) / n), (center + half) / (1 + (z * z) / n)];
}
