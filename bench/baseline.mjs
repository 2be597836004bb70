// The engine's limit (BENCHMARKS.md, measure 1): a whole Node process in which DuckDB reads
// every line of the same files with read_ndjson_objects and extracts the fields an ingest
// needs: of transcripts, type, timestamp, session id, message id and content blocks; of
// Codex's rollouts (`codex` as the second argument), type, timestamp, the payload's type,
// its call id and its content. Plain JavaScript, run with `node`, so that it pays no
// TypeScript loader.
import {DuckDBInstance} from "@duckdb/node-api";

const [glob, format] = process.argv.slice(2);
// The same five places in each format: the line's type, its time, what groups it (a transcript's
// session; a rollout line's kind), an id (a message's; a call's), and its content.
const fields =
  format === "codex"
    ? `json ->> '$.type' as type, json ->> '$.timestamp' as ts, json -> '$.payload' ->> '$.type' as grouping, json -> '$.payload' ->> '$.call_id' as id, json -> '$.payload' -> '$.content' as content`
    : `json ->> '$.type' as type, json ->> '$.timestamp' as ts, json ->> '$.sessionId' as grouping, json -> '$.message' ->> '$.id' as id, json -> '$.message' -> '$.content' as content`;
const db = await (await DuckDBInstance.create(":memory:")).connect();
const rows = await db.runAndReadAll(`
  select count(type), count(ts), count(distinct grouping), count(id), count(content)
  from (select ${fields} from read_ndjson_objects('${glob.replace(/'/g, "''")}', ignore_errors = true))`);
process.stdout.write(`${JSON.stringify(rows.getRows()[0].map(Number))}\n`);
db.closeSync();
