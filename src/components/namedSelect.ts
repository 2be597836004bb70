// The pages' source and agent filters: '(all)' first, then each value the aggregate holds,
// in the order and with the names labels.json gives: sources as loaders/sources/index.ts does (Claude Code's
// transcripts, Codex's rollouts, OpenTelemetry), agents as loaders/definitions.ts does.
import * as Inputs from "@observablehq/inputs";

type Labels = {source: Record<string, string>; agents: Record<string, string>};

/** A filter's options: '(all)' first, always (a selection whose every cell is hidden still has it), then the values in the order given. */
export const withAll = (present: string[]) => ["(all)", ...present.filter((s) => s !== "(all)")];

/**
 * Opens on `preferred` where the data has it, else on '(all)'. A page names it on the line
 * that declares its filter, where the build reads the values the page may open on
 * (loaders/site/queries.ts).
 */
function namedSelect(label: string, present: string[], names: Record<string, string>, preferred: string): HTMLElement {
  // In the order the names are given, then any value without one.
  const order = Object.keys(names);
  const rank = (v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
  const options = withAll(present.slice().sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1)));
  return Inputs.select(options, {label, value: options.includes(preferred) ? preferred : "(all)", format: (s: string) => names[s] ?? s});
}

/** Which reader logged the work: Claude Code's transcripts, Codex's rollouts, OpenTelemetry. */
export const sourceSelect = (present: string[], labels: Labels, preferred: string) => namedSelect("Source", present, labels.source, preferred);

/** Which agent did the work, whichever reader logged it: Claude Code, Codex, or an agent built on the API. */
export const agentSelect = (present: string[], labels: Labels, preferred: string) => namedSelect("Agent", present, labels.agents, preferred);
