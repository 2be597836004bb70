// Domains (loaders/classify/domain.ts): coding prompts that name other domains' words,
// prompts with no programming in them, MCP tools and API agents' tools.
import {describe, expect, test} from "vitest";
import {DOMAINS, domainOf} from "../../loaders/classify/domain.ts";

describe("Claude Code's own tools take the prompt's domain, else software engineering", () => {
  test.each([
    ["fix the checkout button's onClick handler in Cart.tsx", "software_engineering"],
    ["the checkout flow double-charges when you click twice, debug it", "software_engineering"],
    ["add a patients table to the schema and a migration for it", "software_engineering"],
    ["write the GDPR cookie banner component", "software_engineering"],
    ["draft the NDA clause for our contractor agreement: 2 years, mutual", "legal"],
    ["summarise the attached patient discharge notes for the nurse handover", "healthcare"],
    ["reconcile the March bank statement against the ledger", "finance"],
    ["Of course the course outline needs a week on fractions for year 7 students", "education"],
    ["turn these notes into a 10-slide presentation", "documents"],
    ["of course, and turn the notes into slides too", "documents"],
    ["continue", "software_engineering"],
    ["", "software_engineering"]
  ])("%s → %s", (prompt, domain) => {
    expect(domainOf("Edit", {file_path: "/work/notes.md", old_string: "a", new_string: "b"}, prompt)).toBe(domain);
    expect(domainOf("Bash", {command: "ls"}, prompt)).toBe(domain);
  });

  test("code pasted in the prompt is not read: a legal request stays legal", () => {
    expect(domainOf("Write", {file_path: "nda.md"}, "draft the NDA clause, in the style of:\n```ts\nconst x = 1;\n```")).toBe("legal");
  });
});

describe("other tools take their name's domain, then the prompt's, then their input's", () => {
  test.each([
    ["mcp__github__create_pull_request", "ship the checkout redesign", "software_engineering"],
    ["mcp__postgres__query", "how many patients were admitted last week?", "software_engineering"],
    ["mcp__stripe__create_refund", "", "finance"],
    ["issue_refund", "", "finance"],
    ["execute_trade", "", "finance"],
    ["update_patient_record", "", "healthcare"],
    ["lookup_order", "", "ecommerce"],
    ["escalate_to_agent", "", "customer_service"],
    ["mcp__hubspot__create_contact", "", "sales_crm"],
    ["book_flight", "", "travel_logistics"],
    ["mcp__mailchimp__create_campaign", "", "marketing"],
    ["mcp__github__list_repos", "", "software_engineering"],
    ["get_repository", "", "software_engineering"],
    // A report is no repository.
    ["file_expense_report", "", "finance"],
    ["email_report", "", "back_office"]
  ])("%s → %s", (tool, prompt, domain) => {
    expect(domainOf(tool, {}, prompt)).toBe(domain);
  });

  test("a general office tool takes the prompt's or the input's domain, else back-office automation", () => {
    expect(domainOf("mcp__gmail__send_email", {to: "a@example.com"}, "email the Q3 sales numbers to the leads")).toBe("sales_crm");
    expect(domainOf("mcp__gmail__send_email", {subject: "Invoice 1042 is overdue"}, "")).toBe("finance");
    expect(domainOf("mcp__gmail__send_email", {subject: "Lunch on Friday?"}, "")).toBe("back_office");
    expect(domainOf("mcp__google_calendar__create_event", {}, "")).toBe("back_office");
  });

  test("a tool with no sign anywhere is other", () => {
    expect(domainOf("unlock_door", {door: "front"}, "")).toBe("other");
    expect(domainOf("request_human_approval", {}, "")).toBe("other");
  });

  test("every label is a key of DOMAINS", () => {
    const tools = ["Edit", "mcp__stripe__create_refund", "unlock_door", "book_flight"];
    for (const tool of tools) expect(Object.keys(DOMAINS)).toContain(domainOf(tool, {}, ""));
    expect(DOMAINS.software_engineering).toBe("Software engineering");
    expect(Object.keys(DOMAINS)).toHaveLength(17);
  });
});
