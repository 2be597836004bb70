// Human involvement on the API side (loaders/classify/involves-person.ts): tools that ask,
// hand off to, escalate to or wait for a person, and look-alikes that do not.
import {describe, expect, test} from "vitest";
import {involvesPerson} from "../../loaders/classify/involves-person.ts";
import type {CallInput} from "../../loaders/classify/types.ts";

const call = (tool: string): CallInput => ({tool, input: null, prompt: "", level: null, inSubagent: false, position: 0});

describe("involvesPerson", () => {
  test.each([
    "AskUserQuestion",
    "ExitPlanMode",
    "request_human_approval",
    "request_approval",
    "wait_for_manager_approval",
    "escalate_to_agent",
    "escalate_ticket",
    "notify_manager_and_wait",
    "notifyManagerAndWait",
    "create_review_task",
    "submit_for_review",
    "flag_for_manual_review",
    "add_to_review_queue",
    "request_review",
    "transfer_to_human",
    "human_handoff",
    "get_human_input",
    "page_oncall",
    "contact_supervisor",
    "ask_user",
    "ask_followup_question",
    "request_user_input",
    "get_user_confirmation",
    "wait_for_confirmation",
    "mcp__slack__ask_human",
    "mcp__humanlayer__request_permission_from_human"
  ])("%s asks, hands off to, escalates to or waits for a person", (tool) => {
    expect(involvesPerson(call(tool))).toBe(true);
  });

  test.each([
    "lookup_order",
    "issue_refund",
    "send_customer_email",
    "update_patient_record",
    "unlock_door",
    "execute_trade",
    "approve_expense",
    "confirm_booking",
    "notify_customer",
    "notify_manager",
    "get_manager",
    "get_user",
    "create_user",
    "transfer_to_agent",
    "wait_for_deployment",
    "get_feedback_summary",
    "ask_perplexity",
    "mcp__github__create_pull_request_review",
    "mcp__github__request_copilot_review",
    "mcp__slack__post_message",
    "get_human_resources_policy",
    "Bash",
    "Edit",
    "Task"
  ])("%s does not", (tool) => {
    expect(involvesPerson(call(tool))).toBe(false);
  });
});
