// Does the agent's last message ask the person something? A turn whose agent ends on such
// a message ends `clarification` (turns.end_reason) and counts as an agent-initiated stop
// (F4, F5).
//
// What is read: the last 2,000 characters of the message.
//
// Rules, in order:
// 1. Code is removed: fenced blocks, inline code (kept as the word `code`) and quoted lines
//    (`> ...`). A `?` in code or in a quotation asks nobody. When the message was longer
//    than what is read and what is left holds an odd number of fences, the first fence is
//    taken as the end of a block whose start was cut off.
// 2. Only the closing part counts: the last two sentences of the last paragraph. When the
//    message ends with a list (or a table), the closing part is the sentence that leads
//    into the list and the list's last item: "Which do you prefer?\n\n1. Redis\n2. Memory"
//    asks; a heading over the list ("## What changed?") is no lead-in. A question in the
//    middle of a report that then goes on is not a stop.
// 3. The closing part asks when its last sentence (or the list's lead-in or last item)
//    ends with `?`, or when a sentence of it invites the person to decide or supply
//    something (INVITATIONS: "should I ...", "would you like me to ...", "let me know
//    which ...", "please confirm ...", "could you run ...").
// 4. A sentence that only offers more help is no question (COURTESY): "Let me know if you
//    need anything else.", "Would you like me to make any other changes?". The work is
//    done; nothing waits on the answer.
import {tail, withoutCode} from "./text.ts";

const MAX_MESSAGE = 2000;

const FENCE_LINES = /^[ \t]*(?:```|~~~).*$/gm;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)]|[a-zA-Z][.)]|\|)\s*/;
const ENDS_WITH_QUESTION = /\?[^\p{L}\p{N}.!?]*$/u;

const INVITATIONS = new RegExp(
  [
    String.raw`\b(?:would|do) you (?:like|want|prefer)\b|\bwant me to\b|\bhow would you like\b`,
    String.raw`\b(?:should|shall|may) i\b|\bcan i (?:go ahead|proceed|start|delete|remove|push|run|use)\b`,
    String.raw`\b(?:can|could|would) you (?:please )?(?:clarify|confirm|provide|share|tell|check|run|send|paste|point|try|test|specify|decide|choose|pick|give|let me know)\b`,
    String.raw`\blet me know (?:which|what|whether|if|how|where|when|once|your)\b`,
    String.raw`\bplease (?:confirm|clarify|provide|share|specify|advise|choose|pick|decide|let me know|paste|send|run|try)\b`,
    String.raw`\bi need (?:you to|your|more information|to know|access|the)\b|\b(?:waiting|wait) (?:for|on) your\b`,
    String.raw`\byour (?:call|decision|preference)\b|\b(?:ok|okay) to (?:proceed|continue|go ahead)\b`
  ].join("|"),
  "i"
);

const COURTESY = new RegExp(
  [
    String.raw`\banything else\b`,
    String.raw`\bif you (?:need|have|want|would like|'d like|run into|hit|see) (?:anything|any|more|further|other|additional|help)\b`,
    String.raw`\bany (?:other |further |more |additional )?(?:questions|changes|adjustments|tweaks|modifications|help|issues|problems|feedback)\b`,
    String.raw`\bhappy to help\b|\bhope (?:this|that|it) helps\b`
  ].join("|"),
  "i"
);

function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The prose of a message's end: code and quotations removed (rule 1). */
function prose(text: string): string {
  let t = tail(text, MAX_MESSAGE);
  const fences = [...t.matchAll(FENCE_LINES)];
  if (text.length > MAX_MESSAGE && fences.length % 2 === 1) t = t.slice(fences[0].index + fences[0][0].length);
  return withoutCode(t)
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(">"))
    .join("\n")
    .trim();
}

/**
 * The closing part (rule 2): `last`, the sentences whose ending `?` asks (the last one, or
 * a list's lead-in and last item), and `other`, the sentence before the last, which asks
 * only by an invitation.
 */
export function closingPart(text: string): {last: string[]; other: string[]} {
  const lines = prose(text).split("\n");
  let end = lines.length;
  while (end > 0 && lines[end - 1].trim() === "") end--;
  let start = end;
  while (start > 0 && LIST_ITEM.test(lines[start - 1]) && lines[start - 1].trim() !== "") start--;
  if (start < end && start > 0) {
    // A list closes the message: its lead-in (the last line of prose before it) and its last item.
    let lead = start;
    while (lead > 0 && lines[lead - 1].trim() === "") lead--;
    const leadLine = lead > 0 ? lines[lead - 1] : "";
    // A heading over a list ("## What changed?") titles it; it asks nothing.
    const leadIn = /^\s*#/.test(leadLine) ? "" : sentences(leadLine).at(-1) ?? "";
    const item = lines[end - 1].replace(LIST_ITEM, "").trim();
    return {last: [leadIn, item].filter(Boolean), other: []};
  }
  const paragraph: string[] = [];
  for (let i = end - 1; i >= 0 && lines[i].trim() !== ""; i--) paragraph.unshift(lines[i]);
  const closing = sentences(paragraph.join("\n")).slice(-2);
  return {last: closing.slice(-1), other: closing.slice(0, -1)};
}

export function asksQuestion(text: string): boolean {
  const {last, other} = closingPart(text);
  const asks = (s: string, endsCount: boolean) => !COURTESY.test(s) && ((endsCount && ENDS_WITH_QUESTION.test(s)) || INVITATIONS.test(s));
  return last.some((s) => asks(s, true)) || other.some((s) => asks(s, false));
}
