// DuckDB's Node API, loaded with require(). The package is CommonJS: imported as a module,
// Node first runs its export lexer over the package's files, which took 50 ms of the
// command's start and 0.2 s of V8's compiler on another core (BENCHMARKS.md, §1).
import {createRequire} from "node:module";

type DuckDB = typeof import("@duckdb/node-api");

const require = createRequire(import.meta.url);

/** The API, loaded on the first call (140 ms); synchronous, so a caller chooses when it loads. */
export const duckdb = (): DuckDB => require("@duckdb/node-api") as DuckDB;
