// A Content-Security-Policy for every built page: scripts only from the site itself (the
// inline scripts Framework writes are allowed by their hashes), WebAssembly for DuckDB and
// Parquet, and no connection to any other host. Arquero compiles its table expressions
// with `Function`, so the pages that load it (and only those) may evaluate code; no page
// may run inline script it did not ship with.
//
// Inline event handlers have a directive of their own, `script-src-attr`, and run nothing.
// It allows one kind of text by hash, htl's placeholders. htl (Framework's `html`, and what
// Inputs builds its widgets with) writes a function bound to an unquoted attribute, as in
// html`<input oninput=${f}>`, as the text `::N` first (N: the binding's place in its
// template), parses the markup in a <template>, imports it into the page, and only then
// swaps the attribute for the function. Chromium checks the attribute on import (156 does;
// 150 did not), so every widget with a handler reported a violation. A placeholder cannot
// run code: compiled as a handler, `::N` is a syntax error, and htl removes it before any
// event. Only the placeholders the site's own modules can write are allowed, found by
// parsing those modules (`handlerPlaceholders`), not guessed.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parse} from "acorn";
import {simple} from "acorn-walk";

function hash(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

/** `html` is a page; `placeholders` the handler texts htl may write (handlerPlaceholders). */
export function policy(html: string, placeholders: string[] = []): string {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${html.includes("/_node/arquero@") ? " 'unsafe-eval'" : ""} ${inline.join(" ")}`.trim(),
    placeholders.length ? `script-src-attr 'unsafe-hashes' ${placeholders.map(hash).join(" ")}` : "script-src-attr 'none'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'"
  ].join("; ");
}

// An event handler attribute whose value is a binding: `onclick=${`, as a module's text holds it.
const HANDLER_BINDING = /\bon[a-z]+\s*=\s*\$\{/i;

/**
 * The placeholders htl can write into an event handler attribute, from every module under
 * `dir`: in each template literal, the binding that follows `on<event>=` and is followed by
 * a space or the tag's end (htl's rule for an unquoted value it replaces), numbered from 1.
 * A module the parser cannot read fails the build, rather than leave a handler unlisted.
 */
export function handlerPlaceholders(dir: string): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(dir, {recursive: true}).map(String).filter((f) => f.endsWith(".js"))) {
    const code = readFileSync(join(dir, name), "utf8");
    if (!HANDLER_BINDING.test(code)) continue;
    let program;
    try {
      program = parse(code, {ecmaVersion: "latest", sourceType: "module"});
    } catch (e) {
      throw new Error(`csp: cannot parse ${name} to find its event handler bindings: ${(e as Error).message}`);
    }
    simple(program, {
      TemplateLiteral({quasis}) {
        for (let i = 0; i < quasis.length - 1; i++) {
          if (/\son[a-z]+\s*=\s*$/i.test(quasis[i].value.raw) && /^[\s>]/.test(quasis[i + 1].value.raw)) found.add(`::${i + 1}`);
        }
      }
    });
  }
  return [...found].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)));
}

/** Writes the policy into every HTML page under `dir`, first thing in its head. */
export function addPolicy(dir: string): void {
  const placeholders = handlerPlaceholders(dir);
  for (const name of readdirSync(dir, {recursive: true}).map(String).filter((f) => f.endsWith(".html"))) {
    const path = join(dir, name);
    const html = readFileSync(path, "utf8").replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "");
    writeFileSync(path, html.replace("<head>", `<head>\n<meta http-equiv="Content-Security-Policy" content="${policy(html, placeholders)}">`));
  }
}
