// The OpenTelemetry reader's rules, one case each (docs/otel-format.md;
// loaders/sources/otel/*), read without DuckDB.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {defaultClassifiers} from "../../../loaders/classify/index.ts";
import type {Classifiers} from "../../../loaders/classify/types.ts";
import {discover} from "../../../loaders/ingest/discover.ts";
import type {OtelGroup} from "../../../loaders/sources/otel/discover.ts";
import {readOtel} from "../../../loaders/sources/otel/group.ts";
import {sniff} from "../../../loaders/sources/otel/otlp.ts";
import type {Row, TableName} from "../../../loaders/tables.ts";
import {assemble, skipped, total} from "../../helpers/assemble.ts";
import {cli, sqlOn, tmp} from "../../helpers/cli.ts";
import {CcSession, file, logsLine, spansLine, str, Trace, V2_0, V2_1_110, V2_1_200, SEMCONV_1_41} from "../../helpers/otlp.ts";
import {writeTree} from "../../helpers/transcript.ts";
import {corpus} from "../../helpers/otel-corpus.ts";

const S = "d0000000-0000-4000-8000-00000000000d";

function read(files: Record<string, string | Buffer>, classifiers: Classifiers = defaultClassifiers, shardBytes?: number) {
  const root = writeTree(files);
  const group = discover([root]).groups.find((g): g is OtelGroup => g.source === "otel")!;
  const rows: Record<TableName, Row[]> = {sessions: [], turns: [], tool_calls: [], stops: []};
  const result = readOtel(group, {maxLineBytes: 1 << 20, classifiers, scratch: tmp("scratch-")}, (t, r) => rows[t].push(r), shardBytes);
  return {rows, result};
}

describe("Claude Code events", () => {
  test("an event whose prompt.id names no prompt read belongs to no turn, and never lengthens one", () => {
    const s = new CcSession(S, V2_1_200).prompt(0).request(4).decision(5, "Bash", "accept", "config", "toolu_1").result(6, "Bash", true, 500, "config", "toolu_1").request(8);
    const lost = new CcSession(S, V2_1_200).prompt(40).prompt(50); // prompt 2: its event was not exported
    lost.records.length = 0;
    lost.decision(60, "Write", "accept", "config", "toolu_2").result(61, "Write", true, 100, "config", "toolu_2").request(90);
    const {rows} = read({"otel.jsonl": file([...s.lines(), logsLine(lost.resource(), lost.records)])});
    expect(rows.turns.map((t) => [t.turn_index, t.wall_s, t.n_tool_calls])).toEqual([[0, 8, 1]]);
    expect(rows.tool_calls.map((c) => [c.tool_name, c.turn_index])).toEqual([["Bash", 0], ["Write", null]]);
    expect(rows.sessions[0]).toMatchObject({n_turns: 1, n_tool_calls: 2});
  });

  test("without prompt ids, events follow the prompt before them in time, whatever line or file they are on", () => {
    const s = new CcSession(S, {...V2_1_110, promptIds: false}).prompt(0).request(3).prompt(10).request(11).decision(12, "Bash", "accept", "user_permanent").result(14, "Bash", true, 1000, "user_permanent").request(20);
    const [first, ...rest] = s.lines(2);
    const {rows} = read({"a.jsonl": file(rest.reverse()), "b.jsonl": file([first])});
    expect(rows.turns.map((t) => [t.turn_index, t.wall_s, t.n_tool_calls])).toEqual([[0, 3, 0], [1, 10, 1]]);
    expect(rows.tool_calls[0]).toMatchObject({turn_index: 1, approved_by: "person", called_at: Date.parse("2026-01-05T10:00:13Z")});
  });

  test("a session whose id also names GenAI spans: its events are kept, the spans' session counted as dropped", () => {
    const events = new CcSession(S, V2_1_200).prompt(0).request(2);
    const trace = new Trace("e".repeat(32), SEMCONV_1_41);
    trace.tool(trace.agent("", 0, 5, {conversation: S}), 1, 2, "lookup", {callId: "c1"});
    const {rows, result} = read({"logs.jsonl": file(events.lines()), "spans.jsonl": file(trace.lines())});
    expect(rows.sessions).toHaveLength(1);
    expect(rows.tool_calls).toHaveLength(0);
    expect(result.droppedSessions).toEqual({otel_spans_in_events: 1});
  });

  test("a record nested deeper than the call stack is read, and its exact copy is a duplicate (found by the fuzz: it stopped its file as unreadable)", () => {
    const s = new CcSession(S, V2_0).prompt(0).request(4); // 2.0.x: no event.sequence, so records are told apart by a digest of the whole
    const deep = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
    const line = s.lines(2)[0].replace('"logRecords":[{', `"logRecords":[{"deep":${deep},`);
    expect(line).toContain('"logRecords":[{"deep":{"a":');
    const {rows, result} = read({"otel.jsonl": file([line, line])});
    expect(result.counts[0]).toMatchObject({lines: 2, parsed: 1, duplicates: 1, skipped: {}, unreadable: false});
    expect(rows.sessions.length).toBe(1);
  });
});

describe("GenAI spans", () => {
  test("a loop of parent ids in bad data ends; a span whose parent was not read starts its own chain", () => {
    const trace = "f".repeat(32);
    const span = (id: string, parent: string, op: string, extra: ReturnType<typeof str>[] = []) => ({
      traceId: trace, spanId: id, parentSpanId: parent, name: op, startTimeUnixNano: "1767690000000000000", endTimeUnixNano: "1767690001000000000",
      attributes: [str("gen_ai.operation.name", op), ...extra]
    });
    const line = spansLine(Trace.resource(), [
      span("0000000000000001", "0000000000000002", "invoke_agent"),
      span("0000000000000002", "0000000000000001", "invoke_agent"),
      span("0000000000000003", "0000000000000001", "execute_tool", [str("gen_ai.tool.name", "a")]),
      span("0000000000000004", "00000000000000ff", "invoke_agent"),
      span("0000000000000005", "0000000000000004", "execute_tool", [str("gen_ai.tool.name", "b")])
    ]);
    const {rows} = read({"spans.jsonl": line + "\n"});
    expect(rows.turns).toHaveLength(2);
    expect(rows.tool_calls.map((c) => [c.tool_name, c.in_subagent])).toEqual([["a", true], ["b", false]]);
  });

  test("who is in the loop of an API agent's call is the involvesPerson classifier's judgement", () => {
    const trace = new Trace("a".repeat(32), SEMCONV_1_41);
    const root = trace.agent("", 0, 10, {conversation: "c"});
    trace.tool(root, 1, 2, "lookup_order", {callId: "c1"});
    trace.tool(root, 3, 8, "request_human_approval", {callId: "c2"});
    const files = {"spans.jsonl": file(trace.lines())};
    expect(read(files).rows.tool_calls.map((c) => [c.human_in_loop, c.safeguard])).toEqual([[false, null], [true, true]]);
    const involvesPerson = ({tool}: {tool: string}) => tool.includes("order");
    expect(read(files, {...defaultClassifiers, involvesPerson}).rows.tool_calls.map((c) => [c.human_in_loop, c.safeguard])).toEqual([[true, true], [false, null]]);
  });

  test("--classifiers may supply involvesPerson", async () => {
    const trace = new Trace("b".repeat(32), SEMCONV_1_41);
    trace.tool(trace.agent("", 0, 10, {conversation: "c"}), 3, 8, "escalate_to_agent", {callId: "c1"});
    const module = join(tmp("cls-"), "mine.mjs");
    writeFileSync(module, "export default {involvesPerson: (call) => call.tool.startsWith('escalate')};\n");
    const out = join(tmp(), "t");
    const run = cli(["ingest", writeTree({"spans.jsonl": file(trace.lines())}), "--out", out, "-q", "--classifiers", module]);
    expect(run.stderr).toBe("");
    expect(await sqlOn(out, "select tool_name, human_in_loop from tool_calls")).toEqual([{tool_name: "escalate_to_agent", human_in_loop: true}]);
  });
});

describe("shards and files", () => {
  test("the number of shards changes no row and no count", () => {
    const {files} = corpus();
    const one = read(files);
    const many = read(files, defaultClassifiers, 1); // as many shards as allowed
    const sorted = (rows: Record<TableName, Row[]>) => Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.map((x) => JSON.stringify(x)).sort()]));
    expect(sorted(many.rows)).toEqual(sorted(one.rows));
    expect(many.result).toEqual(one.result);
    expect(one.rows.sessions).toHaveLength(6);
  });

  test("the reader's counts and the assembled rows agree with the command's", () => {
    const a = assemble(corpus().files);
    expect(total(a, "parsed")).toBe(31);
    expect(total(a, "duplicates")).toBe(3);
    expect(skipped(a).unknown_event).toBe(1);
    expect(a.sessions.every((s) => s.source === "otel")).toBe(true);
  });

  test("a file is OTLP by the first line that opens a JSON object; a compressed file by its magic bytes", () => {
    const dir = tmp("sniff-");
    const write = (name: string, content: string | Buffer) => (writeFileSync(join(dir, name), content), join(dir, name));
    const logs = new CcSession(S, V2_1_200).prompt(0).lines()[0];
    expect(sniff(write("cut.json", `ttributes":[]}]}]}\n\n${logs}\n`))).toBe("logs");
    expect(sniff(write("spans.jsonl", spansLine([], []) + "\n"))).toBe("spans");
    expect(sniff(write("t.jsonl", JSON.stringify({type: "user", sessionId: S}) + "\n" + logs))).toBe(null);
    expect(sniff(write("settings.json", JSON.stringify({resourceLogs: []}, null, 2)))).toBe(null);
    expect(sniff(write("x.json", Buffer.from([0, 0, 0, 9, 0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3, 4, 5])))).toBe("compressed");
    expect(sniff(write("empty.json", ""))).toBe(null);
  });
});
