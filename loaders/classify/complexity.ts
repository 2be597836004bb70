// Goal complexity of a turn (F4, F6): `minimal`, `low`, `medium` or `high`.
//
// The study's model judged how complex the person's goal was. We read the goal from the
// prompt's words, and check it against the size of the work the agent then did: words say
// what was asked, the work says how big it turned out to be.
//
// What is read: the prompt without its code (fenced blocks removed, inline code counted as
// one word) and without slash-command tags, at most its first 2,000 characters; the number
// of tool calls of the turn (subagents' included), of distinct files edited, and of
// subagents started.
//
// Rules, in order; the first that holds gives the label:
// 1. high: the prompt asks for a system-level change (HIGH: redesign, re-architect,
//    rewrite an app or service, migrate from one thing to another, build a new app,
//    service or platform, from scratch, end to end, across the codebase), or the work was large: 10 or
//    more files edited, 40 or more tool calls, or 3 or more subagents. Large work is high
//    whatever the words, because the goal turned out to need it.
// 2. minimal: the work was small (at most 5 tool calls and at most 1 file edited), the
//    prompt is short (at most 12 words), and it names one trivial edit (TRIVIAL_EDIT: a
//    typo, whitespace, a rename, a version bump), or it names one step or asks one short
//    question and holds no MEDIUM word (ONE_STEP: run the tests or the linter, git status,
//    commit, push; SHORT_QUESTION: "what does parseArgs do?"), or it has at most 4 words
//    and no MEDIUM word ("yes", "go on", "thanks"). A trivial-sounding ask that took more
//    work is not minimal; "run the tests and fix the failures" is not one step.
// 3. medium: the prompt asks to build, fix or change behaviour (MEDIUM: implement, add,
//    fix, debug, refactor, optimise, integrate, migrate, write tests, a failure or an
//    error to chase), or it is long (60 words or more: a detailed brief), or the work was sizeable:
//    4 or more files edited or 15 or more tool calls.
// 4. low: everything else: explanations, reviews, small edits described without a change
//    verb.
//
// Known limits: an interrupted turn did less work than its goal needed, so the work rules
// can only under-rate it; a prompt that only says "continue" is rated by its work.
import type {Complexity} from "../definitions.ts";
import {head, withoutCode} from "./text.ts";
import type {TurnInput} from "./types.ts";

const MAX_PROMPT = 2000;

const HIGH = new RegExp(
  [
    String.raw`\bre-?architect\w*|\bre-?design\w*|\boverhaul\w*|\bfrom scratch\b|\b(?:into|to) microservices\b`,
    String.raw`\bend[- ]to[- ]end\b(?! tests?\b)|\bfull[- ]stack\b`,
    String.raw`\bmigrat(?:e|ing) (?:\w+ ){0,4}?(?:from|to|off|onto)\b`,
    String.raw`\b(?:across|throughout) (?:the |our )?(?:whole |entire )?(?:code ?base|repo\w*|project|monorepo|app)\b`,
    String.raw`\b(?:whole|entire) (?:code ?base|app|application|system)\b`,
    String.raw`\brewrite (?:the |our |this |my )?(?:whole |entire )?(?:\w+ )?(?:app|application|service|system|backend|frontend|engine|code ?base|module|library)\b`,
    String.raw`\b(?:build|create|develop|design|implement|write) (?:a |an |the |our |my )?(?:new |complete |whole |full )?(?:\w+ )?(?:system|service|platform|framework|engine|app|application|backend|pipeline|compiler|website|sdk|saas)\b`
  ].join("|"),
  "i"
);

const TRIVIAL_EDIT = new RegExp(
  [
    String.raw`\btypos?\b|\bspelling\b|\bmisspel\w*|\bwhitespace\b|\bindentation\b|\btrailing (?:comma|space|newline)s?\b|\bmissing (?:semicolon|comma)\b`,
    String.raw`\brename \S+ (?:to|as)\b|\bbump (?:the )?(?:\w+ )?version\b|\bupdate (?:the )?(?:copyright|year|version number)\b|\b(?:un)?comment out\b`
  ].join("|"),
  "i"
);

const ONE_STEP = new RegExp(
  [
    String.raw`^\W*(?:please )?(?:re-?run|run|start|restart|stop) (?:the )?(?:unit |all |e2e )?(?:tests?|test suite|linter|lint|build|formatter|type ?check|dev server|server)\b`,
    String.raw`^\W*(?:git )?(?:status|diff|log)\b|^\W*(?:commit|push|pull)\b|^\W*(?:format|lint)\b`
  ].join("|"),
  "i"
);

const SHORT_QUESTION = /^\W*(?:what(?:'s| is| are| does| do)|which|where(?:'s| is| are)|who|how many|how do i|is there|are there|show me|list)\b[^?\n]*\?\W*$/i;

const MEDIUM = new RegExp(
  [
    String.raw`\bimplement\w*|\badd(?:s|ing)?\b|\bbuild\b|\bcreate\b|\bfix\w*|\bdebug\w*|\brefactor\w*|\boptimi[sz]\w*|\bintegrat\w*|\bmigrat\w*`,
    String.raw`\bwrite (?:a |some |the |unit |more )?tests?\b|\binvestigat\w*|\bfigure out\b|\bwhy (?:is|are|does|do|did)\b`,
    String.raw`\bsupport\b|\bhandle\b|\bimprove\w*|\bextend\b|\bconvert\b|\bport\b|\bfeature\b|\bendpoint\b`,
    String.raw`\bbug\b|\bbroken\b|\bfail\w*|\berrors?\b|\bcrash\w*|\bexception\b|\bnot working\b`
  ].join("|"),
  "i"
);

// Slash-command prompts are logged as tags around the command and its arguments.
const COMMAND_TAGS = /<\/?command-(?:name|message|args|contents)>/g;

export function complexity({prompt, toolNames, filesTouched, subagents}: TurnInput): Complexity {
  const goal = withoutCode(head(prompt, MAX_PROMPT).replace(COMMAND_TAGS, " ")).trim();
  const words = goal === "" ? 0 : goal.split(/\s+/).length;
  const calls = toolNames.length;
  if (HIGH.test(goal) || filesTouched >= 10 || calls >= 40 || subagents >= 3) return "high";
  const asksChange = MEDIUM.test(goal);
  if (calls <= 5 && filesTouched <= 1) {
    const oneThing = TRIVIAL_EDIT.test(goal) || (!asksChange && (ONE_STEP.test(goal) || SHORT_QUESTION.test(goal)));
    if ((words <= 12 && oneThing) || (words <= 4 && !asksChange)) return "minimal";
  }
  if (asksChange || words >= 60 || filesTouched >= 4 || calls >= 15) return "medium";
  return "low";
}
