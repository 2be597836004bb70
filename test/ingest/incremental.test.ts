// `--incremental` reads only the groups of files that changed since the previous run into
// the same folder, and its tables and report are those of a full ingest, byte for byte:
// after appending to files, adding files, adding a user, removing a file, rewriting a file
// in place (size and time kept), and changing an option.
import {appendFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {currentTables} from "../../loaders/ingest/output.ts";
import {cli, tmp} from "../helpers/cli.ts";
import {Transcript} from "../helpers/transcript.ts";
import {fleetFiles, outputBytes, writeFleet} from "../helpers/ingest-corpus.ts";

function run(root: string, out: string, ...args: string[]): string {
  const r = cli(["ingest", root, "--out", out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

/** Ingests `root` incrementally into `out` and whole into a new folder; the two must be the same bytes. Returns the incremental run's summary line. */
function compare(root: string, out: string, ...args: string[]): string {
  const said = run(root, out, "--incremental", ...args);
  const full = join(tmp(), "full");
  run(root, full, "-q", ...args);
  const want = outputBytes(full);
  const got = outputBytes(out);
  for (const name of Object.keys(want)) expect(got[name].equals(want[name]), `${name} after --incremental`).toBe(true);
  return said.split("\n").find((l) => l.includes("groups of files"))!;
}

describe("--incremental", () => {
  const files = fleetFiles();
  const root = writeFleet(files);
  const out = join(tmp(), "tables");
  const session = (u: number, p: number) => Object.keys(files).find((f) => f.startsWith(`user${u}/projects/-home-user${u}-p${p}/`) && f.endsWith(".jsonl"))!;

  test("a first run reads every group; an unchanged rerun reads none", () => {
    expect(compare(root, out)).toBe("0 groups of files unchanged and reused, 8 read");
    expect(compare(root, out)).toBe("8 groups of files unchanged and reused, 0 read");
  });

  test("appended lines, a new file, a new user, more telemetry: only their groups are read", () => {
    const more = new Transcript("0dd0dd00-0000-4000-8000-000000000001", undefined, Date.parse("2026-02-01T10:00:00Z"));
    more.prompt(0, "one more thing").tool(1, "toolu_more_1", "Read", {file_path: "/w/x"}).result(2, "toolu_more_1").text(3, "Read it.");
    appendFileSync(join(root, session(0, 0)), more.toString());
    writeFileSync(join(root, "user1/projects/-home-user1-p1/new.jsonl"), new Transcript("0dd0dd00-0000-4000-8000-000000000002").prompt(0, "hi").text(1, "hello").toString());
    mkdirSync(join(root, "user9/projects/-home-user9-app"), {recursive: true});
    writeFileSync(join(root, "user9/projects/-home-user9-app/s.jsonl"), new Transcript("0dd0dd00-0000-4000-8000-000000000003").prompt(0, "start").text(2, "started").toString());
    appendFileSync(join(root, "telemetry/logs/claude-code.jsonl"), "not json\n");
    expect(compare(root, out)).toBe("5 groups of files unchanged and reused, 4 read");
  });

  test("a removed file, and a file rewritten in place with its size and time kept", () => {
    rmSync(join(root, session(2, 1)));
    const path = join(root, session(1, 0));
    const before = statSync(path);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace("fix the build", "fix the tests")); // same length
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    expect(compare(root, out)).toBe("7 groups of files unchanged and reused, 2 read");
  });

  test("another option (the line limit) reads everything again", () => {
    expect(compare(root, out, "--max-line-mb", "1")).toBe("0 groups of files unchanged and reused, 9 read");
  });

  test("after a plain run, whose readers took the fingerprints, an unchanged rerun reads nothing", () => {
    for (const workers of ["1", "2"]) {
      const plain = join(tmp(), "plain");
      run(root, plain, "-q", "--workers", workers);
      // (The tests above changed the fleet: it has more groups than at first.)
      expect(compare(root, plain, "--workers", workers)).toMatch(/^[1-9]\d* groups of files unchanged and reused, 0 read$/);
    }
  });

  test("a generation whose rows are gone is not reused", () => {
    rmSync(join(currentTables(out), "rows", "turns.parquet"));
    expect(compare(root, out, "--max-line-mb", "1")).toBe("0 groups of files unchanged and reused, 9 read");
    expect(compare(root, out, "--max-line-mb", "1")).toBe("9 groups of files unchanged and reused, 0 read");
  });
});
