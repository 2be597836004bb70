// The default classifiers, and the hook for an analyst's own (`--classifiers <module>`:
// a module whose default export replaces any of them).
import {pathToFileURL} from "node:url";
import {resolve} from "node:path";
import {complexity} from "./complexity.ts";
import {corrective} from "./corrective.ts";
import {involvesPerson} from "./involves-person.ts";
import {asksQuestion} from "./question.ts";
import {agentStopReason, humanStopReason} from "./stop-reason.ts";
import {toolCall} from "./tool-call.ts";
import type {Classifiers} from "./types.ts";

export const defaultClassifiers: Classifiers = {complexity, corrective, asksQuestion, agentStopReason, humanStopReason, toolCall, involvesPerson};

export async function loadClassifiers(module?: string): Promise<Classifiers> {
  if (!module) return defaultClassifiers;
  const overrides = (await import(pathToFileURL(resolve(module)).href)).default as Partial<Classifiers>;
  const unknown = Object.keys(overrides).filter((k) => !(k in defaultClassifiers));
  if (unknown.length) throw new Error(`${module}: unknown classifiers ${unknown.join(", ")} (known: ${Object.keys(defaultClassifiers).join(", ")})`);
  return {...defaultClassifiers, ...overrides};
}
