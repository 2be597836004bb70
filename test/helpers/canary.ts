// A fleet whose transcripts carry a canary in every text field (prompts, tool inputs and
// outputs, paths, branches, project folders, summaries, titles), for the tests that look
// for it in everything the ingest and the site write.
import {Transcript} from "./transcript.ts";

export const CANARY = "CANARY7f3a";

export const SESSION = (u: number, s: number) => `5e551000-0000-4000-8000-${String(u * 100 + s).padStart(12, "0")}`;

function session(u: number, s: number): Transcript {
  const secret = (what: string) => `${what} ${CANARY} ${what}`;
  const t = new Transcript(SESSION(u, s), {
    version: "2.1.200", entrypoint: "cli", userType: "external",
    cwd: `/home/${CANARY}/project`, gitBranch: `feature/${CANARY}`, slug: `slug-${CANARY}`
  }, Date.parse(`2025-11-0${1 + s}T10:00:00Z`) + u * 3600e3);
  const sid = t.sessionId;
  t.raw(JSON.stringify({type: "summary", summary: secret("summary"), leafUuid: `leaf-${CANARY}`}));
  t.raw(JSON.stringify({type: "ai-title", aiTitle: secret("title"), sessionId: sid}));
  t.raw(JSON.stringify({type: "custom-title", customTitle: secret("custom title"), sessionId: sid}));
  t.raw(JSON.stringify({type: "permission-mode", permissionMode: "default", sessionId: sid}));
  t.raw(JSON.stringify({type: "file-history-snapshot", messageId: "m", snapshot: {trackedFileBackups: {[`/home/${CANARY}/a.ts`]: {backupFileName: CANARY}}}}));
  t.prompt(0, secret("please refactor the parser"), {permissionMode: "default"});
  t.assistant(2, [
    {type: "thinking", thinking: secret("thinking"), signature: CANARY},
    {type: "text", text: secret("I will read the file first")},
    {type: "tool_use", id: `toolu_${u}${s}a`, name: "Read", input: {file_path: `/home/${CANARY}/parser.ts`}},
    {type: "tool_use", id: `toolu_${u}${s}b`, name: "Bash", input: {command: `grep -r ${CANARY} src/`, description: secret("search")}}
  ]);
  t.result(3, `toolu_${u}${s}a`, secret("file contents"), {toolUseResult: {type: "text", file: {filePath: `/home/${CANARY}/parser.ts`, content: secret("contents")}}});
  t.result(4, `toolu_${u}${s}b`, secret("grep output"), {toolUseResult: {stdout: secret("stdout"), stderr: secret("stderr"), interrupted: false}});
  t.tool(5, `toolu_${u}${s}c`, "AskUserQuestion", {questions: [{question: secret("Which option do you prefer?"), header: CANARY, options: [{label: CANARY, description: CANARY}]}]});
  t.result(30, `toolu_${u}${s}c`, `Your questions have been answered: "${CANARY}"="${CANARY}". You can now continue.`);
  t.tool(31, `toolu_${u}${s}d`, "Edit", {file_path: `/home/${CANARY}/parser.ts`, old_string: secret("old"), new_string: secret("new")});
  t.reject(40, `toolu_${u}${s}d`, secret("use the other file instead"));
  t.tool(41, `toolu_${u}${s}e`, `mcp__server__send_report`, {to: `${CANARY}@example.com`, body: secret("body")});
  t.result(42, `toolu_${u}${s}e`, [{type: "text", text: secret("sent")}]);
  t.text(50, secret("Done. Should I also update the tests?"));
  t.system(51, "turn_duration", {durationMs: 25000});
  t.prompt(60, `<command-name>/compact</command-name>\n<command-args>${CANARY}</command-args>`);
  t.prompt(61, `<local-command-stdout>${CANARY}</local-command-stdout>`);
  t.prompt(70, secret("stop, that's wrong"), {permissionMode: "bypassPermissions"});
  t.tool(71, `toolu_${u}${s}f`, "Bash", {command: `rm -rf /tmp/${CANARY}`});
  t.interrupt(75);
  t.prompt(80, `<task-notification>\n<summary>${CANARY}</summary>\n</task-notification>`, {origin: {kind: "task-notification"}, promptSource: "system"});
  t.raw(JSON.stringify({type: "last-prompt", lastPrompt: secret("last prompt"), sessionId: sid}));
  t.raw(JSON.stringify({type: "queue-operation", operation: "enqueue", content: secret("queued"), sessionId: sid, timestamp: t.at(81)}));
  return t;
}

/** A Codex rollout with the canary in every text field: paths, instructions, prompts, words, reasoning, commands, patches, outputs, and a policy no Codex writes. */
function rollout(u: number): string {
  const secret = (what: string) => `${what} ${CANARY} ${what}`;
  const at = (s: number) => new Date(Date.parse("2025-11-05T10:00:00Z") + u * 3600e3 + s * 1000).toISOString();
  const line = (s: number, type: string, payload: object) => JSON.stringify({timestamp: at(s), type, payload});
  const id = `c0de0000-0000-4000-8000-${String(u).padStart(12, "0")}`;
  return [
    line(0, "session_meta", {id, timestamp: at(0), cwd: `/home/${CANARY}`, originator: "codex_cli_rs", cli_version: "0.98.0", source: "cli", model_provider: "openai", instructions: secret("instructions"), git: {branch: CANARY, repository_url: `https://x/${CANARY}`}}),
    line(0, "response_item", {type: "message", role: "user", content: [{type: "input_text", text: `<environment_context>\n<cwd>/home/${CANARY}</cwd>\n</environment_context>`}]}),
    line(1, "event_msg", {type: "user_message", message: secret("fix the parser"), images: []}),
    line(1, "turn_context", {cwd: `/home/${CANARY}`, approval_policy: `on-request-${CANARY}`, sandbox_policy: {type: `sandbox-${CANARY}`}, model: "gpt-5.2-codex", user_instructions: secret("agents")}),
    line(2, "response_item", {type: "reasoning", summary: [{type: "summary_text", text: secret("reasoning")}]}),
    line(3, "response_item", {type: "function_call", name: "shell", arguments: JSON.stringify({command: ["bash", "-lc", `grep -r ${CANARY} src/`], workdir: `/home/${CANARY}`}), call_id: `call_${u}a`}),
    line(4, "response_item", {type: "function_call_output", call_id: `call_${u}a`, output: JSON.stringify({output: secret("grep output"), metadata: {exit_code: 0}})}),
    line(5, "response_item", {type: "custom_tool_call", name: "apply_patch", call_id: `call_${u}b`, input: `*** Begin Patch\n*** Update File: /home/${CANARY}/parser.ts\n+${CANARY}\n*** End Patch`}),
    line(6, "response_item", {type: "custom_tool_call_output", call_id: `call_${u}b`, output: "patch rejected by user"}),
    line(7, "event_msg", {type: "agent_message", message: secret("Should I use the other file?")}),
    line(7, "response_item", {type: "message", role: "assistant", content: [{type: "output_text", text: secret("Should I use the other file?")}]}),
    line(9, "event_msg", {type: "turn_aborted", reason: "interrupted"})
  ].join("\n") + "\n";
}

/** The files of a fleet of `users` (folder names holding "usercanary"), two sessions each with a subagent, and a Codex rollout each. */
export function canaryFleet(users: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  users.forEach((user, u) => {
    for (let s = 0; s < 2; s++) {
      const t = session(u, s);
      const project = `-home-${CANARY}-project`;
      files[`${user}/projects/${project}/${t.sessionId}.jsonl`] = t.toString();
      const sub = new Transcript(t.sessionId, {version: "2.1.200", agentId: `a${CANARY}`, isSidechain: true, cwd: `/home/${CANARY}`}, t.t0);
      sub.prompt(6, `subagent prompt ${CANARY}`).tool(7, `toolu_${u}${s}s`, "Grep", {pattern: CANARY}).result(8, `toolu_${u}${s}s`, CANARY).text(9, `report ${CANARY}`);
      files[`${user}/projects/${project}/${t.sessionId}/subagents/agent-a${CANARY}.jsonl`] = sub.toString();
    }
    files[`${user}/sessions/2025/11/05/rollout-2025-11-05T10-00-00-${CANARY}.jsonl`] = rollout(u);
  });
  return files;
}

