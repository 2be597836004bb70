// @vitest-environment jsdom
// The policy's inline handler directive allows exactly the placeholders htl writes into
// event handler attributes: the scan of a module finds the ones htl really writes when it
// renders that module's templates (checked against htl itself), and nothing else runs.
import {createHash} from "node:crypto";
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {handlerPlaceholders, policy} from "../../scripts/csp.ts";
import {tmp} from "../helpers/cli.ts";

// Templates as a module that a site could ship: bindings in handlers, quoted or not, at
// several places, nested, and bindings that are no handler.
const MODULE = `
export default (html, f) => [
  html\`<input type=range min=\${1} oninput=\${f} disabled=\${false}>\`,
  html\`<th title=\${"x"}
    onclick=\${f}><span></span></th>\`,
  html\`<a href=\${"#"} title=\${"t"} class=\${"c"} onmouseover=\${f}>a</a>\`,
  html\`<div>\${html\`<i onkeydown=\${f}></i>\`} <b onClick = \${f} >b</b></div>\`,
  html\`<button onclick="\${f}">quoted</button>\`,
  html\`<p title=\${f}>not a handler</p>\`
];
`;

/** The texts htl puts in event handler attributes when it imports each of MODULE's templates into the page. */
async function placeholdersHtlWrites(): Promise<string[]> {
  const {html} = (await import("htl" as string)) as {html: (s: TemplateStringsArray, ...v: unknown[]) => Node};
  const seen = new Set<string>();
  const importNode = document.importNode.bind(document);
  document.importNode = ((node: Node, deep?: boolean) => {
    for (const e of (node as DocumentFragment).querySelectorAll("*")) {
      for (const a of e.attributes) if (/^on/i.test(a.name)) seen.add(a.value);
    }
    return importNode(node, deep);
  }) as typeof document.importNode;
  try {
    const templates = new Function(MODULE.replace("export default", "return"))() as (h: typeof html, f: () => void) => Node[];
    expect(templates(html, () => {}).length).toBe(6);
  } finally {
    document.importNode = importNode;
  }
  return [...seen].sort();
}

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("inline event handlers in the Content-Security-Policy", () => {
  test("the scan finds exactly the placeholders htl writes into handler attributes", async () => {
    const dir = join(tmp(), "site");
    mkdirSync(join(dir, "_node"), {recursive: true});
    writeFileSync(join(dir, "_node", "widgets.js"), MODULE);
    // A module with no handler binding is not parsed: no error though it is no JavaScript.
    writeFileSync(join(dir, "notes.js"), "this is not a module");
    const found = handlerPlaceholders(dir);
    expect(found).toEqual(["::1", "::2", "::4"]);
    const written = await placeholdersHtlWrites();
    expect(found).toEqual(written.filter((text) => /^::\d+$/.test(text)));
    // A quoted binding is written as the function's own text: code, which stays blocked.
    expect(written.filter((text) => !found.includes(text))).toEqual(["() => {}"]);
  });

  test("a module with a handler binding that cannot be parsed fails the build, naming it", () => {
    const dir = join(tmp(), "broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "w.js"), "export default (html, f) => html`<b onclick=${f}>` +;");
    expect(() => handlerPlaceholders(dir)).toThrow(/cannot parse w\.js/);
  });

  test("the placeholders are allowed by hash in script-src-attr alone; without any, no handler is", () => {
    const page = "<html><head><script>var x = 1</script></head></html>";
    const directives = (csp: string) => new Map(csp.split("; ").map((d) => d.split(/ (.*)/s).slice(0, 2) as [string, string]));
    const withHandlers = directives(policy(page, ["::1", "::4"]));
    expect(withHandlers.get("script-src-attr")).toBe(`'unsafe-hashes' ${sha("::1")} ${sha("::4")}`);
    expect(withHandlers.get("script-src")).toBe(`'self' 'wasm-unsafe-eval' ${sha("var x = 1")}`);
    expect(directives(policy(page)).get("script-src-attr")).toBe("'none'");
  });
});
