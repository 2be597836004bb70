// An analyst's own classifiers, plugged in through the command line
// (`agent-autonomy ingest <path> --out <dir> --classifiers <module>`): their labels reach the
// tables, on one thread and on worker threads, and a module naming a classifier that does
// not exist stops the ingest with one line.
import {existsSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {loadClassifiers} from "../../loaders/classify/index.ts";
import type {CallInput} from "../../loaders/classify/types.ts";
import {cli, sqlOn, tmp} from "../helpers/cli.ts";
import {Transcript, writeTree} from "../helpers/transcript.ts";

/** Two projects (so that two workers each get one), with tool calls, an agent stop and an interrupt. */
function fleet(): string {
  const a = new Transcript("aaaaaaaa-0000-4000-8000-000000000001")
    .prompt(0, "fix the typo in the README", {permissionMode: "default"})
    .tool(2, "toolu_a1", "Bash", {command: "rm -rf node_modules"})
    .interrupt(3)
    .prompt(10, "no, keep node_modules")
    .tool(12, "toolu_a2", "Edit", {file_path: "/work/app/README.md", old_string: "teh", new_string: "the"})
    .result(13, "toolu_a2")
    .text(14, "Fixed.");
  const b = new Transcript("bbbbbbbb-0000-4000-8000-000000000002")
    .prompt(0, "set up the database", {permissionMode: "acceptEdits"})
    .tool(5, "toolu_b1", "AskUserQuestion", {questions: [{question: "Which database do you prefer, Postgres or SQLite?", header: "DB", options: [], multiSelect: false}]})
    .result(30, "toolu_b1", 'User has answered your questions: "Which database?"="Postgres". You can now continue with these answers in mind.')
    .tool(31, "toolu_b2", "mcp__postgres__query", {sql: "select 1"})
    .result(32, "toolu_b2")
    .text(33, "Postgres is set up.");
  return writeTree({"u1/projects/-work-a/a.jsonl": a.toString(), "u1/projects/-work-b/b.jsonl": b.toString()});
}

/** Writes a module in a folder of its own, outside this package (no package.json around it). */
function module(name: string, text: string): string {
  const path = join(tmp("classifiers-"), name);
  writeFileSync(path, text);
  return path;
}

const TS_MODULE = `
type Turn = {prompt: string; toolNames: readonly string[]};
type Call = {tool: string};
export default {
  complexity: (turn: Turn): string => (turn.toolNames.length > 1 ? "high" : "low"),
  humanStopReason: (): string => "impatient",
  toolCall: (call: Call) => ({risk: 10, autonomy: 9, reversible: false, domain: "mine_" + call.tool})
};
`;

describe("--classifiers <module>", () => {
  test.each([["one thread", "1"], ["worker threads", "2"]])("a TypeScript module's labels reach the tables; the rest stay the defaults (%s)", async (_, workers) => {
    const out = join(tmp(), "t");
    const run = cli(["ingest", fleet(), "--out", out, "-q", "--workers", workers, "--classifiers", module("mine.ts", TS_MODULE)]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(await sqlOn(out, "select tool_name, risk, autonomy, reversible, domain from tool_calls order by tool_use_id")).toEqual([
      {tool_name: "Bash", risk: 10, autonomy: 9, reversible: false, domain: "mine_Bash"},
      {tool_name: "Edit", risk: 10, autonomy: 9, reversible: false, domain: "mine_Edit"},
      {tool_name: "AskUserQuestion", risk: 10, autonomy: 9, reversible: false, domain: "mine_AskUserQuestion"},
      {tool_name: "mcp__postgres__query", risk: 10, autonomy: 9, reversible: false, domain: "mine_mcp__postgres__query"}
    ]);
    expect(await sqlOn(out, "select left(session_id, 1) as s, turn_index, complexity, corrective from turns order by s, turn_index")).toEqual([
      {s: "a", turn_index: 0, complexity: "low", corrective: false},
      {s: "a", turn_index: 1, complexity: "low", corrective: true},
      {s: "b", turn_index: 0, complexity: "high", corrective: false}
    ]);
    // The human stop takes the module's reason; the agent stop keeps the default rules'.
    expect(await sqlOn(out, "select kind, how, reason from stops order by kind")).toEqual([
      {kind: "agent", how: "ask_user", reason: "offer_choice"},
      {kind: "human", how: "interrupt", reason: "impatient"}
    ]);
  });

  test("a JavaScript module works the same way", async () => {
    const js = module("mine.js", "export default {corrective: () => false, asksQuestion: () => true};\n");
    const out = join(tmp(), "t");
    expect(cli(["ingest", fleet(), "--out", out, "-q", "--classifiers", js]).code).toBe(0);
    expect(await sqlOn(out, "select left(session_id, 1) as s, turn_index, end_reason, corrective from turns order by s, turn_index")).toEqual([
      {s: "a", turn_index: 0, end_reason: "interrupted", corrective: false},
      {s: "a", turn_index: 1, end_reason: "clarification", corrective: false},
      {s: "b", turn_index: 0, end_reason: "clarification", corrective: false}
    ]);
  });

  test.each([["one thread", "1"], ["worker threads", "2"]])("a module naming an unknown classifier fails with one line and writes nothing (%s)", (_, workers) => {
    const bad = module("bad.ts", "export default {complexity: () => 'low', riskScore: () => 1};\n");
    const out = join(tmp(), "t");
    const run = cli(["ingest", fleet(), "--out", out, "--workers", workers, "--classifiers", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`agent-autonomy: ${bad}: unknown classifier riskScore (known: complexity, corrective, asksQuestion, agentStopReason, humanStopReason, toolCall, involvesPerson)\n`);
    expect(existsSync(join(out, "turns.parquet"))).toBe(false);
  });

  test("a missing module, or one whose default export is no object of functions, fails with one line", () => {
    const missing = cli(["ingest", fleet(), "--out", join(tmp(), "t"), "--classifiers", "/no/such/classifiers.ts"]);
    expect(missing).toMatchObject({code: 1, stderr: "agent-autonomy: --classifiers: no such file: /no/such/classifiers.ts\n"});
    const notObject = module("n.js", "export default 42;\n");
    expect(cli(["ingest", fleet(), "--out", join(tmp(), "t"), "--classifiers", notObject]).stderr).toMatch(/^agent-autonomy: .*n\.js: the default export must be an object holding classifiers \(complexity, .*\)\n$/);
    const notFunction = module("f.ts", "export default {complexity: 'high'};\n");
    expect(cli(["ingest", fleet(), "--out", join(tmp(), "t"), "--classifiers", notFunction]).stderr).toBe(`agent-autonomy: ${notFunction}: not a function: complexity\n`);
  });
});

describe("a module's involvesPerson", () => {
  const call = (tool: string): CallInput => ({tool, input: null, prompt: "", level: null, inSubagent: false, position: 0});

  test("decides the default toolCall's autonomy: a call it says involves a person is the agent deferring", async () => {
    const cls = await loadClassifiers(module("person.ts", "export default {involvesPerson: (call: {tool: string}) => call.tool === 'lookup_order'};\n"));
    expect(cls.toolCall(call("lookup_order")).autonomy).toBe(1);
    // The built-in rules see a person in this call; the module does not.
    expect(cls.toolCall(call("request_human_approval")).autonomy).toBe(4);
  });

  test("leaves a module's own toolCall alone", async () => {
    const cls = await loadClassifiers(module("both.ts", "export default {involvesPerson: () => true, toolCall: () => ({risk: 2, autonomy: 7, reversible: true, domain: 'x'})};\n"));
    expect(cls.toolCall(call("lookup_order")).autonomy).toBe(7);
  });
});
