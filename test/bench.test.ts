// The benchmark's quick run, so that its code cannot rot: every measure runs end to end
// and is written with its figure. (The figures themselves are not judged here: speed is
// measured by the benchmark, never by a timed test.)
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "../loaders/paths.ts";
import {tmp} from "./helpers/tmp.ts";

test("npm run bench -- --quick writes all six measures", {timeout: 600_000}, () => {
  const dir = tmp("bench-");
  const out = join(dir, "BENCHMARKS.md");
  const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "bench", "run.ts"), "--quick", "--out", out, "--work", join(dir, "work")], {cwd: ROOT, encoding: "utf8"});
  expect(run.status, run.stderr).toBe(0);
  const report = readFileSync(out, "utf8");
  for (const heading of ["## 1. Ingest against the engine's limit", "## 2. Ingest against ccusage", "## 3. Scale", "## 4. Pages", "## 5. Build", "## 6. Editing"]) expect(report).toContain(heading);
  // A ratio for each comparison, a profile, a row for each page measured, a build time.
  expect(report.match(/\*\*\d+\.\d+×\*\*/g)?.length).toBeGreaterThanOrEqual(4);
  // Codex's rollouts against the same scan of their own fields.
  expect(report).toMatch(/\| \d+ MB of Codex rollouts \| [\d,]+ \| [\d.]+(?: \([\d.–]+\))? \| [\d.]+(?: \([\d.–]+\))? \| \*\*\d+\.\d+×\*\* \|/);
  // The ingest as installed, and what npx would add to its start.
  expect(report).toContain("`agent-autonomy ingest <tree> --out <dir>`, installed with `npm install -g`");
  expect(report).toMatch(/`npx --no-install agent-autonomy --help` takes [\d.]+(?: \([\d.–]+\))? s here,\nagainst [\d.]+(?: \([\d.–]+\))? s for the installed `agent-autonomy --help`\./);
  // Scale: the smaller fleet's median of three runs with its range, the larger's one run.
  expect(report).toMatch(/\| [\w-]+ \| [\d,]+ \| \d+ \| [\d.]+ \([\d.–]+\) \| \d+ \(\d+–\d+\) \|\n\| [\w-]+ \| [\d,]+ \| \d+ \| [\d.]+ \| \d+ \|/);
  // Shards against one ingest, merged back byte for byte.
  expect(report).toMatch(/\| [\d.]+ \| [\d.]+ \| [\d.]+ \| \*\*\d+\.\d+×\*\* \| \d+, \d+ \| yes \|/);
  // The profile names the ingest's own functions with their files, the bundle's or the sources' (which lead changes with the code).
  expect(report).toMatch(/\| `[\w$]+ \([\w/.-]+\.[jt]s\)` \| \d+ \| [\d.]+% \|/);
  // A first visit on both links, each as a ratio to the home page; bytes; what the main thread did.
  expect(report).toMatch(/\| \/f1-turn-duration \| \d+ \| \d+\.\d+× \| \d+ \| \d+\.\d+× \| \d+ \| \d+\.\d+× \| \d+ \| \d+\.\d+× \|/);
  expect(report).toMatch(/\| \/f1-turn-duration \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|/);
  expect(report).toMatch(/\| main thread busy \(ms\) \| \d+ \| \d+ \|/);
  expect(report).toMatch(/\| first \| \d+\.\d \| \d+ \|/);
  expect(report).toMatch(/\| a metric's SQL edited \(loaders\/metrics\/f4-stops\.sql\) \| \d+\.\d \| \d+\.\d+× \|/);
});
