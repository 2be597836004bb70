// The benchmarks' corpora, made by `agent-autonomy generate` as a user would run it:
// single-user trees of current-format transcripts with real line sizes (the calibration
// with full tool output), one person's Codex home of rollouts, and fleets of a given
// number of sessions.
import {spawnSync} from "node:child_process";
import {existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../scripts/build.ts";

export const CLI = join(ROOT, "bin", "agent-autonomy.js");

type Written = {sessions: number; files: number; bytes: number};
type Marker = Written & {users: number; codex: Written & {users: number}};

function generate(out: string, users: number, seed: string, calibration?: string, codexUsers = 0): Marker {
  if (!existsSync(join(out, "agent-autonomy-fleet.json"))) {
    // Agents' logs only: the corpora measure reading transcripts and rollouts (no API agents' spans).
    const args = [CLI, "generate", "--out", out, "--users", String(users), "--codex-users", String(codexUsers), "--api-agents", "0", "--seed", seed, "--quiet", ...(calibration ? ["--calibration", calibration] : [])];
    const r = spawnSync(process.execPath, args, {encoding: "utf8", maxBuffer: 1 << 26});
    if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  }
  return JSON.parse(readFileSync(join(out, "agent-autonomy-fleet.json"), "utf8"));
}

/** The default calibration with full tool output: what real transcripts weigh. */
function fullCalibration(dir: string): string {
  const path = join(dir, "calibration-full.json");
  const cal = JSON.parse(readFileSync(join(ROOT, "data", "calibration.json"), "utf8"));
  cal.assumptions.format.tool_output = "full";
  writeFileSync(path, JSON.stringify(cal));
  return path;
}

function walk(dir: string, visit: (path: string) => void) {
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, visit);
    else visit(path);
  }
}

export function bytesUnder(dir: string): number {
  let n = 0;
  walk(dir, (p) => (n += statSync(p).size));
  return n;
}

/**
 * One person's tree (`<dir>/tree-<MB>/projects/...`) of about `bytes`: a fleet of full-output
 * users generated, then users' projects linked into one `projects/` folder (hard links: no
 * copy) until the tree holds `bytes`, as if one person had done all their work.
 */
export function singleUserTree(dir: string, bytes: number, seed = "bench"): {tree: string; bytes: number; sessions: number} {
  mkdirSync(dir, {recursive: true});
  const calibration = fullCalibration(dir);
  const pilot = generate(join(dir, "pilot"), 8, `${seed}/pilot`, calibration);
  // Users vary tenfold in size: generate a margin, and stop linking at the size asked for.
  const users = Math.max(4, Math.round((1.5 * bytes) / (pilot.bytes / pilot.users)));
  const fleet = join(dir, `fleet-${users}`);
  generate(fleet, users, seed, calibration);
  const tree = join(dir, `tree-${Math.round(bytes / 1e6)}MB`);
  if (!existsSync(tree)) {
    let linked = 0;
    for (const user of readdirSync(fleet, {withFileTypes: true}).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (linked >= bytes) break;
      const projects = join(fleet, user.name, "projects");
      for (const project of readdirSync(projects)) {
        walk(join(projects, project), (path) => {
          const to = join(tree, "projects", `${project}-${user.name}`, path.slice(join(projects, project).length + 1));
          mkdirSync(join(to, ".."), {recursive: true});
          linkSync(path, to);
          linked += statSync(path).size;
        });
      }
    }
  }
  // A session is a transcript directly in a project folder (subagents' files are below it).
  const projects = join(tree, "projects");
  const sessions = readdirSync(projects).reduce((n, p) => n + readdirSync(join(projects, p)).filter((f) => f.endsWith(".jsonl")).length, 0);
  return {tree, bytes: bytesUnder(tree), sessions};
}

/**
 * One person's Codex home (`<dir>/codex-<MB>/sessions/...`) of about `bytes`: the rollouts
 * of a full-output fleet's Codex users linked into one home until it holds `bytes`.
 */
export function codexTree(dir: string, bytes: number, seed = "bench"): {tree: string; bytes: number; sessions: number} {
  mkdirSync(dir, {recursive: true});
  const calibration = fullCalibration(dir);
  const pilot = generate(join(dir, "codex-pilot"), 1, `${seed}/codex-pilot`, calibration, 8).codex;
  const users = Math.max(2, Math.round((1.5 * bytes) / (pilot.bytes / pilot.users)));
  const fleet = join(dir, `codex-fleet-${users}`);
  generate(fleet, 1, seed, calibration, users);
  const tree = join(dir, `codex-${Math.round(bytes / 1e6)}MB`);
  let sessions = 0;
  if (!existsSync(tree)) {
    let linked = 0;
    for (const user of readdirSync(fleet).filter((name) => name.startsWith("codex-")).sort()) {
      const home = join(fleet, user, "sessions");
      walk(home, (path) => {
        if (linked >= bytes) return;
        const to = join(tree, "sessions", path.slice(home.length + 1));
        mkdirSync(join(to, ".."), {recursive: true});
        linkSync(path, to);
        linked += statSync(path).size;
      });
    }
  }
  walk(tree, () => sessions++);
  return {tree, bytes: bytesUnder(tree), sessions};
}

/** A lean fleet of about `sessions` sessions (the default calibration's users, scaled). */
export function fleetOf(dir: string, sessions: number, seed = "bench"): {fleet: string; sessions: number; bytes: number} {
  mkdirSync(dir, {recursive: true});
  const pilot = generate(join(dir, "pilot"), 40, `${seed}/pilot`);
  const users = Math.max(1, Math.round(sessions / (pilot.sessions / pilot.users)));
  const fleet = join(dir, `fleet-${users}`);
  const marker = generate(fleet, users, seed);
  return {fleet, sessions: marker.sessions, bytes: marker.bytes};
}
