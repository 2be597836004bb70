// Builds elements from text with textContent only: text that comes from logs (model and
// tool names) can never become markup.
type Child = Node | string | number | null | undefined | false;

export function el(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** What a chart shows when no cell of the reader's selection may be published. */
export function noCells(what = "cell"): HTMLElement {
  return el("p", {class: "no-cells"}, el("em", {}, `No ${what} of this selection has enough users to be shown.`));
}
