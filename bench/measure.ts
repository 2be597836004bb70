// Runs a whole command as a user runs it, and measures it from outside: wall time and peak
// resident memory (GNU time's %e and %M), over repeated runs.
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {summarize, type Summary} from "./stats.ts";

export type Run = {seconds: number; peakMb: number};

export function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {env: {...process.env, ...env}, cwd, encoding: "utf8", maxBuffer: 1 << 28});
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [seconds, kb] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return {seconds, peakMb: kb / 1024};
}

/** Runs `make()` `runs` times (after `before()` each time) and summarises wall time and memory. */
export function repeat(runs: number, make: () => Run, before: () => void = () => {}): {seconds: Summary; peakMb: Summary} {
  const all: Run[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    all.push(make());
  }
  return {seconds: summarize(all.map((r) => r.seconds)), peakMb: summarize(all.map((r) => r.peakMb))};
}

/** Empties the kernel's page cache, as after a reboot (root only); false where it may not. */
export function dropCaches(): boolean {
  try {
    spawnSync("sync");
    writeFileSync("/proc/sys/vm/drop_caches", "3");
    return true;
  } catch {
    return false;
  }
}
