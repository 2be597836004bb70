// Writes small Claude Code transcripts for tests, in the line shapes of current versions
// (docs/claude-code-format.md and the shapes quoted there), one builder call per line.
import {mkdirSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {tmp} from "./tmp.ts";

type Json = Record<string, unknown>;
export type Block = Json;

const REJECT = "The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file).";

// Counters shared by every transcript of a test, so that no two lines share a uuid or a
// message id unless a test copies them on purpose.
let uuids = 0;
let messages = 0;

export class Transcript {
  readonly lines: string[] = [];

  constructor(
    readonly sessionId = "11111111-1111-4111-8111-111111111111",
    readonly envelope: Json = {version: "2.1.200", entrypoint: "cli", cwd: "/work/app", gitBranch: "main", userType: "external"},
    readonly t0 = Date.parse("2026-01-05T10:00:00.000Z")
  ) {}

  /** The time `s` seconds after the transcript's start. */
  at(s: number): string {
    return new Date(this.t0 + s * 1000).toISOString();
  }

  private uuid(): string {
    return `00000000-0000-4000-8000-${String(++uuids).padStart(12, "0")}`;
  }

  raw(text: string): this {
    this.lines.push(text);
    return this;
  }

  line(fields: Json, s?: number): this {
    const base: Json = {isSidechain: false, ...this.envelope, sessionId: this.sessionId, uuid: this.uuid()};
    if (s !== undefined) base.timestamp = this.at(s);
    return this.raw(JSON.stringify({...base, ...fields}));
  }

  prompt(s: number, text: string | Block[], fields: Json = {}): this {
    return this.line({type: "user", message: {role: "user", content: text}, promptSource: "typed", origin: {kind: "human"}, ...fields}, s);
  }

  /** One API response, written one content block a line (as Claude Code does). */
  assistant(s: number, blocks: Block[], fields: Json = {}, model = "claude-opus-4-5-20251101"): this {
    const id = `msg_${String(++messages).padStart(6, "0")}`;
    blocks.forEach((block, i) =>
      this.line({type: "assistant", requestId: `req_${id}`, message: {id, type: "message", role: "assistant", model, content: [block], stop_reason: i === blocks.length - 1 ? "end_turn" : null}, ...fields}, s + i * 0.001)
    );
    return this;
  }

  text(s: number, text: string, fields: Json = {}): this {
    return this.assistant(s, [{type: "text", text}], fields);
  }

  tool(s: number, id: string, name: string, input: Json = {}, fields: Json = {}): this {
    return this.assistant(s, [{type: "tool_use", id, name, input}], fields);
  }

  result(s: number, id: string, content: unknown = "ok", fields: Json = {}, isError = false): this {
    return this.line({type: "user", message: {role: "user", content: [{type: "tool_result", tool_use_id: id, content, is_error: isError}]}, ...fields}, s);
  }

  reject(s: number, id: string, reason?: string): this {
    const text = reason === undefined ? `${REJECT} STOP what you are doing and wait for the user to tell you how to proceed.` : `${REJECT} To tell you how to proceed, the user said:\n${reason}`;
    return this.result(s, id, text, {toolUseResult: reason === undefined ? "User rejected tool use" : `Error: ${text}`, toolDenialKind: "user-rejected"}, true);
  }

  interrupt(s: number, forTool = true): this {
    return this.line({type: "user", message: {role: "user", content: [{type: "text", text: forTool ? "[Request interrupted by user for tool use]" : "[Request interrupted by user]"}]}}, s);
  }

  system(s: number, subtype: string, fields: Json = {}): this {
    return this.line({type: "system", subtype, isMeta: false, ...fields}, s);
  }

  toString(): string {
    return this.lines.join("\n") + "\n";
  }
}

/** Writes files (path → text) under a new temporary folder and returns the folder. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tmp("tree-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true});
    writeFileSync(join(root, path), text);
  }
  return root;
}
