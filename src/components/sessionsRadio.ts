// The pages' sessions filter (`session_type` in loaders/metrics/macros.sql): the kinds of
// session the aggregate holds, in a fixed order, then '(all)'. Agents built on the API are
// a kind of their own, never counted as headless.
import * as Inputs from "@observablehq/inputs";

const ORDER = ["interactive", "headless", "API agents", "unknown"];

/**
 * Opens on `preferred` where the data has it, else on '(all)'. A page names it on the line
 * that declares its filter, where the build reads the values the page may open on
 * (loaders/site/queries.ts).
 */
export function sessionsRadio(present: string[], preferred: string): HTMLElement {
  const options = [...ORDER.filter((t) => present.includes(t)), "(all)"];
  return Inputs.radio(options, {label: "Sessions", value: options.includes(preferred) ? preferred : "(all)"});
}
