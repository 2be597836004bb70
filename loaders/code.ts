// What a result depends on in the library: the source files its entry modules load,
// followed through their relative imports. A cache keyed on their digest is invalidated by
// an edit to that code and by no other: editing a metric's SQL does not re-ingest, and
// editing the ingest does not regenerate the fleet.
import {createHash} from "node:crypto";
import {existsSync, readFileSync} from "node:fs";
import {dirname, relative, resolve} from "node:path";
import {LIBRARY} from "./paths.ts";

// Static imports and re-exports (`import x from "./a.ts"`, `export {y} from "../b.ts"`),
// bare imports (`import "./c.ts"`) and dynamic ones (`import("./d.ts")`).
const IMPORT = /\b(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']/g;

/** The files `file` imports by a relative path (a `.js` name that is a TypeScript file's, as pages write them, resolved to it). */
export function importsOf(file: string): string[] {
  const out = new Set<string>();
  for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".")) continue;
    const path = resolve(dirname(file), spec);
    out.add(!existsSync(path) && path.endsWith(".js") && existsSync(`${path.slice(0, -3)}.ts`) ? `${path.slice(0, -3)}.ts` : path);
  }
  return [...out];
}

/** Every library file that `entries` (paths under loaders/) load, themselves included, sorted. */
export function sourcesOf(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const imported of importsOf(file)) visit(imported);
  };
  for (const entry of entries) visit(resolve(LIBRARY, entry));
  return [...seen].sort();
}

/** A digest of the files `entries` load: their places under loaders/ and their bytes. */
export function codeDigest(entries: string[]): string {
  const hash = createHash("sha256");
  for (const file of sourcesOf(entries)) hash.update(relative(LIBRARY, file)).update("\u0000").update(readFileSync(file)).update("\u0000");
  return hash.digest("hex");
}
