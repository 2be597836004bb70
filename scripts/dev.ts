// npm run dev [-- <preview options>]: resolves the canonical tables once, as a build does
// (scripts/build.ts), then serves the site with Framework's preview on 127.0.0.1, which
// reloads a page when it or its data loaders change. Restart it after changing loaders/.
import {spawn} from "node:child_process";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../loaders/paths.ts";
import {loaderEnv} from "../loaders/site/built.ts";
import {siteTables} from "../loaders/site/tables.ts";
import {LOADER_CACHE, takeTurn} from "./build.ts";
import {bundlePlot} from "./plot.ts";

const tables = await siteTables().catch((e: Error) => {
  process.stderr.write(`dev: ${e.message}\n`);
  process.exit(1);
});
// Aggregates a previous run made may be of other tables, or of other SQL: made afresh.
// The charts' Plot (scripts/plot.ts) is written too, under the same turn as a build's.
const release = takeTurn();
rmSync(LOADER_CACHE, {recursive: true, force: true});
await bundlePlot({all: true}).finally(release);
const preview = spawn(join(ROOT, "node_modules", ".bin", "observable"), ["preview", "--host", "127.0.0.1", ...process.argv.slice(2)], {
  cwd: ROOT,
  env: {...process.env, ...loaderEnv(tables), OBSERVABLE_TELEMETRY_DISABLE: "true"},
  stdio: "inherit"
});
preview.on("exit", (code) => process.exit(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
