// An ingest killed at any moment (SIGKILL: no handler runs) leaves the output folder on
// one complete set of tables: the previous run's or the new one's, never a mix, whether a
// reader opens the current generation or the documented top-level names. A rerun, full or
// incremental, then gives exactly the tables of an uninterrupted run.
import {spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {OUTPUT_FILES, WORK} from "../../loaders/ingest/output.ts";
import {cli, ROOT, tmp} from "../helpers/cli.ts";
import {fleetFiles, outputBytes, writeFleet} from "../helpers/ingest-corpus.ts";

type Snapshot = Record<string, Buffer>;

function ingest(root: string, out: string, ...args: string[]) {
  const r = cli(["ingest", root, "--out", out, "-q", ...args]);
  expect(r.code, r.stderr).toBe(0);
}

/** Which reference a snapshot equals whole: "old", "new", or a description of the mix. */
function which(got: Snapshot, refs: Record<string, Snapshot>): string {
  for (const [name, ref] of Object.entries(refs)) if (OUTPUT_FILES.every((f) => got[f]?.equals(ref[f]))) return name;
  return `a mix: ${OUTPUT_FILES.map((f) => `${f}=${Object.entries(refs).find(([, r]) => got[f]?.equals(r[f]))?.[0] ?? "neither"}`).join(", ")}`;
}

/** The top-level names, read as a reader that knows nothing of generations reads them. */
const topLevel = (out: string): Snapshot => Object.fromEntries(OUTPUT_FILES.map((f) => [f, readFileSync(join(out, f))]));

const running = (out: string) => readdirSync(join(out, WORK)).find((n) => n.startsWith("run-"));

/** Moments to kill at: points the test sees the run reach, then random times. */
const MOMENTS: ((out: string, generations: number) => boolean)[] = [
  (out) => existsSync(join(out, WORK, running(out) ?? "-", "parts")),
  (out) => existsSync(join(out, WORK, running(out) ?? "-", "generation", "rows", "stops.parquet")),
  (out) => existsSync(join(out, WORK, running(out) ?? "-", "generation", "ingest-report.json")),
  (out, before) => readdirSync(join(out, WORK, "generations")).length > before
];

/** Starts an ingest, kills it with SIGKILL when `when` says so, and meanwhile checks what readers see. Returns what the folder holds after. */
async function killed(root: string, out: string, refs: Record<string, Snapshot>, when: {moment?: number; afterMs?: number}): Promise<string[]> {
  const seen: string[] = [];
  const generations = readdirSync(join(out, WORK, "generations")).length;
  const child = spawn(process.execPath, [join(ROOT, "bin", "agent-autonomy.js"), "ingest", root, "--out", out, "-q"], {cwd: ROOT, stdio: "ignore"});
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  let over = false;
  void exited.then(() => (over = true));
  const started = Date.now();
  while (!over) {
    // A reader during the run sees one set, whichever moment it looks.
    seen.push(which(outputBytes(out), refs));
    const due = when.moment !== undefined ? MOMENTS[when.moment](out, generations) : Date.now() - started >= when.afterMs!;
    if (due) {
      child.kill("SIGKILL");
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await exited;
  seen.push(which(outputBytes(out), refs), which(topLevel(out), refs));
  return seen;
}

describe("killed at any moment", () => {
  // Two trees: the second has more sessions. The report names files by their place under
  // the input, so each tree's tables are the same bytes wherever they are written.
  const small = writeFleet(fleetFiles(4, 6));
  const large = writeFleet(fleetFiles(6, 12));
  const refs: Record<string, Snapshot> = {};
  for (const [name, root] of [["small", small], ["large", large]] as const) {
    const out = join(tmp(), name);
    ingest(root, out);
    refs[name] = outputBytes(out);
  }

  test("readers see one whole set before, during and after the kill; a rerun gives an uninterrupted run's tables", async () => {
    const out = join(tmp(), "tables");
    ingest(small, out);
    const started = Date.now();
    ingest(large, join(tmp(), "timing"));
    const duration = Date.now() - started;
    const plan = [
      ...MOMENTS.map((_, moment) => ({moment})),
      // Random moments over a whole run, from the process's start to its end.
      ...Array.from({length: 6}, () => ({afterMs: Math.floor(Math.random() * duration)}))
    ];
    let from = "small";
    for (const [i, when] of plan.entries()) {
      const to = from === "small" ? "large" : "small";
      const seen = await killed(to === "large" ? large : small, out, refs, when);
      const mixes = seen.filter((s) => s !== "small" && s !== "large");
      expect(mixes, JSON.stringify(when)).toEqual([]);
      expect(seen.at(-1), "the top-level names agree with the current generation").toBe(seen.at(-2));
      // Alternately a full rerun and an incremental one.
      ingest(to === "large" ? large : small, out, ...(i % 2 ? ["--incremental"] : []));
      expect(which(outputBytes(out), refs), JSON.stringify(when)).toBe(to);
      expect(which(topLevel(out), refs)).toBe(to);
      // What the killed run left behind is gone: its work folder, and no more than two generations.
      expect(readdirSync(join(out, WORK)).filter((n) => n.startsWith("run-"))).toEqual([]);
      expect(readdirSync(join(out, WORK, "generations")).length).toBeLessThanOrEqual(2);
      from = to;
    }
  }, 120_000);
});
