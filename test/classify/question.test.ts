// Closing questions (loaders/classify/question.ts): closing messages of assistants as
// Claude Code writes them, with the questions that do not end a turn.
import {describe, expect, test} from "vitest";
import {asksQuestion} from "../../loaders/classify/question.ts";

describe("asksQuestion", () => {
  test.each([
    ["I found two stale branches: `old-auth` and `release`.\n\nShould I delete both of them, or keep `release`?"],
    ["The migration is written but not applied.\n\n**Shall I run it against the staging database?**"],
    ["I can fix this two ways. Which approach do you prefer?\n\n1. Add a retry with backoff in `fetchUser`\n2. Cache the token and refresh it before expiry"],
    ["Would you like me to:\n- Keep the old API and add a v2 alongside\n- Replace it and bump the major version"],
    ["The build passes locally. Could you run `npm run e2e` on your machine and paste the output? I can't reach the browser here."],
    ["I need the Stripe test key to go on. Please add it to `.env` as `STRIPE_SECRET_KEY` and let me know."],
    ["Options:\n1. **Redis**: fast, one more service\n2. **In-memory**: simple, lost on restart\n\nLet me know which you prefer."],
    ["Before I push to `main`, please confirm the version number (2.4.0 or 3.0.0)."],
    ["Everything is in place except the DNS record. Want me to create it too?"],
    ["Done with the parser. Do you want the same change in the lexer? 🙂"]
  ])("a closing that asks: %#", (text) => {
    expect(asksQuestion(text)).toBe(true);
  });

  test.each([
    ["Here's the fix:\n\n```ts\nconst timeout = opts.timeout ?? (isCI ? 30_000 : 5_000);\nif (!ok) throw new Error(\"why?\");\n```"],
    ["Why is it slow? The loop re-reads the file on every row.\n\nI moved the read out of the loop; the import now takes 2 s instead of 40 s."],
    ["Why is it slow? The loop re-reads the file on every row."],
    ["You asked:\n> can we drop Node 18?\n\nYes: nothing uses it any more, and I removed it from the CI matrix."],
    ["All 214 tests pass. Let me know if you'd like any other changes."],
    ["Done! Would you like me to make any other changes?"],
    ["I updated `src/config.ts` and the README. Let me know if you need anything else."],
    ["## What changed?\n\n- `parse.ts`: handles CRLF\n- `read.ts`: skips BOM"],
    ["Summary of changes:\n\n- Added the `--dry-run` flag\n- Documented it in the README"],
    ["The function `isReady()` returns early when `queue?.length` is 0, which is what you saw."],
    [""]
  ])("a closing that does not ask: %#", (text) => {
    expect(asksQuestion(text)).toBe(false);
  });

  test("a question that a report then goes on from does not end the turn", () => {
    const report = "Should we keep the old flag? I checked: nothing reads it.\n\nI removed it and the tests pass.";
    expect(asksQuestion(report)).toBe(false);
  });

  test("only the message's last 2,000 characters are read; a block cut at its start is still code", () => {
    const code = "```python\n" + "x = compute(y)\n".repeat(200) + "```\n\nShould I also vectorise `compute`?";
    expect(asksQuestion(code)).toBe(true);
    // The cut leaves the closing fence first: what precedes it is code, not prose.
    const cut = "Done.\n\n```sql\n" + "select * from orders where total > ?\n".repeat(80) + "```\n\nAll queries are parameterised now.";
    expect(cut.length).toBeGreaterThan(2000);
    expect(asksQuestion(cut)).toBe(false);
  });
});
