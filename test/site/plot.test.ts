// The charts' Plot bundle (scripts/plot.ts): a build's holds every Plot function the site
// names, and only those; dev's holds all of Plot.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {plotBundle, plotNamesUsed} from "../../scripts/plot.ts";

const load = async (text: string) => (await import(`data:text/javascript;base64,${Buffer.from(text).toString("base64")}`)) as Record<string, unknown>;

describe("the charts' Plot bundle", () => {
  it("finds the Plot functions that pages and components name, and ignores the bundle itself", () => {
    const src = mkdtempSync(join(tmpdir(), "plot-names-"));
    mkdirSync(join(src, "components"));
    writeFileSync(join(src, "page.md"), "```js\ndisplay(Plot.plot({marks: [Plot.dot(rows)]}));\n```\n");
    writeFileSync(join(src, "components", "chart.ts"), 'import * as Plot from "./plot.js";\nexport const c = () => Plot.barY([], {y: "n"});\n');
    writeFileSync(join(src, "components", "plot.js"), "Plot.geo(); Plot.hexbin();");
    expect(plotNamesUsed(src)).toEqual(["barY", "dot", "plot"]);
  });

  it("a build's bundle exports every function the site uses and is smaller than all of Plot", async () => {
    const used = plotNamesUsed();
    expect(used).toContain("plot");
    const [some, all] = [await plotBundle(), await plotBundle({all: true})];
    const shaken = await load(some);
    for (const name of used) expect(typeof shaken[name], name).toBe("function");
    expect(shaken.geo).toBeUndefined();
    expect(typeof (await load(all)).geo).toBe("function");
    expect(some.length).toBeLessThan(all.length * 0.8);
  });
});
