// A corpus small enough to work its numbers out by hand, resolved as a build resolves its
// tables, and the way to run a Framework data loader on it (a child process writing the
// file to stdout, as Framework runs it).
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import {expect} from "vitest";
import {loaderEnv} from "../../loaders/site/built.ts";
import {canonicalTables} from "../../loaders/site/tables.ts";
import {ROOT, tmp} from "./cli.ts";
import {Transcript, writeTree} from "./transcript.ts";

const DAY = 86400;

/** A person's tree: turns of known working time on day 0, day 3 and day 10. */
export function handCorpus(): string {
  const t = new Transcript("c0ffee00-0000-4000-8000-000000000001", undefined, Date.parse("2025-11-03T09:00:00Z"));
  const turn = (start: number, seconds: number) => t.prompt(start, "do the next step", {permissionMode: "default"}).text(start + seconds, "Done.");
  [10, 20, 30, 40].forEach((s, i) => turn(i * 600, s));
  turn(3 * DAY, 100);
  turn(10 * DAY, 50);
  return writeTree({"projects/-home-me-app/c0ffee00.jsonl": t.toString()});
}

export function runLoader(loader: string, env: NodeJS.ProcessEnv, args: string[] = []): Buffer {
  const r = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "src", "data", loader), ...args], {cwd: ROOT, env: {...process.env, ...env}, maxBuffer: 1 << 28});
  expect(r.status, r.stderr.toString()).toBe(0);
  return r.stdout;
}

/** A data file as Framework makes it: by its own loader, else by the parameterized one (`[metric].parquet.ts`). */
export function dataFile(file: string, env: NodeJS.ProcessEnv): Buffer {
  if (existsSync(join(ROOT, "src", "data", `${file}.ts`))) return runLoader(`${file}.ts`, env);
  const [, dir, metric, ext] = /^(.*?)([^/]+)\.(\w+)$/.exec(file)!;
  return runLoader(`${dir}[metric].${ext}.ts`, env, [`--metric=${metric}`]);
}

/** The environment a build gives its loaders, for the hand corpus (`extra` as the build's own environment). */
export async function handEnv(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  return loaderEnv(await canonicalTables({...process.env, AUTONOMY_LOGS: handCorpus(), AUTONOMY_CACHE: tmp(), ...extra}));
}
