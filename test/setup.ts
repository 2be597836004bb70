// One temporary root for the whole run: test processes make their folders under it (see
// tmp.ts), and it is removed when the run ends, whatever happened to the processes.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), "aa-test-"));
  process.env.AUTONOMY_TEST_TMP = root;
  return () => rmSync(root, {recursive: true, force: true});
}
