// One module of components for each built page. Framework serves every file of
// src/components as a module of its own, and a finding page imports a dozen, each a few
// hundred bytes: over HTTP/1.1 a browser fetches six at a time, and each round trip
// delays the first chart (BENCHMARKS.md, "Pages: a reader's first visit"). After the
// build, each page's components are bundled into one module beside them, and the page
// imports that instead. What several pages share and is large stays a module of its own,
// fetched once for them all: Plot (./plot.js), the npm packages, Framework's own modules,
// and whatever a component imports only when it needs it (DuckDB, arquero). `npm run dev`
// serves the components as they are.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {build} from "esbuild";

const DIR = join("_import", "components");
/** A component module as Framework names it in a page: `./_import/components/<name>.<hash>.js`. */
const COMPONENT = /\.\/_import\/components\/([\w-]+)\.[0-9a-f]{8}\.js/g;
/** Shared modules that stay as they are, however a page reaches them. */
const SHARED = new Set(["plot"]);

/** Bundles the components `files` (file names in dist/_import/components) into one module: its text, and the component files it holds. */
async function bundle(dir: string, files: string[]): Promise<{text: string; held: Set<string>}> {
  const out = await build({
    stdin: {contents: files.map((f) => `export * from "./${f}";`).join("\n"), resolveDir: dir, loader: "js"},
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [
      {
        name: "shared-stays-shared",
        setup(b) {
          // The bundle sits beside the components, so every path it keeps still resolves.
          b.onResolve({filter: /.*/}, (args) => {
            if (args.kind === "entry-point") return undefined;
            const sibling = /^\.\/([\w-]+)\.[0-9a-f]{8}\.js$/.exec(args.path);
            if (sibling && args.kind === "import-statement" && !SHARED.has(sibling[1])) return undefined;
            return {path: args.path, external: true};
          });
        }
      }
    ]
  });
  if (out.warnings.length) throw new Error(`components: ${out.warnings.map((w) => w.text).join("; ")}`);
  const held = Object.keys(out.metafile.inputs).flatMap((f) => /(?:^|\/)([\w-]+\.[0-9a-f]{8}\.js)$/.exec(f)?.[1] ?? []);
  return {text: out.outputFiles[0].text, held: new Set(held)};
}

/** Bundles each page's components and points the page at its bundle; returns how many pages and modules it replaced. */
export async function bundleComponents(dist: string): Promise<{pages: number; modules: number}> {
  const dir = join(dist, DIR);
  let pages = 0;
  let modules = 0;
  for (const html of readdirSync(dist).filter((f) => f.endsWith(".html"))) {
    const page = readFileSync(join(dist, html), "utf8");
    const imported = [...new Set([...page.matchAll(COMPONENT)].filter((m) => !SHARED.has(m[1])).map((m) => m[0].slice(DIR.length + 3)))];
    if (imported.length < 2) continue;
    const {text, held} = await bundle(dir, imported);
    const name = `page-${html.slice(0, -5)}.${createHash("sha256").update(text).digest("hex").slice(0, 8)}.js`;
    writeFileSync(join(dir, name), text);
    // The components the bundle holds, their own imports included, are no longer fetched.
    const rewritten = page
      .replace(/<link rel="modulepreload" href="\.\/_import\/components\/([\w-]+\.[0-9a-f]{8}\.js)">\n?/g, (link, file) => (held.has(file) ? "" : link))
      .replace(COMPONENT, (path) => (held.has(path.slice(DIR.length + 3)) ? `./${DIR}/${name}` : path))
      .replace(/(<link rel="modulepreload" href="\.\/_observablehq\/stdlib\.[0-9a-f]{8}\.js">\n)/, `$1<link rel="modulepreload" href="./${DIR}/${name}">\n`);
    writeFileSync(join(dist, html), rewritten);
    pages++;
    modules += held.size;
  }
  return {pages, modules};
}
