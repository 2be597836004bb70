// The same input gives the same bytes: every table and the report, whatever order the
// file system lists files in, wherever the tree lies, however many threads read it.
// "The same input" is the same tree under the same named inputs: the report names files
// by a digest of their place under the input that named them, never by an absolute path.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {cli, readReport, tmp} from "../helpers/cli.ts";
import {fleetFiles, outputBytes, writeFleet} from "../helpers/ingest-corpus.ts";

function ingest(root: string, ...args: string[]): string {
  const out = join(tmp(), "tables");
  const run = cli(["ingest", root, "--out", out, "-q", ...args]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

describe("determinism", () => {
  const files = fleetFiles();
  const a = writeFleet(files);
  // The same tree written in the opposite order (so listed in another order where the
  // file system lists by creation) under a folder of another name and length.
  const b = writeFleet(files, (paths) => [...paths].reverse(), "aa-another-place-");
  const first = ingest(a);

  test("the corpus is read with skips, ties and telemetry, and the report holds no path", () => {
    const report = readReport(first);
    expect(report.files_with_skips.length).toBeGreaterThan(1);
    expect(report.tables.sessions).toBeGreaterThan(12);
    expect(report.inputs).toEqual(["fleet"]);
    expect(readFileSync(join(first, "ingest-report.json"), "utf8")).not.toContain(a);
  });

  test("the same tree at another place, written in another order, read by one or two threads: the same bytes", () => {
    const expected = outputBytes(first);
    for (const out of [ingest(b), ingest(b, "--workers", "2"), ingest(a, "--workers", "2")]) {
      const got = outputBytes(out);
      for (const name of Object.keys(expected)) expect(got[name].equals(expected[name]), name).toBe(true);
    }
  });

  test("a rerun into the same folder writes the same bytes", () => {
    const expected = outputBytes(first);
    expect(cli(["ingest", a, "--out", first, "-q"]).code).toBe(0);
    const got = outputBytes(first);
    for (const name of Object.keys(expected)) expect(got[name].equals(expected[name]), name).toBe(true);
  });
});
