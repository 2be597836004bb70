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

/** The files of a fleet of `users` (folder names holding "usercanary"), two sessions each with a subagent. */
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
  });
  return files;
}

