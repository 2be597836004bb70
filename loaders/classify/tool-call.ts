// Risk (1–10), autonomy (1–10) and reversibility of a tool call (F7), and its domain (F8).
// The study's model scored each call in its context; these rules read the call's tool,
// its input (the command, the path, the MCP arguments) and the turn around it.
//
// Risk: the highest score any rule gives, at least the tool's base:
//   read-only tools 1; file edits 2, 4 on sensitive paths (secrets, CI, infrastructure,
//   migrations); shell 2, with the command's own rules (RISK below); other tools by the
//   verb in their name (VERBS below).
// Reversible: false when the call deletes, overwrites history, publishes, sends, pays or
//   deploys (IRREVERSIBLE); true otherwise.
// Autonomy: how far the agent acted on its own judgement rather than at the person's
//   word: 3, +3 when the turn's level is `full` (+1 for `edits`, +1 if unknown), +2 inside
//   a subagent, +1 from the 10th call of the turn and +2 from the 30th, −2 when the prompt
//   names what the call does (its command, file or tool).
import {READ_ONLY_TOOLS, FILE_EDIT_TOOLS} from "../definitions.ts";
import {domainOf} from "./domain.ts";
import type {CallInput, CallScore} from "./types.ts";

const RISK: [number, RegExp][] = [
  [9, /\b(curl|wget|nc|http)\b[^|]*\$\{?\w*(api_?key|token|secret|password|credential)\w*\}?[^|]*\b(-d|--data|-F|--form|post)\b|\b(-d|--data|-F|--form)\b[^|]*\$\{?\w*(api_?key|token|secret|password)\w*/i],
  [8, /\b(terraform destroy|kubectl delete|drop database|rm -rf \/(\s|$)|mkfs|dd if=)/i],
  [7, /\b(drop table|truncate table|delete from \w+\s*(;|$)|(curl|wget)\b[^|]*\|\s*(ba|z)?sh)\b/i],
  [6, /\b(rm -r?f|git push (-f|--force)|git reset --hard|git clean -f|terraform apply|kubectl apply|helm (upgrade|install)|deploy\w*\b.*\bprod\w*|prod\w*\b.*\bdeploy\w*)/i],
  [5, /\b(sudo|chmod -R|chmod 777|chown -R|npm publish|docker push|twine upload|cargo publish|gh release create|systemctl|crontab)\b/i],
  [4, /\b(git push|git rebase|git merge|alembic upgrade|migrate|psql|mysql|mongo\w*|aws|gcloud|az) /i],
  [3, /\b(rm|mv|git commit|git checkout|pip install|npm (install|i)|yarn add|apt(-get)? install|docker (run|build))\b/i],
  [1, /^\s*(ls|cat|pwd|echo|head|tail|wc|grep|rg|find|which|git (status|diff|log|show|branch)|tree|du|df)\b/]
];

const SENSITIVE_PATH = /(\.env\b|secret|credential|\.ssh\/|\/etc\/|\.github\/workflows|dockerfile|terraform|\.tf$|k8s|kubernetes|helm|migrations?\/|\.pem$|\.key$)/i;

const VERBS: [number, RegExp][] = [
  [6, /(pay|transfer|charge|refund|purchase|trade|withdraw|wire)/i],
  [5, /(delete|remove|drop|destroy|cancel|revoke|unlock|actuat|dispense|deploy|exec|shell|run_command)/i],
  [4, /(send|email|message|publish|post|notify|sms|tweet|prescri|record)/i],
  [3, /(create|update|write|add|edit|set|insert|upload|book|schedule|assign)/i],
  [1, /(get|list|search|read|fetch|lookup|query|find|view|describe|check)/i]
];

const IRREVERSIBLE = /\b(rm -r?f|rm\s|git push (-f|--force)|git reset --hard|git clean -f|drop (table|database)|truncate|delete from|terraform destroy|kubectl delete|npm publish|docker push|twine upload|cargo publish|mkfs|dd if=)|(^|[_\W])(send|email|pay|transfer|charge|refund|purchase|trade|withdraw|wire|publish|delete|destroy|deploy|dispense|tweet|sms)/i;

/** The words of a call that the rules read: its command, path, query or arguments. */
export function callText(tool: string, input: unknown): string {
  if (input === null || typeof input !== "object") return "";
  const i = input as Record<string, unknown>;
  for (const key of ["command", "file_path", "notebook_path", "path", "url", "query", "pattern"]) {
    if (typeof i[key] === "string") return i[key] as string;
  }
  if (READ_ONLY_TOOLS.has(tool) || FILE_EDIT_TOOLS.has(tool)) return "";
  return JSON.stringify(input).slice(0, 2000);
}

function clamp(x: number) {
  return Math.max(1, Math.min(10, x));
}

export function risk(tool: string, text: string): number {
  if (READ_ONLY_TOOLS.has(tool)) return 1;
  if (FILE_EDIT_TOOLS.has(tool)) return SENSITIVE_PATH.test(text) ? 4 : 2;
  if (tool === "Bash") {
    for (const [score, re] of RISK) if (re.test(text)) return score;
    return 2;
  }
  const name = tool.replace(/^mcp__[^_]+(?:_[^_]+)*?__/, "");
  let score = 2;
  for (const [s, re] of VERBS) if (re.test(name)) { score = s; break; }
  if (/(patient|medical|health|prescri)/i.test(`${name} ${text}`)) score += 1;
  return clamp(score);
}

export function reversible(tool: string, text: string): boolean {
  if (READ_ONLY_TOOLS.has(tool) || FILE_EDIT_TOOLS.has(tool)) return true;
  return !IRREVERSIBLE.test(tool === "Bash" ? text : tool);
}

export function autonomy({tool, prompt, level, inSubagent, position}: CallInput, text: string): number {
  let score = 3;
  score += level === "full" ? 3 : level === "edits" || level === null ? 1 : 0;
  if (inSubagent) score += 2;
  if (position >= 30) score += 2;
  else if (position >= 10) score += 1;
  if (named(prompt, tool, text)) score -= 2;
  return clamp(score);
}

// The prompt names the call when it holds the command's first two words, the file's
// name, or the tool's own name.
function named(prompt: string, tool: string, text: string): boolean {
  if (prompt === "") return false;
  const p = prompt.toLowerCase();
  const command = text.trim().split(/\s+/).slice(0, 2).join(" ").toLowerCase();
  const file = text.split("/").at(-1)?.toLowerCase() ?? "";
  return (tool === "Bash" && command.length > 2 && p.includes(command)) || (file.length > 3 && p.includes(file)) || p.includes(tool.toLowerCase());
}

export function toolCall(call: CallInput): CallScore {
  const text = callText(call.tool, call.input);
  return {
    risk: risk(call.tool, text),
    autonomy: autonomy(call, text),
    reversible: reversible(call.tool, text),
    domain: domainOf(call.prompt, text, call.tool)
  };
}
