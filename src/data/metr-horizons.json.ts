// METR's published 50% time horizons (data/metr-horizons.csv, attributed in data/METR.md),
// for the F9 chart only: the columns it draws, not METR's files.
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {ROOT} from "../../loaders/paths.ts";

const db = await (await DuckDBInstance.create(":memory:")).connect();
const rows = await db.runAndReadAll(`
  select model, strftime(release_date, '%Y-%m-%d') as release_date, horizon50_min, ci_low_min, ci_high_min, metr_version
  from read_csv('${join(ROOT, "data", "metr-horizons.csv")}', header = true)
  order by metr_version, release_date, model`);
process.stdout.write(JSON.stringify(rows.getRowObjectsJson()));
db.closeSync();
