// Temporary folders for tests, under the run's root (test/helpers/setup.ts), which is
// removed when the run ends, so that test runs leave nothing behind in the system's temp
// folder.
import {mkdirSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export function tmp(prefix = "t-"): string {
  const root = process.env.AUTONOMY_TEST_TMP ?? join(tmpdir(), "aa-test");
  mkdirSync(root, {recursive: true});
  return mkdtempSync(join(root, prefix));
}
