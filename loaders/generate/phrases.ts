// What the agent and the person say around the work: the agent's openers, summaries,
// questions (by why it stops, the study's Table 1) and plans; the person's corrections,
// redirections after an interrupt (by why they stopped it), reasons for a rejection, and
// replies. Written as people write them; the classifiers read them back.
import type {Complexity} from "../definitions.ts";
import {fill, PROMPTS, taskPrompt, type Project, type Prompts, type Topic} from "./tasks.ts";
import type {Rng} from "./rng.ts";

type Options = {label: string; description: string}[];
export type Question = {question: string; header: string; options: Options};

const OPENERS = [
  "Let me look at how {module} works first.", "I'll start by reading {file}.", "Let me find where this is handled.", "I'll check the current setup before changing anything.",
  "Let me explore the project structure.", "First I'll reproduce the problem.", "I'll look at the existing code and tests."
];
const OPENERS_DOCS = ["Let me read {file} first.", "I'll start from what's already there.", "Let me gather the material first."];

const SUMMARIES = [
  "Done. I updated {file} and the tests pass.", "Fixed: the problem was in {file}; I changed it and added a test.", "All set. {file} now handles that case, and the build is green.",
  "I made the change in {file} and ran the test suite: everything passes.", "Done — the change is in {file}. Nothing else needed to change.",
  "Here's what I found: {module} reads the setting once at startup, so the change only takes effect after a restart.", "Finished. I've committed the change on the current branch."
];
const SUMMARIES_DOCS = ["Done. The draft is in {file}.", "I've updated {file}; the main changes are in the first two sections.", "Here it is — saved to {file}.", "Finished. I summarised the results in {file}."];

// Closing questions, by why the agent stops (Table 1). Each ends the turn on a question.
const CLOSING: Record<string, string[]> = {
  offer_choice: [
    "I see two ways to do this: patch {file} directly, or move the logic into a shared helper. Which approach do you prefer?",
    "There are a couple of options here — keep the current format and add a converter, or switch the format everywhere. Which would you like?",
    "Option A is quicker but duplicates some logic; option B is cleaner but touches more files. Which way should I go?"
  ],
  gather_diagnostics: [
    "I can't reproduce it locally. Could you run it again with DEBUG=1 and paste the output?",
    "Can you share the full error message and stack trace from the logs?",
    "Could you paste the test output from CI? The failure doesn't show up here."
  ],
  clarify_request: [
    "Just to be sure I change the right thing: do you mean the page under settings, or the one in the admin area?",
    "When you say it should be faster, what exactly is slow for you — the first load or every request?",
    "Could you clarify which version of the data you want — the raw export or the cleaned one?"
  ],
  credentials_access: [
    "I need an API key for the staging environment to test this. Can you add it to .env or tell me where it's stored?",
    "The deploy needs access to the production account, which I don't have. Can you grant access or run that step?",
    "I can't log in to the dashboard from here. Could you share a token with read access?"
  ],
  approval: [
    "This will drop the old table and backfill the new one. Should I go ahead?",
    "The fix is ready, but it changes the public API. OK to proceed?",
    "Before I push to the shared branch — do you want me to go ahead?"
  ],
  other: ["Anything else you want me to look at?", "Do you want me to keep going with the remaining items?"]
};

const ASKS: Record<string, Question[]> = {
  offer_choice: [
    {question: "Which approach do you prefer for the fix?", header: "Approach", options: [{label: "Patch in place", description: "Smallest change"}, {label: "Shared helper", description: "Cleaner, touches more files"}]},
    {question: "Which library should I use for this?", header: "Library", options: [{label: "Keep current", description: "No new dependency"}, {label: "Switch", description: "Better supported"}]},
    {question: "Which option should the export default to?", header: "Default", options: [{label: "CSV", description: "Opens everywhere"}, {label: "JSON", description: "Keeps nesting"}, {label: "Both", description: "Two files"}]}
  ],
  gather_diagnostics: [
    {question: "What error output do you see when it fails on your machine?", header: "Error", options: [{label: "Timeout", description: "It hangs then fails"}, {label: "Crash", description: "A stack trace"}]},
    {question: "Can you run the failing test and tell me the result you get?", header: "Tests", options: [{label: "Passes", description: "Only fails in CI"}, {label: "Fails", description: "Fails locally too"}]}
  ],
  clarify_request: [
    {question: "Which part of the page do you mean?", header: "Scope", options: [{label: "The table", description: "Rows and paging"}, {label: "The filters", description: "The sidebar"}]},
    {question: "What should happen to existing records — more detail please on how to treat them?", header: "Existing", options: [{label: "Migrate", description: "Convert them"}, {label: "Leave", description: "New records only"}]}
  ],
  credentials_access: [
    {question: "Where can I find the API key for the sandbox account?", header: "Access", options: [{label: "In .env", description: "I'll add it"}, {label: "Skip", description: "Mock it for now"}]},
    {question: "I need access to the staging database. How should I connect?", header: "Access", options: [{label: "Use the tunnel", description: "Via bastion"}, {label: "Use a dump", description: "Local copy"}]}
  ],
  approval: [
    {question: "Should I proceed with deleting the old records?", header: "Confirm", options: [{label: "Yes", description: "Delete them"}, {label: "No", description: "Archive instead"}]},
    {question: "OK to push these changes to the shared branch?", header: "Push", options: [{label: "Push", description: "Go ahead"}, {label: "Wait", description: "I'll review first"}]}
  ]
};

const PLANS = [
  "## Plan\n\n1. Read {file} and the code around it\n2. Make the change in one place\n3. Update the tests\n4. Run the full suite",
  "## Plan: {feature}\n\n1. Data model and migration\n2. API endpoints\n3. UI\n4. Tests and docs",
  "## Plan\n\n1. Gather what exists\n2. Draft the new structure\n3. Fill in each section\n4. Review against the brief"
];

// The person's next prompt when the last one failed: it corrects the agent.
const CORRECTIONS = [
  "that didn't work, the tests still fail", "no, that's not what I meant — keep the old behaviour for admins", "still broken, same error as before",
  "you broke the import in {file}, put it back", "undo that last change", "this is wrong, the total should include tax", "not what I asked for. I wanted the numbers per month",
  "revert that and try a different approach", "it still doesn't work on the staging data", "why did you change {file}? that file was fine",
  "that's not right, the dates are off by one day", "nope, the page still shows the old value"
];

// After an interrupt: what the person says next, by why they stopped the agent (Table 1).
const AFTER_INTERRUPT: Record<string, string[]> = {
  missing_context: [
    "no, the config is in {file}, use that one", "wrong file — the bug is in the {module} client, not the server", "the API is v2, use the /v2 endpoints",
    "note that we use pnpm here, not npm", "the function you want is already in utils, use that", "it's called by the nightly job too, so don't change the signature",
    "you need to run it inside the docker container", "remember the staging database is read-only"
  ],
  slow_or_excessive: [
    "this is taking too long, just fix the one failing test", "stop, you're over-engineering this. keep it simple", "you're stuck in a loop running the same command",
    "that's overkill — a one-line fix is enough", "too many changes, just do the minimal thing"
  ],
  enough_help: ["got it, thanks — that's all I needed", "ok that's enough, I can continue from here", "thanks, that works. good for now"],
  do_it_myself: ["I'll run the migration myself, just give me the command", "let me handle the deploy, skip that part", "I'll fix the styling myself, you do the logic"],
  change_requirements: ["actually, let's use SQLite instead of Postgres for now", "change of plan: make it a CLI flag instead of a config option", "scratch that, we need CSV export not JSON"]
};

const REJECT_REASONS = [
  "use pnpm instead of npm", "run only the unit tests", "put it in {file} instead", "keep the existing function name", "don't touch the generated files",
  "use the staging config, not prod", "skip the lint step for now", "use the existing helper in utils"
];

const REPLIES: Record<string, string[]> = {
  offer_choice: ["let's go with the second option", "the first one, keep it simple", "go with the shared helper"],
  gather_diagnostics: ["here's the output: it times out after 30s on the second request", "the trace ends in the retry wrapper, line 88", "it fails locally too, same message"],
  clarify_request: ["I mean the settings page, not the admin one", "the first load — after that it's fine", "the cleaned one"],
  credentials_access: ["added the key to .env as STAGING_API_KEY", "I've given you read access, try now", "use the token in 1Password under staging"],
  approval: ["yes, go ahead", "ok, proceed", "go for it"],
  other: ["looks good, thanks", "that's everything for now"]
};

const AFTER_CLARIFY = ["Sure — what would you like to clarify?", "Of course. What's unclear about the questions?"];

/** The texts the classifiers read, each kind by what it is meant to say: a phrase bank. */
export type Bank = {
  /** The agent's last message when it ends its turn on a question, by why it asks. */
  closing: Record<string, string[]>;
  /** Questions asked through AskUserQuestion, by why the agent asks (each of Table 1's reasons but `other`). */
  asks: Record<string, Question[]>;
  /** The person's answer to a question, by why it was asked. */
  replies: Record<string, string[]>;
  /** The person's next prompt when the work handed back was wrong. */
  corrections: string[];
  /** What the person says after an interrupt, by why they stopped the agent. */
  afterInterrupt: Record<string, string[]>;
  /** The reason typed with a rejected tool call or plan. */
  rejectReasons: string[];
  /** Tasks, by domain and complexity. */
  prompts: Record<string, Prompts>;
};

/** The generator's own bank. */
export const BANK: Bank = {
  closing: CLOSING, asks: ASKS, replies: REPLIES, corrections: CORRECTIONS, afterInterrupt: AFTER_INTERRUPT, rejectReasons: REJECT_REASONS, prompts: PROMPTS
};

/** What is said, drawn from `bank`; the agent's openers, summaries and plans are never classified, and are the same in every bank. */
export function speaker(bank: Bank) {
  return {
    opener: (p: Project, t: Topic, rng: Rng) => fill(rng.pick(p.language ? OPENERS : OPENERS_DOCS), p, t, rng),
    summary: (p: Project, t: Topic, rng: Rng) => fill(rng.pick(p.language ? SUMMARIES : SUMMARIES_DOCS), p, t, rng),
    plan: (p: Project, t: Topic, rng: Rng) => fill(rng.pick(p.language ? PLANS.slice(0, 2) : PLANS.slice(2)), p, t, rng),
    afterClarify: (rng: Rng) => rng.pick(AFTER_CLARIFY),
    task: (p: Project, c: Complexity, rng: Rng) => taskPrompt(bank.prompts, p, c, rng),
    closingQuestion: (reason: string, p: Project, t: Topic, rng: Rng) => fill(rng.pick(bank.closing[reason] ?? bank.closing.other), p, t, rng),
    askQuestion: (reason: string, rng: Rng): Question => rng.pick(bank.asks[reason]),
    correction: (p: Project, t: Topic, rng: Rng) => fill(rng.pick(bank.corrections), p, t, rng),
    afterInterrupt: (reason: string, p: Project, t: Topic, rng: Rng) => fill(rng.pick(bank.afterInterrupt[reason]), p, t, rng),
    rejectReason: (p: Project, t: Topic, rng: Rng) => fill(rng.pick(bank.rejectReasons), p, t, rng),
    reply: (reason: string, rng: Rng) => rng.pick(bank.replies[reason] ?? bank.replies.other)
  };
}

export type Speaker = ReturnType<typeof speaker>;
