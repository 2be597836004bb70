// A large input's groups are found on a thread of its own (loaders/ingest/find.ts), whose
// heap goes when it ends. The run must get from it what finding them on the main thread
// gives: the same groups in the same order, with the same keys, sizes and fingerprints,
// for a whole input and for a shard; and an error the person can act on must stay one
// across the thread. While it works, the run's progress says so.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {InputError} from "../../loaders/errors.ts";
import {discover} from "../../loaders/ingest/discover.ts";
import {find, findHere, findOnThread, type FindOptions} from "../../loaders/ingest/find.ts";
import {WalkLimit} from "../../loaders/sources/walk.ts";
import {ingestRun, type Progress} from "../../loaders/ingest/run.ts";
import {bar} from "../../loaders/cli.ts";
import {fleetFiles, writeFleet} from "../helpers/ingest-corpus.ts";
import {tmp} from "../helpers/tmp.ts";

test("the thread finds and places the groups the main thread would", async () => {
  const root = writeFleet(fleetFiles());
  const runs: FindOptions[] = [{inputs: [root]}, {inputs: [root], incremental: true}, {inputs: [root], shard: {index: 1, count: 2}}];
  for (const opts of runs) {
    const here = findHere(discover(opts.inputs), opts);
    const there = await findOnThread(opts);
    const [a, b] = [join(tmp(), "groups.jsonl"), join(tmp(), "groups.jsonl")];
    const [placedHere, placedThere] = [await here.place(a), await there.place(b)];
    expect(placedThere).toEqual(placedHere);
    expect(readFileSync(b)).toEqual(readFileSync(a));
    expect({...there, place: 0, close: 0}).toEqual({...here, place: 0, close: 0});
    expect(placedHere.keys.length).toBeGreaterThan(0);
    expect(placedHere.prints.every((p) => (opts.incremental ? typeof p === "string" : p === null))).toBe(true);
    there.close();
  }
  // The shard's groups and the others' add up to the whole input's.
  const whole = await findOnThread({inputs: [root]});
  const shard = await findOnThread({inputs: [root], shard: {index: 1, count: 2}});
  const [all, some] = [(await whole.place(join(tmp(), "g"))).keys.length, (await shard.place(join(tmp(), "g"))).keys.length];
  expect(some).toBeLessThan(all);
  expect(shard.elsewhere).toBe(all - some);
});

test("an input whose walk lists more entries than the main thread's limit is found again on a thread, with the same groups", async () => {
  const root = writeFleet(fleetFiles());
  expect(() => discover([root], undefined, 1)).toThrow(WalkLimit);
  expect(discover([root], undefined, 1e6)).toEqual(discover([root]));
  const [here, there] = [await find({inputs: [root]}), await find({inputs: [root]}, undefined, 1)];
  expect(await there.place(join(tmp(), "groups.jsonl"))).toEqual(await here.place(join(tmp(), "groups.jsonl")));
  there.close();
});

test("an input that cannot be read is told as the person's error; a failed write keeps its code", async () => {
  await expect(findOnThread({inputs: ["/no/such/folder"]})).rejects.toThrow(new InputError("no such file or folder: /no/such/folder"));
  await expect(findOnThread({inputs: [tmp()]})).rejects.toBeInstanceOf(InputError);
  const found = await findOnThread({inputs: [writeFleet(fleetFiles(1, 1))]});
  const failed = found.place(join(tmp(), "missing", "groups.jsonl"));
  await expect(failed).rejects.toMatchObject({code: "ENOENT"});
  await expect(failed).rejects.not.toBeInstanceOf(InputError);
});

test("a run tells how far it has gone: finding the files, reading them, writing every table", async () => {
  const seen: (Progress & {at: number})[] = [];
  const {report} = await ingestRun({inputs: [writeFleet(fleetFiles())], out: join(tmp(), "out"), progress: (p) => seen.push({...p, at: Date.now()})});
  const stages = seen.map((p) => p.stage).filter((s, i, all) => s !== all[i - 1]);
  expect(stages).toEqual(["finding", "reading", "writing"]);
  const finding = seen.filter((p) => p.stage === "finding");
  expect(finding[0].folders).toBeGreaterThan(0);
  const reading = seen.filter((p) => p.stage === "reading");
  expect(reading.at(-1)).toMatchObject({files: report.files, filesTotal: report.files, lines: report.lines});
  // The reading's rate counts from the reading's start, not from finding the files.
  const since = (reading[0] as {since: number}).since;
  expect(since).toBeGreaterThanOrEqual(finding.at(-1)!.at);
  expect(since).toBeLessThanOrEqual(reading[0].at);
  expect(bar({...(reading[0] as Extract<Progress, {stage: "reading"}>), bytes: 50e6, bytesTotal: 100e6, since: 1_000}, 3_000)).toContain(" 25 MB/s");
  expect(seen.filter((p) => p.stage === "writing").map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test("discovery lists each folder once, however many sources look into it", () => {
  const root = writeFleet(fleetFiles());
  let listed = 0;
  const found = discover([root], () => listed++);
  const folders = (dir: string): number => 1 + readdirSync(dir, {withFileTypes: true}).reduce((n, e) => n + (e.isDirectory() ? folders(join(dir, e.name)) : 0), 0);
  expect(found.groups.length).toBeGreaterThan(0);
  expect(listed).toBe(folders(root));
});
