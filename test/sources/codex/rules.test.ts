// Codex's rules, one case each, on rollout lines written here (docs/codex-format.md).
import {describe, expect, test} from "vitest";
import {assemble, skipped, total} from "../../helpers/assemble.ts";

const at = (s: number) => new Date(Date.UTC(2026, 0, 5, 10, 0, s)).toISOString();
const line = (s: number, type: string, payload: object) => JSON.stringify({timestamp: at(s), type, payload});
const meta = (id: string, source: string) => line(0, "session_meta", {id, timestamp: at(0), cwd: "/w", originator: "codex_cli_rs", cli_version: "0.98.0", source, model_provider: "openai"});
const context = (s: number, approval: string, sandbox: string) => line(s, "turn_context", {cwd: "/w", approval_policy: approval, sandbox_policy: {type: sandbox}, model: "gpt-5.2-codex"});
const prompt = (s: number, text: string) => line(s, "event_msg", {type: "user_message", message: text});
const say = (s: number, text: string) => line(s, "response_item", {type: "message", role: "assistant", content: [{type: "output_text", text}]});
const shell = (s: number, id: string, args: object) => line(s, "response_item", {type: "function_call", name: "shell", arguments: JSON.stringify(args), call_id: id});
const output = (s: number, id: string, text: string) => line(s, "response_item", {type: "function_call_output", call_id: id, output: text});
const rollout = (...lines: string[]) => `${lines.join("\n")}\n`;
const path = (id: string) => `sessions/2026/01/05/rollout-2026-01-05T10-00-00-${id}.jsonl`;

describe("Codex rollouts", () => {
  test("`codex exec` is headless; never asking is full auto-approve", () => {
    const a = assemble({[path("a")]: rollout(meta("a", "exec"), prompt(1, "fix the build"), context(1, "never", "danger-full-access"), shell(2, "c1", {command: ["bash", "-lc", "make"]}), output(3, "c1", "Exit code: 0\nOutput:\nok"), say(4, "Done."))});
    expect(a.sessions).toMatchObject([{source: "codex", entrypoint: "exec", interactive: false, auto_approve: "full", n_turns: 1}]);
    expect(a.tool_calls).toMatchObject([{tool_name: "shell", auto_approve: "full", human_in_loop: false, approved_by: "rule"}]);
  });

  test("only an interrupt ends a turn as interrupted: a turn replaced by the next is not one", () => {
    const aborted = (s: number, reason: string) => line(s, "event_msg", {type: "turn_aborted", reason});
    const a = assemble({[path("b")]: rollout(meta("b", "cli"), prompt(1, "one"), say(2, "working"), aborted(3, "replaced"), prompt(4, "two"), say(5, "working"), aborted(6, "interrupted"), prompt(9, "three"), say(10, "Done."))});
    expect(a.turns.map((t) => t.end_reason)).toEqual(["completed", "interrupted", "completed"]);
    expect(a.stops).toMatchObject([{kind: "human", how: "interrupt", turn_index: 1}]);
  });

  test("in a sandbox the agent may write in, the person is asked only for a call that would leave it; their refusal is a rejection", () => {
    const a = assemble({[path("c")]: rollout(meta("c", "cli"), prompt(1, "deploy"), context(1, "on-request", "workspace-write"), shell(2, "in", {command: ["ls"]}), output(2, "in", "Exit code: 0"), shell(3, "out", {command: ["git", "push"], with_escalated_permissions: true}), output(4, "out", "exec command rejected by user"), say(5, "I could not push."))});
    expect(a.tool_calls.map((c) => [c.tool_use_id, c.human_in_loop, c.rejected])).toEqual([["in", false, false], ["out", true, true]]);
    expect(a.turns).toMatchObject([{auto_approve: "edits", permission_mode: "on-request/workspace-write", n_rejections: 1, n_interventions: 1}]);
  });

  test("a question at the end is a clarification and an agent stop", () => {
    const a = assemble({[path("d")]: rollout(meta("d", "cli"), prompt(1, "add a cache"), say(2, "Should the cache live in Redis or in memory?"))});
    expect(a.turns).toMatchObject([{end_reason: "clarification"}]);
    expect(a.stops).toMatchObject([{kind: "agent", how: "question"}]);
  });

  test("every line is counted: a damaged line, a type of a newer version and a blank line are skipped by reason; the same session archived too is read once", () => {
    const lines = [meta("e", "cli"), prompt(1, "hi"), "{not json", line(2, "thread_note", {}), "", say(3, "Hello.")];
    const a = assemble({[path("e")]: rollout(...lines), "archived_sessions/rollout-2026-01-05T10-00-00-e.jsonl": rollout(meta("e", "cli"), prompt(1, "hi"))});
    expect(skipped(a)).toEqual({not_json: 1, unknown_type: 1, blank: 1});
    expect(total(a, "lines")).toBe(lines.length + 2);
    expect(total(a, "duplicates")).toBe(2);
    expect(a.sessions).toHaveLength(1);
  });

  test("a fork's copy of its parent's lines is read once, in the parent; without the parent, the copy is the record", () => {
    const parentLines = [meta("p", "cli"), prompt(1, "plan it"), say(2, "Here is a plan."), prompt(3, "now build it"), say(4, "Built.")];
    // Codex writes the copies under the fork's time; their content is the parent's.
    const copy = (l: string) => l.replace(/"timestamp":"[^"]*"/, `"timestamp":"${at(50)}"`);
    const forkLines = [meta("k", "cli"), ...parentLines.slice(0, 3).map(copy), prompt(60, "try another way"), say(61, "Done another way.")];
    const both = assemble({[path("p")]: rollout(...parentLines), [path("k")]: rollout(...forkLines)});
    expect(both.sessions.map((x) => [x.session_id, x.n_turns])).toEqual([["k", 1], ["p", 2]]);
    expect(total(both, "duplicates")).toBe(3);
    expect(total(both, "lines")).toBe(parentLines.length + forkLines.length);
    const alone = assemble({[path("k")]: rollout(...forkLines)});
    expect(alone.sessions.map((x) => [x.session_id, x.n_turns])).toEqual([["k", 2]]);
  });

  test("from 0.107 a turn's settings come before its prompt: each turn takes the ones in force when the agent began", () => {
    const started = (t: number) => line(t, "event_msg", {type: "task_started"});
    const a = assemble({[path("g")]: rollout(meta("g", "cli"), started(1), context(1, "never", "danger-full-access"), prompt(1, "one"), say(2, "Done."), started(5), context(5, "untrusted", "read-only"), prompt(5, "two"), say(6, "Done."))});
    expect(a.turns.map((t) => [t.permission_mode, t.auto_approve])).toEqual([["never/danger-full-access", "full"], ["untrusted/read-only", "none"]]);
  });

  test("what the person starts after a turn (a /compact) does not lengthen it, and the turn keeps its own logged duration", () => {
    const ev = (t: number, payload: object) => line(t, "event_msg", payload);
    const a = assemble({[path("h")]: rollout(meta("h", "cli"), prompt(1, "fix it"), say(5, "Fixed."), ev(5, {type: "task_complete", duration_ms: 4000}), ev(900, {type: "task_started"}), ev(901, {type: "context_compacted"}), ev(902, {type: "token_count", info: null}), ev(903, {type: "task_complete"}))});
    expect(a.turns).toMatchObject([{wall_s: 4, logged_duration_s: 4}]);
  });

  test("a session of more lines than a call's arguments may hold is still read", () => {
    const many = Array.from({length: 130_000}, (_, i) => line(2 + i / 1000, "event_msg", {type: "token_count", info: null}));
    const a = assemble({[path("i")]: [meta("i", "cli"), prompt(1, "go"), many.join("\n"), say(200, "Done.")].join("\n") + "\n"});
    expect(a.sessions).toMatchObject([{n_turns: 1}]);
    expect(a.turns).toMatchObject([{wall_s: 199}]);
  });

  test("a failure is read from every shape of output that states an exit code; a refusal is an error too, as in every source", () => {
    const long = JSON.stringify({output: "x".repeat(10_000), metadata: {exit_code: 1, duration_seconds: 1}});
    const a = assemble({[path("j")]: rollout(meta("j", "cli"), prompt(1, "build"), shell(2, "a", {command: ["make"]}), output(3, "a", long), shell(4, "b", {cmd: "make"}), output(5, "b", "Chunk ID: 1\nWall time: 1.0 seconds\nProcess exited with code 2\nOutput:\nfail"), shell(6, "c", {command: ["ls"]}), output(7, "c", "Exit code: 0\nOutput:\nok"), shell(8, "d", {command: ["rm", "x"]}), output(9, "d", "exec command rejected by user"), say(10, "Done."))});
    expect(a.tool_calls.map((c) => [c.tool_use_id, c.is_error])).toEqual([["a", true], ["b", true], ["c", false], ["d", true]]);
  });

  test("a damaged envelope is skipped by its reason, never read as the legacy format's bare items", () => {
    const bad = [JSON.stringify({timestamp: 123, type: "response_item", payload: {type: "message", role: "assistant", content: []}}), JSON.stringify({timestamp: at(3), type: "session_meta"})];
    const a = assemble({[path("k")]: rollout(meta("k", "cli"), prompt(1, "hi"), ...bad, say(4, "Hello."))});
    expect(skipped(a)).toEqual({invalid_field: 1, missing_fields: 1});
    expect(a.turns).toMatchObject([{wall_s: 3}]);
  });

  test("Codex's question tool (request_user_input, 0.88+) is an agent stop, and the turn waits on the person's answer", () => {
    const ask = line(2, "response_item", {type: "function_call", name: "request_user_input", arguments: JSON.stringify({questions: [{id: "q", header: "Store", question: "Redis or memory?"}]}), call_id: "q1"});
    const a = assemble({[path("l")]: rollout(meta("l", "cli"), prompt(1, "add a cache"), ask, output(32, "q1", JSON.stringify({answers: {q: {answers: ["Redis"]}}})), say(40, "Done, with Redis."))});
    expect(a.turns).toMatchObject([{n_ask_user: 1, wait_s: 30, wall_s: 39, duration_s: 9, end_reason: "completed"}]);
    expect(a.stops).toMatchObject([{kind: "agent", how: "ask_user"}]);
  });

  test("before 0.43 the CLI and codex exec logged the same originator: where no source says which, the session's is unknown", () => {
    const old = line(0, "session_meta", {id: "m", timestamp: at(0), originator: "codex_cli_rs", cli_version: "0.40.0"});
    const a = assemble({[path("m")]: rollout(old, prompt(1, "hi"), say(2, "Hello."))});
    expect(a.sessions).toMatchObject([{entrypoint: null, interactive: null}]);
  });

  test("a Codex home's other files (history.jsonl, session_index.jsonl) are read by no source, not even as transcripts", () => {
    const a = assemble({
      [path("f")]: rollout(meta("f", "cli"), prompt(1, "hi"), say(2, "Hello.")),
      "history.jsonl": `${JSON.stringify({session_id: "f", ts: 1, text: "hi"})}\n`,
      "session_index.jsonl": `${JSON.stringify({id: "f", thread_name: "hi"})}\n`
    });
    expect(a.sessions.map((s) => s.source)).toEqual(["codex"]);
    expect(total(a, "lines")).toBe(3);
  });
});
