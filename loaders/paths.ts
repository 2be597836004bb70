// Where the project is, and how its worker threads start, whether the library
// runs from its TypeScript source (through tsx) or from the bundle that `npm install`
// builds into lib/ (scripts/bundle.ts). This file and the bundle sit one level below the
// project's root, so the same relative path serves both.
import {resolve} from "node:path";
import {Worker} from "node:worker_threads";

declare const BUNDLED: boolean | undefined;

export const ROOT = resolve(import.meta.dirname, "..");
export const LIBRARY = resolve(ROOT, "loaders");

const WORKERS = {
  ingest: ["./ingest-worker.js", "./ingest/worker.ts"],
  find: ["./find-worker.js", "./ingest/find-worker.ts"],
  generate: ["./generate-worker.js", "./generate/worker.ts"]
} as const;

/** Starts a worker thread of the library: the bundle's entry, or the source's through thread.js, which loads tsx first. */
export function startWorker(name: keyof typeof WORKERS, workerData: unknown): Worker {
  const [bundled, source] = WORKERS[name];
  if (typeof BUNDLED !== "undefined") return new Worker(new URL(bundled, import.meta.url), {workerData});
  return new Worker(new URL("./thread.js", import.meta.url), {workerData, argv: [new URL(source, import.meta.url).href]});
}
