// Does the agent's last message ask the person something? (turns.end_reason =
// 'clarification'.) Rules, in order:
// 1. Code blocks and quoted lines are removed: a `?` in code asks nobody.
// 2. Only the closing part counts: the last paragraph, or the last two sentences of it.
//    A question in the middle of a report that then goes on is not a stop.
// 3. It asks when that part ends with `?`, or holds an invitation to decide or supply
//    something ("let me know which ...", "please confirm ...", "should I ...").

const CODE = /```[\s\S]*?(```|$)|`[^`\n]*`/g;
const INVITATIONS = [
  /\b(would|do) you (like|want|prefer)\b/i,
  /\bshould i\b/i,
  /\bshall i\b/i,
  /\b(can|could) you (clarify|confirm|provide|share|tell me|check|run|send|paste|point me)\b/i,
  /\blet me know (which|what|whether|if|how|where|when)\b/i,
  /\bplease (confirm|clarify|provide|share|specify|advise|choose|let me know)\b/i,
  /\b(which|what) (option|approach|one) (do|would) you\b/i,
  /\bi need (you to|your|more information|to know)\b/i,
  /\bwaiting for your (input|decision|confirmation|approval)\b/i
];

export function closingPart(text: string): string {
  const prose = text
    .replace(CODE, " ")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(">"))
    .join("\n")
    .trim();
  const paragraphs = prose.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const last = paragraphs.at(-1) ?? "";
  const sentences = last.match(/[^.!?\n]+[.!?]*\s*/g) ?? [last];
  return sentences.slice(-2).join("").trim();
}

export function asksQuestion(text: string): boolean {
  const closing = closingPart(text);
  if (closing === "") return false;
  if (/\?["')\]*_\s]*$/.test(closing)) return true;
  return INVITATIONS.some((re) => re.test(closing));
}
