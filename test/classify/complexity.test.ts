// Goal complexity (loaders/classify/complexity.ts): each rule with realistic prompts, and
// the work's size checked against the words.
import {describe, expect, test} from "vitest";
import {complexity} from "../../loaders/classify/complexity.ts";
import type {TurnInput} from "../../loaders/classify/types.ts";

/** A turn: its prompt, and the work that followed (tool calls, files edited, subagents). */
function turn(prompt: string, calls = 2, filesTouched = 0, subagents = 0): TurnInput {
  return {prompt, toolNames: Array.from({length: calls}, (_, i) => (i % 2 ? "Edit" : "Read")), filesTouched, subagents};
}

describe("complexity", () => {
  test.each([
    ["redesign the auth system so sessions live in Redis instead of JWTs", 6, 2],
    ["Migrate the frontend from Create React App to Vite", 8, 3],
    ["build a new service that ingests Stripe webhooks and writes them to Postgres", 12, 4],
    ["rewrite the whole parser module, it's unmaintainable", 9, 2],
    ["Set up the project from scratch: Next.js, Prisma, auth, CI", 20, 6],
    ["rename the `userId` field to `accountId` across the codebase", 30, 8]
  ])("a system-level goal is high: %s", (prompt, calls, files) => {
    expect(complexity(turn(prompt, calls, files))).toBe("high");
  });

  test("large work is high whatever the words: 10 files, 40 calls or 3 subagents", () => {
    expect(complexity(turn("make the tests pass", 20, 10))).toBe("high");
    expect(complexity(turn("continue", 40, 2))).toBe("high");
    expect(complexity(turn("look into the flaky CI job", 12, 0, 3))).toBe("high");
  });

  test.each([
    ["fix the typo"],
    ["fix the typo in the README heading"],
    ["rename getCwd to getWorkingDirectory"],
    ["bump the version to 2.4.1"],
    ["run the tests"],
    ["commit and push"],
    ["git status"],
    ["what does parseArgs do?"],
    ["where is the retry logic configured?"],
    ["thanks"],
    ["yes, go ahead"]
  ])("one trivial step with small work is minimal: %s", (prompt) => {
    expect(complexity(turn(prompt, 2, 1))).toBe("minimal");
  });

  test("a trivial-sounding ask that took more work is not minimal", () => {
    expect(complexity(turn("fix the typo", 8, 1))).toBe("medium");
    expect(complexity(turn("thanks, now do the rest", 20, 3))).toBe("medium");
  });

  test("one step that also asks for a change is not one step", () => {
    expect(complexity(turn("run the tests and fix the failures", 3, 1))).toBe("medium");
    expect(complexity(turn("why is the login test failing?", 3))).toBe("medium");
    expect(complexity(turn("add dark mode", 4, 1))).toBe("medium");
  });

  test.each([
    ["add a --verbose flag to the CLI that prints each file as it is read"],
    ["the checkout page crashes when the cart is empty, can you debug it"],
    ["refactor the date helpers into one module"],
    ["write unit tests for the rate limiter"],
    ["migrate the database"]
  ])("a change of behaviour is medium: %s", (prompt) => {
    expect(complexity(turn(prompt, 8, 2))).toBe("medium");
  });

  test("a long brief is medium; sizeable work is medium", () => {
    const brief = "We want the export to look like the old one. ".repeat(7);
    expect(brief.split(/\s+/).filter(Boolean).length).toBeGreaterThanOrEqual(60);
    expect(complexity(turn(brief, 3))).toBe("medium");
    expect(complexity(turn("look at this", 15))).toBe("medium");
    expect(complexity(turn("tidy up", 6, 4))).toBe("medium");
  });

  test.each([
    ["explain how the caching layer decides what to evict"],
    ["review my last commit and tell me what you think"],
    ["update the README with the new flags"]
  ])("anything else is low: %s", (prompt) => {
    expect(complexity(turn(prompt, 4, 1))).toBe("low");
  });

  test("code in the prompt is not the goal: a pasted block with `redesign` in it rates nothing", () => {
    const prompt = "what does this do?\n```ts\n// TODO: redesign from scratch\nexport const x = migrate(a, b);\n```";
    expect(complexity(turn(prompt, 1))).toBe("minimal");
  });

  test("end-to-end tests are not an end-to-end build", () => {
    expect(complexity(turn("add an end-to-end test for the login flow", 6, 1))).toBe("medium");
    expect(complexity(turn("build the invoicing feature end to end", 6, 1))).toBe("high");
  });

  test("a slash command is read without its tags", () => {
    const init = "<command-message>init is analyzing your codebase…</command-message>\n<command-name>/init</command-name>";
    expect(complexity(turn(init, 25, 1))).toBe("medium");
    expect(complexity(turn("<command-name>/commit</command-name>\n<command-message>commit</command-message>", 3))).toBe("minimal");
  });

  test("only the first 2,000 characters are read", () => {
    expect(complexity(turn(`${"word ".repeat(400)} redesign everything`, 5, 1))).toBe("medium");
  });
});
