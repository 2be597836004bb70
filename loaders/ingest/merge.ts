// `agent-autonomy merge <shards> --out <dir>`: a folder of shards (`ingest --shard i/n`,
// shard.ts) → one output folder whose tables are, byte for byte, those one ingest of the
// same input writes, and whose report counts what they counted together. The rows are
// the shards' own; what one ingest decides across all its input is decided again here:
// a session a transcript holds is not kept again from telemetry another shard read, tenure
// counts the sessions kept, and every table is written in one ingest's order. One output folder is copied as it is
// (a site built from tables takes either: site/tables.ts).
import {readFileSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {acrossShardsSql, parquetSql, perTable, shadowedSql, TABLE_NAMES, writeTableSql, type TableName} from "../tables.ts";
import {InputError} from "../errors.ts";
import {buildGeneration, checkOut, holdsTables, tableFolders, valueOf, writeStages} from "./output.ts";
import {addCounts, emptyCounts, reportOf, type IngestReport} from "./report.ts";

/** The shards' reports as one: their counts added up, as one ingest adds up its groups' (report.ts). */
function mergeReports(reports: IngestReport[], tables: Record<TableName, number>, shadowed: number): IngestReport {
  const totals = emptyCounts();
  for (const r of reports) addCounts(totals, r);
  return reportOf(reports[0].inputs, totals, shadowed, tables, reports.flatMap((r) => r.files_with_skips));
}

export async function merge(shards: string, outDir: string): Promise<IngestReport> {
  const root = resolve(shards);
  if (!holdsTables(root)) throw new InputError(`no tables in ${shards}: an ingest's output folder, or a folder of shards (ingest --shard i/n --out ${shards} writes them)`);
  const folders = tableFolders(root);
  const reports = folders.map((d) => JSON.parse(readFileSync(join(d, "ingest-report.json"), "utf8")) as IngestReport);
  const out = resolve(outDir);
  checkOut(out);
  return buildGeneration(out, async (work, generation) => {
    const files = (t: TableName) => folders.map((d) => join(d, `${t}.parquet`));
    const read = (t: TableName) => parquetSql(files(t));
    const bytes = TABLE_NAMES.flatMap(files).reduce((n, f) => n + statSync(f).size, 0);
    const [counts] = await writeStages(work, bytes, [
      {
        statements: [
          ...TABLE_NAMES.map((t) => (db: DuckDBConnection) => valueOf(db, writeTableSql(t, acrossShardsSql(t, read), join(generation, `${t}.parquet`)))),
          // Sessions each shard kept, that another shard's transcripts hold: one ingest drops them.
          (db: DuckDBConnection) => valueOf(db, shadowedSql(read("sessions")))
        ]
      }
    ]);
    const report = mergeReports(reports, perTable((_, i) => counts[i]), counts[TABLE_NAMES.length]);
    writeFileSync(join(generation, "ingest-report.json"), JSON.stringify(report, null, 2) + "\n");
    return report;
  });
}
