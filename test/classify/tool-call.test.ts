// One tool call's scores (loaders/classify/tool-call.ts): autonomy's rules, and the scores
// put together from risk.ts and domain.ts.
import {describe, expect, test} from "vitest";
import {autonomy, toolCall} from "../../loaders/classify/tool-call.ts";
import type {CallInput} from "../../loaders/classify/types.ts";

function call(over: Partial<CallInput> = {}): CallInput {
  return {tool: "Bash", input: {command: "npm run build"}, prompt: "make the build smaller", level: "none", inSubagent: false, position: 0, ...over};
}

describe("autonomy", () => {
  test("3 at level none; +1 for edits or an unknown level; +3 for full", () => {
    expect(autonomy(call())).toBe(3);
    expect(autonomy(call({level: "edits"}))).toBe(4);
    expect(autonomy(call({level: null}))).toBe(4);
    expect(autonomy(call({level: "full"}))).toBe(6);
  });

  test("+2 in a subagent; +1 from the turn's 10th call, +2 from its 30th", () => {
    expect(autonomy(call({inSubagent: true}))).toBe(5);
    expect(autonomy(call({position: 9}))).toBe(3);
    expect(autonomy(call({position: 10}))).toBe(4);
    expect(autonomy(call({position: 30}))).toBe(5);
    expect(autonomy(call({level: "full", inSubagent: true, position: 45}))).toBe(10);
  });

  test("−2 when the prompt names the command, the file, the tool or its MCP server, as whole words", () => {
    expect(autonomy(call({input: {command: "npm test -- --watch=false"}, prompt: "run npm test please"}))).toBe(1);
    expect(autonomy(call({tool: "Edit", input: {file_path: "/repo/src/Cart.tsx"}, prompt: "in Cart.tsx, disable the button while saving"}))).toBe(1);
    expect(autonomy(call({tool: "mcp__stripe__create_refund", input: {}, prompt: "use Stripe to refund order 1042", level: "full"}))).toBe(4);
    expect(autonomy(call({tool: "Write", input: {file_path: "/repo/a.md"}, prompt: "rewrite the intro"}))).toBe(3);
    expect(autonomy(call({input: {command: "npm test"}, prompt: "the npm testing docs are wrong"}))).toBe(3);
  });

  test("a call that asks or waits for a person is autonomy 1, whatever else", () => {
    expect(autonomy(call({tool: "request_human_approval", input: {}, level: "full", inSubagent: true, position: 50}))).toBe(1);
    expect(autonomy(call({tool: "AskUserQuestion", input: {questions: []}, level: "full"}))).toBe(1);
  });

  test("the prompt is read once per turn: the next turn's prompt is read afresh", () => {
    expect(autonomy(call({input: {command: "git push"}, prompt: "git push it"}))).toBe(1);
    expect(autonomy(call({input: {command: "git push"}, prompt: "ship it"}))).toBe(3);
  });
});

describe("toolCall", () => {
  test("puts risk, reversibility, autonomy and domain together", () => {
    expect(toolCall(call({input: {command: "git push --force origin main"}, prompt: "clean up the history", level: "full"}))).toEqual({risk: 7, autonomy: 6, reversible: false, domain: "software_engineering"});
    expect(toolCall({tool: "issue_refund", input: {order_id: "A-1042"}, prompt: "", level: null, inSubagent: false, position: 3})).toEqual({risk: 6, autonomy: 4, reversible: false, domain: "finance"});
    expect(toolCall(call({tool: "Read", input: {file_path: "/repo/.env"}, prompt: "why does the app not see DATABASE_URL?"}))).toEqual({risk: 2, autonomy: 3, reversible: true, domain: "software_engineering"});
  });
});
