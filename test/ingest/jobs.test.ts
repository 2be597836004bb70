// The groups a run's readers share (loaders/ingest/job.ts, SharedJobs): the workers take the
// largest left, the main thread the smallest, and every group is read exactly once, however
// the takes from the two ends interleave.
import {expect, test} from "vitest";
import {SharedJobs} from "../../loaders/ingest/job.ts";

// Group indices, the largest group first.
const BY_SIZE = [7, 3, 9, 0, 5, 1, 8];

test.each([
  ["the front alone", "ffffffffff"],
  ["the back alone", "bbbbbbbbbb"],
  ["the ends in turn", "fbfbfbfbfb"],
  ["mostly the front", "fffbffffbb"],
  ["mostly the back", "bbbfbbbbff"]
])("every group is taken once, from %s", (_, order) => {
  const jobs = new SharedJobs(BY_SIZE);
  // A reader on another thread takes from the list it is handed.
  const other = new SharedJobs(jobs.buffer);
  const front: number[] = [];
  const back: number[] = [];
  for (const end of order) {
    const index = end === "f" ? other.take() : jobs.take(true);
    if (index !== undefined) (end === "f" ? front : back).push(index);
  }
  expect([...front, ...back].sort()).toEqual([...BY_SIZE].sort());
  // The front takes the largest first, the back the smallest; they meet without a gap.
  expect([...front, ...back.reverse()]).toEqual(BY_SIZE);
  expect([other.take(), jobs.take(true), other.take()]).toEqual([undefined, undefined, undefined]);
});

test("a stopped list gives no more groups, from either end; an empty one none", () => {
  const jobs = new SharedJobs(BY_SIZE);
  expect(jobs.take()).toBe(7);
  jobs.stop();
  expect([jobs.take(), jobs.take(true)]).toEqual([undefined, undefined]);
  const empty = new SharedJobs([]);
  expect([empty.take(), empty.take(true)]).toEqual([undefined, undefined]);
});
