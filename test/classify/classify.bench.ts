// How fast the default classifiers are on realistic inputs (`npm run bench`). They run on
// every turn and tool call of corpora of gigabytes: a turn's calls share one prompt, so
// what depends on the prompt is computed once per turn.
import {bench, describe} from "vitest";
import {defaultClassifiers as c} from "../../loaders/classify/index.ts";
import type {CallInput} from "../../loaders/classify/types.ts";

const PROMPT = "The checkout page crashes when the cart is empty. Debug it, add a regression test in tests/cart.test.ts, and don't touch the payment module: it's owned by another team. " +
  "Run the whole suite before you commit.";
const CALLS: Omit<CallInput, "prompt" | "level" | "inSubagent" | "position">[] = [
  {tool: "Grep", input: {pattern: "emptyCart", path: "/repo/src"}},
  {tool: "Read", input: {file_path: "/repo/src/checkout/Cart.tsx"}},
  {tool: "Read", input: {file_path: "/repo/.env"}},
  {tool: "Edit", input: {file_path: "/repo/src/checkout/Cart.tsx", old_string: "items[0].price", new_string: "items[0]?.price ?? 0"}},
  {tool: "Write", input: {file_path: "/repo/tests/cart.test.ts", content: "import {test} from 'vitest';\n".repeat(40)}},
  {tool: "Bash", input: {command: "npm test -- tests/cart.test.ts", description: "Run the new test"}},
  {tool: "Bash", input: {command: "git status && git diff --stat"}},
  {tool: "Bash", input: {command: "rm -rf node_modules/.vite && npm run build"}},
  {tool: "Bash", input: {command: "git commit -am 'fix: guard empty cart' && git push origin fix/empty-cart"}},
  {tool: "mcp__github__create_pull_request", input: {title: "Guard empty cart", body: "Fixes the crash.", head: "fix/empty-cart", base: "main"}},
  {tool: "mcp__postgres__query", input: {sql: "SELECT id, total FROM orders WHERE total = 0 LIMIT 20"}},
  {tool: "TodoWrite", input: {todos: [{content: "Add test", status: "completed"}]}}
];
const TURN = Array.from({length: 20}, (_, i): CallInput => ({...CALLS[i % CALLS.length], prompt: PROMPT, level: "edits", inSubagent: i > 14, position: i}));
const API = ["lookup_order", "issue_refund", "send_customer_email", "update_patient_record", "request_human_approval", "escalate_to_agent", "unlock_door", "execute_trade"]
  .map((tool): CallInput => ({tool, input: null, prompt: "", level: null, inSubagent: false, position: 0}));
const CLOSING = `I found the cause: \`Cart.tsx\` read \`items[0].price\` before checking the cart.\n\n\`\`\`tsx\n${"const total = items.reduce((s, i) => s + i.price, 0);\n".repeat(25)}\`\`\`\n\n` +
  "The new test fails before the fix and passes after it. Two other places read the first item the same way (`Summary.tsx`, `MiniCart.tsx`).\n\nShould I guard those too, or keep this change small?";

describe("per tool call", () => {
  bench("toolCall: a turn of 20 Claude Code calls", () => {
    for (const call of TURN) c.toolCall(call);
  });
  bench("toolCall + involvesPerson: 8 API agent calls", () => {
    for (const call of API) {
      c.toolCall(call);
      c.involvesPerson(call);
    }
  });
});

describe("per turn", () => {
  bench("complexity + corrective", () => {
    c.complexity({prompt: PROMPT, toolNames: TURN.map((t) => t.tool), filesTouched: 2, subagents: 0});
    c.corrective(PROMPT);
  });
  bench("asksQuestion + agentStopReason on a long closing message", () => {
    c.asksQuestion(CLOSING);
    c.agentStopReason({how: "question", text: CLOSING});
  });
  bench("humanStopReason", () => {
    c.humanStopReason({how: "interrupt", said: "no, the bug is in MiniCart.tsx, and just edit that one file"});
  });
});
