// A worker thread of the ingest: reads the groups the main thread hands it and appends
// their rows to its own parts.
import {parentPort, workerData} from "node:worker_threads";
import {loadClassifiers} from "../classify/index.ts";
import {processGroup} from "../sources/claude-code/group.ts";
import {PartWriter} from "./parts.ts";
import type {Group} from "./discover.ts";

type Init = {partsDir: string; name: string; maxLineBytes: number; classifiers?: string};
const init = workerData as Init;
const classifiers = await loadClassifiers(init.classifiers);
const parts = new PartWriter(init.partsDir, init.name);

parentPort!.on("message", (message: {group?: Group; index?: number; close?: true}) => {
  if (message.close) {
    parts.close();
    parentPort!.postMessage({closed: true});
    return;
  }
  try {
    const result = processGroup(message.group!, init.maxLineBytes, classifiers, parts.write);
    parentPort!.postMessage({index: message.index, result});
  } catch (error) {
    parentPort!.postMessage({index: message.index, error: error instanceof Error ? error.stack ?? error.message : String(error)});
  }
});
parentPort!.postMessage({ready: true});
