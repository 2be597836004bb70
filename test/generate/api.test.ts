// The API side of the small fleet (agents built on the API, written as GenAI agent spans in
// the OTLP JSON of the Collector's file exporter), through the real ingest: the files have
// the shapes real exports have, every line is counted as the generator wrote it, nothing
// the spans carry as content reaches the tables, and the findings' SQL recovers the
// study's API-side directions (F6 to F8).
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {calibrationReport, type Recovered} from "../../loaders/calibrate/report.ts";
import {AGENT_KINDS} from "../../loaders/generate/api-agents.ts";
import {OTEL_FOLDER} from "../../loaders/generate/api-fleet.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import type {Marker} from "../../loaders/generate/fleet.ts";
import {FLEET_MARKER} from "../../loaders/sources/walk.ts";
import {ingestQuietly, sqlOn} from "../helpers/cli.ts";
import {reportOf, smallFleet} from "../helpers/fleet.ts";

type Json = Record<string, any>;

let tables = "";
let fleet = "";
let marker: Marker;

beforeAll(async () => {
  ({tables, fleet} = await smallFleet());
  marker = JSON.parse(readFileSync(join(fleet, FLEET_MARKER), "utf8"));
});

/** Every OTLP file the generator wrote, by path, with its lines. */
function exported(): Map<string, string[]> {
  const root = join(fleet, OTEL_FOLDER);
  const files = new Map<string, string[]>();
  for (const collector of readdirSync(root).sort()) {
    for (const name of readdirSync(join(root, collector)).sort()) files.set(`${collector}/${name}`, readFileSync(join(root, collector, name), "utf8").split("\n").slice(0, -1));
  }
  return files;
}

const attrs = (list: Json[]) => Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value]));

describe("the API agents' telemetry, as the Collector's file exporter writes it", () => {
  test("several Collectors, rotated files, one or several resources a line, lines out of time order, retries written twice", () => {
    const files = exported();
    expect(new Set([...files.keys()].map((p) => p.split("/")[0])).size).toBe(3);
    expect([...files.keys()].every((p) => /^[\w-]+\/traces(-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3})?\.json$/.test(p))).toBe(true);
    expect([...files.keys()].filter((p) => p.includes("traces-")).length).toBeGreaterThan(3);
    expect(files.size).toBe(marker.api.files);

    // A line whose every span was written before is a retry (the reader's duplicate).
    const seen = new Set<string>();
    let repeats = 0;
    let merged = 0;
    let backwards = 0;
    const features = new Set<string>();
    for (const lines of files.values()) {
      let lastEnd = 0n;
      for (const line of lines) {
        const doc = JSON.parse(line) as Json;
        if (doc.resourceSpans.length > 1) merged++;
        const spans: Json[] = doc.resourceSpans.flatMap((r: Json) => r.scopeSpans.flatMap((s: Json) => s.spans));
        const keys = spans.map((s) => `${s.traceId}/${s.spanId}`);
        if (keys.every((k) => seen.has(k))) repeats++;
        for (const k of keys) seen.add(k);
        const ends = spans.map((s) => BigInt(s.endTimeUnixNano));
        if (ends.some((e) => e < lastEnd)) backwards++;
        lastEnd = ends.reduce((a, b) => (b > a ? b : a), lastEnd);
        const byId = new Map(spans.map((s) => [s.spanId, s]));
        for (const s of spans) {
          const a = attrs(s.attributes);
          const op = a["gen_ai.operation.name"];
          features.add(op === undefined ? "span with no GenAI operation" : `operation ${op}`);
          if (a["gen_ai.system"]) features.add("gen_ai.system (semconv before 1.37)");
          if (a["gen_ai.provider.name"]) features.add("gen_ai.provider.name");
          if (a["gen_ai.conversation.id"]) features.add("gen_ai.conversation.id");
          if (a["user.id"]) features.add("user.id");
          if (a["enduser.id"]) features.add("enduser.id");
          if (a["gen_ai.input.messages"] || a["gen_ai.tool.call.arguments"]) features.add("content captured");
          if (s.status.code === 2) features.add(`${op} with error status`);
          if (op === "invoke_agent" && byId.get(s.parentSpanId) && attrs(byId.get(s.parentSpanId)!.attributes)["gen_ai.operation.name"] === "invoke_agent") features.add("nested invoke_agent");
        }
      }
    }
    expect(repeats).toBe(marker.api.retries);
    expect(repeats).toBeGreaterThan(20);
    expect(merged).toBeGreaterThan(20);
    expect(backwards).toBeGreaterThan(100);
    expect([...features].sort()).toEqual([
      "content captured", "enduser.id", "execute_tool with error status", "gen_ai.conversation.id", "gen_ai.provider.name",
      "gen_ai.system (semconv before 1.37)", "invoke_agent with error status", "nested invoke_agent", "operation chat",
      "operation execute_tool", "operation invoke_agent", "span with no GenAI operation", "user.id"
    ]);
  });

  test("every line is read, parsed or a duplicate (a retry), none skipped; sessions, runs and calls as generated", async () => {
    const {report} = ingestQuietly(join(fleet, OTEL_FOLDER));
    const api = marker.api;
    const expected = reportOf(api);
    expect(report).toMatchObject({...expected, sessions_dropped: {}, tables: {...expected.tables, stops: 0}});
    // In the whole fleet, beside the transcripts: the same rows, labelled synthetic.
    const [rows] = await sqlOn(
      tables,
      `select count(*) as sessions, count(*) filter (where synthetic) as synthetic, (select count(*) from turns where source = 'otel') as turns,
        (select count(*) from tool_calls where source = 'otel') as calls from sessions where source = 'otel'`
    );
    expect(rows).toEqual({sessions: api.sessions, synthetic: api.sessions, turns: api.turns, calls: api.tool_calls});
    expect(api.tool_calls).toBeGreaterThan(20_000);
  });

  test("nothing the spans carry as content, and no agent's or service's name, reaches the tables", async () => {
    const names = Object.values(AGENT_KINDS).flatMap((kinds) => kinds.flatMap((k) => [...k.names, ...k.sub.names]));
    for (const table of ["sessions", "turns", "tool_calls", "stops"]) {
      const text = JSON.stringify(await sqlOn(tables, `select * from ${table} where source = 'otel'`));
      expect(text, table).not.toContain("synthetic ");
      for (const name of names) expect(text.includes(`"${name}"`) || text.includes(`${name}-`), `${name} in ${table}`).toBe(false);
    }
  });
});

describe("the small fleet recovers the study's API-side directions", () => {
  let api: (id: string) => Recovered;

  beforeAll(async () => {
    const r = await calibrationReport(tables, readCalibration());
    api = (id) => [...r.api.targets, ...r.api.reported].find((t) => t.id === id)!;
  });

  // The small fleet has 24 API agents and about 28,000 calls, but calls move together: a
  // run's calls share its person, an agent's its tools. The intervals the report gives
  // treat calls as independent and are too narrow; the tolerances below come from the
  // spread over six seeds of this size (in brackets), widened by a few points.

  test("F8: software engineering is about half of the calls; no other domain is above about 10%", () => {
    // Six seeds: 47.5 to 51.7%; back-office automation, the next, 7.8 to 10.9%.
    expect(Math.abs(api("api.f8.software_engineering").value - 49.7)).toBeLessThan(5);
    const others = readCalibration().api.targets.filter((t) => t.id.startsWith("api.f8.") && t.id !== "api.f8.software_engineering");
    expect(others.length).toBe(16);
    for (const t of others) expect(api(t.id).value, t.id).toBeLessThan(13);
  });

  test("F6: calls on minimal-complexity tasks have a person involved more often than on high-complexity ones", () => {
    // Six seeds: minimal 86.2 to 89.1%, high 64.8 to 76.5%, the fall 10.6 to 24.2 points.
    const minimal = api("api.f6.minimal").value;
    const high = api("api.f6.high").value;
    expect(minimal).toBeGreaterThan(82);
    expect(minimal).toBeLessThan(92);
    expect(high).toBeGreaterThan(58);
    expect(high).toBeLessThan(80);
    expect(minimal - high).toBeGreaterThan(8);
  });

  test("F7: most calls have a safeguard and a person in the loop; under 2% are irreversible; the risky, autonomous corner is sparse but not empty", () => {
    // Six seeds: safeguard 77.7 to 82.1%, person in the loop 71.8 to 76.9%, irreversible 0.52 to 1.08%.
    const safeguard = api("api.f7.safeguard").value;
    const human = api("api.f7.human_in_loop").value;
    expect(safeguard).toBeGreaterThan(74);
    expect(safeguard).toBeLessThan(86);
    expect(human).toBeGreaterThan(68);
    expect(human).toBeLessThan(80);
    expect(safeguard).toBeGreaterThanOrEqual(human);
    expect(api("api.f7.irreversible").value).toBeGreaterThan(0.3);
    expect(api("api.f7.irreversible").value).toBeLessThan(1.6);
    expect(api("api.f7.corner").value).toBeGreaterThan(0);
    expect(api("api.f7.corner").value).toBeLessThan(1);
  });
});
