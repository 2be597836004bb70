#!/usr/bin/env node
// The installed command. It runs the bundle in lib/ (built by `npm install`) when the
// bundle is newer than every file of loaders/, else the TypeScript source through tsx, so
// that a clone needs no compile step and an edit is never hidden by an old bundle.
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";

const root = join(import.meta.dirname, "..");
const bundle = join(root, "lib", "cli.js");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

let cli;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newest(join(root, "loaders"))) cli = await import(bundle);
else {
  const {register} = await import("tsx/esm/api");
  register();
  cli = await import("../loaders/cli.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
