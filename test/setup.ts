// Once per test run: a cache folder of its own, which the tests that need the small
// synthetic fleet share (the first to ask generates and ingests it; the others wait).
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    cache: string;
  }
}

export default function setup(project: TestProject) {
  const cache = mkdtempSync(join(tmpdir(), "aa-cache-"));
  project.provide("cache", cache);
  return () => rmSync(cache, {recursive: true, force: true});
}
