// A telemetry corpus whose every count is known by construction: three Claude Code
// sessions in three versions' event shapes, GenAI agent traces in two semantic-convention
// versions, rotated files, retries, damaged lines, a metrics file and compressed files.
import {gzipSync} from "node:zlib";
import {CANARY, CcSession, foreignLog, file, logsLine, metricsLine, Trace, V2_0, V2_1_110, V2_1_200, SEMCONV_1_31, SEMCONV_1_41} from "./otlp.ts";

export const A = "a0000000-0000-4000-8000-00000000000a";
export const B = "b0000000-0000-4000-8000-00000000000b";
export const C = "c0000000-0000-4000-8000-00000000000c";

/** Session A, 2.1.200 (prompt ids, tool_use_ids, sequence): 4 turns, 5 calls, 1 unanswered prompt. */
export function sessionA(): CcSession {
  return new CcSession(A, V2_1_200, Date.parse("2026-01-05T10:00:00Z"), "inst-A", "acct-A")
    // turn 0: a rule and the person approve; completed
    .prompt(0).request(5).decision(6, "Bash", "accept", "config", "toolu_a1").result(8, "Bash", true, 1500, "config", "toolu_a1")
    .decision(9, "Edit", "accept", "user_temporary", "toolu_a2").result(12, "Edit", true, 200, "user_temporary", "toolu_a2").request(15).response(15)
    // turn 1: the person rejects, the agent stops: interrupted
    .prompt(100).request(104).decision(105, "Bash", "reject", "user_reject", "toolu_a3")
    // turn 2: a rule rejects (an error, no rejection); the turn ends on an API error
    .prompt(200).request(203).decision(204, "Write", "reject", "config", "toolu_a4").request(206).apiError(210)
    // turn 3: a question answered after 40 s
    .prompt(300).request(302).decision(303, "AskUserQuestion", "accept", "config", "toolu_a5").result(343, "AskUserQuestion", true, 40000, "config", "toolu_a5").request(350)
    // never answered
    .prompt(400);
}

/** Session B, 2.0.x (no ids, no sequence, numbers as strings, observed time only): 2 turns, 3 calls. */
export function sessionB(): CcSession {
  return new CcSession(B, V2_0, Date.parse("2026-01-05T12:00:00Z"), "inst-B")
    .prompt(0).request(3, "claude-sonnet-4-5").decision(4, "Bash", "accept", "user_permanent").result(6, "Bash", true, 1000, "user_permanent")
    .decision(7, "Read", "accept", "config").result(7.5, "Read", true, 100, "config").request(9, "claude-sonnet-4-5")
    .prompt(60).request(62, "claude-sonnet-4-5").decision(63, "Edit", "reject", "user_abort");
}

/** Session C, 2.1.110 (prompt ids, no tool ids): a rejection with the person's reason goes on. */
export function sessionC(): CcSession {
  return new CcSession(C, V2_1_110, Date.parse("2026-01-05T14:00:00Z"), "inst-C", "acct-C")
    .prompt(0).request(2).decision(3, "Bash", "reject", "user_reject").request(8).decision(9, "Bash", "accept", "config").result(11, "Bash", true, 2000, "config").request(12);
}

export const T1 = "1c5f02236ac325ef09a592480a4c0b46";
export const T2 = "2c5f02236ac325ef09a592480a4c0b46";
export const T3 = "3c5f02236ac325ef09a592480a4c0b46";
export const T4 = "4c5f02236ac325ef09a592480a4c0b46";
export const T5 = "5c5f02236ac325ef09a592480a4c0b46";

/** Conversation conv-1 over two traces (1.41), one trace of 1.31, loose tool calls, and HTTP only. */
export function traces(): Trace[] {
  const t1 = new Trace(T1, SEMCONV_1_41, Date.parse("2026-01-06T09:00:00Z"));
  const root = t1.agent("", 0, 60, {conversation: "conv-1", user: "cust-1"});
  t1.chat(root, 1, 3, "claude-sonnet-4-5");
  t1.tool(root, 4, 6, "lookup_order", {callId: "call_1"});
  const http = t1.other(root, 6, 7);
  t1.tool(http, 6.5, 6.9, "fetch_invoice", {callId: "call_2"});
  const sub = t1.agent(root, 10, 50);
  t1.chat(sub, 11, 12, "claude-haiku-4-5");
  t1.chat(root, 51, 52, "claude-sonnet-4-5");
  t1.tool(sub, 20, 30, "refund_payment", {callId: "call_3", error: true});

  const t2 = new Trace(T2, SEMCONV_1_41, Date.parse("2026-01-06T10:00:00Z"));
  const root2 = t2.agent("", 0, 20, {conversation: "conv-1", user: "cust-1", error: true});
  t2.tool(root2, 5, 8, "send_email", {callId: "call_4"});

  const t3 = new Trace(T3, SEMCONV_1_31, Date.parse("2026-01-06T11:00:00Z"), "aws.bedrock");
  const root3 = t3.agent("", 0, 30, {conversation: "not-in-1.31", enduser: "cust-2"});
  t3.chat(root3, 1, 2, "claude-sonnet-4-5");
  t3.tool(root3, 3, 4, "search_kb");

  const t4 = new Trace(T4, SEMCONV_1_41, Date.parse("2026-01-06T12:00:00Z"));
  t4.tool("", 0, 1, "get_weather", {callId: "call_9"});

  const t5 = new Trace(T5, SEMCONV_1_41, Date.parse("2026-01-06T13:00:00Z"));
  t5.other(t5.other("", 0, 2), 0.5, 1);
  return [t1, t2, t3, t4, t5];
}

/** Bytes of a file the exporter wrote with `compression: zstd`: a 4-byte length, then a zstd frame. */
function zstdExport(): Buffer {
  const frame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x0a, 0x41, 0x0a, 0x00, 0x17, 0x0a]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(frame.length);
  return Buffer.concat([length, frame]);
}

export const physicalLines = (bytes: Buffer) => bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0) + (bytes.length && bytes.at(-1) !== 0x0a ? 1 : 0);

export type Corpus = {files: Record<string, string | Buffer>; compressedLines: number};

/** The corpus's files (relative path → content), and what they must count. */
export function corpus(): Corpus {
  const [a, b, c] = [sessionA(), sessionB(), sessionC()];
  const [t1, t2, t3, t4, t5] = traces();
  const aLines = a.lines(2);
  const cLines = c.lines(2);
  const t1Lines = t1.lines(2);
  const t2Lines = t2.lines(1);
  // Lines are not in time order, and sessions and traces span files. Of two copies, the
  // one in the file first in path order is kept: the rotated file (`name-<time>.jsonl`).
  const logs = [
    ...[...aLines.slice(0, 5), ...cLines.slice(1)].reverse(),
    logsLine(a.resource(), [a.records[0], foreignLog(Date.parse("2026-01-05T10:00:00Z"))]) // a repeated record and a foreign one: a duplicate
  ];
  const rotated = [
    ...b.lines(3),
    ...aLines.slice(5),
    aLines[1], // a retried export: the copy in claude-code.jsonl is the duplicate
    // A record seen before and one new (a resumed process numbers its events from 0 again): parsed
    logsLine(a.resource(), [a.records[2], new CcSession(A, V2_1_200, Date.parse("2026-01-05T10:00:00Z"), "inst-A", "acct-A").response(16).records[0]])
  ];
  const noSession = JSON.parse(b.lines(1)[0]) as {resourceLogs: {scopeLogs: {logRecords: {attributes: {key: string}[]}[]}[]}[]};
  const record = noSession.resourceLogs[0].scopeLogs[0].logRecords[0];
  record.attributes = record.attributes.filter((kv) => kv.key !== "session.id");
  const damaged = [
    cLines[0], // the first line decides the file is OTLP
    "not json at all",
    "",
    "[1, 2]",
    JSON.stringify({foo: 1}),
    logsLine(a.resource(), [foreignLog(Date.parse("2026-01-05T10:00:00Z"))], `acme.app ${CANARY}`),
    JSON.stringify(noSession),
    JSON.stringify({resourceLogs: []}),
    cLines[0].slice(0, 80) // cut: the last line, without its end
  ];
  const gz = gzipSync(file(b.lines(1)));
  const zst = zstdExport();
  const spans = [...t1Lines.slice(2), ...t3.lines(2), ...t2Lines, t2Lines[0]].reverse(); // t2Lines[0] retried
  const spansRotated = [...t1Lines.slice(0, 2), ...t4.lines(), ...t5.lines()];
  return {
    files: {
      "logs/claude-code.jsonl": file(logs),
      "logs/claude-code-2026-01-05T11-00-00.000.jsonl": file(rotated),
      "logs/damaged.jsonl": damaged.join("\n"),
      "logs/old.jsonl.gz": gz,
      "exporter/otel.json": zst,
      "metrics.jsonl": file([metricsLine(), metricsLine(), metricsLine()]),
      "traces/otel-traces.json": file(spans),
      "traces/otel-traces.json.1": file(spansRotated),
      "settings.json": JSON.stringify({env: {OTEL_LOGS_EXPORTER: "otlp"}}, null, 2) // no OTLP: not an input
    },
    compressedLines: physicalLines(gz) + physicalLines(zst)
  };
}

