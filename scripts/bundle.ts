// Bundles the library into lib/ (run by `npm install` through `prepare`): the command and
// its worker threads start from one JavaScript file each instead of compiling some forty
// TypeScript modules on every run. bin/agent-autonomy.js runs the bundle only while it is
// newer than every source file, so an edit to loaders/ is never hidden by a stale bundle.
import {build} from "esbuild";
import {join} from "node:path";
import {ROOT} from "../loaders/paths.ts";

await build({
  entryPoints: {
    cli: join(ROOT, "loaders", "cli.ts"),
    "ingest-worker": join(ROOT, "loaders", "ingest", "worker.ts"),
    "find-worker": join(ROOT, "loaders", "ingest", "find-worker.ts"),
    "generate-worker": join(ROOT, "loaders", "generate", "worker.ts")
  },
  outdir: join(ROOT, "lib"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Native and loader packages stay in node_modules.
  external: ["@duckdb/node-api", "tsx", "tsx/*", "vega-statistics"],
  define: {BUNDLED: "true"},
  logLevel: "warning"
});
