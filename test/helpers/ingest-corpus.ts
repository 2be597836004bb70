// A fleet for the reliability tests: transcripts of several users and projects (subagent
// files, rejections, interrupts, damaged lines, one session copied into a second project
// folder) and OpenTelemetry files beside them, written in any order under any folder.
import {readFileSync, readdirSync, statSync} from "node:fs";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {currentTables, OUTPUT_FILES} from "../../loaders/ingest/output.ts";
import {corpus as otelCorpus} from "./otel-corpus.ts";
import {Transcript} from "./transcript.ts";

const id = (u: number, s: number) => `f1ee7000-0000-4000-8000-${String(u * 1000 + s).padStart(12, "0")}`;

function session(u: number, s: number): Transcript {
  const t = new Transcript(id(u, s), undefined, Date.parse("2025-12-01T09:00:00Z") + (u * 7 + s) * 86400e3 / 3);
  t.prompt(0, `task ${s}: fix the build`, {permissionMode: s % 3 === 0 ? "acceptEdits" : "default"});
  t.tool(2, `toolu_${u}_${s}_a`, "Bash", {command: "npm run build"}).result(5, `toolu_${u}_${s}_a`, "ok");
  if (s % 2 === 0) t.tool(6, `toolu_${u}_${s}_b`, "Edit", {file_path: "/w/a.ts", old_string: "a", new_string: "b"}).reject(9, `toolu_${u}_${s}_b`);
  else t.tool(6, `toolu_${u}_${s}_b`, "mcp__github__create_issue", {title: "x"}).result(7, `toolu_${u}_${s}_b`, "created");
  t.text(10, "Done. Anything else?");
  t.prompt(60, "now run the tests", {permissionMode: "default"}).tool(61, `toolu_${u}_${s}_c`, "Bash", {command: "npm test"});
  if (s % 4 === 1) t.interrupt(70);
  else t.result(70, `toolu_${u}_${s}_c`, "pass").text(72, "All tests pass.");
  return t;
}

/** The fleet's files: relative path → content. */
export function fleetFiles(users = 3, sessionsPerUser = 4): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  for (let u = 0; u < users; u++) {
    for (let s = 0; s < sessionsPerUser; s++) {
      const t = session(u, s);
      const project = `user${u}/projects/-home-user${u}-p${s % 2}`;
      files[`${project}/${t.sessionId}.jsonl`] = t.toString();
      if (s === 1) {
        const sub = new Transcript(t.sessionId, {version: "2.1.200", agentId: "a1", isSidechain: true}, t.t0);
        sub.prompt(3, "look around").tool(3.5, `toolu_${u}_${s}_s`, "Grep", {pattern: "x"}).result(4, `toolu_${u}_${s}_s`, "found").text(4.5, "report");
        files[`${project}/${t.sessionId}/subagents/agent-a1.jsonl`] = sub.toString();
      }
    }
  }
  // A damaged file: cut lines, a binary line, an unknown type; and the first turn of one
  // session copied into another project folder of the same user (its session row ties
  // with the original's on user, start and id, and differs after).
  const first = files[`user0/projects/-home-user0-p0/${id(0, 0)}.jsonl`] as string;
  files["user1/projects/-home-user1-p0/damaged.jsonl"] = `${first.split("\n")[0]}\n{"type":"user","message":\n\u0000\u0001binary\n{"type":"brand-new"}\n${first.slice(0, 40)}`;
  files["user0/projects/-home-user0-copy/copy.jsonl"] = first.split("\n").slice(0, 6).join("\n") + "\n";
  for (const [path, content] of Object.entries(otelCorpus().files)) files[`telemetry/${path}`] = content;
  return files;
}

/** Writes `files` under a new folder (its name beginning `prefix`), in the order `order` gives. */
export function writeFleet(files: Record<string, string | Buffer>, order: (paths: string[]) => string[] = (p) => p, prefix = "aa-fleet-"): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const path of order(Object.keys(files))) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), files[path]);
  }
  return root;
}

/** The bytes of an output folder's current tables and report, by name. */
export function outputBytes(out: string): Record<string, Buffer> {
  const dir = currentTables(out);
  return Object.fromEntries(OUTPUT_FILES.map((name) => [name, readFileSync(join(dir, name))]));
}

/** Every file under `dir` (recursively), for tests that look at all an output holds. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true}).map((f) => join(dir, String(f))).filter((f) => statSync(f).isFile());
}
