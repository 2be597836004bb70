// The default classifiers, and the hook for an analyst's own (`--classifiers <module>`:
// a module whose default export replaces any of them).
import {pathToFileURL} from "node:url";
import {resolve} from "node:path";
import {complexity} from "./complexity.ts";
import {corrective} from "./corrective.ts";
import {asksQuestion} from "./question.ts";
import {agentStopReason, humanStopReason} from "./stop-reason.ts";
import {toolCall} from "./tool-call.ts";
import type {Classifiers} from "./types.ts";

export const defaultClassifiers: Classifiers = {complexity, corrective, asksQuestion, agentStopReason, humanStopReason, toolCall};
/** Classifiers with no default rule yet: a module may supply them. */
const OPTIONAL: readonly (keyof Classifiers)[] = ["involvesPerson"];

export async function loadClassifiers(module?: string): Promise<Classifiers> {
  if (!module) return defaultClassifiers;
  const overrides = (await import(pathToFileURL(resolve(module)).href)).default as Partial<Classifiers>;
  const known = [...Object.keys(defaultClassifiers), ...OPTIONAL];
  const unknown = Object.keys(overrides).filter((k) => !known.includes(k));
  if (unknown.length) throw new Error(`${module}: unknown classifiers ${unknown.join(", ")} (known: ${known.join(", ")})`);
  return {...defaultClassifiers, ...overrides};
}
