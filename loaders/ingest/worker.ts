// A worker thread of the ingest: reads groups from the list it shares with the other
// readers (SharedJobs in job.ts) until none is left, appends their rows to its own parts,
// and tells the main thread of each group it read.
import {join} from "node:path";
import {parentPort, workerData} from "node:worker_threads";
import {loadClassifiers} from "../classify/index.ts";
import {posted} from "../errors.ts";
import {GroupFile} from "./group-file.ts";
import {PartWriter} from "./parts.ts";
import {readJob, SharedJobs} from "./job.ts";

/** `groups` and `ends`: the group file (group-file.ts); `keys`: each group's key; `print`: whether readers take fingerprints. */
export type ReaderInit = {work: string; name: string; maxLineBytes: number; classifiers?: string; groups: string; ends: Float64Array; keys: string[]; print: boolean; jobs: SharedArrayBuffer};
const init = workerData as ReaderInit;
const ctx = {maxLineBytes: init.maxLineBytes, classifiers: await loadClassifiers(init.classifiers), scratch: join(init.work, "scratch")};
const parts = new PartWriter(join(init.work, "parts"), init.name);
const waiting = new GroupFile(init.groups, init.ends);
const jobs = new SharedJobs(init.jobs);

parentPort!.postMessage({ready: true});
try {
  for (let index = jobs.take(); index !== undefined; index = jobs.take()) {
    parentPort!.postMessage({index, ...readJob(waiting.get(index), ctx, parts.writer(init.keys[index]), init.print)});
    // The thread's own tasks (V8's, for its heap) run between its groups.
    await new Promise((resolve) => setImmediate(resolve));
  }
  parts.close();
  waiting.close();
  parentPort!.postMessage({closed: true});
} catch (error) {
  parentPort!.postMessage({error: posted(error)});
}
