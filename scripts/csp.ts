// A Content-Security-Policy for every built page: scripts only from the site itself (the
// inline scripts Framework writes are allowed by their hashes), WebAssembly for DuckDB and
// Parquet, and no connection to any other host. Arquero compiles its table expressions
// with `Function`, so the pages that load it (and only those) may evaluate code; no page
// may run inline script it did not ship with.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

function hash(script: string): string {
  return `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
}

export function policy(html: string): string {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${html.includes("/_node/arquero@") ? " 'unsafe-eval'" : ""} ${inline.join(" ")}`.trim(),
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'"
  ].join("; ");
}

/** Writes the policy into every HTML page under `dir`, first thing in its head. */
export function addPolicy(dir: string): void {
  for (const name of readdirSync(dir, {recursive: true}).map(String).filter((f) => f.endsWith(".html"))) {
    const path = join(dir, name);
    const html = readFileSync(path, "utf8").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "");
    writeFileSync(path, html.replace("<head>", `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy(html)}">`));
  }
}
