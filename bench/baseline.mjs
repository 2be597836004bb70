// The engine's limit (BENCHMARKS.md, measure 1): a whole Node process in which DuckDB reads
// every line of the same files with read_ndjson_objects and extracts the fields an ingest
// needs (type, timestamp, session id, message id, content blocks). Plain JavaScript, run
// with `node`, so that it pays no TypeScript loader.
import {DuckDBInstance} from "@duckdb/node-api";

const glob = process.argv[2];
const db = await (await DuckDBInstance.create(":memory:")).connect();
const rows = await db.runAndReadAll(`
  select count(type), count(ts), count(distinct session), count(message), count(content)
  from (
    select
      json ->> '$.type' as type,
      json ->> '$.timestamp' as ts,
      json ->> '$.sessionId' as session,
      json -> '$.message' ->> '$.id' as message,
      json -> '$.message' -> '$.content' as content
    from read_ndjson_objects('${glob.replace(/'/g, "''")}', ignore_errors = true)
  )`);
process.stdout.write(`${JSON.stringify(rows.getRows()[0].map(Number))}\n`);
db.closeSync();
