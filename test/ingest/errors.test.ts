// Errors a person can act on, met through the command: one line saying what and where,
// exit status 1, no stack trace unless --verbose asks for it; and a damaged or unreadable
// part of a readable tree is counted, never fatal.
import {spawnSync} from "node:child_process";
import {chmodSync, cpSync, mkdirSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, describe, expect, test} from "vitest";
import {InputError} from "../../loaders/errors.ts";
import {writeError} from "../../loaders/ingest/output.ts";
import {cli, FIXTURES, readReport, sqlOn, tmp} from "../helpers/cli.ts";
import {fleetFiles, writeFleet} from "../helpers/ingest-corpus.ts";
import {cliAs, sharedTmp, tinyDisk, unprivileged} from "../helpers/system.ts";

const SNIFFLY = join(FIXTURES, "sniffly", "mock-data", "-Users-chip-dev-ai-music");
const ONE_LINE = /^agent-autonomy: [^\n]+\n$/;

/** A copy of a tree that every user may read, under a folder every user may enter. */
function sharedCopy(from: string): string {
  const root = join(sharedTmp(), "logs");
  cpSync(from, root, {recursive: true});
  spawnSync("chmod", ["-R", "a+rX", root]);
  return root;
}

const user = unprivileged();

describe.skipIf("skip" in user)(`unreadable files and folders, as a user without privileges${"skip" in user ? ` (skipped: ${user.skip})` : ""}`, () => {
  const wrap = "wrap" in user ? user.wrap : (a: string[]) => a;

  test("a named folder or file that cannot be read: one line, exit 1", () => {
    const root = sharedCopy(SNIFFLY);
    const out = join(sharedTmp(), "t");
    chmodSync(root, 0o000);
    expect(cliAs(wrap, ["ingest", root, "--out", out])).toMatchObject({code: 1, stderr: `agent-autonomy: cannot read folder: ${root}\n`});
    chmodSync(root, 0o755);
    const file = join(root, "fed8ce56-bc79-401f-a83e-af084253362f.jsonl");
    chmodSync(file, 0o000);
    expect(cliAs(wrap, ["ingest", file, "--out", out])).toMatchObject({code: 1, stderr: `agent-autonomy: cannot read file: ${file}\n`});
  });

  test("an unreadable file and folder inside a readable tree are counted, and the rest is read", async () => {
    const root = sharedCopy(writeFleet(fleetFiles(2, 4)));
    const project = join(root, "user0/projects/-home-user0-p0");
    chmodSync(join(root, "user1/projects/-home-user1-p1"), 0o000);
    chmodSync(join(project, "f1ee7000-0000-4000-8000-000000000000.jsonl"), 0o000);
    const out = join(sharedTmp(), "t");
    const run = cliAs(wrap, ["ingest", root, "--out", out, "-q"]);
    expect(run, run.stderr).toMatchObject({code: 0, stderr: ""});
    const report = readReport(out);
    expect(report.unreadable).toBe(2);
    const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
    expect(report.lines).toBe(report.parsed + report.duplicates + skipped);
    expect(await sqlOn(out, "select count(distinct user_id)::INTEGER as users from sessions where source = 'claude-code'")).toEqual([{users: 2}]);
  });

  test("an output folder the user may not write to: one line, exit 1", () => {
    const out = join(sharedTmp(), "locked");
    mkdirSync(out);
    chmodSync(out, 0o555);
    expect(cliAs(wrap, ["ingest", sharedCopy(SNIFFLY), "--out", out])).toMatchObject({code: 1, stderr: `agent-autonomy: no permission to write in the output folder: ${out}\n`});
    expect(cliAs(wrap, ["ingest", sharedCopy(SNIFFLY), "--out", join(out, "below")])).toMatchObject({code: 1, stderr: `agent-autonomy: no permission to write in the output folder: ${join(out, "below")}\n`});
  });
});

test("a named symlink loop, or a link to nothing: one line saying which", () => {
  const dir = tmp();
  symlinkSync(join(dir, "b.jsonl"), join(dir, "a.jsonl"));
  symlinkSync(join(dir, "a.jsonl"), join(dir, "b.jsonl"));
  symlinkSync(join(dir, "gone.jsonl"), join(dir, "dangling.jsonl"));
  const out = join(tmp(), "t");
  expect(cli(["ingest", join(dir, "a.jsonl"), "--out", out])).toMatchObject({code: 1, stderr: `agent-autonomy: a loop of symbolic links: ${join(dir, "a.jsonl")}\n`});
  expect(cli(["ingest", join(dir, "dangling.jsonl"), "--out", out])).toMatchObject({code: 1, stderr: `agent-autonomy: no such file or folder: ${join(dir, "dangling.jsonl")}\n`});
});

describe("a full disk", () => {
  const disk = tinyDisk(160 << 10);
  afterAll(() => void ("unmount" in disk && disk.unmount()));
  const big = writeFleet(fleetFiles(6, 12));

  test.skipIf("skip" in disk)(`through the command, on a 160 KiB tmpfs: one line, exit 1, the previous tables unchanged${"skip" in disk ? ` (skipped: ${disk.skip})` : ""}`, async () => {
    const dir = "dir" in disk ? disk.dir : "";
    const out = join(dir, "t");
    expect(cli(["ingest", SNIFFLY, "--out", out, "-q"]).code).toBe(0);
    const message = `agent-autonomy: no space left on the device to write the tables (the previous tables, if any, are unchanged): ${out}\n`;
    for (const workers of ["1", "2"]) {
      const run = cli(["ingest", big, "--out", out, "--workers", workers]);
      expect(run, workers).toMatchObject({code: 1, stderr: message});
      const verbose = cli(["ingest", big, "--out", out, "--workers", workers, "--verbose"]);
      expect(verbose.stderr.startsWith(message)).toBe(true);
      expect(verbose.stderr).toMatch(/ENOSPC|No space left on device/);
      expect(verbose.stderr.split("\n").length).toBeGreaterThan(2); // the cause's stack (or DuckDB's message), asked for
    }
    expect(await sqlOn(out, "select count(*)::INTEGER as n from sessions")).toEqual([{n: 3}]);
    expect(readReport(out).lines).toBe(235);
  });

  test("the mapping from what the system said to the message, for any writer (Node or DuckDB)", () => {
    const out = "/data/tables";
    const node = Object.assign(new Error("ENOSPC: no space left on device, write"), {code: "ENOSPC"});
    const duck = new Error(`IO Error: Could not write file "${out}/.agent-autonomy/run-1/generation/turns.parquet": No space left on device`);
    for (const error of [node, duck]) {
      const mapped = writeError(error, out) as InputError;
      expect(mapped).toBeInstanceOf(InputError);
      expect(mapped.message).toBe(`no space left on the device to write the tables (the previous tables, if any, are unchanged): ${out}`);
      expect(mapped.cause).toBe(error);
    }
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir"), {code: "EACCES", path: `${out}/.agent-autonomy`});
    expect((writeError(denied, out) as Error).message).toBe(`no permission to write in the output folder: ${out}`);
    const elsewhere = Object.assign(new Error("EACCES: permission denied, open"), {code: "EACCES", path: "/etc/shadow"});
    expect(writeError(elsewhere, out)).toBe(elsewhere);
  });
});

describe("an error the ingest did not foresee", () => {
  test("is one line with a hint by default, and its stack with --verbose", () => {
    // A classifiers module whose load throws a TypeError (not an InputError).
    const module = join(tmp(), "bad.ts");
    writeFileSync(module, "const x: any = undefined;\nexport default {complexity: x.y};\n");
    const run = cli(["ingest", SNIFFLY, "--out", join(tmp(), "t"), "--classifiers", module]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(ONE_LINE);
    expect(run.stderr).toMatch(/\(--verbose shows where\)\n$/);
    const verbose = cli(["ingest", SNIFFLY, "--out", join(tmp(), "t"), "--classifiers", module, "--verbose"]);
    expect(verbose.stderr).toMatch(/TypeError[^\n]*\n\s+at /);
  });
});
