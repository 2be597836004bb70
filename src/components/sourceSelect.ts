// The pages' source filter: '(all)' first, then each source the aggregate holds, named as
// loaders/sources/index.ts names it (labels.json): Claude Code's transcripts, Codex's
// rollouts, OpenTelemetry.
import * as Inputs from "@observablehq/inputs";

/**
 * Opens on `preferred` where the data has it, else on '(all)'. A page names it on the line
 * that declares its filter, where the build reads the values the page may open on
 * (loaders/site/queries.ts).
 */
export function sourceSelect(present: string[], labels: {source: Record<string, string>}, preferred: string): HTMLElement {
  const options = ["(all)", ...present.filter((s) => s !== "(all)").sort()];
  return Inputs.select(options, {label: "Source", value: options.includes(preferred) ? preferred : "(all)", format: (s: string) => (s === "(all)" ? "all sources" : labels.source[s] ?? s)});
}
