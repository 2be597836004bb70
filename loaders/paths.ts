// Where the project is, and where its worker threads' entries are, whether the library
// runs from its TypeScript source (through tsx) or from the bundle that `npm install`
// builds into lib/ (scripts/bundle.ts). This file and the bundle sit one level below the
// project's root, so the same relative path serves both.
import {resolve} from "node:path";

declare const BUNDLED: boolean | undefined;

export const ROOT = resolve(import.meta.dirname, "..");
export const LIBRARY = resolve(ROOT, "loaders");

const WORKERS = {
  ingest: ["./ingest-worker.js", "./ingest/worker.js"],
  generate: ["./generate-worker.js", "./generate/worker.js"]
} as const;

/** The entry of a worker thread: the bundle's own, or the source's (which loads tsx first). */
export function workerUrl(name: keyof typeof WORKERS): URL {
  return new URL(WORKERS[name][typeof BUNDLED === "undefined" ? 1 : 0], import.meta.url);
}
