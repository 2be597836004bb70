// docs/portability.md names every construct of the findings' SQL that is DuckDB's own, so
// that the metrics can be ported to another engine over the same Parquet files: a function
// or a piece of syntax the SQL starts using, and the page does not name, fails here; so
// does a function the page names that the SQL no longer uses.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "../helpers/cli.ts";

const dir = join(ROOT, "loaders", "metrics");
// The SQL without comments and string literals, whose words are no code.
const sql = readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .map((f) => readFileSync(join(dir, f), "utf8").replace(/--[^\n]*/g, "").replace(/'(?:[^']|'')*'/g, "''"))
  .join("\n")
  .toLowerCase();
const doc = readFileSync(join(ROOT, "docs", "portability.md"), "utf8");

/** The functions the page calls standard, which every engine named there has. */
const STANDARD = new Set(["count", "sum", "avg", "min", "max", "stddev_samp", "coalesce", "nullif", "least", "greatest", "sqrt", "exp", "ln", "floor", "ceil", "lead", "replace", "regexp_replace", "grouping"]);
/** Words followed by a parenthesis that call nothing. */
const KEYWORDS = new Set(["as", "in", "over", "filter", "using", "from", "exists", "sets", "cube", "rollup", "and", "or", "not", "on", "join", "select", "where", "exclude", "rename", "all", "with", "macro", "values", "when", "then", "else", "by"]);

const macros = new Set([...sql.matchAll(/create or replace macro\s+([a-z_][a-z0-9_]*)/g)].map((m) => m[1]));
const called = new Set([...sql.matchAll(/\b([a-z_][a-z0-9_]*)\s*\(/g)].map((m) => m[1]).filter((f) => !KEYWORDS.has(f) && !macros.has(f)));

test("every function the metrics call is standard, or named in docs/portability.md with what it computes", () => {
  expect(macros.size).toBeGreaterThan(10);
  expect(called.has("quantile_cont")).toBe(true);
  const unnamed = [...called].filter((f) => !STANDARD.has(f) && !doc.includes(`\`${f}(`));
  expect(unnamed).toEqual([]);
  for (const f of STANDARD) if (called.has(f)) expect(doc, f).toContain(`\`${f}\``);
});

test("every function docs/portability.md names as DuckDB's own is one the metrics call", () => {
  const table = doc.slice(doc.indexOf("## Functions"), doc.indexOf("## Syntax"));
  const named = [...table.matchAll(/^\| `([a-z_0-9]+)\(/gm)].map((m) => m[1]);
  const alsoNamed = [...table.matchAll(/, `([a-z_0-9]+)\(/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(5);
  for (const f of [...named, ...alsoNamed]) expect(called.has(f), f).toBe(true);
});

test("every piece of DuckDB's own syntax the metrics use is named in docs/portability.md", () => {
  const syntax: [RegExp, string][] = [
    [/filter\s*\(\s*where/, "`count(*) filter (where p)`"],
    [/::\s*[a-z]/, "`x::TYPE`"],
    [/\{\s*[a-z_]+\s*:/, "`{name: value, ...}`"],
    [/\*\s*exclude\s*\(/, "`select * exclude (c)`"],
    [/\*\s*rename\s*\(/, "`select * rename (a as b)`"],
    [/group by all\b/, "`group by all`"],
    [/[a-z_]+\s*->/, "`x -> e`"],
    [/getvariable\s*\(/, "`getvariable('min_users')`"],
    [/create or replace macro/, "`create or replace\nmacro`"]
  ];
  for (const [used, named] of syntax) if (used.test(sql)) expect(doc, named).toContain(named);
});
