// The default classifiers, and the hook for an analyst's own (`--classifiers <module>`: a
// module whose default export is an object holding any of them; those it holds replace
// the defaults, the others stay).
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {complexity} from "./complexity.ts";
import {corrective} from "./corrective.ts";
import {involvesPerson} from "./involves-person.ts";
import {asksQuestion} from "./question.ts";
import {agentStopReason, humanStopReason} from "./stop-reason.ts";
import {toolCall, toolCallWith} from "./tool-call.ts";
import type {Classifiers} from "./types.ts";
import {InputError} from "../errors.ts";

export const defaultClassifiers: Classifiers = {complexity, corrective, asksQuestion, agentStopReason, humanStopReason, toolCall, involvesPerson};

const NAMES = Object.keys(defaultClassifiers);

export async function loadClassifiers(module?: string): Promise<Classifiers> {
  if (!module) return defaultClassifiers;
  const path = resolve(module);
  if (!existsSync(path)) throw new InputError(`--classifiers: no such file: ${module}`);
  // tsImport loads a .ts module wherever it lives, also outside a `"type": "module"`
  // package, where tsx compiles it to CommonJS and its default export arrives wrapped. It is
  // imported here, not with the module: loading tsx took 40 ms of every command's start.
  const {tsImport} = await import("tsx/esm/api");
  let overrides: unknown = (await tsImport(pathToFileURL(path).href, import.meta.url)).default;
  if (overrides !== null && typeof overrides === "object" && "default" in overrides) overrides = overrides.default;
  if (overrides === null || typeof overrides !== "object") throw new InputError(`${module}: the default export must be an object holding classifiers (${NAMES.join(", ")})`);
  const unknown = Object.keys(overrides).filter((k) => !NAMES.includes(k));
  if (unknown.length) throw new InputError(`${module}: unknown classifier${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (known: ${NAMES.join(", ")})`);
  const notFunctions = Object.entries(overrides).filter(([, f]) => typeof f !== "function").map(([k]) => k);
  if (notFunctions.length) throw new InputError(`${module}: not a function: ${notFunctions.join(", ")}`);
  const plugged = overrides as Partial<Classifiers>;
  const classifiers = {...defaultClassifiers, ...plugged};
  // A module's involvesPerson decides the default toolCall's autonomy too: the call it says
  // involves a person is the agent deferring (tool-call.ts).
  return {...classifiers, toolCall: plugged.toolCall ?? toolCallWith(classifiers.involvesPerson)};
}
