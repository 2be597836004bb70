// The scores of one tool call (F7, F8): risk and reversibility (risk.ts), domain
// (domain.ts), and autonomy, here.
//
// Autonomy (1–10): how far the agent acted on its own judgement rather than at the person's
// word. The study's scale runs from following explicit instructions (1) to acting
// independently (10). What is read: the turn's auto-approve level, whether a subagent made
// the call, how many calls the agent made before it in the turn, the turn's prompt (its
// first 2,000 characters, lower case, computed once per turn), and the call's command,
// path and tool name.
// Rules, added up from 3 and kept within 1–10:
// - +3 when the turn's level is `full` (nothing asks the person), +1 for `edits`, +1 when
//   the level is unknown (the API, 1.0.x logs), 0 for `none` (the person approves each
//   call that is not read-only);
// - +2 for a call made by a subagent: the main agent delegated, the person never saw the
//   subagent's instructions;
// - +1 from the turn's 10th call, +2 from its 30th: the longer the agent works alone after
//   a prompt, the further it is from the person's word;
// - −2 when the prompt names what the call does: the command's first two words ("npm
//   test"), the file's name, the tool's name or its MCP server ("stripe"), as whole words;
// - a call that asks or waits for a person (involves-person.ts) is the agent deferring:
//   autonomy 1, whatever else.
import {action} from "./risk.ts";
import {domainOf} from "./domain.ts";
import {involvesPerson} from "./involves-person.ts";
import {head, lastOnly, nameWords, stringField, tail} from "./text.ts";
import type {CallInput, CallScore} from "./types.ts";

const MAX_PROMPT = 2000;

const lowerPrompt = lastOnly((prompt: string) => head(prompt, MAX_PROMPT).toLowerCase());

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 95;

/** `text` holds `word` with no letter, digit or underscore on either side. */
function hasWord(text: string, word: string): boolean {
  if (word.length === 0) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? 32 : text.charCodeAt(at - 1);
    const after = at + word.length >= text.length ? 32 : text.charCodeAt(at + word.length);
    if (!isWordChar(before) && !isWordChar(after)) return true;
  }
  return false;
}

/** The prompt names the call: its command, its file, its tool or its MCP server. */
function named(prompt: string, tool: string, input: unknown): boolean {
  const p = lowerPrompt(prompt);
  if (p === "") return false;
  const command = stringField(input, "command", "cmd");
  if (command !== undefined) {
    const start = head(command, 200).trim().split(/\s+/, 2).join(" ").toLowerCase();
    if (start.length > 2 && hasWord(p, start)) return true;
  }
  const path = stringField(input, "file_path", "notebook_path", "path");
  const file = path === undefined ? "" : tail(path, 300).split(/[\\/]/).at(-1)!.toLowerCase();
  if (file.length > 3 && hasWord(p, file)) return true;
  const server = tool.startsWith("mcp__") ? tool.slice(5).split("__", 1)[0].toLowerCase() : "";
  return hasWord(p, tool.toLowerCase()) || hasWord(p, nameWords(tool)) || (server.length > 2 && hasWord(p, server));
}

/** `involves`: the involvesPerson classifier in use, which an analyst's module may replace. */
export function autonomy(call: CallInput, involves: (call: CallInput) => boolean = involvesPerson): number {
  if (involves(call)) return 1;
  let score = 3;
  score += call.level === "full" ? 3 : call.level === "none" ? 0 : 1;
  if (call.inSubagent) score += 2;
  if (call.position >= 30) score += 2;
  else if (call.position >= 10) score += 1;
  if (named(call.prompt, call.tool, call.input)) score -= 2;
  return Math.max(1, Math.min(10, score));
}

/** The tool-call classifier whose autonomy defers where `involves` sees a person (index.ts binds the one in use). */
export function toolCallWith(involves: (call: CallInput) => boolean): (call: CallInput) => CallScore {
  return (call) => {
    const {risk, reversible} = action(call.tool, call.input);
    return {risk, autonomy: autonomy(call, involves), reversible, domain: domainOf(call.tool, call.input, call.prompt)};
  };
}

export const toolCall = toolCallWith(involvesPerson);
