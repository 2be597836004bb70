// Once per test run: one temporary root, under which test processes make their folders
// (tmp.ts) and which holds the cache the tests that need the small synthetic fleet share
// (the first to ask generates and ingests it; the others wait). It is removed when the run
// ends, whatever happened to the processes. Under root, the user the privilege tests run
// as is let through to the project for the run (reliability/system.ts).
import {mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {letUnprivilegedReach} from "./system.ts";

declare module "vitest" {
  export interface ProvidedContext {
    cache: string;
  }
}

export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "aa-test-"));
  process.env.AUTONOMY_TEST_TMP = root;
  const cache = join(root, "cache");
  mkdirSync(cache);
  project.provide("cache", cache);
  const putBack = letUnprivilegedReach();
  return () => {
    putBack();
    rmSync(root, {recursive: true, force: true});
  };
}
