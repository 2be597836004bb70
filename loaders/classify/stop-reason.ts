// Why work stopped (F5): the categories of the study's Table 1. AGENT_REASONS and
// HUMAN_REASONS are the one place the pages take these labels from.
//
// Agent-initiated stops are read from what the agent asked: the questions of an
// `AskUserQuestion` call (their first 600 characters), or the closing part of its last
// message (as question.ts finds it) when it stopped on a question in words. A plan put to
// the person (`ExitPlanMode`) asks for approval by what it is, whatever its words.
// Rules, in order; the first that matches gives the reason, none gives `other`:
// 1. credentials_access: it asks for a key, token, password, secret, login or access
//    ("What's your Stripe API key?", "Are you logged in to the gh CLI?").
// 2. gather_diagnostics: it asks the person to run, try or look at something and report,
//    or for an error, log, output or screenshot ("Could you run `npm test` and paste the
//    output?", "Does it work now?"). Before the others, because such questions often
//    offer choices too, and what stops the agent is the missing observation.
// 3. offer_choice, explicit: it names approaches or options ("Which approach do you
//    prefer?", "Option A or option B?", "or would you rather ...").
// 4. approval, explicit: it asks leave to act ("Shall I proceed?", "OK to push to main?",
//    "Please confirm before I delete the branch.").
// 5. clarify_request, explicit: it asks what the person meant ("Which page do you mean?",
//    "Could you clarify the expected format?").
// 6. offer_choice, implicit: a question that sets two things side by side with "or"
//    ("Should I use Postgres or SQLite?").
// 7. approval, implicit: "should I ...", "want me to ...", "would you like me to ...".
// 8. clarify_request, implicit: it asks which part or what exactly ("Which file?", "What
//    exactly should happen on timeout?").
// An AskUserQuestion call that no rule places still offers its options to choose from:
// offer_choice; only a question in words falls to `other`.
//
// Human interrupts are read from what the person said next: their next prompt after the
// interrupted turn (the first 400 characters; a person who stopped the agent says why
// first). With nothing said, the reason is `other`.
// Rules, in order; the first that matches gives the reason, none gives `other`:
// 1. do_it_myself: "I'll do it myself", "I'll handle the deploy", "let me fix it",
//    "manually".
// 2. enough_help: "that's enough, thanks", "good enough", "got it", "I can take it from
//    here", "looks good". Before the next rule, because "that's enough" with thanks is
//    satisfaction, not impatience.
// 3. slow_or_excessive: "this is taking too long", "you're stuck in a loop", "overkill",
//    "too complicated", "just do X", "stop running the whole suite".
// 4. change_requirements: "actually, let's ...", "instead ...", "scratch that", "never
//    mind", "change of plan", "also add ..." (a requirement added mid-task).
// 5. missing_context: a correction or a fact the agent lacked: "no, ...", "wrong file",
//    "the bug is in ...", "it's called ...", "should be ...", "don't touch ...", "use the
//    existing helper", "it's already in utils, use that", "the API is v2", or any code,
//    path or error message in what they said.
import {closingPart} from "./question.ts";
import {firstMatch, head} from "./text.ts";
import type {AgentStopInput, HumanStopInput} from "./types.ts";

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

const MAX_QUESTION = 600;
const MAX_SAID = 400;

const re = (parts: string[]) => new RegExp(parts.join("|"), "i");

const AGENT_RULES: readonly (readonly [AgentReason, RegExp])[] = [
  ["credentials_access", re([
    String.raw`\bapi[ _-]?keys?\b|\b(?:access|auth|bearer|personal access|api|github|npm|pypi|slack|bot) tokens?\b|\bcredentials?\b|\bpasswords?\b|\bsecrets?\b`,
    String.raw`\b(?:ssh|private|signing) keys?\b|\b(?:2fa|mfa|otp|one-time|verification) (?:code|token)s?\b|\.env\b`,
    String.raw`\b(?:logg?(?:ed)?|sign(?:ed)?) ?in(?:to)? (?:to|with|as|on)\b|\b(?:re-?)?authenticate\b|\bauthenticated\b`,
    String.raw`\b(?:access|permissions?) (?:to|on|for)\b|\bgrant (?:me |access)\b|\bwhich account\b`
  ])],
  ["gather_diagnostics", re([
    String.raw`\b(?:can|could|would) you (?:please )?(?:run|try|test|check|share|paste|send|post|copy|open|reload|refresh|reproduce|restart|look at|tell me what)\b`,
    String.raw`\b(?:paste|share|send|provide)(?: me)? (?:the |your |a )?(?:full |complete |exact |actual )?(?:error|output|logs?|stack ?trace|traceback|screenshot|console|response|result)`,
    String.raw`\berror messages?\b|\bstack ?traces?\b|\btracebacks?\b|\bscreenshots?\b|\bconsole (?:output|errors?|logs?)\b|\bnetwork tab\b|\btest results?\b`,
    String.raw`\b(?:what|which) (?:error|output|message|version|browser|os|status code|response)s? (?:do|did|does|are|is)\b`,
    String.raw`\b(?:do|did) you (?:see|get|still)\b|\bdoes (?:it|that|this) (?:work|fix|help|load|build|pass|still)\b|\bis (?:it|that|this) (?:working|fixed|still)\b|\bare you (?:still )?(?:seeing|getting)\b`
  ])],
  ["offer_choice", re([
    String.raw`\b(?:which|what) (?:approach|option|one|way|library|framework|tool|strategy|pattern|direction|design|style|format|naming|provider|database)\b`,
    String.raw`\bprefer\w*\b|\brather\b|\boptions\b|\boption [a-d1-4]\b|\balternatively\b|\beither\b|\btrade-?offs?\b|\bapproach (?:[a-d1-4])\b`
  ])],
  ["approval", re([
    String.raw`\bproceed\b|\bgo ahead\b|\b(?:ok|okay|safe|alright) to\b|\bgreen light\b|\bsign[- ]?off\b|\bapprov\w*\b|\bconfirm\w*\b`,
    String.raw`\bbefore i (?:apply|push|delete|remove|deploy|run|make|commit|merge|change|continue|start|overwrite|drop|publish|send)\b`
  ])],
  ["clarify_request", re([
    String.raw`\bclarif\w*\b|\b(?:what|did|do) (?:you|you'd) mean\b|\bwhat did you mean\b|\bnot sure (?:what|which|whether|if)\b|\bunclear\b|\bambiguous\b`,
    String.raw`\b(?:could|can) you (?:explain|specify|describe|elaborate|expand)\b|\bmore (?:details?|context|information|specifics)\b`
  ])],
  ["offer_choice", /\bor\b[^.?!\n]{0,120}\?/i],
  ["approval", re([String.raw`\b(?:should|shall|can|may) i\b|\bwant me to\b|\b(?:would|do) you (?:like|want) me to\b`])],
  ["clarify_request", re([
    String.raw`\b(?:which|what) (?:file|files|part|component|page|function|endpoint|feature|module|screen|section|environment|version|behaviou?r|format|fields?)\b`,
    String.raw`\bwhat (?:exactly|kind|sort|should|would you like|do you want|are you looking)\b`
  ])]
];

const HUMAN_RULES: readonly (readonly [HumanReason, RegExp])[] = [
  ["do_it_myself", re([
    String.raw`\bi(?:'ll| will|'m going to| am going to) (?:just )?(?:do|handle|take care of|fix|run|write|finish|deal with|take over|commit|push|test|try|change|edit)\b`,
    String.raw`\blet me (?:do|handle|fix|run|try|change|edit|write|take care of)\b|\bmyself\b|\bmanually\b|\bby hand\b`
  ])],
  ["enough_help", re([
    String.raw`\bthat'?s (?:all|enough|good enough|fine|perfect|great)(?: for now)?\b|\bgood enough\b|\b(?:that|this) (?:works|is fine|is enough|helps|is what i need(?:ed)?)\b`,
    String.raw`\bgot (?:it|what i need(?:ed)?)\b|\bi can (?:continue|take it|handle the rest|take over)\b|\btake it from here\b|\bgood for now\b`,
    String.raw`\bno need to (?:continue|go on|keep going|do more|finish)\b|\b(?:looks|sounds) (?:good|great|fine)\b|\bperfect\b`
  ])],
  ["slow_or_excessive", re([
    String.raw`\btoo (?:long|slow|much|many|far|complicated|complex)\b|\btaking (?:so |too |a )?(?:long|forever|ages|a while)\b|\bforever\b`,
    String.raw`\bstuck\b|\bhang(?:ing|s)?\b|\b(?:in a|infinite) loop\b|\blooping\b|\bgoing (?:in|around in) circles\b`,
    String.raw`\bover-?(?:engineer|complicat|think)\w*|\boverkill\b|\bsimpler\b|\bkeep it simple\b|\bunnecessary\b|\bdon'?t need (?:all|so much|that much)\b`,
    String.raw`\bjust (?:do|stop|use|run|make|give|answer|edit|change)\b|\bstop (?:doing|running|adding|creating|writing|changing|trying|searching|reading|exploring|looking)\b`
  ])],
  ["change_requirements", re([
    String.raw`\bchange of plans?\b|\b(?:new|different|changed) (?:requirement|approach|plan|idea|direction)s?\b|\bscratch that\b|\bforget (?:that|it|about)\b|\bnever ?mind\b|\bnvm\b`,
    String.raw`\binstead\b|\brather\b|\bactually,? (?:let'?s|i want|i'?d like|we need|we should|make|use|do|can you|could you)\b`,
    String.raw`\b(?:also|additionally) (?:add|make|include|handle|support|need|want)\b|\blet'?s (?:go with|switch|try|use) \b`
  ])],
  ["missing_context", re([
    String.raw`^\W*(?:no|nope|wrong)\b|\bwrong\b|\bnot (?:that|this|what|quite|right)\b|\bthe (?:correct|right|real|actual) \b`,
    String.raw`\bthe (?:file|function|bug|issue|problem|error|cause|config|test|class|method|table|column) is\b|\bit'?s (?:in|at|called|under|defined|located)\b|\bshould be\b`,
    String.raw`\byou (?:need|have|should|must)\b|\bdon'?t (?:use|touch|change|modify|edit|delete|remove|add)\b|\b(?:remember|note|keep in mind|make sure)\b|\b(?:use|using) the (?:existing|other|new|correct)\b`,
    String.raw`\balready (?:in|there|exists?|defined|available|implemented|written)\b|\buse (?:that|this|those|it)\b|\bthe (?:api|endpoints?|schema|version) (?:is|are)\b`,
    String.raw`\x60|\b[\w-]+\.(?:ts|tsx|js|jsx|py|go|rs|java|rb|php|json|ya?ml|toml|sql|sh|md|css|html)\b|(?:^|\s)\/[\w.-]+|\b(?:error|exception|traceback)\b`
  ])]
];

export function agentStopReason({how, text}: AgentStopInput): AgentReason {
  if (how === "plan") return "approval";
  const asked = how === "question" ? Object.values(closingPart(text)).flat().join(" ") : head(text, MAX_QUESTION);
  return firstMatch(AGENT_RULES, asked) ?? (how === "ask_user" ? "offer_choice" : "other");
}

export function humanStopReason({said}: HumanStopInput): HumanReason {
  return firstMatch(HUMAN_RULES, head(said, MAX_SAID)) ?? "other";
}
