// The generator's Claude Code users written as telemetry (the events Claude Code exports,
// as the Collector's file exporter writes them): the same planned session written as a
// transcript and as events reads back as the same session, each through its own source,
// differing only where the events say less (docs/otel-format.md); and a generated team that
// collects only OpenTelemetry is read whole, every line counted as the generator wrote it.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {OTEL_FOLDER} from "../../loaders/generate/api-fleet.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import type {Marker} from "../../loaders/generate/fleet.ts";
import {LOGS} from "../../loaders/generate/otlp-export.ts";
import {sessionModel} from "../../loaders/generate/session.ts";
import {sessionTelemetry, telemetryResource} from "../../loaders/generate/telemetry.ts";
import {renderSession} from "../../loaders/generate/transcript.ts";
import {makeUsers, sessionStarts} from "../../loaders/generate/users.ts";
import {FLEET_MARKER} from "../../loaders/sources/walk.ts";
import {assemble} from "../helpers/assemble.ts";
import {cli, ingestQuietly, sqlOn, tmp} from "../helpers/cli.ts";
import {reportOf} from "../helpers/fleet.ts";

type Json = Record<string, any>;
type Row = Record<string, unknown>;

describe("a planned session, written as a transcript and as Claude Code's telemetry", () => {
  const transcripts: Record<string, string> = {};
  const telemetry: string[] = [];
  let claude: ReturnType<typeof assemble>;
  let events: ReturnType<typeof assemble>;

  beforeAll(() => {
    const cal = readCalibration();
    const plan = sessionModel(cal);
    for (const user of makeUsers(cal, 4, "every era")) {
      const who = {account: `acct-${user.id}`, installation: `inst-${user.id}`, os: "linux"};
      sessionStarts(user, cal).forEach((at, tenure) => {
        const session = plan(user, tenure, at);
        const rendered = renderSession(session, user.rng.fork(`t${tenure}`));
        transcripts[`${user.id}/projects/-p/${session.id}.jsonl`] = rendered.main;
        for (const sub of rendered.subagents) transcripts[`${user.id}/projects/-p/${session.id}/subagents/${sub.name}`] = sub.text;
        const {resource, scope} = telemetryResource(session.version, who);
        const {items} = sessionTelemetry(session, who, cal.assumptions, user.rng.fork(`e${tenure}`));
        telemetry.push(JSON.stringify({[LOGS.resources]: [{resource, [LOGS.scopes]: [{scope, [LOGS.items]: items.map((i) => i.json)}]}]}));
      });
    }
    claude = assemble(transcripts);
    events = assemble({"otel/logs.json": telemetry.join("\n") + "\n"});
  });

  const byId = (rows: Row[]) => new Map(rows.map((s) => [s.session_id as string, s]));
  const turnKey = (t: Row) => `${t.session_id}@${(t.started_at as Date).valueOf()}`;

  test("the same sessions, each of one user, from both versions' eras", () => {
    expect(events.sessions.every((s) => s.source === "otel" && s.kind === "events")).toBe(true);
    expect([...byId(events.sessions).keys()].sort()).toEqual([...byId(claude.sessions).keys()].sort());
    const versions = events.sessions.map((s) => Number(String(s.version).split(".")[2]));
    // Both sides of each change of shape: prompt.id (2.1.100), tool_use_id (2.1.119), event.sequence (2.1.220).
    for (const from of [100, 119, 220]) expect(versions.some((v) => v < from) && versions.some((v) => v >= from), `2.1.${from}`).toBe(true);
    const users = new Map<unknown, Set<unknown>>();
    const transcript = byId(claude.sessions);
    for (const s of events.sessions) users.set(s.user_id, (users.get(s.user_id) ?? new Set()).add(transcript.get(s.session_id as string)!.user_id));
    expect([...users.values()].map((u) => u.size)).toEqual([1, 1, 1, 1]);
  });

  test("every turn the events show is a turn of the transcript; they say interrupted or error only where it does", () => {
    const transcript = new Map(claude.turns.map((t) => [turnKey(t), t]));
    const seen = new Set<string>();
    for (const t of events.turns) {
      const twin = transcript.get(turnKey(t));
      expect(twin, turnKey(t)).toBeDefined();
      seen.add(turnKey(t));
      if (t.end_reason === "interrupted" || t.end_reason === "error") expect(twin!.end_reason, turnKey(t)).toBe(t.end_reason);
      if (twin!.end_reason === "error") expect(t.end_reason).toBe("error");
    }
    // A turn the person stopped with Esc before the agent logged anything leaves no event.
    const unseen = claude.turns.filter((t) => !seen.has(turnKey(t)));
    expect(unseen.length).toBeGreaterThan(0);
    expect(new Set(unseen.map((t) => t.end_reason))).toEqual(new Set(["interrupted"]));
    expect(events.turns.filter((t) => t.end_reason === "interrupted").length).toBeGreaterThan(0);
  });

  test("the same tool calls where calls carry ids (2.1.119 on); before, the calls stopped by Esc are not logged", () => {
    const transcript = byId(claude.sessions);
    let fewer = 0;
    for (const s of events.sessions) {
      const twin = Number(transcript.get(s.session_id as string)!.n_tool_calls);
      if (Number(String(s.version).split(".")[2]) >= 119) expect(s.n_tool_calls, String(s.session_id)).toBe(twin);
      else {
        expect(Number(s.n_tool_calls)).toBeLessThanOrEqual(twin);
        if (Number(s.n_tool_calls) < twin) fewer++;
      }
    }
    expect(fewer).toBeGreaterThan(0);
  });

  test("the events say who let each call run: the settings, or the person once or for the session; a person's refusal is the person's", () => {
    const by = (where: (c: Row) => boolean) => events.tool_calls.filter(where).length;
    expect(by((c) => c.approved_by === "rule")).toBeGreaterThan(100);
    expect(by((c) => c.approved_by === "person")).toBeGreaterThan(100);
    expect(by((c) => c.rejected === true && c.approved_by === null)).toBeGreaterThan(0);
    expect(claude.tool_calls.filter((c) => c.approved_by === "person").length).toBe(0);
  });
});

describe("generate --telemetry-users: a team that collects only OpenTelemetry", () => {
  let fleet: string;
  let marker: Marker;

  beforeAll(() => {
    fleet = join(tmp(), "team");
    const made = cli(["generate", "--users", "0", "--codex-users", "0", "--telemetry-users", "7", "--api-agents", "0", "--seed", "otel team", "--out", fleet]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/^0 users, 0 sessions; 7 Claude Code users as telemetry, [\d,]+ sessions; /);
    marker = JSON.parse(readFileSync(join(fleet, FLEET_MARKER), "utf8"));
  });

  test("the Collectors' log files, rotated, lines out of time order and retried, with every version's shape and no content", () => {
    expect(readdirSync(fleet).sort()).toEqual([FLEET_MARKER, OTEL_FOLDER]);
    const files = readdirSync(join(fleet, OTEL_FOLDER), {recursive: true, withFileTypes: true}).filter((d) => d.isFile());
    expect(files.length).toBe(marker.telemetry.files);
    expect(files.every((f) => /^logs(-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3})?\.json$/.test(f.name))).toBe(true);
    expect(files.some((f) => f.name.startsWith("logs-"))).toBe(true);
    const keys = new Set<string>();
    const sources = new Set<string>();
    let backwards = 0;
    let numbersAsText = 0;
    for (const f of files) {
      let last = 0n;
      for (const line of readFileSync(join(f.parentPath, f.name), "utf8").split("\n").slice(0, -1)) {
        const records: Json[] = JSON.parse(line).resourceLogs.flatMap((r: Json) => r.scopeLogs.flatMap((s: Json) => s.logRecords));
        for (const r of records) {
          const time = BigInt(r.timeUnixNano);
          if (time < last) backwards++;
          last = time > last ? time : last;
          for (const a of r.attributes) keys.add(a.key);
          const source = r.attributes.find((a: Json) => a.key === "source" || a.key === "decision_source");
          if (source) sources.add(source.value.stringValue);
          if (r.attributes.some((a: Json) => a.key === "input_tokens" && "stringValue" in a.value)) numbersAsText++;
        }
      }
    }
    expect(backwards).toBeGreaterThan(10);
    expect(numbersAsText).toBeGreaterThan(0);
    expect([...sources].sort()).toEqual(["config", "user_permanent", "user_reject", "user_temporary"]);
    for (const key of ["prompt.id", "tool_use_id", "event.sequence", "user.account_uuid", "app.entrypoint"]) expect(keys, key).toContain(key);
    for (const content of ["prompt", "tool_input", "tool_parameters", "user.email", "error"]) expect(keys, content).not.toContain(content);
  });

  test("every line is read, parsed or a duplicate (a retry), none skipped; sessions, turns and calls as generated", async () => {
    const {out, report} = ingestQuietly(fleet);
    expect(report).toMatchObject(reportOf(marker.telemetry));
    expect(marker.telemetry.retries).toBeGreaterThan(0);
    const [rows] = await sqlOn(out, "select count(distinct user_id)::INTEGER as users, bool_and(synthetic) as synthetic, bool_and(source = 'otel' and agent = 'claude-code') as telemetry from sessions");
    expect(rows).toEqual({users: 7, synthetic: true, telemetry: true});
  });
});
