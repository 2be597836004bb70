// The production dependencies: pinned to exact versions, and every package in their tree
// (as installed in node_modules) under a permissive licence. The registry's advisory
// endpoint is out of reach here, so this, not `npm audit`, is the check.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "./helpers/cli.ts";

const PERMISSIVE = new Set(["MIT", "MIT-0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "0BSD", "Apache-2.0", "BlueOak-1.0.0", "CC0-1.0", "Unlicense", "Python-2.0", "Zlib"]);

/** Whether an SPDX expression allows use under permissive terms: any side of OR, every side of AND. */
function permissive(expression: string): boolean {
  const e = expression.trim().replace(/^\((.*)\)$/, "$1");
  if (/ OR /.test(e)) return e.split(/ OR /).some(permissive);
  if (/ AND /.test(e)) return e.split(/ AND /).every(permissive);
  return PERMISSIVE.has(e);
}

type Installed = {name: string; version: string; license?: unknown; licenses?: unknown};

function licenceOf(p: Installed): string | null {
  const l = p.license ?? p.licenses;
  if (typeof l === "string") return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === "string" ? x : x?.type)).filter(Boolean).join(" OR ") || null;
  if (l && typeof l === "object" && "type" in l) return String((l as {type: unknown}).type);
  return null;
}

test("the SPDX reading is strict where it should be", () => {
  expect(permissive("(MIT OR GPL-3.0-or-later)")).toBe(true);
  expect(permissive("(MIT AND Zlib)")).toBe(true);
  expect(permissive("GPL-3.0-only")).toBe(false);
  expect(permissive("(MIT AND GPL-2.0-only)")).toBe(false);
  expect(permissive("SEE LICENSE IN LICENSE")).toBe(false);
});

test("production dependencies are pinned to exact versions", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  for (const [name, version] of Object.entries(pkg.dependencies as Record<string, string>)) expect(version, name).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
});

test("every package of the production tree has a permissive licence", () => {
  const tree = JSON.parse(execFileSync("npm", ["query", ".prod"], {cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26})) as Installed[];
  expect(tree.length).toBeGreaterThan(10);
  const listed = tree.map((p) => ({package: `${p.name}@${p.version}`, licence: licenceOf(p)}));
  const refused = listed.filter((p) => p.licence === null || !permissive(p.licence));
  expect(refused).toEqual([]);
});
