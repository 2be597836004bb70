// Does a prompt correct or redirect the agent? (F10's interventions, `turns.corrective`;
// asked of every prompt after a session's first.)
//
// What is read: the first 300 characters of the prompt. A person who corrects says so
// first ("no, ...", "that broke ..."); what follows is the new instruction.
//
// Rules: a prompt is corrective when
// 1. it opens by rejecting or stopping what the agent did (OPENING): "no", "nope", "wrong",
//    "stop", "wait", "hold on", "undo", "revert", "don't", "actually", "that's not ...".
//    Each opening word counts only where it rejects, not where it starts an ordinary
//    sentence: "no" followed by punctuation or a word that rejects ("no, use pnpm", "no
//    that's wrong"), not "no worries", "no problem" or "no errors now"; "stop" alone or "stop doing/using ...", not "stop
//    the dev server"; "wait" alone or "wait, why ...", not "wait for CI"; "don't ...", not
//    "don't forget ..." or "don't worry"; "actually ...", not "actually, also ..." (an
//    addition is not a correction);
// 2. or it says anywhere in what is read that the result is wrong or was not what was asked
//    (ANYWHERE): "that's not what I asked", "you broke / deleted / forgot ...", "I said",
//    "still failing", "that didn't work", "same error", "try again", "use X instead",
//    "roll back", "put it back", "why did you ...", "why are you ..."; or that it fails or
//    looks wrong ("the build is failing now", "lint fails", "it crashed", "it doesn't
//    render", "it seems not to resolve").
import {head} from "./text.ts";

const MAX_PROMPT = 300;

const OPENING = new RegExp(
  [
    String.raw`^\W*(?:no|nope|nah)(?:\s*[,.!;:\u2014-]|\s*$|\s+(?:no|that|this|it|not|don'?t|do not|stop|wait|you|we|i|use|please|actually|the other|revert|undo)\b)`,
    String.raw`^\W*(?:wrong|incorrect|undo|revert|ugh|hmm,? no)\b`,
    String.raw`^\W*stop(?:\s*[,.!;:\u2014-]|\s*$|\s+(?:doing|using|adding|changing|touching|making|trying|editing|writing|deleting|it|that|this|please|right)\b)`,
    String.raw`^\W*(?:wait|hold on|hang on)(?:\s*[,.!;:\u2014-]|\s*$|\s+(?:what|why|no|that|this|you|isn'?t|don'?t|before)\b)`,
    String.raw`^\W*(?:don'?t|do not|never)\b(?! (?:forget|worry)\b)`,
    String.raw`^\W*actually\b(?!,? (?:also|and also|one more|can you also|could you also)\b)`,
    String.raw`^\W*(?:not (?:that|this|like that|what)|that'?s (?:not|wrong|incorrect)|that is (?:not|wrong|incorrect))\b`
  ].join("|"),
  "i"
);

const ANYWHERE = new RegExp(
  [
    String.raw`\bnot what i (?:asked|wanted|meant|said)\b|\bthat'?s not (?:right|it|correct|what)\b|\bthat'?s the wrong\b`,
    String.raw`\b(?:this|that|it)(?:'s| is) (?:wrong|incorrect|not right|broken)\b`,
    String.raw`\byou (?:broke|deleted|removed|changed|forgot|missed|misunderstood|ignored|didn'?t|did not|shouldn'?t have|should not have|were supposed to)\b`,
    String.raw`\bi (?:said|told you|already told you|asked (?:you )?(?:to|for|not))\b`,
    String.raw`\bstill (?:fail\w*|broken|not|wrong|doesn'?t|don'?t|isn'?t|getting|seeing|the same|happening|erroring|crash\w*|blank|empty)\b`,
    String.raw`\b(?:didn'?t|doesn'?t|does not|did not|isn'?t|is not|wasn'?t|aren'?t|are not|won'?t) (?:work|working|fix|fixed|help|change|seem|look|sound|appear|show|display|resolve|render|load|update|match|compile|build|run|start)\w*\b|\bseems? (?:to not|not to)\b`,
    // Not where the failure is the new task's subject ("find out why the job crashed").
    String.raw`(?<!\b(?:why|whether|if|when|how)\b[^.?!\n]{0,40})\b(?:it|this|that|the build|build|tests?|ci|lint\w*|the pr|pr(?: run)?|run|deploy\w*|job|checks?|pipeline|app|server|page)\s+(?:is |are |still |now |keeps? |just )*(?:fail(?:s|ed|ing)?|crash(?:es|ed|ing)?|erroring)\b`,
    String.raw`\bwhy (?:are|were) you\b|\bwhy (?:is|does) (?:it|the agent|claude)\b`,
    String.raw`\bsame (?:error|issue|problem|result|failure)\b|\btry again\b|\broll ?back\b|\bput (?:it|that|them) back\b|\bgo back to\b|\bwhy did you\b`,
    String.raw`\b(?:use|try) \S+ instead\b|\binstead of (?:that|this|doing)\b`
  ].join("|"),
  "i"
);

export function corrective(prompt: string): boolean {
  const text = head(prompt, MAX_PROMPT);
  return OPENING.test(text) || ANYWHERE.test(text);
}
