// A worker thread of the ingest: reads the groups the main thread hands it and appends
// their rows to its own parts.
import {join} from "node:path";
import {parentPort, workerData} from "node:worker_threads";
import {loadClassifiers} from "../classify/index.ts";
import {posted} from "../errors.ts";
import {PartWriter} from "./parts.ts";
import type {Group} from "../sources/types.ts";
import {readJob} from "./job.ts";

type Init = {work: string; name: string; maxLineBytes: number; classifiers?: string};
const init = workerData as Init;
const ctx = {maxLineBytes: init.maxLineBytes, classifiers: await loadClassifiers(init.classifiers), scratch: join(init.work, "scratch")};
const parts = new PartWriter(join(init.work, "parts"), init.name);

// A group comes as its line of the group file (group-file.ts), parsed here rather than on the main thread.
parentPort!.on("message", (message: {group?: string; index?: number; key?: string; print?: boolean; close?: true}) => {
  if (message.close) {
    parts.close();
    parentPort!.postMessage({closed: true});
    return;
  }
  try {
    parentPort!.postMessage({index: message.index, ...readJob(JSON.parse(message.group!) as Group, ctx, parts.writer(message.key!), message.print ?? false)});
  } catch (error) {
    parentPort!.postMessage({index: message.index, error: posted(error)});
  }
});
parentPort!.postMessage({ready: true});
