// The code's structure: what a cache key depends on (loaders/code.ts), and layers that
// point one way. No folder imports a folder that imports it back, directly or through
// others. A top-level module of loaders/ counts as a folder of its own, and so does a
// folder's index.ts: it gathers the subfolders (sources/index.ts lists the sources, which
// build on the shared base beside it).
import {readdirSync} from "node:fs";
import {basename, dirname, join, relative} from "node:path";
import {expect, test} from "vitest";
import {importsOf, sourcesOf} from "../loaders/code.ts";
import {ROOT} from "./helpers/cli.ts";

const AREAS = ["loaders", "scripts", "bench", "src/components", "src/data"];

const files = AREAS.flatMap((area) =>
  readdirSync(join(ROOT, area), {recursive: true})
    .map(String)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.includes("node_modules"))
    .map((f) => join(ROOT, area, f))
);

/** A file's folder, relative to the project; a top-level module of loaders/ or an index.ts is its own. */
function node(file: string): string {
  const rel = relative(ROOT, file);
  return dirname(rel) === "loaders" || basename(rel) === "index.ts" ? rel : dirname(rel);
}

/** The folders' strongly connected components of more than one folder (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        component.push(w);
        if (w === v) break;
      }
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

test("no folder imports a folder that imports it back", () => {
  const edges = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  for (const file of files) {
    for (const imported of importsOf(file)) {
      const [from, to] = [node(file), node(imported)];
      if (from === to) continue;
      (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      why.set(`${from} → ${to}`, `${relative(ROOT, file)} imports ${relative(ROOT, imported)}`);
    }
  }
  expect(edges.size).toBeGreaterThan(10);
  const found = cycles(edges).map((c) => `${c.join(" ↔ ")}: ${[...why].filter(([k]) => c.some((a) => c.some((b) => k === `${a} → ${b}`))).map(([, v]) => v).join("; ")}`);
  expect(found).toEqual([]);
});

test("the ingest's cache key follows its imports, and no more: the metrics, the site and the generator are not in it", () => {
  const ingest = sourcesOf(["ingest/run.ts", "ingest/worker.ts", "ingest/find-worker.ts", "thread.js"]).map((f) => relative(join(ROOT, "loaders"), f));
  expect(ingest).toContain("ingest/run.ts");
  expect(ingest).toContain("tables.ts");
  expect(ingest.some((f) => f.startsWith("classify/"))).toBe(true);
  expect(ingest.some((f) => /^(metrics|site|generate|calibrate)\//.test(f) || f === "findings.ts")).toBe(false);
});
