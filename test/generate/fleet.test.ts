// The small synthetic fleet through the real ingest: every line read, every feature and
// trap of real 2.1.x transcripts present (docs/claude-code-format.md, "Traps in real
// 2.1.x transcripts"), and the durations the ingest computes agreeing with the
// turn_duration records the generator wrote.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {sqlOn} from "../helpers/cli.ts";
import {smallFleet} from "../helpers/fleet.ts";

type Json = Record<string, any>;

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".jsonl")) out.push(path);
    }
  };
  walk(root);
  return out;
}

const text = (o: Json): string => {
  const c = o.message?.content;
  if (typeof c === "string") return c;
  const b = Array.isArray(c) ? c[0] : undefined;
  return typeof b?.content === "string" ? b.content : typeof b?.text === "string" ? b.text : "";
};

/** Which features each file shows, read from the structure of its lines. */
function features(path: string, seen: Map<string, number>) {
  const add = (f: string) => seen.set(f, (seen.get(f) ?? 0) + 1);
  const lines = readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Json);
  const uuids = new Set<string>();
  const blocks = new Map<string, string>();
  const messages = new Map<string, number>();
  const asks = new Set<string>();
  const plans = new Set<string>();
  let assistant = 0;
  let nullStops = 0;
  for (const o of lines) {
    if (o.uuid && uuids.has(o.uuid)) add("replay keeping uuids (resume)");
    if (o.uuid) uuids.add(o.uuid);
    const t = text(o);
    if (o.type === "assistant") {
      const block = o.message.content[0];
      const key = `${o.message.id}/${JSON.stringify(block)}`;
      if (blocks.has(key) && blocks.get(key) !== o.uuid) add("replay with fresh uuids (resume)");
      blocks.set(key, o.uuid);
      messages.set(o.message.id, (messages.get(o.message.id) ?? 0) + 1);
      assistant++;
      if (o.message.stop_reason === null) nullStops++;
      if (block.type === "tool_use") {
        add(`tool ${block.name.startsWith("mcp__") ? "mcp" : block.name}`);
        if (block.name === "AskUserQuestion") asks.add(block.id);
        if (block.name === "ExitPlanMode") plans.add(block.id);
      }
      if (block.type === "thinking") add("thinking block");
      if (o.isApiErrorMessage) add("API error message");
      if (o.isAbortedMidStream) add("message cut mid-stream");
    }
    if (o.type === "user") {
      if (o.permissionMode) add(`prompt mode ${o.permissionMode}`);
      if (o.isCompactSummary) add("compact summary");
      if (o.isMeta && !t.startsWith("<local-command-caveat>")) add("isMeta command expansion");
      if (t === "[Request interrupted by user for tool use]") add("interrupt for tool use");
      if (t === "[Request interrupted by user]") add("interrupt");
      if (t.startsWith("<task-notification>")) add(o.origin?.kind === "task-notification" ? "task notification with origin" : "task notification without origin");
      if (t.startsWith("<command-name>/compact")) add("/compact");
      if (t.startsWith("<command-name>/model")) add("/model as user lines");
      if (t.startsWith("<command-name>/clear")) add("/clear");
      if (t.startsWith("<local-command-stdout>")) add("local command stdout");
      const block = o.message.content[0];
      if (block?.type === "tool_result") {
        const rejected = t.startsWith("The user doesn't want to proceed with this tool use.");
        if (rejected && t.includes("STOP what you are doing")) add("rejection without reason");
        if (rejected && t.includes("the user said:\n") && !t.includes("clarify these questions")) add(plans.has(block.tool_use_id) ? "plan rejected with reason" : "rejection with reason");
        if (rejected && plans.has(block.tool_use_id) && t.includes("STOP")) add("plan rejected");
        if (t.includes("The user wants to clarify these questions.")) add("AskUserQuestion clarify");
        if (t.startsWith("User has answered your questions")) add("AskUserQuestion answered (older wording)");
        if (t.startsWith("Your questions have been answered")) add("AskUserQuestion answered (2.1.198 wording)");
        if (t.startsWith("No response after 60s")) add("AskUserQuestion timeout");
        if (t.startsWith("User has approved your plan")) add("plan approved");
        if (o.toolDenialKind) add("toolDenialKind");
        if (asks.has(block.tool_use_id) && o.toolUseResult?.answers) add("AskUserQuestion result");
      }
    }
    if (o.type === "system") add(`system ${o.subtype}`);
    if (o.type === "progress") add(`progress ${o.data.type}`);
    if (o.type === "attachment") add(`attachment ${o.attachment.type}`);
    if (!["user", "assistant", "system", "progress", "attachment"].includes(o.type)) add(`line ${o.type}`);
    if (o.entrypoint === "sdk-cli") add("headless (sdk-cli)");
    if (o.type === "user" && o.entrypoint === undefined) add("no entrypoint (2.1.72 and before)");
  }
  if ([...messages.values()].some((n) => n > 1)) add("split assistant message");
  if (assistant > 0 && nullStops === assistant) add("null stop_reason on every line");
  if (path.includes("/subagents/")) add(path.includes("agent-acompact-") ? "compaction agent file" : "subagent file");
}

describe("the small fleet, through the real ingest", () => {
  let tables = "";
  let fleet = "";
  const seen = new Map<string, number>();
  const compacted = new Set<string>();

  beforeAll(async () => {
    ({tables, fleet} = await smallFleet());
    for (const path of files(fleet)) {
      features(path, seen);
      if (path.includes("agent-acompact-")) compacted.add(path.split("/").at(-3)!);
    }
  });

  test("every line of every file is read: none skipped, no prompt unanswered, no orphan", () => {
    const report = JSON.parse(readFileSync(join(tables, "ingest-report.json"), "utf8"));
    expect(report.inputs).toEqual(["fleet"]);
    expect(report.skipped).toEqual({});
    expect(report.files_with_skips).toEqual([]);
    expect(report.lines).toBe(report.parsed + report.duplicates);
    expect(report).toMatchObject({unanswered_prompts: 0, orphan_lines: 0, unreadable: 0});
    // Resumes replay lines: keeping their uuids (duplicates) or with fresh ones (replays).
    expect(report.duplicates).toBeGreaterThan(0);
    expect(report.replayed_events).toBeGreaterThan(0);
    expect(report.tables.sessions).toBeGreaterThan(2000);
  });

  test("the files hold every feature and trap of real 2.1.x transcripts", () => {
    const expected = [
      "split assistant message", "thinking block", "null stop_reason on every line",
      "prompt mode default", "prompt mode acceptEdits", "prompt mode bypassPermissions", "prompt mode auto", "prompt mode plan",
      "line permission-mode", "line mode", "line file-history-snapshot", "line queue-operation", "line ai-title", "line last-prompt",
      "interrupt for tool use", "interrupt", "message cut mid-stream", "rejection without reason", "rejection with reason",
      "tool AskUserQuestion", "AskUserQuestion answered (older wording)", "AskUserQuestion answered (2.1.198 wording)", "AskUserQuestion timeout", "AskUserQuestion clarify",
      "tool ExitPlanMode", "plan approved", "plan rejected with reason", "plan rejected",
      "tool Agent", "tool Task", "subagent file", "progress agent_progress", "progress hook_progress", "progress bash_progress",
      "attachment hook_success", "attachment queued_command",
      "system compact_boundary", "compact summary", "compaction agent file", "/compact", "/model as user lines", "system local_command", "/clear", "local command stdout",
      "system turn_duration", "system stop_hook_summary", "system api_error", "API error message",
      "task notification with origin", "task notification without origin", "isMeta command expansion",
      "replay keeping uuids (resume)", "replay with fresh uuids (resume)", "toolDenialKind",
      "headless (sdk-cli)", "no entrypoint (2.1.72 and before)",
      "tool Bash", "tool Read", "tool Edit", "tool Write", "tool Grep", "tool Glob", "tool WebSearch", "tool WebFetch", "tool mcp"
    ];
    expect(expected.filter((f) => !seen.has(f))).toEqual([]);
  });

  test("every session is marked synthetic; tenure counts each user's sessions in order", async () => {
    expect(await sqlOn(tables, "select count(*) filter (where not synthetic) as real, count(distinct user_id) filter (where source = 'claude-code') as users, max(tenure) as most from sessions")).toEqual([
      {real: 0, users: 24, most: expect.any(Number)}
    ]);
    const [gaps] = await sqlOn(tables, "select count(*) as n from (select user_id, tenure, row_number() over (partition by user_id order by started_at, session_id) - 1 as k from sessions) where tenure <> k");
    expect(gaps.n).toBe(0);
  });

  test("working time as the ingest computes it agrees with the turn_duration the generator wrote", async () => {
    // Claude Code's own record leaves out waits on the person, as the ingest does; the
    // generator writes it within 2% of the working time. Sessions whose /compact ran a
    // compaction agent are left out: the ingest reads that agent's work into the turn
    // before it (test/generate/ingest-misreads.test.ts).
    const skip = [...compacted].map((s) => `'${s}'`).join(", ") || "''";
    const [r] = await sqlOn(
      tables,
      `select count(*) as n, count(*) filter (where abs(logged_duration_s - duration_s) > 0.03 * duration_s + 1) as off,
        count(*) filter (where wait_s > 0) as waited
       from turns where logged_duration_s is not null and session_id not in (${skip})`
    );
    expect(r.n).toBeGreaterThan(5000);
    expect(r.waited).toBeGreaterThan(50);
    expect(r.off).toBe(0);
  });

  test("the ingest reads the structures the generator wrote: subagent calls in their turn, unprompted work, rejections, both kinds of stop", async () => {
    const [c] = await sqlOn(
      tables,
      `select count(*) filter (where in_subagent and turn_index is not null) as sub, count(*) filter (where turn_index is null) as unprompted,
        count(*) filter (where rejected) as rejected, count(*) filter (where approved_by = 'rule') as by_rule from tool_calls`
    );
    expect(c.sub).toBeGreaterThan(100);
    expect(c.unprompted).toBeGreaterThan(10);
    expect(c.rejected).toBeGreaterThan(50);
    expect(c.by_rule).toBeGreaterThan(1000);
    const stops = await sqlOn(tables, "select kind, how, count(*) as n from stops group by all order by kind, how");
    expect(stops.map((s) => `${s.kind}/${s.how}`)).toEqual(["agent/ask_user", "agent/plan", "agent/question", "human/interrupt"]);
    const ends = await sqlOn(tables, "select end_reason from turns group by 1 order by 1");
    expect(ends.map((e) => e.end_reason)).toEqual(["clarification", "completed", "error", "interrupted"]);
  });
});
