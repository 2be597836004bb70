// Corrective prompts (loaders/classify/corrective.ts): real-looking follow-up prompts, and
// the openings that look like rejections but are not.
import {describe, expect, test} from "vitest";
import {corrective} from "../../loaders/classify/corrective.ts";

describe("corrective", () => {
  test.each([
    ["no, use pnpm not npm"],
    ["No. The config lives in packages/core, not the root."],
    ["nope that's the wrong file"],
    ["wrong branch, we're on release/2.3"],
    ["stop"],
    ["Stop doing that, you're rewriting files I didn't ask about"],
    ["wait, why are you deleting the migrations?"],
    ["hold on — don't push yet"],
    ["undo the last change"],
    ["revert that"],
    ["don't use lodash for this"],
    ["Do not touch the generated files"],
    ["actually, let's keep the old endpoint and add a v2 alongside it"],
    ["that's not what I asked for. I wanted the totals per month"],
  ])("a rejecting opening corrects: %s", (prompt) => {
    expect(corrective(prompt)).toBe(true);
  });

  test.each([
    ["Thanks. Hmm, you broke the build: `tsc` now fails on types.ts"],
    ["the tests are still failing with the same error"],
    ["That didn't work, the page is still blank"],
    ["I said the staging bucket, not prod"],
    ["you forgot to update the lockfile"],
    ["close, but use date-fns instead"],
    ["can you roll back the schema change?"],
    ["why did you remove the retry?"],
    ["it's still not working after the restart"],
    ["the build is failing now"],
    ["lint fails on the new file"],
    ["it crashed again, see the log"],
    ["the chart doesn't render on Safari"],
    ["the import seems not to resolve"],
    ["why are you editing the lockfile?"]
  ])("saying the result is wrong corrects, anywhere in the opening: %s", (prompt) => {
    expect(corrective(prompt)).toBe(true);
  });

  test.each([
    ["no worries, take your time"],
    ["No problem! Next, add pagination to the list view"],
    ["no errors now, thanks. Let's add the export button"],
    ["thanks, that works"],
    ["stop the dev server and start it on port 4000"],
    ["wait for CI to pass, then merge the PR"],
    ["don't forget to update the changelog"],
    ["Don't worry about Windows support for now"],
    ["actually, can you also add a test for the empty case?"],
    ["now add a --dry-run flag"],
    ["looks good, commit it"],
    ["Great. What's the best way to deploy this?"],
    ["add a failing test for the parser first"],
    ["find out why the nightly job crashed on Sunday"],
    ["check whether the build fails on Node 18 too"],
    ["why is this endpoint slow under load?"]
  ])("an ordinary prompt does not: %s", (prompt) => {
    expect(corrective(prompt)).toBe(false);
  });

  test("only the first 300 characters are read: a correction comes first", () => {
    const long = `Please add the CSV export described below. ${"It should stream rows. ".repeat(14)}`;
    expect(long.length).toBeGreaterThan(300);
    expect(corrective(`${long} That didn't work last time.`)).toBe(false);
    expect(corrective(`That didn't work last time. ${long}`)).toBe(true);
  });
});
