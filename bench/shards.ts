// Shards against one ingest (issue 18): the same fleet read by one `ingest`, and by n
// `ingest --shard i/n` run at once on this machine as separate processes, then `merge`d;
// the merged tables compared with the single ingest's, byte for byte. Run by
// `npm run bench`, or alone: `npx tsx bench/shards.ts <fleet> [n]`.
import {spawn} from "node:child_process";
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {currentTables} from "../loaders/ingest/output.ts";
import {TABLE_NAMES} from "../loaders/tables.ts";
import {ROOT} from "../scripts/build.ts";
import {timed, type Run} from "./measure.ts";
import {fmt} from "./stats.ts";

const cli = (...args: string[]) => ["--no-install", "agent-autonomy", ...args];

/** Runs `n` commands at once; the wall time of all of them, and the largest peak memory of one. */
function together(commands: string[][]): Promise<Run> {
  const started = performance.now();
  return Promise.all(
    commands.map(
      (args) =>
        new Promise<number>((done, fail) => {
          const child = spawn("/usr/bin/time", ["-f", "%M", "npx", ...args], {cwd: ROOT, stdio: ["ignore", "ignore", "pipe"]});
          let stderr = "";
          child.stderr.on("data", (d) => (stderr += d));
          child.on("close", (code) => (code === 0 ? done(Number(stderr.trim().split("\n").at(-1)) / 1024) : fail(new Error(`${args.join(" ")} failed: ${stderr.slice(-2000)}`))));
        })
    )
  ).then((peaks) => ({seconds: (performance.now() - started) / 1000, peakMb: Math.max(...peaks)}));
}

export type Sharded = {shards: number; single: Run; sharded: Run; merge: Run; identical: boolean};

export async function shardsAgainstOne(fleet: string, work: string, shards: number): Promise<Sharded> {
  const dir = mkdtempSync(join(work, "shards-"));
  try {
    const [one, many, merged] = ["one", "many", "merged"].map((d) => join(dir, d));
    const single = timed("npx", cli("ingest", fleet, "--out", one, "--quiet"), {}, ROOT);
    const sharded = await together(Array.from({length: shards}, (_, i) => cli("ingest", fleet, "--out", many, "--shard", `${i + 1}/${shards}`, "--quiet")));
    const merge = timed("npx", cli("merge", many, "--out", merged, "--quiet"), {}, ROOT);
    const bytes = (out: string, table: string) => readFileSync(join(currentTables(out), `${table}.parquet`));
    const identical = TABLE_NAMES.every((t) => bytes(one, t).equals(bytes(merged, t)));
    return {shards, single, sharded, merge, identical};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The section's lines for BENCHMARKS.md. */
export function shardsSection(s: Sharded, sessions: number): string[] {
  const ratio = (s.sharded.seconds + s.merge.seconds) / s.single.seconds;
  return [
    `### Shards on one machine`,
    ``,
    `The smaller fleet (${sessions.toLocaleString("en-US")} sessions), read warm by one \`ingest\`, and by ${s.shards} \`ingest --shard i/${s.shards}\` started at once as separate`,
    `processes, then \`merge\`d. Shards are for many machines: on one, they share its cores, and this measures what sharding costs.`,
    ``,
    `| one ingest (s) | ${s.shards} shards at once (s) | merge (s) | shards + merge over one ingest | peak memory: one ingest, largest shard (MB) | merged tables byte-identical |`,
    `|---|---|---|---|---|---|`,
    `| ${fmt(s.single.seconds, 1)} | ${fmt(s.sharded.seconds, 1)} | ${fmt(s.merge.seconds, 1)} | **${fmt(ratio)}×** | ${fmt(s.single.peakMb, 0)}, ${fmt(s.sharded.peakMb, 0)} | ${s.identical ? "yes" : "**no**"} |`,
    ``
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [fleet, n = "4"] = process.argv.slice(2);
  const marker = JSON.parse(readFileSync(join(fleet, "agent-autonomy-fleet.json"), "utf8")) as {sessions: number};
  const work = join(ROOT, ".cache", "bench");
  mkdirSync(work, {recursive: true});
  const result = await shardsAgainstOne(fleet, work, Number(n));
  process.stdout.write(shardsSection(result, marker.sessions).join("\n") + "\n");
}
