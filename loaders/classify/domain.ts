// The domain of a tool call (F8), from the study's list.
// - A coding tool (shell, file reads and edits, search, subagents) is software engineering,
//   unless the prompt names another domain and nothing about programming: an agent that
//   edits a contract in a text file is doing legal work.
// - Any other tool (MCP and API tools: send_email, lookup_patient ...) takes the domain
//   its own name and input name first, then the prompt's; with no sign, `other`.
// Within a text, the most specific domain wins (RULES is ordered).

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

// Most specific first: "patient invoice" is healthcare before finance.
const RULES: [Domain, RegExp][] = [
  ["healthcare", /\b(patient|clinical|medical|diagnos\w+|hospital|ehr|fhir|hl7|prescription|dosage|symptom|healthcare|nurse|physician)\b/i],
  ["legal", /\b(contract|clause|legal|lawsuit|attorney|compliance|gdpr|nda|litigation|statute|court)\b/i],
  ["cybersecurity", /\b(vulnerab\w*|exploit|pentest\w*|penetration test|cve-\d+|malware|nmap|metasploit|threat|firewall|intrusion|phishing|security audit|burp)\b/i],
  ["finance", /\b(invoice|ledger|accounting|payment|payroll|tax(es)?|portfolio|stock price|trading|budget|revenue|expense|bank|reconcil\w+)\b/i],
  ["customer_service", /\b(customer (support|service|ticket|complaint)|support ticket|helpdesk|zendesk|refund request|live chat|faq)\b/i],
  ["sales_crm", /\b(crm|salesforce|hubspot|lead\w*|pipeline deal|prospect\w*|sales (team|pipeline|report)|opportunit(y|ies)|outreach)\b/i],
  ["marketing", /\b(marketing|campaign|seo|newsletter|social media|ad copy|landing page copy|brand\w*|audience|engagement)\b/i],
  ["ecommerce", /\b(shopify|e-?commerce|cart|checkout|product catalog|sku|storefront|order fulfil\w+|inventory)\b/i],
  ["travel_logistics", /\b(flight|hotel|itinerar\w+|booking|shipment|shipping|logistics|route planning|freight|warehouse|delivery schedule)\b/i],
  ["gaming", /\b(game|unity|unreal|godot|sprite|level design|player|gameplay|npc)\b/i],
  ["education", /\b(student|lesson|curriculum|homework|quiz|course|teach\w*|grading|exam)\b/i],
  ["academic_research", /\b(paper|arxiv|citation|literature review|hypothesis|experiment results|thesis|latex|bibtex|manuscript|peer review)\b/i],
  ["data_analysis", /\b(dashboard|pandas|dataframe|sql quer\w+|analytics|bi report|pivot|visuali[sz]\w+|jupyter|notebook|csv|metrics report|tableau|looker)\b/i],
  ["documents", /\b(slides?|presentation|pptx|docx|powerpoint|word document|pdf report|memo|spreadsheet|xlsx|keynote)\b/i],
  ["back_office", /\b(spreadsheet automation|data entry|onboarding form|hr |human resources|scheduling|timesheet|procurement|approval workflow|email triage|back[- ]office|crm sync)\b/i]
];

const CODING_TOOLS = /^(Bash|Read|Edit|MultiEdit|Write|Grep|Glob|LS|NotebookEdit|NotebookRead|TodoWrite|Task|Agent|BashOutput|KillShell|LSP)$/;
const PROGRAMMING = /\b(code|bug|function|class|method|test\w*|build|compile\w*|refactor\w*|deploy\w*|repo\w*|branch|commit|api|endpoint|database|schema|script|library|package|module|component|lint\w*|type ?error|exception|stack ?trace|server|frontend|backend|css|html)\b|\.(ts|tsx|js|jsx|py|go|rs|java|kt|c|cc|cpp|h|rb|php|cs|swift|sh|sql|json|ya?ml|toml)\b/i;

function match(text: string): Domain | undefined {
  for (const [domain, re] of RULES) if (re.test(text)) return domain;
}

export function domainOf(prompt: string, callText: string, tool: string): Domain {
  if (CODING_TOOLS.test(tool)) return PROGRAMMING.test(prompt) ? "software_engineering" : match(prompt) ?? "software_engineering";
  return match(`${tool.replace(/[_-]+/g, " ")} ${callText}`) ?? match(prompt) ?? "other";
}
