// Transcripts and telemetry in one ingest: one set of tables, no session twice. When the
// same Claude Code session was read from its transcript and from its OpenTelemetry events,
// the transcript's rows are kept (it tells modes, interrupts, prompts) and the OTel rows of
// that session are dropped, counted in the report's `sessions_dropped.otel_in_transcripts`.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {currentTables} from "../../../loaders/ingest/output.ts";
import {cli, ingestQuietly, sqlOn, tmp} from "../../helpers/cli.ts";
import {CcSession, file, V2_1_200} from "../../helpers/otlp.ts";
import {Transcript, writeTree} from "../../helpers/transcript.ts";

const X = "11111111-1111-4111-8111-111111111111"; // the Transcript builder's default session
const Y = "22222222-2222-4222-8222-222222222222";

function transcript(): string {
  return new Transcript(X).prompt(0, "run the tests", {permissionMode: "default"}).tool(5, "toolu_x1", "Bash", {command: "npm test"}).result(9, "toolu_x1").text(12, "All pass.").toString();
}

function telemetry(): string {
  // Session X as its telemetry tells it (two calls where the transcript has one), and Y, telemetry only.
  const x = new CcSession(X, V2_1_200).prompt(0).request(4).decision(5, "Bash", "accept", "user_temporary", "toolu_x1").result(9, "Bash", true, 4000, "user_temporary", "toolu_x1")
    .decision(10, "Bash", "accept", "config", "toolu_x2").result(11, "Bash", true, 900, "config", "toolu_x2").request(12);
  const y = new CcSession(Y, V2_1_200, Date.parse("2026-01-07T10:00:00Z")).prompt(0).request(3).decision(4, "Read", "accept", "config", "toolu_y1").result(5, "Read", true, 50, "config", "toolu_y1").request(8);
  return file([...x.lines(2), ...y.lines(2)]);
}

const tables = (out: string) =>
  sqlOn(out, "select session_id, source, n_tool_calls, (select count(*) from tool_calls t where t.session_id = s.session_id)::INTEGER as calls, (select list(distinct source) from tool_calls t where t.session_id = s.session_id) as call_sources from sessions s order by session_id");

describe("transcripts and telemetry together", () => {
  test("a person's tree with telemetry beside it: one set of tables, the transcript wins its session", async () => {
    const root = writeTree({[`projects/-home-me-app/${X}.jsonl`]: transcript(), "telemetry/otel-logs.jsonl": telemetry()});
    const {out, report} = ingestQuietly(root);
    expect(report).toMatchObject({inputs: ["person"], files: 2, sessions_dropped: {otel_in_transcripts: 1}, tables: {sessions: 2, turns: 2, tool_calls: 2}});
    expect(await tables(out)).toEqual([
      {session_id: X, source: "claude-code", n_tool_calls: 1, calls: 1, call_sources: ["claude-code"]},
      {session_id: Y, source: "otel", n_tool_calls: 1, calls: 1, call_sources: ["otel"]}
    ]);
    expect(await sqlOn(out, "select (select count(*) from sessions)::INTEGER as n, (select count(distinct session_id) from sessions)::INTEGER as ids, (select count(*) from turns where source = 'otel' and session_id = '" + X + "')::INTEGER as otel_x")).toEqual([{n: 2, ids: 2, otel_x: 0}]);
  });

  test("a project folder holding a transcript and an OTLP .jsonl: the OTLP file is no transcript", async () => {
    const root = writeTree({[`${X}.jsonl`]: transcript(), "otel.jsonl": telemetry()});
    const {out, report} = ingestQuietly(root);
    expect(report).toMatchObject({inputs: ["project"], files: 2, lines: 4 + 7, parsed: 11, skipped: {}, sessions_dropped: {otel_in_transcripts: 1}});
    expect((await tables(out)).map((r) => [r.session_id, r.source])).toEqual([[X, "claude-code"], [Y, "otel"]]);
  });

  test("a projects folder with telemetry at its top; the same files named one by one", async () => {
    const root = writeTree({[`-home-me-app/${X}.jsonl`]: transcript(), "otel-2026-01-07T10-00-00.000.json": telemetry()});
    const asFolder = ingestQuietly(root);
    expect(asFolder.report.inputs).toEqual(["projects"]);
    const asFiles = ingestQuietly(join(root, "-home-me-app", `${X}.jsonl`), join(root, "otel-2026-01-07T10-00-00.000.json"));
    expect(asFiles.report.inputs).toEqual(["files", "files"]);
    for (const {out} of [asFolder, asFiles]) expect((await tables(out)).map((r) => [r.session_id, r.source])).toEqual([[X, "claude-code"], [Y, "otel"]]);
  });

  test("without the transcript, the telemetry's session stands", async () => {
    const {out, report} = ingestQuietly(writeTree({"otel.json.1": telemetry()}));
    expect(report).toMatchObject({inputs: ["otel"], sessions_dropped: {}});
    expect((await tables(out)).map((r) => [r.session_id, r.source, r.calls])).toEqual([[X, "otel", 2], [Y, "otel", 1]]);
  });

  test("the generator's marker at a folder's root marks its telemetry synthetic", async () => {
    const {out} = ingestQuietly(writeTree({"agent-autonomy-fleet.json": "{}", "otel/logs.jsonl": telemetry()}));
    expect(await sqlOn(out, "select session_id, synthetic from sessions order by session_id")).toEqual([{session_id: X, synthetic: true}, {session_id: Y, synthetic: true}]);
  });

  test("worker threads give the same tables as one thread", () => {
    const files: Record<string, string> = {"telemetry/a.jsonl": telemetry()};
    for (let i = 0; i < 12; i++) files[`u${i % 3}/projects/p${i}/s${i}.jsonl`] = new Transcript(`s${i}`).prompt(0, "go", {permissionMode: "default"}).text(3, "done").toString();
    const root = writeTree(files);
    const one = join(tmp(), "t");
    const many = join(tmp(), "t");
    expect(cli(["ingest", root, "--out", one, "-q", "--workers", "1"]).code).toBe(0);
    expect(cli(["ingest", root, "--out", many, "-q", "--workers", "3"]).code).toBe(0);
    for (const t of ["sessions", "turns", "tool_calls", "stops"]) expect(readFileSync(join(currentTables(many), `${t}.parquet`))).toEqual(readFileSync(join(currentTables(one), `${t}.parquet`)));
  });
});
