// Stop reasons (loaders/classify/stop-reason.ts): AskUserQuestion questions and closing
// questions for agent stops, and what people said after they interrupted, for each of the
// study's Table 1 categories.
import {describe, expect, test} from "vitest";
import {AGENT_REASONS, agentStopReason, HUMAN_REASONS, humanStopReason} from "../../loaders/classify/stop-reason.ts";
import {asksQuestion} from "../../loaders/classify/question.ts";

describe("agentStopReason", () => {
  test.each([
    ["credentials_access", "What's your Stripe test API key? I need it to run the webhook tests."],
    ["credentials_access", "Are you logged in to the gh CLI? The push was refused with 403."],
    ["credentials_access", "I don't have access to the staging bucket. Can you grant me read permission?"],
    ["gather_diagnostics", "Could you run `npm run e2e` locally and paste the output?"],
    ["gather_diagnostics", "Does it work now if you hard-refresh the page?"],
    ["gather_diagnostics", "What error do you see in the browser console when you click Save?"],
    ["offer_choice", "Which approach do you prefer for the cache?"],
    ["offer_choice", "Should I use Postgres or SQLite for the local dev database?"],
    ["offer_choice", "I can patch the call site, or would you rather fix it in the library?"],
    ["approval", "Shall I proceed with deleting the 3 unused branches?"],
    ["approval", "OK to push this to main?"],
    ["approval", "Want me to open a PR for it?"],
    ["clarify_request", "Which page do you mean by 'the dashboard': /admin or /home?"],
    ["clarify_request", "What exactly should happen when the upload times out?"]
  ])("%s: %s", (reason, question) => {
    expect(agentStopReason({how: "ask_user", text: question})).toBe(reason);
  });

  test("a question no rule places is `other` in words, and a choice among its options as an AskUserQuestion call", () => {
    const question = "Anything blocking you on your side?";
    expect(agentStopReason({how: "question", text: question})).toBe("other");
    expect(agentStopReason({how: "ask_user", text: question})).toBe("offer_choice");
  });

  test("a plan put to the person asks for approval, whatever its words", () => {
    expect(agentStopReason({how: "plan", text: "## Plan\n1. Which approach? Option A: add a cache.\n2. Run the tests"})).toBe("approval");
  });

  test("a closing question is read from the closing part only, not from the report above it", () => {
    const message = "I checked the logs and the API key rotation, the stack trace points at `retry()`.\n\nShould I add a backoff to `retry()`?";
    expect(asksQuestion(message)).toBe(true);
    expect(agentStopReason({how: "question", text: message})).toBe("approval");
  });

  test("every label is one of AGENT_REASONS", () => {
    for (const how of ["ask_user", "plan", "question"] as const) expect(Object.keys(AGENT_REASONS)).toContain(agentStopReason({how, text: "Should I?"}));
  });
});

describe("humanStopReason", () => {
  test.each([
    ["do_it_myself", "I'll do the deploy myself"],
    ["do_it_myself", "let me handle the migration, you do the docs"],
    ["enough_help", "that's enough, thanks. I can take it from here"],
    ["enough_help", "good enough for now"],
    ["enough_help", "Perfect, that's what I needed"],
    ["slow_or_excessive", "this is taking too long, just edit the one file"],
    ["slow_or_excessive", "you're stuck in a loop re-running the same test"],
    ["slow_or_excessive", "overkill. we don't need a plugin system for two formats"],
    ["change_requirements", "actually, let's keep the old endpoint and add a v2"],
    ["change_requirements", "scratch that, make it a CLI flag instead of an env var"],
    ["change_requirements", "never mind the export, focus on the import"],
    ["missing_context", "no, the config is in packages/core/config.ts"],
    ["missing_context", "the bug is in the serializer, not the router"],
    ["missing_context", "it's called `accountId` in the new schema"],
    ["missing_context", "don't touch the generated client"],
    ["missing_context", "the retry helper is already in lib/http, use that"],
    ["missing_context", "the API is v3, its routes live under /v3"],
    ["other", "what's the weather API we use?"],
    ["other", ""]
  ])("%s: %s", (reason, said) => {
    expect(humanStopReason({how: "interrupt", said})).toBe(reason);
  });

  test("a rejection is read the same way as an interrupt", () => {
    expect(humanStopReason({how: "rejection", said: "wrong file, the handler is in api/routes.ts"})).toBe("missing_context");
  });

  test("only the first 400 characters are read: the reason comes first", () => {
    const said = `Here is the background you asked for. ${"The service runs nightly. ".repeat(16)} It's taking too long.`;
    expect(said.indexOf("taking too long")).toBeGreaterThan(400);
    expect(humanStopReason({how: "interrupt", said})).toBe("other");
  });

  test("the labels are HUMAN_REASONS' keys, and the maps hold the study's wording", () => {
    expect(Object.keys(HUMAN_REASONS)).toEqual(["missing_context", "slow_or_excessive", "enough_help", "do_it_myself", "change_requirements", "other"]);
    expect(AGENT_REASONS.offer_choice).toBe("Offer a choice between approaches");
    expect(HUMAN_REASONS.slow_or_excessive).toBe("Agent slow, hanging or excessive");
  });
});
