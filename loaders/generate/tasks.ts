// What the fleet works on: projects, the tasks people hand over (by domain and goal
// complexity), and the tool calls that carry them out, with inputs and results in the
// shapes Claude Code logs. The words are the generator's own, written as people and
// agents write them; the ingest's classifiers, written beside them, read them back
// (how much that builds in: docs/circularity.md).
import type {Complexity} from "../definitions.ts";
import type {Rng} from "./rng.ts";

type Json = Record<string, unknown>;
export type Prompts = Record<Complexity, string[]>;

/** A language's project layout and commands. */
type Language = {
  name: string;
  files: string[];
  test: string[];
  build: string[];
  lint: string[];
  run: string[];
  install: string[];
  code: string[];
};

export type Project = {
  name: string;
  /** The working directory: its path names the project folder (`-home-...`). */
  cwd: string;
  domain: string;
  language: Language | null;
  files: string[];
  branch: string;
  /** Tool results carry the whole text (a file read, a test run's output), as real logs do. */
  full: boolean;
};

/** The slots a task fills once, so that its prompt, calls and replies agree. */
export type Topic = Record<string, string>;

export type Action = "explore" | "change" | "verify" | "vcs" | "research" | "service";

/** A tool call as the agent makes it, and what it returns when it runs. */
export type Call = {
  name: string;
  input: Json;
  content: string | Json[];
  result: unknown;
  /** Commands that run for a while (builds, tests): they take a larger share of the turn. */
  slow: boolean;
  /** The call failed (a non-zero exit, a missing string): its result is an error. */
  error?: boolean;
};

const LANGUAGES: Language[] = [
  {
    name: "typescript",
    files: ["src/index.ts", "src/server.ts", "src/routes/users.ts", "src/routes/orders.ts", "src/auth/session.ts", "src/auth/middleware.ts", "src/db/client.ts", "src/db/schema.ts", "src/lib/cache.ts", "src/lib/retry.ts", "src/config.ts", "src/components/Table.tsx", "src/components/Header.tsx", "src/hooks/useQuery.ts", "src/utils/format.ts", "test/orders.test.ts", "test/session.test.ts", "package.json", "tsconfig.json", "README.md"],
    test: ["npm test", "npx vitest run", "npx vitest run test/orders.test.ts", "npm run test -- --coverage", "npx jest src/auth"],
    build: ["npm run build", "npx tsc --noEmit", "npm run typecheck"],
    lint: ["npx eslint src --fix", "npm run lint", "npx prettier --check src"],
    run: ["npm run dev", "node dist/index.js --help", "npx tsx scripts/seed.ts"],
    install: ["npm install zod", "npm install -D @types/node", "npm i date-fns", "pnpm add p-retry"],
    code: ["const user = await getUser(id);", "if (!session) return null;", "export function formatPrice(cents: number) {", "return items.filter(Boolean);", "const timeout = config.timeoutMs ?? 30_000;"]
  },
  {
    name: "python",
    files: ["app/main.py", "app/api/routes.py", "app/models.py", "app/services/billing.py", "app/services/email.py", "app/db.py", "app/config.py", "app/utils/dates.py", "app/tasks/worker.py", "tests/test_billing.py", "tests/test_routes.py", "pyproject.toml", "README.md", "scripts/backfill.py", "app/schemas.py"],
    test: ["pytest -q", "pytest tests/test_billing.py -x", "python -m pytest -k invoice", "uv run pytest"],
    build: ["python -m build", "mypy app", "uv sync"],
    lint: ["ruff check . --fix", "ruff format .", "black app tests"],
    run: ["python -m app.main --dry-run", "uvicorn app.main:app --port 8001", "python scripts/backfill.py --limit 10"],
    install: ["pip install httpx", "uv add pydantic-settings", "pip install -r requirements.txt"],
    code: ["def total(self) -> Decimal:", "if not user:\n    raise NotFound(user_id)", "return [r for r in rows if r.active]", "timeout = settings.timeout or 30"]
  },
  {
    name: "go",
    files: ["cmd/server/main.go", "internal/api/handler.go", "internal/api/middleware.go", "internal/store/postgres.go", "internal/store/cache.go", "internal/queue/consumer.go", "internal/config/config.go", "pkg/retry/retry.go", "internal/api/handler_test.go", "go.mod", "Makefile", "README.md"],
    test: ["go test ./...", "go test ./internal/api -run TestHandler -v", "make test"],
    build: ["go build ./...", "go vet ./...", "make build"],
    lint: ["golangci-lint run", "gofmt -l ."],
    run: ["go run ./cmd/server -config dev.yaml", "make run"],
    install: ["go get github.com/jackc/pgx/v5", "go mod tidy"],
    code: ["if err != nil {\n\treturn nil, err\n}", "ctx, cancel := context.WithTimeout(ctx, 30*time.Second)", "func (s *Store) GetUser(ctx context.Context, id string) (*User, error) {"]
  },
  {
    name: "rust",
    files: ["src/main.rs", "src/lib.rs", "src/parser.rs", "src/lexer.rs", "src/config.rs", "src/error.rs", "src/cli.rs", "tests/parse.rs", "Cargo.toml", "README.md", "benches/parse.rs"],
    test: ["cargo test", "cargo test parser -- --nocapture", "cargo nextest run"],
    build: ["cargo build --release", "cargo check", "cargo build"],
    lint: ["cargo clippy -- -D warnings", "cargo fmt --check"],
    run: ["cargo run -- --input examples/small.txt", "cargo bench"],
    install: ["cargo add serde --features derive", "cargo add thiserror"],
    code: ["let tokens = lexer.tokenize(&input)?;", "match self.peek() {", "pub fn parse(input: &str) -> Result<Ast, Error> {"]
  },
  {
    name: "java",
    files: ["src/main/java/com/acme/orders/OrderService.java", "src/main/java/com/acme/orders/OrderController.java", "src/main/java/com/acme/orders/OrderRepository.java", "src/main/resources/application.yml", "src/test/java/com/acme/orders/OrderServiceTest.java", "build.gradle", "README.md"],
    test: ["./gradlew test", "./gradlew test --tests OrderServiceTest", "mvn -q test"],
    build: ["./gradlew build", "mvn -q package -DskipTests"],
    lint: ["./gradlew spotlessApply", "./gradlew checkstyleMain"],
    run: ["./gradlew bootRun"],
    install: ["./gradlew dependencies --configuration runtimeClasspath"],
    code: ["Optional<Order> order = repository.findById(id);", "if (order.isEmpty()) throw new NotFoundException(id);"]
  },
  {
    name: "ruby",
    files: ["app/models/user.rb", "app/models/subscription.rb", "app/controllers/subscriptions_controller.rb", "app/jobs/renewal_job.rb", "config/routes.rb", "db/schema.rb", "spec/models/subscription_spec.rb", "Gemfile", "README.md"],
    test: ["bundle exec rspec", "bundle exec rspec spec/models/subscription_spec.rb", "bin/rails test"],
    build: ["bin/rails assets:precompile", "bundle install"],
    lint: ["bundle exec rubocop -a"],
    run: ["bin/rails runner 'puts Subscription.due.count'", "bin/rails db:migrate"],
    install: ["bundle add sidekiq"],
    code: ["return if subscription.cancelled?", "scope :due, -> { where('renews_at < ?', Time.current) }"]
  }
];

const SE_PROJECTS = ["billing-api", "storefront", "mobile-backend", "data-pipeline", "admin-dashboard", "auth-service", "cli-tools", "search-indexer", "notifications", "infra", "docs-site", "parser", "scheduler", "analytics-etl", "payments-gateway", "monorepo"];

// Slots of software tasks. Values read like the names people give things.
const SE_SLOTS: Record<string, string[]> = {
  module: ["auth", "billing", "checkout", "search", "notifications", "the scheduler", "the importer", "sessions", "the cache layer", "the API client", "user settings", "reporting"],
  fn: ["refreshToken", "parseInvoice", "applyDiscount", "loadConfig", "retryRequest", "formatDate", "syncUsers", "computeTotals", "validateEmail", "buildQuery", "handleWebhook", "resolvePath"],
  fn2: ["renewSession", "parseLineItems", "calculateTax", "readSettings", "withBackoff", "toLocalDate", "reconcileAccounts", "sumOrder"],
  feature: ["password reset", "CSV export", "dark mode", "audit logging", "rate limiting", "team invitations", "two-factor login", "saved searches", "webhook retries", "usage-based billing", "bulk edit", "SSO with Okta"],
  endpoint: ["/api/orders", "/api/users", "/v2/invoices", "/api/search", "/webhooks/stripe", "/api/reports"],
  error: ["TypeError: Cannot read properties of undefined (reading 'id')", "KeyError: 'customer_id'", "panic: runtime error: index out of range", "ECONNREFUSED 127.0.0.1:5432", "NullPointerException in OrderService", "undefined method `amount' for nil", "deadlock detected", "401 Unauthorized from the upstream API"],
  lib: ["moment", "requests", "axios", "Express", "Flask", "Redux", "the old ORM", "Jest", "webpack", "Celery"],
  lib2: ["date-fns", "httpx", "fetch", "Fastify", "FastAPI", "Zustand", "Drizzle", "Vitest", "Vite", "a Postgres queue"],
  service: ["notification", "export", "rate-limit", "search", "billing", "ingestion"],
  pkg: ["zod", "pydantic", "pgx", "serde", "lodash", "httpx"],
  ver: ["2.4.0", "1.12.3", "3.0.0-rc.1", "0.9.2"],
  thing: ["the login flow", "the orders table", "the nightly job", "the settings page", "the upload handler", "the retry logic"]
};

const SE_PROMPTS: Prompts = {
  minimal: [
    "run the tests", "what does {fn} return when the input is empty?", "where is {fn} defined?", "show me the git status", "fix the typo in the README",
    "commit this", "rename {fn} to {fn2}", "bump the version to {ver}", "what's in {file}?", "which node version does this project use?",
    "push the branch", "format {file}", "list the open TODOs in {module}", "is {pkg} still used anywhere?"
  ],
  low: [
    "add a null check in {fn} before it reads the user id", "change the default timeout in {file} to 30 seconds", "write a docstring for {fn}",
    "add {pkg} to the dependencies and use it in {file}", "explain how {module} handles retries", "the log line in {fn} is too noisy, make it debug level",
    "add a --verbose flag to the CLI", "update the README with the new env vars", "make {fn} return early when the list is empty",
    "sort the results of {endpoint} by created date", "add a unit test for {fn} with an empty input", "clean up the unused imports in {file}"
  ],
  medium: [
    "{fn} throws `{error}` when the cart is empty. find out why and fix it", "add pagination to the {endpoint} endpoint",
    "write tests for {file} and get them passing", "refactor {module} so the HTTP client is injected instead of imported",
    "implement caching for {fn} with a five minute TTL", "the CI build fails on {module}; investigate and fix it",
    "add input validation to the {feature} form", "debug why {thing} is slow on large accounts", "add {feature} behind a feature flag",
    "we get `{error}` in production logs every few minutes. track it down", "replace {lib} with {lib2} in {module}", "add retries with backoff to {fn}"
  ],
  high: [
    "migrate {module} from {lib} to {lib2} across the codebase", "build a new {service} service with its own queue, API and tests",
    "rewrite {module} to support multiple tenants", "implement {feature} end to end: schema, API, UI and tests",
    "redesign the data model for {feature} and migrate the existing data", "set up a full CI pipeline: lint, tests, build, and deploy to staging",
    "split the monolith's {module} code out into its own package with a clean interface", "port the {module} module from Python to TypeScript",
    "add {feature} across the web app and the mobile API, with migrations and docs"
  ]
};

type Service = {name: string; input: Json; text: string};

/** One non-software domain: where its work lives and what its people ask for. */
type Domain = {projects: string[]; files: string[]; services: Service[]; searches: string[]; slots: Record<string, string[]>; prompts: Prompts};

const DOMAINS: Record<string, Domain> = {
  back_office: {
    projects: ["ops-automation", "hr-onboarding", "vendor-admin"],
    files: ["onboarding/checklist.md", "data/new-hires-march.csv", "forms/equipment-request.md", "procurement/vendors.csv", "timesheets/week-12.csv", "notes/office-moves.md"],
    services: [{name: "mcp__gsheets__append_rows", input: {sheet: "Onboarding", rows: 4}, text: "Appended 4 rows to Onboarding"}, {name: "mcp__bamboohr__list_employees", input: {status: "starting"}, text: "3 employees starting next week"}, {name: "mcp__gmail__create_draft", input: {to: "facilities@", subject: "Desk setup"}, text: "Draft created"}],
    searches: ["employee onboarding checklist template", "timesheet approval workflow best practice"],
    slots: {who: ["the three new hires", "the contractors", "the Berlin team", "facilities"], doc: ["the onboarding checklist", "the vendor list", "the equipment form"]},
    prompts: {
      minimal: ["how many people start next week?", "open {doc}", "who hasn't submitted their timesheet?"],
      low: ["add {who} to {doc}", "fill in the start dates for {who} from the HR export", "draft a reminder to {who} about timesheets"],
      medium: ["build the onboarding tracker for {who} from the HR export and the equipment requests", "reconcile the vendor list against last quarter's purchase orders and flag duplicates"],
      high: ["automate the whole new-hire onboarding: accounts, equipment requests, welcome emails and the checklist, for every start date this quarter", "set up the procurement approval workflow end to end, from request form to vendor record"]
    }
  },
  marketing: {
    projects: ["spring-campaign", "newsletter", "brand-content", "growth-experiments"],
    files: ["drafts/newsletter-april.md", "copy/homepage-hero.md", "briefs/campaign-brief.md", "data/email-opens.csv", "social/linkedin-posts.md", "seo/keywords.csv"],
    services: [{name: "mcp__hubspot__list_campaigns", input: {limit: 20}, text: "12 campaigns"}, {name: "mcp__mailchimp__create_campaign_draft", input: {audience: "customers", subject: "What's new in April"}, text: "Draft campaign created"}, {name: "mcp__buffer__schedule_post", input: {channel: "linkedin", at: "tomorrow 9:00"}, text: "Post scheduled"}],
    searches: ["B2B newsletter open rate benchmarks", "LinkedIn post length engagement study", "product launch email subject lines"],
    slots: {piece: ["the April newsletter", "the launch announcement", "the homepage hero copy", "five LinkedIn posts", "the webinar invite"], audience: ["developers", "finance teams", "existing customers", "trial users"]},
    prompts: {
      minimal: ["what was the open rate last month?", "give me three subject lines for {piece}", "shorten this headline"],
      low: ["draft {piece} for {audience}", "rewrite the intro of {piece} to sound less salesy", "pull the top keywords for the pricing page"],
      medium: ["plan the campaign for the launch: audience segments, the email sequence and the social posts for {audience}", "analyse last quarter's email opens by segment and suggest what to change in {piece}"],
      high: ["put together the whole launch campaign: positioning, landing page copy, a six-email nurture sequence, social calendar and the tracking plan", "rebuild our content calendar for the next quarter across blog, newsletter and social, with briefs for each piece"]
    }
  },
  sales_crm: {
    projects: ["sales-ops", "crm-cleanup", "pipeline-reports"],
    files: ["reports/pipeline-q2.md", "data/leads-export.csv", "templates/follow-up.md", "accounts/enterprise-targets.csv", "notes/call-notes.md"],
    services: [{name: "mcp__salesforce__query", input: {soql: "SELECT Id, Name, StageName FROM Opportunity WHERE IsClosed = false"}, text: "48 open opportunities"}, {name: "mcp__hubspot__update_deal", input: {deal: "ACME renewal", stage: "negotiation"}, text: "Deal updated"}, {name: "mcp__hubspot__create_contact", input: {email: "j.doe@example.com"}, text: "Contact created"}],
    searches: ["sales follow-up email after demo", "enterprise deal qualification framework"],
    slots: {account: ["ACME", "Globex", "Initech", "Umbrella Health", "Northwind"], list: ["the webinar leads", "the trade show leads", "inbound demo requests"]},
    prompts: {
      minimal: ["how many open deals does {account} have?", "who owns the {account} account?", "what stage is the {account} renewal in?"],
      low: ["write a follow-up email to {account} after yesterday's demo", "dedupe {list} by email", "update the {account} deal notes from my call notes"],
      medium: ["score {list} and load the qualified ones into the CRM with owners assigned", "build this week's pipeline report by rep and stage from the CRM"],
      high: ["clean up the whole CRM: merge duplicate accounts, fix stages on stale deals, reassign orphaned leads and produce a report of what changed", "set up the outreach sequence for every enterprise target account, with personalised first emails and CRM tasks"]
    }
  },
  finance: {
    projects: ["finance-ops", "budget-2026", "month-end-close"],
    files: ["ledger/march.csv", "budget/2026-plan.xlsx", "reports/expenses-q1.md", "data/bank-statement-march.csv", "invoices/pending.csv"],
    services: [{name: "mcp__quickbooks__list_invoices", input: {status: "overdue"}, text: "7 overdue invoices"}, {name: "mcp__stripe__list_payouts", input: {limit: 10}, text: "10 payouts"}, {name: "mcp__xero__create_bill", input: {vendor: "AWS", amount: 1840.22}, text: "Bill created"}],
    searches: ["accrual vs cash accounting month end", "SaaS gross margin benchmark"],
    slots: {period: ["March", "Q1", "last month", "the fiscal year"], account: ["travel expenses", "cloud spend", "payroll", "contractor invoices"]},
    prompts: {
      minimal: ["what's the total of {account} for {period}?", "which invoices are overdue?", "what did we pay AWS in {period}?"],
      low: ["categorise the uncategorised transactions in the March ledger", "draft a reminder for the overdue invoices", "summarise {account} for {period}"],
      medium: ["reconcile the bank statement for {period} against the ledger and list the mismatches", "build the {period} expense report by department with variances to budget"],
      high: ["prepare the whole month-end close for {period}: reconciliations, accruals, the P&L and a variance commentary", "rebuild the 2026 budget model from the department requests, with scenarios and a cash forecast"]
    }
  },
  data_analysis: {
    projects: ["analytics", "churn-study", "kpi-dashboards", "survey-analysis"],
    files: ["data/orders.csv", "data/signups.parquet", "notebooks/churn.ipynb", "reports/weekly-kpis.md", "queries/retention.sql", "data/survey-results.csv"],
    services: [{name: "mcp__bigquery__run_query", input: {sql: "SELECT date, count(*) FROM events GROUP BY 1"}, text: "90 rows"}, {name: "mcp__metabase__get_card", input: {id: 42}, text: "Weekly active users"}, {name: "mcp__postgres__query", input: {sql: "select plan, count(*) from accounts group by plan"}, text: "4 rows"}],
    searches: ["cohort retention analysis method", "survivorship bias in churn analysis"],
    slots: {metric: ["weekly active users", "churn", "conversion from trial", "average order value", "NPS"], cut: ["by plan", "by country", "by signup month", "by channel"]},
    prompts: {
      minimal: ["how many rows are in the orders data?", "what's {metric} this week?", "plot {metric}"],
      low: ["chart {metric} {cut} for the last six months", "clean the survey results: drop empty answers and normalise the country names", "add {metric} to the weekly KPI report"],
      medium: ["find out why {metric} dropped in March, {cut}", "build a cohort retention table {cut} and write up what stands out"],
      high: ["build the whole KPI dashboard from the raw events: definitions, queries, charts and a written weekly summary", "run a full churn analysis: features, a simple model, drivers {cut}, and recommendations"]
    }
  },
  academic_research: {
    projects: ["thesis", "lit-review", "paper-draft", "grant-proposal"],
    files: ["chapters/related-work.tex", "refs.bib", "notes/reading-list.md", "drafts/introduction.md", "figures/results.csv"],
    services: [{name: "mcp__zotero__search_items", input: {query: "transformer interpretability"}, text: "23 items"}, {name: "mcp__arxiv__search", input: {query: "sparse autoencoders features"}, text: "15 results"}],
    searches: ["survey of mechanistic interpretability 2025", "citation for bootstrap confidence intervals Efron", "sample size for paired t-test"],
    slots: {topic: ["interpretability", "soil microbiomes", "labour economics", "protein folding", "urban heat islands"], section: ["the related work section", "the introduction", "the methods section", "the abstract"]},
    prompts: {
      minimal: ["find the citation for the Efron bootstrap paper", "how many references are in refs.bib?", "fix the broken citation in {section}"],
      low: ["tighten {section}", "add these five papers to the bibliography", "summarise the three papers on my reading list about {topic}"],
      medium: ["write {section} for my paper on {topic} from my notes and the bibliography", "check every claim in {section} has a citation and find the missing ones"],
      high: ["do a literature review on {topic}: find the key papers, group them by approach, and draft the review chapter with citations", "draft the whole grant proposal on {topic}: aims, background, approach and timeline"]
    }
  },
  cybersecurity: {
    projects: ["security-audit", "pentest-notes", "infra-hardening"],
    files: ["findings/report.md", "scans/nmap-internal.txt", "policies/access-review.md", "configs/sshd_config", "findings/cve-triage.csv"],
    services: [{name: "mcp__snyk__list_issues", input: {project: "web", severity: "high"}, text: "6 high severity issues"}, {name: "mcp__shodan__host", input: {ip: "203.0.113.7"}, text: "2 open ports"}],
    searches: ["CVE-2024-3094 xz backdoor mitigation", "OWASP ASVS session management requirements"],
    slots: {target: ["the staging network", "the public API", "our S3 buckets", "the VPN"], issue: ["exposed admin panel", "weak TLS config", "leaked credentials in git history", "open S3 bucket"]},
    prompts: {
      minimal: ["what ports are open on the bastion?", "is the xz issue relevant to us?", "list the high severity findings"],
      low: ["triage the new dependency vulnerabilities by severity", "write up the {issue} finding", "review the sshd config for weak settings"],
      medium: ["run a scan of {target} and triage the findings", "investigate the {issue} and write the remediation steps"],
      high: ["do a full security review of {target}: scanning, findings, severity, and a remediation plan", "harden every server in the fleet against the CIS benchmark and document the exceptions"]
    }
  },
  customer_service: {
    projects: ["support-macros", "help-center", "ticket-triage"],
    files: ["macros/refunds.md", "faq/billing.md", "exports/tickets-week.csv", "guides/escalation.md"],
    services: [{name: "mcp__zendesk__search_tickets", input: {query: "status:open priority:urgent"}, text: "14 tickets"}, {name: "mcp__zendesk__add_comment", input: {ticket: 4812, public: true}, text: "Comment added"}, {name: "mcp__intercom__list_conversations", input: {state: "open"}, text: "31 conversations"}],
    searches: ["empathetic refund denial wording", "first response time benchmarks support"],
    slots: {kind: ["refund requests", "login problems", "shipping delays", "billing disputes"], who: ["an angry enterprise customer", "a customer who was double charged", "a user locked out of their account"]},
    prompts: {
      minimal: ["how many urgent tickets are open?", "what's our refund window?", "find the ticket from {who}"],
      low: ["draft a reply to {who}", "update the FAQ entry on {kind}", "tag this week's {kind} tickets"],
      medium: ["go through this week's {kind} and draft replies for the ones we can answer from the help center", "write a new macro set for {kind} with the escalation rules"],
      high: ["rebuild the help center's billing section from the last three months of tickets: new articles, macros and an escalation guide", "triage the whole backlog: categorise, draft replies, and escalate what needs an engineer"]
    }
  },
  gaming: {
    projects: ["platformer", "card-game", "mod-tools"],
    files: ["scenes/player.tscn", "scripts/player.gd", "scripts/enemy_ai.gd", "levels/level_03.json", "design/balance.md", "assets/sprites/atlas.json"],
    services: [{name: "mcp__godot__run_scene", input: {scene: "res://scenes/level_03.tscn"}, text: "Scene ran for 12s"}],
    searches: ["coyote time jump platformer feel", "card game mana curve balance"],
    slots: {mechanic: ["double jump", "wall sliding", "the dash", "enemy patrols", "the boss fight"], level: ["level 3", "the tutorial level", "the ice world"]},
    prompts: {
      minimal: ["how high can the player jump right now?", "what does the enemy do when it loses sight of the player?", "make the player a bit faster"],
      low: ["add coyote time to the jump", "tweak {mechanic} so it feels less floaty", "add two more platforms to {level}"],
      medium: ["make {mechanic} work with the moving platforms in {level}", "rebalance the card costs so the early game is less swingy"],
      high: ["design and build a new world with five levels, a new enemy type and a boss", "add a save system with three slots, settings and a level select screen"]
    }
  },
  documents: {
    projects: ["board-deck", "reports", "proposals"],
    files: ["deck/outline.md", "reports/annual-report.docx", "proposal/draft.md", "slides/q3-review.pptx", "memos/reorg.md"],
    services: [{name: "mcp__gdrive__search", input: {query: "Q3 review deck"}, text: "3 files"}, {name: "mcp__gdocs__insert_text", input: {doc: "Annual report", at: "end"}, text: "Inserted"}],
    searches: ["how to structure a board deck", "executive summary examples"],
    slots: {doc: ["the board deck", "the annual report", "the partnership proposal", "the Q3 review slides", "the reorg memo"]},
    prompts: {
      minimal: ["how many slides are in {doc}?", "fix the date on the title slide", "what's the word count of {doc}?"],
      low: ["tighten the executive summary of {doc}", "turn my notes into an outline for {doc}", "make the headings in {doc} consistent"],
      medium: ["write the first draft of {doc} from the outline and last year's version", "restructure {doc} so the recommendation comes first, and cut it to ten pages"],
      high: ["produce {doc} from scratch: outline, every section, charts from the data folder and an appendix", "turn the research notes into a full report with an executive summary, five chapters and slides to present it"]
    }
  },
  education: {
    projects: ["course-materials", "lesson-plans", "quiz-bank"],
    files: ["week-05/lesson.md", "quizzes/fractions.md", "syllabus.md", "rubrics/essay.md", "grades/period-3.csv"],
    services: [{name: "mcp__canvas__create_assignment", input: {course: "Algebra I", title: "Week 5 quiz"}, text: "Assignment created"}, {name: "mcp__classroom__list_submissions", input: {assignment: "Essay 2"}, text: "27 submissions"}],
    searches: ["fractions lesson activities grade 5", "essay rubric high school argumentative"],
    slots: {subject: ["fractions", "photosynthesis", "the French revolution", "linear equations", "persuasive writing"], group: ["my fifth graders", "period 3", "the intro course"]},
    prompts: {
      minimal: ["what's the class average on the last quiz?", "give me a warm-up question on {subject}", "when is the next assignment due?"],
      low: ["write a ten-question quiz on {subject} for {group}", "make a rubric for the essay on {subject}", "add answer keys to the week 5 quiz"],
      medium: ["plan a week of lessons on {subject} for {group} with activities and homework", "grade the essays against the rubric and draft feedback for each student"],
      high: ["build the whole unit on {subject}: lesson plans, slides, quizzes, a project and the rubric", "redesign the course syllabus for next term with weekly objectives and assessments"]
    }
  },
  ecommerce: {
    projects: ["shop-catalog", "store-ops", "product-feeds"],
    files: ["catalog/products.csv", "catalog/collections.json", "content/product-descriptions.md", "ops/inventory.csv", "feeds/google-shopping.xml"],
    services: [{name: "mcp__shopify__list_products", input: {collection: "summer"}, text: "64 products"}, {name: "mcp__shopify__update_inventory", input: {sku: "TSHIRT-BLK-M", quantity: 40}, text: "Inventory updated"}, {name: "mcp__shopify__list_orders", input: {status: "unfulfilled"}, text: "19 orders"}],
    searches: ["product description length conversion", "Google Shopping feed required attributes"],
    slots: {range: ["the summer collection", "the new mugs", "all the t-shirts", "the clearance items"]},
    prompts: {
      minimal: ["how many orders are unfulfilled?", "what's the stock of the black t-shirt in medium?", "which product sold most last week?"],
      low: ["write product descriptions for {range}", "fix the missing images in {range}", "mark {range} as on sale at 20% off"],
      medium: ["audit the catalog for missing sizes, prices and descriptions and fix what you can", "set up the Google Shopping feed for {range}"],
      high: ["migrate the whole catalog to the new collection structure with redirects, descriptions and updated inventory", "launch {range} in the store end to end: products, variants, photos, collections and the launch email"]
    }
  },
  healthcare: {
    projects: ["clinic-ops", "clinical-notes", "research-cohort"],
    files: ["templates/discharge-summary.md", "data/appointments.csv", "protocols/diabetes-followup.md", "data/cohort-export.csv"],
    services: [{name: "mcp__fhir__search_patients", input: {birthdate: "ge1950-01-01", condition: "E11"}, text: "212 patients"}, {name: "mcp__fhir__get_observations", input: {patient: "Patient/8841", code: "4548-4"}, text: "6 observations"}, {name: "mcp__ehr__create_note", input: {patient: "Patient/8841", kind: "follow-up"}, text: "Note created"}],
    searches: ["HbA1c follow-up interval guideline", "discharge summary required elements"],
    slots: {group: ["the diabetes patients", "this week's discharges", "the no-shows", "the cohort"], doc: ["the discharge summary template", "the follow-up protocol"]},
    prompts: {
      minimal: ["how many appointments are booked tomorrow?", "what's the follow-up interval for HbA1c over 8?", "find the last lab results for this patient"],
      low: ["update {doc} with the new medication section", "list {group} who are overdue for a check-up", "summarise the visit notes for this patient"],
      medium: ["pull {group} from the records and draft follow-up letters for each", "check {doc} against the current guideline and fix what's out of date"],
      high: ["build the recall programme for {group}: criteria, the patient list, letters, and a schedule for the nurses", "prepare the whole cohort dataset for the study: extraction, de-identification, cleaning and a data dictionary"]
    }
  },
  legal: {
    projects: ["contracts", "policies", "matters"],
    files: ["contracts/msa-acme.docx", "templates/nda.md", "policies/privacy-policy.md", "matters/timeline.md", "contracts/dpa-draft.md"],
    services: [{name: "mcp__docusign__list_envelopes", input: {status: "sent"}, text: "5 envelopes awaiting signature"}, {name: "mcp__ironclad__get_contract", input: {id: "C-2291"}, text: "Master Services Agreement"}],
    searches: ["limitation of liability clause SaaS typical cap", "GDPR data processing agreement article 28 requirements"],
    slots: {doc: ["the ACME master services agreement", "our NDA template", "the privacy policy", "the data processing agreement"], clause: ["the limitation of liability clause", "the termination clause", "the indemnity", "the governing law clause"]},
    prompts: {
      minimal: ["what's the notice period in {doc}?", "who still needs to sign the NDA?", "when does {doc} renew?"],
      low: ["redline {clause} in {doc}", "compare our NDA template with the one the vendor sent", "summarise {doc} in plain English"],
      medium: ["review {doc} against our playbook and list every deviation with a suggested fix", "update the privacy policy for the new analytics vendor"],
      high: ["draft a complete master services agreement for the new reseller programme, with schedules and a DPA", "review every customer contract for change-of-control and assignment clauses and build a summary table"]
    }
  },
  travel_logistics: {
    projects: ["offsite-planning", "shipping-ops", "fleet-routes"],
    files: ["offsite/itinerary.md", "shipping/pending.csv", "routes/monday.csv", "vendors/carriers.md"],
    services: [{name: "mcp__amadeus__search_flights", input: {from: "SFO", to: "LIS", date: "2026-05-04"}, text: "37 offers"}, {name: "mcp__shippo__create_label", input: {carrier: "ups", service: "ground"}, text: "Label created"}, {name: "mcp__shippo__track", input: {tracking: "1Z999AA10123456784"}, text: "In transit"}],
    searches: ["Lisbon offsite venues 40 people", "cheapest carrier for 5kg parcels EU"],
    slots: {trip: ["the Lisbon offsite", "the sales trip to Chicago", "the conference in Berlin"], batch: ["today's orders", "the delayed shipments", "the returns"]},
    prompts: {
      minimal: ["when does the flight to Lisbon land?", "where is the shipment for order 4412?", "how many parcels go out today?"],
      low: ["find flights for {trip}", "print labels for {batch}", "update the itinerary for {trip} with the new hotel"],
      medium: ["plan {trip} for twelve people: flights, hotel, and a schedule", "re-route {batch} around the carrier strike"],
      high: ["organise {trip} end to end: venue, flights for 40 people, hotels, agenda and budget", "redesign the delivery routes for the whole week to cut miles, and update every driver's schedule"]
    }
  },
  other: {
    projects: ["notes", "home", "side-project", "writing"],
    files: ["notes/ideas.md", "recipes/weeknight.md", "home/automations.yaml", "writing/speech.md", "lists/reading.md"],
    services: [{name: "mcp__notion__search", input: {query: "ideas"}, text: "8 pages"}, {name: "mcp__homeassistant__call_service", input: {service: "light.turn_off", entity: "light.office"}, text: "OK"}],
    searches: ["best way to store fresh basil", "wedding toast length", "how to prune a fig tree"],
    slots: {thing: ["my reading list", "the speech for Sam's wedding", "my notes from the conference", "the weekly meal plan", "the garden plan"]},
    prompts: {
      minimal: ["what's on {thing}?", "give me a title for this", "how long should a toast be?"],
      low: ["tidy up {thing}", "make {thing} a bit funnier", "sort {thing} by priority"],
      medium: ["turn my rough notes into {thing}", "plan {thing} for the next month"],
      high: ["organise all my notes from this year into a searchable set of pages with summaries", "write {thing} from scratch with three drafts in different tones"]
    }
  }
};

export const SOFTWARE = "software_engineering";

export function makeProject(domain: string, home: string, rng: Rng, full = false): Project {
  if (domain === SOFTWARE || !DOMAINS[domain]) {
    const language = rng.pick(LANGUAGES);
    const name = rng.pick(SE_PROJECTS);
    return {name, cwd: `${home}/src/${name}`, domain: SOFTWARE, language, files: language.files, branch: rng.pick(["main", "main", "master", "develop", `feat/${rng.pick(SE_SLOTS.service)}`]), full};
  }
  const d = DOMAINS[domain];
  const name = rng.pick(d.projects);
  return {name, cwd: `${home}/${rng.pick(["work", "Documents", "projects"])}/${name}`, domain, language: null, files: d.files, branch: rng.pick(["main", "HEAD"]), full};
}

function slotsOf(p: Project): Record<string, string[]> {
  return p.language ? SE_SLOTS : DOMAINS[p.domain].slots;
}

/** Fills `{slot}`s from the topic, choosing (and remembering) values it lacks. */
export function fill(template: string, p: Project, topic: Topic, rng: Rng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (topic[slot] === undefined) topic[slot] = slot === "file" || slot === "file2" ? rng.pick(p.files) : rng.pick(slotsOf(p)[slot] ?? [slot]);
    return topic[slot];
  });
}

/** The tasks people hand over, by domain (software engineering too) and complexity. */
export const PROMPTS: Record<string, Prompts> = {[SOFTWARE]: SE_PROMPTS, ...Object.fromEntries(Object.entries(DOMAINS).map(([name, d]) => [name, d.prompts]))};

/** A session's task: a prompt of its project's domain, drawn from `prompts`. */
export function taskPrompt(prompts: Record<string, Prompts>, p: Project, c: Complexity, rng: Rng): {text: string; topic: Topic} {
  const topic: Topic = {};
  return {text: fill(rng.pick(prompts[p.domain][c]), p, topic, rng), topic};
}

/** The order in which a turn's work usually runs, by domain. */
export function actionMix(p: Project): Record<Action, number> {
  return p.language
    ? {explore: 0.42, change: 0.3, verify: 0.2, vcs: 0.04, research: 0.02, service: 0.02}
    : {explore: 0.28, change: 0.3, verify: 0.04, vcs: 0, research: 0.18, service: 0.2};
}

const lines = (n: number) => Array.from({length: n}, (_, i) => `${String(i + 1).padStart(6)}→`).join("\n");

// A file's text as Read returns it: numbered lines, made from the project's own code
// (or prose), with no draw from the generator's random streams, so that the lean and the
// full fleets of one seed hold the same sessions.
function fileText(p: Project, n: number): string {
  const source = p.language ? p.language.code : ["- a point from the notes, in a sentence or two", "## A heading", "Some prose that runs for a line of the page."];
  return Array.from({length: n}, (_, i) => `${String(i + 1).padStart(6)}→${source[i % source.length].split("\n")[0]}`).join("\n");
}

function read(p: Project, topic: Topic, rng: Rng): Call {
  const path = `${p.cwd}/${topic.file && rng.chance(0.5) ? topic.file : rng.pick(p.files)}`;
  const n = rng.int(12, 400);
  const text = p.full ? fileText(p, n) : "";
  return {name: "Read", input: {file_path: path}, content: p.full ? text : `${lines(2)}\n… (${n} lines)`, result: {type: "text", file: {filePath: path, content: text, numLines: n, startLine: 1, totalLines: n}}, slow: false};
}

function edit(p: Project, rng: Rng, change: string): Call {
  const path = `${p.cwd}/${rng.pick(p.files)}`;
  const code = p.language ? rng.pick(p.language.code) : "";
  const [oldString, newString] = p.language ? [code, `${code} // ${change}`] : ["TODO", change];
  if (rng.chance(0.03)) {
    return {name: "Edit", input: {file_path: path, old_string: oldString, new_string: newString}, content: "<tool_use_error>String to replace not found in file.</tool_use_error>", result: "Error: String to replace not found in file.", slow: false, error: true};
  }
  return {
    name: "Edit",
    input: {file_path: path, old_string: oldString, new_string: newString},
    content: `The file ${path} has been updated successfully.`,
    result: {filePath: path, oldString, newString, originalFile: null, structuredPatch: [], userModified: false, replaceAll: false},
    slow: false
  };
}

function write(p: Project, rng: Rng, content: string): Call {
  const dir = p.language ? rng.pick(["src", "app", "internal", "scripts", "docs", "test"]) : rng.pick(["drafts", "notes", "reports", "out"]);
  const path = `${p.cwd}/${dir}/${rng.pick(["new", "draft", "summary", "plan", "helpers", "notes"])}-${rng.int(1, 99)}.${p.language ? rng.pick(["ts", "py", "go", "md"]) : "md"}`;
  return {name: "Write", input: {file_path: path, content}, content: `File created successfully at: ${path}`, result: {type: "create", filePath: path, content, structuredPatch: [], originalFile: null}, slow: false};
}

export function bash(command: string, description: string, stdout: string, slow: boolean, failed = false): Call {
  if (failed) {
    return {name: "Bash", input: {command, description}, content: `Exit code 1\n${stdout}`, result: `Error: Exit code 1\n${stdout}`, slow, error: true};
  }
  return {name: "Bash", input: {command, description}, content: stdout, result: {stdout, stderr: "", interrupted: false, isImage: false}, slow};
}

function search(p: Project, rng: Rng): Call {
  if (p.language && rng.chance(0.7)) {
    if (rng.chance(0.6)) {
      const pattern = rng.pick(SE_SLOTS.fn);
      const n = rng.int(1, 6);
      return {name: "Grep", input: {pattern, output_mode: "files_with_matches"}, content: `Found ${n} files\n${p.files.slice(0, n).map((f) => `${p.cwd}/${f}`).join("\n")}`, result: {mode: "files_with_matches", filenames: [], numFiles: n}, slow: false};
    }
    const pattern = rng.pick(["**/*.test.*", "src/**/*.ts", "**/*.py", "**/config*", "**/*.md"]);
    return {name: "Glob", input: {pattern}, content: p.files.slice(0, 4).map((f) => `${p.cwd}/${f}`).join("\n"), result: {filenames: [], durationMs: rng.int(2, 40), numFiles: 4, truncated: false}, slow: false};
  }
  return read(p, {}, rng);
}

function research(p: Project, rng: Rng): Call {
  const query = p.language ? `${rng.pick(SE_SLOTS.lib2)} ${rng.pick(["migration guide", "changelog breaking changes", "docs retries", "known issues"])}` : rng.pick(DOMAINS[p.domain].searches);
  if (rng.chance(0.7)) {
    return {name: "WebSearch", input: {query}, content: `Web search results for query: "${query}"\n\nLinks: […]`, result: {query, results: [], durationSeconds: rng.uniform(1, 6)}, slow: false};
  }
  const url = `https://docs.example.com/${query.split(" ")[0].toLowerCase()}`;
  return {name: "WebFetch", input: {url, prompt: `What does this page say about ${query}?`}, content: "The page explains …", result: {bytes: rng.int(2000, 90000), code: 200, codeText: "OK", result: "…", durationMs: rng.int(300, 4000), url}, slow: false};
}

function service(p: Project, rng: Rng): Call {
  const services: Service[] = p.language
    ? [{name: "mcp__github__create_pull_request", input: {title: "Fix retry handling", base: "main"}, text: "Created pull request #" + rng.int(100, 999)}, {name: "mcp__linear__get_issue", input: {id: `ENG-${rng.int(100, 2000)}`}, text: "Issue found"}, {name: "mcp__sentry__search_issues", input: {query: "is:unresolved"}, text: "9 issues"}, {name: "mcp__postgres__query", input: {sql: "select count(*) from orders where status = 'pending'"}, text: "1 row"}]
    : DOMAINS[p.domain].services;
  const s = rng.pick(services);
  const content = [{type: "text", text: s.text}];
  return {name: s.name, input: s.input, content, result: content, slow: false};
}

/** One tool call for an action of the task. */
export function toolCall(p: Project, topic: Topic, action: Action, rng: Rng): Call {
  const lang = p.language;
  switch (action) {
    case "explore":
      return rng.chance(0.55) ? read(p, topic, rng) : search(p, rng);
    case "change":
      if (!lang && rng.chance(0.4)) return write(p, rng, "## Draft\n\n…");
      return rng.chance(0.85) ? edit(p, rng, rng.pick(["handle the empty case", "use the configured timeout", "rename for clarity", "add retry", "fix off-by-one"])) : write(p, rng, lang ? rng.pick(lang.code) : "…");
    case "verify": {
      if (!lang) return bash(`python3 ${rng.pick(["scripts/summarise.py", "scripts/check.py", "analysis.py"])} ${rng.pick(p.files)}`, "Run the analysis", "done", true);
      const kind = rng.weighted({test: 0.55, build: 0.2, lint: 0.15, run: 0.05, install: 0.05});
      const command = rng.pick(lang[kind]);
      const failed = kind !== "install" && rng.chance(0.25);
      const passed = kind === "test" ? rng.int(5, failed ? 200 : 400) : 0;
      const summary = kind === "test" ? (failed ? `FAIL  1 failed, ${passed} passed` : `${passed} passed`) : failed ? "error: 2 problems" : "";
      // The full fleet's test runs print a line a test, as test runners do.
      const out = p.full && kind === "test" ? `${Array.from({length: passed}, (_, i) => ` ✓ ${p.files[i % p.files.length]} › case ${i + 1} (${1 + (i % 37)} ms)`).join("\n")}\n${summary}` : summary;
      return bash(command, {test: "Run the tests", build: "Build the project", lint: "Lint", run: "Run it", install: "Install the dependency"}[kind], out, kind === "test" || kind === "build", failed);
    }
    case "vcs":
      return rng.weighted({status: 0.3, diff: 0.25, commit: 0.3, push: 0.1, branch: 0.05}) === "commit"
        ? bash(`git add -A && git commit -m "${rng.pick(["Fix empty cart totals", "Add pagination to orders", "Handle expired sessions", "Refactor API client injection", "Update README"])}"`, "Commit the change", "[main 3f2c1a9] 3 files changed", false)
        : bash(rng.pick(["git status", "git diff --stat", "git log --oneline -5", "git push origin HEAD", "git checkout -b fix/retry"]), "Check the repository", "", false);
    case "research":
      return research(p, rng);
    case "service":
      return service(p, rng);
  }
}

/** A long command sent to the background; its end arrives as a task notification. */
export function backgroundCall(p: Project, rng: Rng): Call {
  const command = p.language ? rng.pick([...p.language.test, ...p.language.build]) : "python3 scripts/summarise.py data/";
  const id = rng.base62(9).toLowerCase();
  return {
    name: "Bash",
    input: {command, description: "Run in the background", run_in_background: true},
    content: `Command running in background with ID: ${id}. Output is being written to: /tmp/claude/tasks/${id}.output`,
    result: {stdout: "", stderr: "", interrupted: false, isImage: false, backgroundTaskId: id},
    slow: false
  };
}

/** What a subagent is asked to do for a task, and the calls it makes. */
export function subagentBrief(p: Project, topic: Topic, rng: Rng): {description: string; prompt: string; type: string} {
  const subject = topic.module ?? topic.feature ?? topic.doc ?? topic.thing ?? topic.topic ?? p.name;
  return rng.pick([
    {description: `Explore ${subject}`, prompt: `Find every place that touches ${subject} and report the files, entry points and anything surprising.`, type: "Explore"},
    {description: "Research options", prompt: `Research how others handle ${subject} and summarise two or three approaches with trade-offs.`, type: "general-purpose"},
    {description: `Review ${subject}`, prompt: `Review the recent changes to ${subject} for bugs and missing tests. Report findings only.`, type: "general-purpose"}
  ]);
}
