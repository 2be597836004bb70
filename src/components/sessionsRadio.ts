// The pages' sessions filter (`session_type` in loaders/metrics/macros.sql): the kinds of
// session the aggregate holds, in a fixed order, then '(all)'. Agents built on the API are
// a kind of their own, never counted as headless.
import * as Inputs from "@observablehq/inputs";

const ORDER = ["interactive", "headless", "API agents", "unknown"];

export function sessionsRadio(present: string[], preferred = "interactive"): HTMLElement {
  const options = [...ORDER.filter((t) => present.includes(t)), "(all)"];
  return Inputs.radio(options, {label: "Sessions", value: options.includes(preferred) ? preferred : "(all)"});
}
