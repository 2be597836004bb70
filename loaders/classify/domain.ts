// The domain of a tool call (F8), from the study's list. DOMAINS is the one place the pages
// take these labels from.
//
// What is read: the words of the tool's name (`mcp__stripe__create_refund` → stripe create
// refund), the turn's prompt (its first 1,000 characters, without code), and for tools that
// are not Claude Code's own, the first 500 characters of the string values of the input.
//
// Each text is matched against RULES, in order; the first domain whose words it holds is
// the text's domain. Software engineering comes first: a text that speaks of code, bugs,
// tests, builds, repositories, file names with a code extension, or developer services
// (GitHub, Postgres, Docker, Sentry ...) is software engineering, whatever else it names
// ("fix the checkout button in Cart.tsx" is software engineering, not e-commerce). The other
// domains follow from the most specific to the most general (a patient's invoice is
// healthcare before finance).
//
// A call's domain:
// 1. Claude Code's own tools (shell, file reads and edits, search, subagents): the prompt's
//    domain, else software engineering. An agent editing a contract in a text file at the
//    request "draft the NDA clause for ..." is doing legal work; one asked to "fix the
//    login bug" is doing software engineering.
// 2. Any other tool (MCP tools, an API agent's tools): the domain its name names, else
//    the prompt's, else its input's; else back-office automation when it is a general
//    office tool (email, calendar, chat, documents, spreadsheets: OFFICE_TOOLS); else
//    `other`. The tool's name comes first because it says what the call does; the prompt
//    may have asked for many things.
import {FILE_EDIT_TOOLS, READ_ONLY_TOOLS, SHELL_TOOL} from "../definitions.ts";
import {cached, firstMatch, head, lastOnly, nameWords, withoutCode} from "./text.ts";

export const DOMAINS = {
  software_engineering: "Software engineering",
  back_office: "Back-office automation",
  marketing: "Marketing",
  sales_crm: "Sales / CRM",
  finance: "Finance",
  data_analysis: "Data analysis / BI",
  academic_research: "Academic research",
  cybersecurity: "Cybersecurity",
  customer_service: "Customer service",
  gaming: "Gaming",
  documents: "Documents / presentations",
  education: "Education",
  ecommerce: "E-commerce",
  healthcare: "Medicine / healthcare",
  legal: "Legal",
  travel_logistics: "Travel / logistics",
  other: "Other"
} as const;

export type Domain = keyof typeof DOMAINS;

const MAX_PROMPT = 1000;
const MAX_INPUT = 500;

const re = (parts: string[]) => new RegExp(parts.join("|"), "i");

const RULES: readonly (readonly [Domain, RegExp])[] = [
  ["software_engineering", re([
    String.raw`\b(?:code|coding|codebase|bugs?|debug\w*|fix(?:es|ed)?|refactor\w*|implement\w*|functions?|class(?:es)?|methods?|variables?|compil\w+|build|deploy\w*|repos?|repositor(?:y|ies)|branch(?:es)?|commits?|merge|pull requests?|prs?|api|apis|endpoints?|database|schema|script|library|package|module|component|lint\w*|type ?errors?|exceptions?|stack ?traces?|server|frontend|backend|css|html|tests?|unit tests?|regex|json|yaml|npm|pip|git|docker|kubernetes|k8s|typescript|javascript|python|react|node|rust|golang|java|solidity|sdk|cli|ci|ide|lsp)\b`,
    String.raw`\b(?:github|gitlab|bitbucket|jira|linear|sentry|datadog|vercel|netlify|heroku|supabase|firebase|postgres\w*|mysql|sqlite|mongo\w*|redis|terraform|playwright|puppeteer|selenium|context7|filesystem|browserbase)\b`,
    String.raw`\b[\w-]+\.(?:ts|tsx|js|jsx|mjs|cjs|py|go|rs|java|kt|c|cc|cpp|h|hpp|rb|php|cs|swift|sh|sql|json|ya?ml|toml|vue|svelte|sol)\b`
  ])],
  ["healthcare", re([String.raw`\b(?:patients?|clinical|clinic|medical|diagnos[ie]s|hospital|ehr|emr|fhir|hl7|prescriptions?|dosage|symptoms?|healthcare|nurse|physician|medications?|pharmac\w+)\b`])],
  ["legal", re([String.raw`\b(?:contracts?|clauses?|legal|lawsuit|attorney|lawyer|compliance|gdpr|nda|litigation|statute|court|subpoena|trademark|patent|docusign)\b`])],
  ["cybersecurity", re([String.raw`\b(?:vulnerab\w*|exploit\w*|pentest\w*|penetration test\w*|cve-\d+|malware|nmap|metasploit|threat\w*|firewall|intrusion|phishing|security audit|burp|siem|incident response|port scan\w*|shodan)\b`])],
  ["finance", re([String.raw`\b(?:invoices?|ledger|accounting|payments?|payroll|tax(?:es)?|portfolio|stock (?:price|market|ticker)s?|trading|trades?\b(?!-offs?)|budget|revenue|expenses?|bank\w*|reconcil\w+|refunds?|payouts?|stripe|paypal|plaid|quickbooks|xero|brokerage|securities)\b`])],
  ["customer_service", re([String.raw`\b(?:customer (?:support|service|tickets?|complaints?|emails?|messages?|inquir\w+|requests?|issues?)|support tickets?|tickets?|helpdesk|zendesk|intercom|freshdesk|live chat|faq|escalat\w+|live agent|human agent)\b`])],
  ["sales_crm", re([String.raw`\b(?:crm|salesforce|hubspot|pipedrive|leads\b|lead (?:scor\w+|gen\w*|lists?)|prospect\w*|sales|deals\b|deal (?:stages?|pipeline|value)|opportunit(?:y|ies)|outreach|quota)\b`])],
  ["marketing", re([String.raw`\b(?:marketing|campaigns?|seo|newsletters?|social media|ad copy|ads|landing page copy|brand\w*|audience|engagement|mailchimp|influencer\w*)\b`])],
  ["ecommerce", re([String.raw`\b(?:shopify|woocommerce|e-?commerce|shopping cart|cart|checkout|product catalog\w*|sku|storefront|order fulfil\w+|inventory|(?:place|track|lookup|look up|cancel|return|customer|purchase|online) orders?|orders? (?:status|number|id|history|lookup|tracking))\b`])],
  ["travel_logistics", re([String.raw`\b(?:flights?|hotels?|itinerar\w+|bookings?|shipments?|shipping|logistics|route planning|freight|warehouse|deliver(?:y|ies)|travel)\b`])],
  ["gaming", re([String.raw`\b(?:game\w*|unity|unreal|godot|sprites?|level design|players?|npcs?|minecraft|roblox)\b`])],
  ["education", re([String.raw`\b(?:students?|lessons?|curriculum|homework|quiz\w*|(?<!\bof )courses?|teach\w*|grading|exams?|tutor\w*|classroom)\b`])],
  ["academic_research", re([String.raw`\b(?:papers?|arxiv|citations?|literature review|hypothes[ie]s|thesis|latex|bibtex|manuscript|peer review|research)\b`])],
  ["data_analysis", re([String.raw`\b(?:dashboards?|pandas|dataframes?|sql quer(?:y|ies)|analytics|bi report|pivot|visuali[sz]\w+|jupyter|notebook|csv|metrics report|tableau|looker|bigquery|snowflake)\b`])],
  ["back_office", re([String.raw`\b(?:data entry|onboarding|hr|human resources|scheduling|timesheets?|procurement|approval workflow|email triage|back[- ]office|expense reports?|payroll run|inbox)\b`])],
  ["documents", re([String.raw`\b(?:slides?|presentations?|pptx|docx|powerpoint|word document|pdf|memo|spreadsheets?|xlsx|keynote|google docs|google sheets)\b`])]
];

/** General office tools: back-office automation when nothing else names a domain. */
const OFFICE_TOOLS = /\b(?:e?mail|gmail|outlook|calendar|meeting|events?|slack|teams|chat|drive|docs?|sheets?|notion|todo|tasks?|reminders?|contacts?|files?)\b/;

const domainOfText = (text: string): Domain | undefined => firstMatch(RULES, text);

const promptDomain = lastOnly((prompt: string) => domainOfText(withoutCode(head(prompt, MAX_PROMPT))));
const nameDomain = cached((tool: string) => domainOfText(nameWords(tool)));
const officeTool = cached((tool: string) => OFFICE_TOOLS.test(nameWords(tool)));

/** Claude Code's own tools: its shell, and the tools it lets run read-only or as file edits. */
export function isClaudeCodeTool(tool: string): boolean {
  return tool === SHELL_TOOL || READ_ONLY_TOOLS.has(tool) || FILE_EDIT_TOOLS.has(tool);
}

/** The string values of an input, first level and one below, at most MAX_INPUT characters. */
function inputText(input: unknown): string {
  if (input === null || typeof input !== "object") return "";
  let text = "";
  const add = (v: unknown) => {
    if (typeof v === "string" && text.length < MAX_INPUT) text += ` ${head(v, MAX_INPUT - text.length)}`;
  };
  for (const v of Object.values(input)) {
    if (text.length >= MAX_INPUT) break;
    if (v !== null && typeof v === "object") for (const x of Object.values(v)) add(x);
    else add(v);
  }
  return text;
}

export function domainOf(tool: string, input: unknown, prompt: string): Domain {
  if (isClaudeCodeTool(tool)) return promptDomain(prompt) ?? "software_engineering";
  return nameDomain(tool) ?? promptDomain(prompt) ?? domainOfText(inputText(input)) ?? (officeTool(tool) ? "back_office" : "other");
}
