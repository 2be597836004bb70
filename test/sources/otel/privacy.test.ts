// Privacy by construction (docs/otel-format.md; docs/tables.md, "What is published"): of
// all the telemetry holds, the tables keep only identifiers they are meant to hold
// (session, user, tool call ids; tool, model and provider names; Claude Code's version and
// entry point). Every other attribute value of the corpus carries a canary, which must
// appear in no output byte.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {cli, sqlOn, tmp} from "../../helpers/cli.ts";
import {CANARY} from "../../helpers/otlp.ts";
import {writeTree} from "../../helpers/transcript.ts";
import {corpus} from "../../helpers/otel-corpus.ts";

/** Attributes whose values the tables keep (records.ts), and those read as enumerations, numbers or times. */
const KEPT = [
  "session.id", "gen_ai.conversation.id", "user.account_uuid", "user.id", "enduser.id", "tool_name", "gen_ai.tool.name",
  "tool_use_id", "gen_ai.tool.call.id", "model", "gen_ai.response.model", "gen_ai.request.model", "gen_ai.provider.name",
  "gen_ai.system", "app.version", "service.version", "app.entrypoint"
];
const READ = ["event.name", "event.sequence", "event.timestamp", "decision", "source", "decision_type", "decision_source", "success", "duration_ms", "gen_ai.operation.name"];

type Json = Record<string, unknown>;

/** Every free-text value of an OTLP line that the test expects to carry the canary, with where it is. */
function contentValues(node: unknown, where = "", out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((x, i) => contentValues(x, `${where}[${i}]`, out));
  else if (typeof node === "object" && node !== null) {
    const o = node as Json;
    const value = o.value as Json | undefined;
    if (typeof o.key === "string" && value && typeof value.stringValue === "string") {
      // Numbers logged as strings (Claude Code's api_request until 2.1.122) are no content.
      if (![...KEPT, ...READ].includes(o.key) && !/^\d+$/.test(value.stringValue)) out.push([`${where}.${o.key}`, value.stringValue]);
      return out;
    }
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "string") {
        // Event names (a Claude Code body, a span event's convention name) are no content.
        const isEventName = (k === "stringValue" && where.endsWith(".body") && /^claude_code\.\w+$/.test(v)) || (k === "name" && /\.events\[\d+\]$/.test(where));
        if ((k === "name" || k === "message" || k === "stringValue") && !isEventName) out.push([`${where}.${k}`, v]);
      } else contentValues(v, `${where}.${k}`, out);
    }
  }
  return out;
}

describe("no content from telemetry reaches the output", () => {
  const {files} = corpus();
  const root = writeTree(files);
  const out = join(tmp(), "tables");
  const run = cli(["ingest", root, "--out", out]);

  test("the corpus plants the canary in every attribute, body, name and message the tables do not keep", () => {
    const lines = Object.values(files).filter((f): f is string => typeof f === "string").flatMap((f) => f.split("\n"));
    const values = lines.flatMap((line) => {
      try {
        return contentValues(JSON.parse(line));
      } catch {
        return [];
      }
    });
    expect(values.length).toBeGreaterThan(300);
    expect(values.filter(([, v]) => !v.includes(CANARY))).toEqual([]);
  });

  test("the canary is in no output file (raw bytes and decoded values), nor in what the command printed", async () => {
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    // Every file the ingest keeps in its output folder: the tables, the report, and what
    // --incremental reuses.
    const written = readdirSync(out, {recursive: true}).map(String).filter((f) => statSync(join(out, f)).isFile());
    expect(written.filter((f) => !f.includes("/")).sort()).toEqual(["ingest-report.json", "sessions.parquet", "stops.parquet", "tool_calls.parquet", "turns.parquet"]);
    expect(written.length).toBeGreaterThan(10);
    for (const name of written) expect(readFileSync(join(out, name)).includes(CANARY), name).toBe(false);
    for (const table of ["sessions", "turns", "tool_calls", "stops"]) {
      const rows = await sqlOn(out, `select * from ${table}`);
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(CANARY);
    }
  });

  test("what the tables are meant to hold is there", async () => {
    const ids = JSON.stringify(await sqlOn(out, "select (select list(distinct user_id) from sessions) as users, (select list(distinct tool_name) from tool_calls) as tools, (select list(distinct model) from sessions) as models, (select list(distinct provider) from sessions) as providers"));
    for (const kept of ["acct-A", "inst-B", "cust-1", "cust-2", "Bash", "lookup_order", "claude-opus-4-5-20251101", "claude-sonnet-4-5-20251101", "aws.bedrock"]) expect(ids).toContain(kept);
  });
});
