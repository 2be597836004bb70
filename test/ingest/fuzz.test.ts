// Hostile input (fuzz.ts says what is mutated and what is checked). `npm test` runs a few
// hundred cases; the full run is FUZZ_CASES=10000 (see RELIABILITY.md). The cases run in a
// child process that a watchdog kills if one case runs away; a smaller number of cases go
// through the whole command, one of them as a user who cannot read some of the files.
import {fork, spawnSync} from "node:child_process";
import {chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {readReport, tmp} from "../helpers/cli.ts";
import {caseArb, describe as describeCase, layCase, type Summary} from "../helpers/fuzz.ts";
import {cliAs, sharedTmp, unprivileged} from "../helpers/system.ts";

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const CLI_CASES = Number(process.env.FUZZ_CLI_CASES ?? Math.max(4, Math.round(CASES / 200)));
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** A case that gives no sign of life for this long has run away. */
const WATCHDOG_MS = 60_000;

function runFuzz(): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, "..", "helpers", "fuzz.ts"), ["--cases", String(CASES), "--seed", String(SEED)], {execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"]});
    let last = "";
    let timer: NodeJS.Timeout;
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`a case ran for more than ${WATCHDOG_MS / 1000} s (seed ${SEED}): ${last}`));
      }, WATCHDOG_MS);
    };
    watch();
    child.on("message", (m: {case?: number; c?: string; summary?: Summary; failure?: string}) => {
      watch();
      if (m.c) last = m.c;
      if (m.summary) resolve(m.summary);
      if (m.failure) reject(new Error(`seed ${SEED} (FUZZ_SEED=${SEED} reruns it): ${m.failure}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the fuzz process ended (${code ?? signal}) without a summary; last case: ${last}`));
    });
  });
}

/** What the command must do with any tree: succeed and count every line, or say in one line why it cannot. */
function checkRun(run: {code: number; stdout: string; stderr: string}, out: string, what: string) {
  if (run.code === 1) {
    expect(run.stderr, what).toMatch(/^agent-autonomy: (no transcripts found in|no transcript could be read in|cannot read (file|folder): ) ?[^\n]*\n$/);
    return;
  }
  expect(run, what).toMatchObject({code: 0, stderr: ""});
  const report = readReport(out);
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  expect(report.lines, what).toBe(report.parsed + report.duplicates + skipped);
  for (const reason of Object.keys(report.skipped)) expect(reason, what).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
}

describe(`hostile input: ${CASES} cases in the library, ${CLI_CASES} through the command (seed ${SEED})`, () => {
  test("no crash, no runaway case, every line counted once with a named reason", async () => {
    const summary = await runFuzz();
    process.stdout.write(`fuzz: ${JSON.stringify(summary)}\n`);
    expect(summary.cases).toBe(CASES);
    expect(summary.lines).toBeGreaterThan(CASES);
    expect(Object.keys(summary.skipped).length).toBeGreaterThan(5);
  }, 3_600_000);

  test("whole-command runs (one thread, then worker threads): exit 0 with every line counted, or one line saying why", () => {
    const cases = fc.sample(caseArb, {seed: SEED, numRuns: CLI_CASES});
    for (const [i, c] of cases.entries()) {
      const base = mkdtempSync(join(tmpdir(), "aa-fuzz-cli-"));
      const {inputs} = layCase(c, join(base, "in"));
      if (inputs.length === 0) continue;
      const out = join(tmp(), "t");
      const run = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "bin", "agent-autonomy.js"), "ingest", ...inputs, "--out", out, "-q", "--workers", i % 2 ? "2" : "1"], {encoding: "utf8", timeout: 120_000});
      expect(run.signal, `runaway: ${describeCase(c)}`).toBe(null);
      checkRun({code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr}, out, describeCase(c));
    }
  }, 600_000);

  const user = unprivileged();
  test.skipIf("skip" in user)(`a tree with unreadable files and folders and a FIFO named .jsonl, as a user without privileges${"skip" in user ? ` (skipped: ${user.skip})` : ""}`, () => {
    const wrap = "wrap" in user ? user.wrap : (a: string[]) => a;
    const [c] = fc.sample(caseArb.filter((c) => c.layout === "fleet" && c.files.length > 1), {seed: SEED, numRuns: 1});
    const root = join(sharedTmp(), "in");
    layCase(c, root);
    spawnSync("chmod", ["-R", "a+rX", root]);
    const project = join(root, "u1", "projects", "-p");
    spawnSync("mkfifo", [join(project, "fifo.jsonl")]);
    // A regular file: a case may lay a symbolic link (even a loop) under a .jsonl name, which chmod would follow.
    const files = readdirSync(project).filter((f) => f.endsWith(".jsonl") && f !== "fifo.jsonl" && lstatSync(join(project, f)).isFile());
    if (files[0]) chmodSync(join(project, files[0]), 0o000);
    const locked = join(root, "u1", "projects", "-locked");
    mkdirSync(locked);
    writeFileSync(join(locked, "s.jsonl"), "{}\n");
    chmodSync(locked, 0o000);
    const out = join(sharedTmp(), "t");
    const run = cliAs(wrap, ["ingest", root, "--out", out, "-q"]);
    checkRun(run, out, describeCase(c));
    if (run.code === 0) expect(readReport(out).unreadable, describeCase(c)).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
