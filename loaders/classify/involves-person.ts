// Does a tool call ask, hand off to, escalate to or wait for a person? On the API side no
// approval is logged, so this is how F6's human involvement is read there
// (docs/findings.md, "The API side: F6–F8 from agent spans"): an agent that calls
// `request_human_approval` has put a person in the loop.
//
// What is read: the words of the tool's name only (`mcp__slack__ask_human` → slack ask
// human; `notifyManagerAndWait` → notify manager and wait). An API span carries no input.
//
// Rules: a call involves a person when
// 1. it is Claude Code's own question or plan tool (AskUserQuestion, ExitPlanMode);
// 2. or its name escalates (escalate, escalation): escalation goes up to people;
// 3. or it asks for approval or sign-off (approval, sign-off): `request_approval`,
//    `wait_for_manager_approval`; the verb "approve" alone is the agent approving
//    (`approve_expense`), which is not;
// 4. or it puts work in a person's review: a review queue, task or request, "for review",
//    manual, human, peer, expert, legal or compliance review (`create_review_task`,
//    `submit_for_review`, `request_review`); a pull-request review
//    (`create_pull_request_review`) or a review by a named bot (`request_copilot_review`)
//    is not;
// 5. or it names a person who oversees (PERSON: human, operator, supervisor, manager,
//    reviewer, approver, moderator, on-call, staff, live or human agent) together with an
//    act of asking, handing over or waiting (ACT: ask, request, consult, contact, page,
//    call, transfer, route, forward, assign, hand off, defer, wait, await):
//    `transfer_to_human`, `page_oncall`, `notify_manager_and_wait`; or the word "human"
//    itself (`human_handoff`, `get_human_input`; "human resources" is not a person);
// 6. or it asks the user or waits for an answer: "ask user", "prompt user", "user input
//    / confirmation / decision / feedback / answer", or asking, requesting or waiting for
//    input, confirmation, clarification, a decision, an answer or a question
//    (`request_user_input`, `ask_followup_question`, `wait_for_confirmation`).
// Not involvement: informing someone without waiting (`notify_customer`, `notify_manager`),
// reading about people (`get_manager`, `get_user`), confirming a booking
// (`confirm_booking`), and handing off to another agent (`transfer_to_agent`, the name
// agent frameworks give hand-offs between models), unless rule 2 applies
// (`escalate_to_agent`: support agents escalate to human agents).
import {ASK_TOOL, PLAN_TOOL} from "../definitions.ts";
import {cached, nameWords} from "./text.ts";
import type {CallInput} from "./types.ts";

const PERSON = String.raw`(?:humans?|persons?|people|operators?|supervisors?|managers?|reviewers?|approvers?|moderators?|on ?call|staff|live agents?|human agents?|team lead)`;
const ACT = String.raw`(?:ask|asks|request|requests|consult|contact|page|call|transfer|route|forward|assign|hand|handoff|handover|defer|wait|waits|await|awaits)`;
const ANSWER = String.raw`(?:input|confirmation|clarification|decision|answer|response|reply|feedback|question|questions)`;

const RULES = new RegExp(
  [
    String.raw`\bescalat\w*`,
    String.raw`\b(?:approval|approvals|sign ?off|signoff)\b`,
    String.raw`\breview (?:queue|task|request|required)\b|\b(?:for|needs?|awaiting|pending) review\b|\b(?:manual|human|peer|expert|legal|compliance) review\b|\brequest (?:a )?review(?:ers?)?\b`,
    String.raw`\b${ACT}\b.*\b${PERSON}\b|\b${PERSON}\b.*\b${ACT}\b|\bhuman\b`,
    String.raw`\b(?:ask|prompt) (?:the )?users?\b|\busers? (?:input|confirmation|confirm|decision|feedback|answer|response|choice|selection|approval)\b`,
    String.raw`\b(?:ask|request|await|wait|solicit|prompt)\w* (?:for )?(?:(?:the|a|an|more|some|\w+) )?${ANSWER}\b`
  ].join("|")
);

// "pull request" would read as a request for review, "human resources" as a human.
const involves = cached((tool: string) => {
  if (tool === ASK_TOOL || tool === PLAN_TOOL) return true;
  return RULES.test(nameWords(tool).replace(/\bpull request\b/g, "pr").replace(/\bhuman resources\b/g, "hr"));
});

export function involvesPerson({tool}: CallInput): boolean {
  return involves(tool);
}
