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

  test("a Codex home's history.jsonl (prompts without their sessions) is read by no source, not even as a transcript", () => {
    const a = assemble({
      [path("f")]: rollout(meta("f", "cli"), prompt(1, "hi"), say(2, "Hello.")),
      "history.jsonl": `${JSON.stringify({session_id: "f", ts: 1, text: "hi"})}\n`
    });
    expect(a.sessions.map((s) => s.source)).toEqual(["codex"]);
    expect(total(a, "lines")).toBe(3);
  });
});
