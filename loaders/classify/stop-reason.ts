// Why work stopped (F5): the categories of the study's Table 1, read from the words of
// the stop. An agent stop is read from what the agent asked (the AskUserQuestion question,
// the plan, or its closing question); a human interrupt from what the person said next
// (the reason they gave with a rejection, else their next prompt). First match wins; a
// stop no rule matches is `other`.

export const AGENT_REASONS = {
  offer_choice: "Offer a choice between approaches",
  gather_diagnostics: "Gather diagnostics or test results",
  clarify_request: "Clarify a vague request",
  credentials_access: "Ask for credentials or access",
  approval: "Get approval before acting",
  other: "Other"
} as const;

export const HUMAN_REASONS = {
  missing_context: "Give missing technical context or corrections",
  slow_or_excessive: "Agent slow, hanging or excessive",
  enough_help: "Got enough help to continue alone",
  do_it_myself: "Want to do the next step themselves",
  change_requirements: "Change requirements mid-task",
  other: "Other"
} as const;

export type AgentReason = keyof typeof AGENT_REASONS;
export type HumanReason = keyof typeof HUMAN_REASONS;

const AGENT_RULES: [AgentReason, RegExp][] = [
  ["credentials_access", /\b(api[ _-]?key|token|credential\w*|password|secret|access to|permission to|log ?in|sign ?in|ssh key|\.env|account)\b/i],
  ["gather_diagnostics", /\b(error message|stack ?trace|traceback|logs?|output of|test results?|console|screenshot|reproduce|what do you see|run (this|the|it)|paste)\b/i],
  ["offer_choice", /\b(option [a-d1-4]|options?:|which (approach|option|one|way|library|framework)|prefer|or would you|either|alternatively|approach (a|1)|trade-?offs?)\b/i],
  ["approval", /\b(proceed|go ahead|shall i|should i|ok to|okay to|confirm|approve|before i (make|apply|delete|push|run|change))\b/i],
  ["clarify_request", /\b(clarify|what do you mean|did you mean|could you (explain|specify|describe)|more (detail|context|information)|which (file|part|component|page)|what (exactly|kind|should))\b/i]
];

const HUMAN_RULES: [HumanReason, RegExp][] = [
  ["slow_or_excessive", /\b(too (long|slow|much|many)|taking (so |too )?long|stuck|hang\w*|loop\w*|over-?engineer\w*|overkill|enough|stop (doing|running|that)|just (do|stop)|simpler|you('| a)re going too far)\b/i],
  ["do_it_myself", /\b(i'?ll (do|handle|take care of|fix|run|write|finish) (it|that|this|the rest)|let me (do|handle|try|fix|run)|myself|i('| wi)ll take it from here)\b/i],
  ["enough_help", /\b(that'?s (enough|all i need(ed)?|good enough)|got it|i can (continue|take it)|thanks,? (that|this) (works|helps)|good for now|no need to continue)\b/i],
  ["change_requirements", /\b(change of plan|actually,? (let'?s|i want|we need|make it)|instead,? (let'?s|do|use|make)|new requirement|forget (that|it|about)|different (approach|idea)|scratch that|rather)\b/i],
  ["missing_context", /\b(no[,.]|wrong|not (that|this|what)|use |the (file|function|bug|issue|problem) is|it'?s (in|at|called)|should be|you (need|have) to|don'?t (use|touch|change)|remember|note that|context)\b/i]
];

function first<T extends string>(rules: [T, RegExp][], text: string, fallback: T): T {
  for (const [label, re] of rules) if (re.test(text)) return label;
  return fallback;
}

// A plan (ExitPlanMode) asks for approval by what it is, whatever its words.
export function agentStopReason({how, text}: {how: string; text: string}): AgentReason {
  return how === "plan" ? "approval" : first(AGENT_RULES, text, "other");
}

export function humanStopReason({said}: {how: string; said: string}): HumanReason {
  return first(HUMAN_RULES, said.slice(0, 400), "other");
}
