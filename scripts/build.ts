// Builds the site: Framework's build with every data loader run afresh (its cache would
// keep aggregates of other data), then a Content-Security-Policy in every page.
import {spawnSync} from "node:child_process";
import {rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {addPolicy} from "./csp.ts";

export const ROOT = resolve(import.meta.dirname, "..");

export function build(env: NodeJS.ProcessEnv = process.env): {status: number | null; output: string} {
  rmSync(join(ROOT, "src", ".observablehq", "cache", "data"), {recursive: true, force: true});
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "observable"), ["build"], {
    cwd: ROOT,
    env: {...env, OBSERVABLE_TELEMETRY_DISABLE: "true"},
    encoding: "utf8",
    stdio: env === process.env ? "inherit" : "pipe"
  });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  if (run.status === 0) addPolicy(resolve(ROOT, env.AUTONOMY_OUTPUT ?? "dist"));
  return {status: run.status, output};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = build().status ?? 1;
