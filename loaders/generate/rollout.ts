// The rollout writer: one planned session → the rollout Codex CLI would have written, in
// the shapes of docs/codex-format.md for Codex 0.116 and later (envelopes; a turn opens with
// task_started and its turn_context, then the prompt; task_complete with duration_ms). The session model is Claude
// Code's (session.ts): how Codex users behave is our assumption, not the study's, which
// measured Claude Code alone. Each of Claude Code's tools becomes Codex's nearest: reads,
// searches and commands run in the shell, edits are patches; a question or a plan is asked
// in words (as before Codex 0.88's request_user_input), and a subagent's work is not written.
import type {Rng} from "./rng.ts";
import type {Block, Ev, SessionPlan} from "./session.ts";

type Json = Record<string, unknown>;

// Codex's own texts, written out here rather than taken from the reader: the fleet tests
// the reader instead of agreeing with it by construction.
const EXEC_REJECTED = "exec command rejected by user";
const PATCH_REJECTED = "patch rejected by user";
const ASK_TOOLS = new Set(["AskUserQuestion", "ExitPlanMode"]);
const SUBAGENT_TOOLS = new Set(["Task", "Agent"]);
const EDIT_TOOLS = new Set(["Edit", "MultiEdit", "Write", "NotebookEdit"]);

/** The approval policy and sandbox a person who would run Claude Code in `mode` chooses in Codex (our assumption). */
function policyOf(mode: string | null): {approval: string; sandbox: string} {
  switch (mode) {
    case "bypassPermissions":
    case "auto":
      return {approval: "never", sandbox: "danger-full-access"};
    case "acceptEdits":
      return {approval: "on-request", sandbox: "workspace-write"};
    case "plan":
      return {approval: "on-request", sandbox: "read-only"};
    default:
      return {approval: "untrusted", sandbox: "workspace-write"};
  }
}

const iso = (t: number) => new Date(t).toISOString();

/** The model Codex offered by default when the session ran (our assumption of its releases). */
const modelAt = (t: number) => (t < Date.parse("2025-11-19") ? "gpt-5-codex" : t < Date.parse("2026-01-14") ? "gpt-5.1-codex-max" : "gpt-5.2-codex");
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A Claude Code call as the Codex call that does the same: its name, and its arguments or patch. */
function codexCall(name: string, input: Json, cwd: string): {name: string; custom: boolean; input: string} {
  const shell = (command: string) => ({name: "shell_command", custom: false, input: JSON.stringify({command, workdir: cwd, timeout_ms: 120_000})});
  const path = str(input.file_path) || str(input.notebook_path) || str(input.path);
  if (EDIT_TOOLS.has(name)) {
    const body = name === "Write" ? `*** Add File: ${path}\n+${str(input.content).split("\n").slice(0, 3).join("\n+")}` : `*** Update File: ${path}\n@@\n-${str(input.old_string).split("\n")[0]}\n+${str(input.new_string).split("\n")[0]}`;
    return {name: "apply_patch", custom: true, input: `*** Begin Patch\n${body}\n*** End Patch\n`};
  }
  switch (name) {
    case "Bash":
      return shell(str(input.command));
    case "Read":
      return shell(`sed -n '1,200p' ${path}`);
    case "Grep":
      return shell(`rg -n ${JSON.stringify(str(input.pattern))}${path ? ` ${path}` : ""}`);
    case "Glob":
      return shell(`rg --files -g ${JSON.stringify(str(input.pattern))}`);
    case "LS":
      return shell(`ls -la ${path || "."}`);
    case "TodoWrite":
      return {name: "update_plan", custom: false, input: JSON.stringify({plan: [{step: "Work through the task", status: "in_progress"}]})};
    default:
      return {name, custom: false, input: JSON.stringify(input)};
  }
}

/** The text of a tool's result, as Codex's shell reports it. */
function shellOutput(content: unknown, exit: number, rng: Rng): string {
  const text = typeof content === "string" ? content : Array.isArray(content) ? content.map((c) => str((c as Json).text)).join("\n") : "";
  return `Exit code: ${exit}\nWall time: ${(rng.int(1, 40) / 10).toFixed(1)} seconds\nOutput:\n${text.slice(0, 4000)}`;
}

/** Renders one session as a rollout (one file). */
export function renderRollout(plan: SessionPlan, rng: Rng): string {
  const lines: string[] = [];
  const cwd = plan.project.cwd;
  const line = (t: number, type: string, payload: Json) => lines.push(JSON.stringify({timestamp: iso(t), type, payload}));
  const version = `0.${116 + (plan.version % 12)}.0`;
  const start = plan.events[0]?.t ?? 0;
  line(start, "session_meta", {
    id: plan.id, timestamp: iso(start), cwd, originator: plan.headless ? "codex_exec" : "codex_cli_rs", cli_version: version,
    source: plan.headless ? "exec" : "cli", model_provider: "openai", base_instructions: {text: "You are Codex, a coding agent."},
    git: {branch: plan.project.branch}
  });
  line(start, "response_item", {type: "message", role: "developer", content: [{type: "input_text", text: "<permissions instructions>\nFilesystem sandboxing defines which files can be read or written.\n</permissions instructions>"}]});
  line(start, "response_item", {type: "message", role: "user", content: [{type: "input_text", text: `# AGENTS.md instructions for ${cwd}\n\n<INSTRUCTIONS>\nRun the tests before you finish.\n</INSTRUCTIONS>`}]});
  line(start, "response_item", {type: "message", role: "user", content: [{type: "input_text", text: `<environment_context>\n  <cwd>${cwd}</cwd>\n  <shell>bash</shell>\n</environment_context>`}]});

  let mode: string | null = null;
  let turnStart = start;
  let lastWords: string | null = null;
  const calls = new Map<string, {id: string; name: string; custom: boolean}>();
  const tokens = (t: number) => line(t, "event_msg", {type: "token_count", info: {total_token_usage: {input_tokens: rng.int(8_000, 90_000), output_tokens: rng.int(50, 900)}}, rate_limits: null});
  const write = (e: Ev) => {
    switch (e.k) {
      case "prompt": {
        mode = e.mode ?? mode;
        const text = e.command ? `/${e.command} ${e.text}` : e.text;
        turnStart = e.t;
        lastWords = null;
        line(e.t, "event_msg", {type: "task_started", model_context_window: 272_000});
        line(e.t, "turn_context", {cwd, approval_policy: policyOf(mode).approval, sandbox_policy: {type: policyOf(mode).sandbox, network_access: false}, model: modelAt(e.t), effort: "medium", summary: "auto"});
        line(e.t, "response_item", {type: "message", role: "user", content: [{type: "input_text", text}]});
        line(e.t, "event_msg", {type: "user_message", message: text, images: [], local_images: [], text_elements: []});
        return;
      }
      case "mode":
        mode = e.mode;
        return;
      case "message": {
        if (e.apiError) {
          line(e.t, "event_msg", {type: "error", message: "stream disconnected before completion"});
          return;
        }
        e.blocks.forEach((b: Block, i) => {
          const t = e.t + i * 2;
          if (b.type === "thinking") line(t, "response_item", {type: "reasoning", summary: [], encrypted_content: `gAAAA${rng.base62(40)}`});
          else if (b.type === "text") {
            lastWords = b.text;
            line(t, "event_msg", {type: "agent_message", message: b.text});
            line(t, "response_item", {type: "message", role: "assistant", content: [{type: "output_text", text: b.text}]});
          } else if (ASK_TOOLS.has(b.name)) {
            // Codex asks in words: the question or the plan, as its message.
            const input = b.input as {questions?: {question?: string}[]; plan?: string};
            lastWords = input.questions?.map((q) => q.question ?? "").join("\n") || str(input.plan);
            line(t, "event_msg", {type: "agent_message", message: lastWords});
            line(t, "response_item", {type: "message", role: "assistant", content: [{type: "output_text", text: lastWords}]});
          } else if (b.name === "WebSearch" || b.name === "WebFetch") {
            // Codex searches the web itself: an item of its own, with no output line.
            line(t, "response_item", {type: "web_search_call", id: `ws_${rng.hex(24)}`, status: "completed", action: {type: "search", query: str(b.input.query) || str(b.input.url)}});
          } else if (!SUBAGENT_TOOLS.has(b.name)) {
            const call = codexCall(b.name, b.input, cwd);
            const id = `call_${rng.base62(24)}`;
            calls.set(b.id, {id, name: call.name, custom: call.custom});
            line(t, "response_item", call.custom ? {type: "custom_tool_call", status: "completed", call_id: id, name: call.name, input: call.input} : {type: "function_call", name: call.name, arguments: call.input, call_id: id});
          }
        });
        // Esc while the model wrote: the turn is aborted.
        if (e.aborted) line(e.t + e.blocks.length * 2, "event_msg", {type: "turn_aborted", reason: "interrupted"});
        else tokens(e.t + e.blocks.length * 2);
        return;
      }
      case "result": {
        const call = calls.get(e.id);
        if (!call) return;
        // Only the shell and patches ask the person in Codex; a refusal of anything else is written as a failure.
        const refused = (e.outcome === "reject" || e.outcome === "reject_reason" || e.outcome === "plan_rejected") && (call.name === "apply_patch" || call.name === "shell_command");
        const output = refused
          ? call.name === "apply_patch" ? PATCH_REJECTED : EXEC_REJECTED
          : call.name === "apply_patch"
            ? JSON.stringify({output: e.outcome === "error" ? "apply_patch verification failed" : "Success. Updated the following files:\nM file\n", metadata: {exit_code: e.outcome === "error" ? 1 : 0, duration_seconds: 0}})
            : call.name === "shell_command" ? shellOutput(e.call.content, e.outcome === "error" ? 1 : 0, rng) : typeof e.call.content === "string" ? e.call.content : JSON.stringify(e.call.content);
        line(e.t, "response_item", {type: call.custom ? "custom_tool_call_output" : "function_call_output", call_id: call.id, output: refused || e.outcome !== "reject" ? output : "user cancelled the tool call"});
        // A refusal without a word ("No, and tell Codex what to do differently") aborts the turn; one with a reason lets the agent go on.
        if (e.outcome === "reject" || e.outcome === "plan_rejected") line(e.t, "event_msg", {type: "turn_aborted", reason: "interrupted"});
        return;
      }
      case "interrupt":
        line(e.t, "event_msg", {type: "turn_aborted", reason: "interrupted"});
        line(e.t, "response_item", {type: "message", role: "user", content: [{type: "input_text", text: "<turn_aborted>\nThe user interrupted the previous turn on purpose.\n</turn_aborted>"}]});
        return;
      case "turn_end":
        line(e.t, "event_msg", {type: "task_complete", last_agent_message: lastWords, duration_ms: Math.max(0, e.t - turnStart), completed_at: Math.floor(e.t / 1000)});
        return;
      case "compact":
        line(e.t, "compacted", {message: "The conversation so far, summarised."});
        line(e.t, "event_msg", {type: "context_compacted"});
        return;
      default:
        // Claude Code's own lines (local commands, notifications, hooks, retries, resumes) have no Codex counterpart.
        return;
    }
  };
  // Codex does not wake itself: a background task that finished has no turn of its own, so
  // the work Claude Code's notification set off is left out until the person's next prompt.
  let woken = false;
  for (const e of plan.events) {
    if (e.k === "notification") woken = true;
    else if (e.k === "prompt") woken = false;
    if (!woken) write(e);
  }
  return lines.join("\n") + "\n";
}

/** Where Codex keeps a session's rollout: `sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl` (the time as the machine's clock read it; UTC here). */
export function rolloutPath(plan: SessionPlan): string {
  const t = iso(plan.events[0]?.t ?? 0);
  return `sessions/${t.slice(0, 4)}/${t.slice(5, 7)}/${t.slice(8, 10)}/rollout-${t.slice(0, 19).replace(/:/g, "-")}-${plan.id}.jsonl`;
}
