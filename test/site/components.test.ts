// Each built page's components as one module (scripts/components.ts): the page imports its
// bundle in place of each component, the bundle holds the components it reaches, and what is
// shared stays a module of its own.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {expect, it} from "vitest";
import {bundleComponents} from "../../scripts/components.ts";

/** A built site as Framework lays it out: one page importing two components, which import a third, Plot, and (later) a fourth. */
function site(): string {
  const dist = mkdtempSync(join(tmpdir(), "components-"));
  const dir = join(dist, "_import", "components");
  mkdirSync(dir, {recursive: true});
  const files = {
    "plot.0000000a.js": "export const plot = () => 'plot';",
    "format.0000000b.js": "export const count = (n) => `${n}!`;",
    "chart.0000000c.js": 'import {plot} from "./plot.0000000a.js";\nimport {count} from "./format.0000000b.js";\nexport const chart = () => `${plot()} ${count(1)}`;',
    "lazy.0000000d.js": "export const lazy = 'lazy';",
    "box.0000000e.js": 'export const box = async () => (await import("./lazy.0000000d.js")).lazy;'
  };
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  const preload = (f: string) => `<link rel="modulepreload" href="./_import/components/${f}">\n`;
  writeFileSync(
    join(dist, "page.html"),
    `<head>\n<link rel="modulepreload" href="./_observablehq/stdlib.00000001.js">\n${["chart.0000000c.js", "box.0000000e.js", "format.0000000b.js", "plot.0000000a.js"].map(preload).join("")}</head>\n` +
      '<script type="module">const [{chart}, {box}] = await Promise.all([import("./_import/components/chart.0000000c.js"), import("./_import/components/box.0000000e.js")]);</script>\n'
  );
  writeFileSync(join(dist, "alone.html"), `<head>\n${preload("box.0000000e.js")}</head>\n<script type="module">import("./_import/components/box.0000000e.js");</script>\n`);
  return dist;
}

it("points each page at one module of its components, keeps Plot and what loads later apart, and the bundle runs", async () => {
  const dist = site();
  expect(await bundleComponents(dist)).toEqual({pages: 1, modules: 3});
  const html = readFileSync(join(dist, "page.html"), "utf8");
  const bundle = readdirSync(join(dist, "_import", "components")).find((f) => f.startsWith("page-page."))!;
  expect(bundle).toMatch(/^page-page\.[0-9a-f]{8}\.js$/);
  const preloads = [...html.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  expect(preloads).toEqual(["./_observablehq/stdlib.00000001.js", `./_import/components/${bundle}`, "./_import/components/plot.0000000a.js"]);
  expect([...html.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([`./_import/components/${bundle}`, `./_import/components/${bundle}`]);
  const text = readFileSync(join(dist, "_import", "components", bundle), "utf8");
  expect(text).toContain("./plot.0000000a.js");
  expect(text).toContain("./lazy.0000000d.js");
  const module = await import(pathToFileURL(join(dist, "_import", "components", bundle)).href);
  expect(module.chart()).toBe("plot 1!");
  expect(await module.box()).toBe("lazy");
  // A page of one component gains nothing from a bundle and is left as it was.
  expect(readFileSync(join(dist, "alone.html"), "utf8")).toContain('import("./_import/components/box.0000000e.js")');
});
