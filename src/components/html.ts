// Builds elements from text with textContent only: text that comes from logs (model and
// tool names) can never become markup.
import type {Provenance, Records} from "./provenance.js";

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

/** Why a selection shows nothing of a grain (a cell, a month, a 7-day window): the threshold, and which. */
export const belowThreshold = (what: string, minUsers: number) => `No ${what} of this selection is drawn from ${minUsers} or more people, the fewest this site publishes a number for`;

/** What a finding reads that some logs do not record (provenance's `records`): why nothing can be drawn from them. */
const UNRECORDED: Record<keyof Records, string> = {
  modes: "No session of these logs records its permission mode: Claude Code's telemetry events do not log it, nor do its transcripts before 2.0",
  prompts: "No session of these logs records what the person typed: Claude Code's telemetry events and agents' spans do not log it",
  approvals: "No session of these logs records the person's approvals and refusals call by call: agents' spans do not log them",
  reasons: "No stop in these logs has the words its reason is told from (the agent's question, or what the person said next): telemetry does not log them"
};

/** A page's need of what some logs do not record, for the agent its reader chose. */
export type Needs = {record: keyof Records; agent: string};

/**
 * What a chart shows when no cell of the reader's selection may be published: why (the logs
 * do not record what it needs, no data, or the publication threshold, and which), and how
 * whoever builds the site changes it.
 */
export function noCells({minUsers, records}: Pick<Provenance, "minUsers" | "records">, what = "cell", needs?: Needs): HTMLElement {
  if (needs && records?.[needs.agent]?.[needs.record] === false) return el("p", {class: "no-cells"}, el("em", {}, `${UNRECORDED[needs.record]}.`));
  if (minUsers === 1) return el("p", {class: "no-cells"}, el("em", {}, `These logs hold no ${what} for this selection.`));
  return el(
    "p",
    {class: "no-cells"},
    el("em", {}, `${belowThreshold(what, minUsers)}. `),
    "Building it for yourself? ",
    el("code", {}, "npm run build -- --min-users 1"),
    " shows every cell; keep the threshold for a site that others will see."
  );
}
