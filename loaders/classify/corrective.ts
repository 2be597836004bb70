// Does a prompt correct or redirect the agent (F10's interventions)? It does when it opens
// by rejecting what the agent did ("no", "wrong", "stop", "undo"), says the result is
// still wrong ("still failing", "that didn't work"), or turns the agent to another way
// ("instead", "not what I asked"). Only the first 200 characters are read: a correction
// comes first.

const OPENINGS = /^\s*(no\b|nope\b|wrong\b|stop\b|wait\b|undo\b|revert\b|don'?t\b|do not\b|actually\b|hold on\b|not that\b|that'?s (not|wrong)\b)/i;
const ANYWHERE = /\b(that'?s not (what|right|it)|not what i (asked|wanted|meant)|you (broke|deleted|removed|changed) |still (fail\w*|broken|not working|wrong|doesn'?t)|(that|this|it) (didn'?t|doesn'?t|does not|did not) work|try again|instead of (that|this)|use \S+ instead|roll ?back|put it back|go back to|why did you)\b/i;

export function corrective(prompt: string): boolean {
  const head = prompt.slice(0, 200);
  return OPENINGS.test(head) || ANYWHERE.test(head);
}
