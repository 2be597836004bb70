// Goal complexity of a turn (F4, F6): `minimal`, `low`, `medium` or `high`. The study's
// model judged the goal; we read the prompt's words first and the shape of the work second.
// Rules, first match wins:
// - high: the prompt asks to build, redesign or migrate a system (HIGH words), or the work
//   spanned 10+ files, 2+ subagents, or 40+ tool calls;
// - minimal: a short prompt (at most 12 words) naming a trivial step (MINIMAL words), or
//   any prompt of at most 4 words with at most one tool call;
// - medium: the prompt asks to implement, debug or change behaviour (MEDIUM words), or
//   the work spanned 4+ files or 15+ tool calls;
// - low: everything else.
import type {Complexity} from "../definitions.ts";
import type {TurnInput} from "./types.ts";

const HIGH = /\b(architect\w*|re-?design|from scratch|migrat\w+|end[- ]to[- ]end|full[- ]stack|overhaul|rewrite|re-?architect\w*|across (the )?(whole |entire )?(code ?base|repo\w*|project)|multi[- ]step|(build|implement|create) (a|an|the) (new )?(system|service|pipeline|platform|framework|engine|app\w*|backend|api))\b/i;
const MINIMAL = /\b(typo|rename|run|show|list|print|what is|what's|which|where is|status|version|commit|push|pull|format|lint|open|explain this|check)\b/i;
const MEDIUM = /\b(implement|add|debug|fix|refactor|optimi[sz]e|integrat\w*|write tests?|test|investigate|update|support|handle|improve|extend|convert|port)\b/i;

export function complexity({prompt, toolNames, filesTouched, subagents}: TurnInput): Complexity {
  const words = prompt.trim().split(/\s+/).filter(Boolean).length;
  const calls = toolNames.length;
  if (HIGH.test(prompt) || filesTouched >= 10 || subagents >= 2 || calls >= 40) return "high";
  if ((words <= 12 && MINIMAL.test(prompt) && calls <= 3) || (words <= 4 && calls <= 1)) return "minimal";
  if (MEDIUM.test(prompt) || filesTouched >= 4 || calls >= 15) return "medium";
  return "low";
}
