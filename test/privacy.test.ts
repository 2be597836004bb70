// Privacy by construction: a canary planted in every text field of a fleet's transcripts
// (prompts, tool inputs and outputs, paths, branches, project folders, summaries, titles)
// appears in no output: not in any table row, not in the report, not in anything printed,
// not in the built site. User and session identifiers are kept in the tables (tenure needs
// them) and never reach the site.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, test} from "vitest";
import {build} from "../scripts/build.ts";
import {currentTables} from "../loaders/ingest/output.ts";
import {cli, readReport, sqlOn, tmp} from "./cli.ts";
import {Transcript, writeTree} from "./transcript.ts";

const CANARY = "CANARY7f3a";
const USERS = ["usercanary-alice", "usercanary-bob"];
const SESSION = (u: number, s: number) => `5e551000-0000-4000-8000-${String(u * 100 + s).padStart(12, "0")}`;

function session(u: number, s: number): Transcript {
  const secret = (what: string) => `${what} ${CANARY} ${what}`;
  const t = new Transcript(SESSION(u, s), {
    version: "2.1.200", entrypoint: "cli", userType: "external",
    cwd: `/home/${CANARY}/project`, gitBranch: `feature/${CANARY}`, slug: `slug-${CANARY}`
  }, Date.parse(`2025-11-0${1 + s}T10:00:00Z`) + u * 3600e3);
  const sid = t.sessionId;
  t.raw(JSON.stringify({type: "summary", summary: secret("summary"), leafUuid: `leaf-${CANARY}`}));
  t.raw(JSON.stringify({type: "ai-title", aiTitle: secret("title"), sessionId: sid}));
  t.raw(JSON.stringify({type: "custom-title", customTitle: secret("custom title"), sessionId: sid}));
  t.raw(JSON.stringify({type: "permission-mode", permissionMode: "default", sessionId: sid}));
  t.raw(JSON.stringify({type: "file-history-snapshot", messageId: "m", snapshot: {trackedFileBackups: {[`/home/${CANARY}/a.ts`]: {backupFileName: CANARY}}}}));
  t.prompt(0, secret("please refactor the parser"), {permissionMode: "default"});
  t.assistant(2, [
    {type: "thinking", thinking: secret("thinking"), signature: CANARY},
    {type: "text", text: secret("I will read the file first")},
    {type: "tool_use", id: `toolu_${u}${s}a`, name: "Read", input: {file_path: `/home/${CANARY}/parser.ts`}},
    {type: "tool_use", id: `toolu_${u}${s}b`, name: "Bash", input: {command: `grep -r ${CANARY} src/`, description: secret("search")}}
  ]);
  t.result(3, `toolu_${u}${s}a`, secret("file contents"), {toolUseResult: {type: "text", file: {filePath: `/home/${CANARY}/parser.ts`, content: secret("contents")}}});
  t.result(4, `toolu_${u}${s}b`, secret("grep output"), {toolUseResult: {stdout: secret("stdout"), stderr: secret("stderr"), interrupted: false}});
  t.tool(5, `toolu_${u}${s}c`, "AskUserQuestion", {questions: [{question: secret("Which option do you prefer?"), header: CANARY, options: [{label: CANARY, description: CANARY}]}]});
  t.result(30, `toolu_${u}${s}c`, `Your questions have been answered: "${CANARY}"="${CANARY}". You can now continue.`);
  t.tool(31, `toolu_${u}${s}d`, "Edit", {file_path: `/home/${CANARY}/parser.ts`, old_string: secret("old"), new_string: secret("new")});
  t.reject(40, `toolu_${u}${s}d`, secret("use the other file instead"));
  t.tool(41, `toolu_${u}${s}e`, `mcp__server__send_report`, {to: `${CANARY}@example.com`, body: secret("body")});
  t.result(42, `toolu_${u}${s}e`, [{type: "text", text: secret("sent")}]);
  t.text(50, secret("Done. Should I also update the tests?"));
  t.system(51, "turn_duration", {durationMs: 25000});
  t.prompt(60, `<command-name>/compact</command-name>\n<command-args>${CANARY}</command-args>`);
  t.prompt(61, `<local-command-stdout>${CANARY}</local-command-stdout>`);
  t.prompt(70, secret("stop, that's wrong"), {permissionMode: "bypassPermissions"});
  t.tool(71, `toolu_${u}${s}f`, "Bash", {command: `rm -rf /tmp/${CANARY}`});
  t.interrupt(75);
  t.prompt(80, `<task-notification>\n<summary>${CANARY}</summary>\n</task-notification>`, {origin: {kind: "task-notification"}, promptSource: "system"});
  t.raw(JSON.stringify({type: "last-prompt", lastPrompt: secret("last prompt"), sessionId: sid}));
  t.raw(JSON.stringify({type: "queue-operation", operation: "enqueue", content: secret("queued"), sessionId: sid, timestamp: t.at(81)}));
  return t;
}

function fleet(): string {
  const files: Record<string, string> = {};
  USERS.forEach((user, u) => {
    for (let s = 0; s < 2; s++) {
      const t = session(u, s);
      const project = `-home-${CANARY}-project`;
      files[`${user}/projects/${project}/${t.sessionId}.jsonl`] = t.toString();
      const sub = new Transcript(t.sessionId, {version: "2.1.200", agentId: `a${CANARY}`, isSidechain: true, cwd: `/home/${CANARY}`}, t.t0);
      sub.prompt(6, `subagent prompt ${CANARY}`).tool(7, `toolu_${u}${s}s`, "Grep", {pattern: CANARY}).result(8, `toolu_${u}${s}s`, CANARY).text(9, `report ${CANARY}`);
      files[`${user}/projects/${project}/${t.sessionId}/subagents/agent-a${CANARY}.jsonl`] = sub.toString();
    }
  });
  return writeTree(files);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: false})
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

describe("no text leaves the ingest", () => {
  const root = fleet();
  const out = join(tmp(), "tables");
  const run = cli(["ingest", root, "--out", out]);

  test("the corpus is read whole, and the canary is everywhere in it", () => {
    expect(run.code, run.stderr).toBe(0);
    const report = readReport(out);
    expect(report.skipped).toEqual({});
    expect(report.tables).toMatchObject({sessions: 4});
    const corpus = filesUnder(root).map((f) => readFileSync(f, "utf8")).join("\n");
    expect(corpus.split(CANARY).length).toBeGreaterThan(200);
  });

  test("no table row, no report, nothing printed holds the canary", async () => {
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    expect(readFileSync(join(currentTables(out), "ingest-report.json"), "utf8")).not.toContain(CANARY);
    for (const table of ["sessions", "turns", "tool_calls", "stops"]) {
      const rows = await sqlOn(out, `select * from ${table}`);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(JSON.stringify(rows), table).not.toContain(CANARY);
      expect(readFileSync(join(currentTables(out), `${table}.parquet`)).includes(CANARY), table).toBe(false);
    }
  });

  test("the tables keep the identifiers that count sessions and users", async () => {
    expect((await sqlOn(out, "select distinct user_id from sessions order by 1")).map((r) => r.user_id)).toEqual(USERS);
  });
});

describe("no identifier reaches the site", () => {
  let dist: string;
  beforeAll(() => {
    dist = join(tmp(), "dist");
    // A threshold of one user, so that every cell is published and the test can see it.
    const built = build({...process.env, AUTONOMY_OUTPUT: dist, AUTONOMY_CACHE: tmp(), AUTONOMY_LOGS: fleet(), AUTONOMY_MIN_USERS: "1"});
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain(CANARY);
  });

  test("the built site holds aggregates of the fleet, and no canary, user or session id", async () => {
    const files = filesUnder(dist);
    const parquet = files.filter((f) => f.endsWith(".parquet"));
    expect(parquet.length).toBeGreaterThan(10);
    const provenance = files.find((f) => /provenance\.[0-9a-f]+\.json$/.test(f))!;
    expect(JSON.parse(readFileSync(provenance, "utf8"))).toMatchObject({users: 2, sessions: 4});
    const needles = [CANARY, "usercanary", SESSION(0, 0), SESSION(1, 1), "toolu_"];
    const db = await (await DuckDBInstance.create(":memory:")).connect();
    for (const file of files) {
      // Parquet is compressed: read its rows back, as well as its bytes.
      const text = file.endsWith(".parquet") ? JSON.stringify((await db.runAndReadAll(`select * from read_parquet('${file}')`)).getRowObjectsJson()) : "";
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle) || text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
    db.closeSync();
  });
});
