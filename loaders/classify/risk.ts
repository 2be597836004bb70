// Risk (1–10) and reversibility of a tool call (F7). The study's model scored each call in
// its context; these rules read what the call does: its tool, and in its input the shell
// command, the SQL, or the path. Nothing else of the input is read.
//
// A call takes the first of these four that applies.
//
// A. Claude Code's read-only tools (Read, Grep, Glob, WebFetch, Task ...: definitions.ts):
//    risk 1, or 2 when the path read is a secrets file (SECRETS: `.env`, keys, cloud and
//    package-manager credentials, but not `.env.example`), because the secret then sits in
//    the model's context. Reversible.
// B. File edits (Edit, Write, MultiEdit, NotebookEdit): risk 2, or 4 on a sensitive path
//    (SECRETS, CI workflows, infrastructure, Dockerfiles, database migrations, shell start-up
//    files, /etc). Reversible: an edit can be edited back, and Claude Code keeps
//    checkpoints of the files it changes.
// C. A call whose input holds a shell command (`command`: Bash, and any other shell tool)
//    is scored by the command (its first 2,000 characters). Each rule below that matches
//    gives a score; the highest counts, and any matching rule marked irreversible makes
//    the call irreversible:
//    - 9, irreversible: a secret sent out (exfiltration): a secret variable ($API_KEY,
//      $GITHUB_TOKEN, ...) or a secrets file in the body or upload of a request (curl -d,
//      --data, -F, -T, wget --post-data), a secrets file or the environment piped into a
//      network tool (`cat .env | curl ...`, `env | nc ...`), or a secrets file copied to a
//      host (scp, rsync). The study's riskiest cluster was API-key exfiltration. A secret
//      in a header (`-H "Authorization: Bearer $TOKEN"`) is ordinary authentication: not
//      this.
//    - rm, by its targets: the file system's root, home or the current folder, 8; only
//      things a build or an install makes again (node_modules, dist, build, caches,
//      virtualenvs, logs, /tmp: REGENERABLE), 2 and reversible; else recursive 6, plain
//      4; both irreversible.
//    - 8, irreversible: destroying an environment or a data store: terraform destroy,
//      kubectl delete of a namespace, deployment, volume or everything, helm uninstall,
//      DROP DATABASE/SCHEMA, mkfs, dd, aws s3 rb or rm --recursive, docker system/volume
//      prune.
//    - 7, irreversible: DROP TABLE, TRUNCATE, DELETE FROM without WHERE; force-pushing to
//      main, master, a release or a production branch. 7, reversible: piping a download
//      into a shell (`curl ... | sh`).
//    - 6, irreversible: force push to other branches, git reset --hard, git clean -f,
//      UPDATE without WHERE, docker compose down -v, a cloud CLI deleting or terminating
//      something. 6, reversible: terraform apply, kubectl apply/create/patch/scale/...,
//      helm install/upgrade, pulumi up, a deploy command that names production (or
//      --prod).
//    - 5, irreversible: publishing a package or an image (npm publish, docker push, twine
//      upload, cargo publish, gem push, gh release create), discarding uncommitted work
//      (git checkout -- / ., git restore, git stash drop/clear, git branch -D), other
//      kubectl deletes, DELETE or UPDATE with WHERE, sending mail (sendmail, mail -s),
//      find -delete, shred. 5, reversible: sudo, chmod -R or 777, chown -R, systemctl
//      start/stop/..., crontab, shutdown, reboot, any other deploy command (npm run
//      deploy, fly deploy, ./deploy.sh; not the word "deployment").
//    - 4, reversible: git push, rebase, merge, cherry-pick, commit --amend, gh pr merge;
//      database migrations and clients (psql, mysql, mongosh, redis-cli); cloud CLIs (aws,
//      gcloud, az, doctl, flyctl, heroku); ssh, scp, rsync; kubectl exec/cp/port-forward;
//      pkill, killall, kill -9; a request that writes (curl -X POST/PUT/PATCH/DELETE, or
//      with a body).
//    - 3, reversible: mv, git commit/checkout/switch/stash/tag, gh pr create, installing
//      packages (npm/pnpm/yarn/bun install, add or ci, pip, uv, cargo, go, gem, brew, apt),
//      docker run/build/compose, kill.
//    - Otherwise 1 when every command of the line only reads (READ_COMMANDS: ls, cat, grep,
//      jq, git status/diff/log, kubectl get, docker ps, SQL SELECT ..., with no redirect
//      into a file, no sed -i, no find -delete/-exec), else 2 (running the project's own
//      code: tests, builds, scripts; or a command we cannot see). Reversible.
//    The same rules read the SQL or script of any other tool: an input field `sql`,
//    `script`, `code`, `statement`, or a `query` that starts like SQL.
// D. Any other tool (MCP tools, an API agent's tools) is scored by the words of its name
//    (`mcp__stripe__create_refund` → stripe, create, refund):
//    - a READ verb first (get, list, search, lookup, query, fetch ...): 1, or 2 when the
//      name names SENSITIVE data (patients, prescriptions, credentials, accounts, cards,
//      payments, transactions, invoices, production); reversible.
//    - else the highest class among its words: WRITE 3 (create, update, add, set, book,
//      schedule, draft ...); SEND 4 (send, email, message, post, publish, notify, reply
//      ...); DELETE 5 (delete, remove, cancel, revoke, purge ...); EXEC 5 (exec, shell,
//      deploy, restart, "run/execute command, script or code"); PHYSICAL 5 (unlock,
//      disarm, dispense, actuate); MONEY 6 (pay, refund, charge, transfer, trade, purchase,
//      withdraw ..., or create, issue, process, place, submit or execute on a payment,
//      order, trade, transfer or transaction). Any of these on a DEVICE (door, lock,
//      valve, thermostat, vehicle ...) is at least 5. "transfer to" someone and
//      `transfer_call` move a conversation, not money. SEND, DELETE, MONEY and dispensing
//      are irreversible: a sent message, a payment or a deletion cannot be taken back by
//      the agent. A draft is not sent: with "draft" in the name SEND counts as WRITE. A
//      word that names a message as well as sending one (email, mail, message, post, sms,
//      tweet, alert, dm) sends only as the name's first verb (`email_report`,
//      `post_to_social`); after another verb it is that verb's object (`archive_email`
//      archives, `create_post` writes).
//    - +1 when the name names SENSITIVE data (update_patient_record: 4).
//    - a name with no verb we know: 2, reversible.
//    Then the input can raise the score: its SQL or script (by the rules of C); a path to
//    a secrets file, to at least 2; a sensitive path (as in B) written by a call of 3 or
//    more, to at least 4.
import {FILE_EDIT_TOOLS, READ_ONLY_TOOLS, SHELL_TOOL} from "../definitions.ts";
import {cached, head, nameWords, stringField} from "./text.ts";

export type Action = {risk: number; reversible: boolean};

const MAX_COMMAND = 2000;

// --- paths ---------------------------------------------------------------------------------

const SECRETS = /(?:^|[\s/"'@=])(?:\.env(?!\.(?:example|sample|template|dist)\b)(?:\.[\w.-]+)?|\.envrc|[\w.-]*(?:secrets?|credentials?)(?:[._-][\w.-]*)?|id_(?:rsa|ed25519|ecdsa|dsa)|[\w.-]+\.(?:pem|key|p12|pfx|keystore)|\.ssh\/[\w.-]+|\.aws\/[\w.-]+|\.netrc|\.npmrc|\.pypirc|\.git-credentials|kubeconfig|\.kube\/config)(?=$|[\s"'|;&)])/i;
const SENSITIVE_PATH = /(?:^|\/)(?:\.github\/workflows\/|\.gitlab-ci\.ya?ml$|Jenkinsfile$|\.circleci\/|Dockerfile|docker-compose[\w.-]*\.ya?ml$|[\w.-]*\.tf$|terraform\/|k8s\/|kubernetes\/|helm\/|charts\/|migrations?\/|\.bashrc$|\.zshrc$|\.profile$|\.bash_profile$|etc\/)/i;

const secretPath = (path: string) => SECRETS.test(head(path, 500));
const sensitivePath = (path: string) => secretPath(path) || SENSITIVE_PATH.test(head(path, 500));

// --- shell commands and SQL ------------------------------------------------------------------

type Rule = readonly [risk: number, irreversible: boolean, re: RegExp];
const SEG = String.raw`[^;&|\n]{0,200}`;
// A deploy command: a deploy script or a platform's deploy (not the word "deployment").
const DEPLOY = String.raw`(?:\b(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?deploy\w*|\b(?:fly|flyctl|vercel|netlify|firebase|serverless|sls|cdk|sam|heroku|wrangler|railway|kamal|cap|gcloud\s+app|make)\s+(?:\S+\s+)?deploy\b|(?:^|[\s;&|/])deploy(?:\.sh)?(?=\s|$))`;

const COMMAND_RULES: readonly Rule[] = [
  [8, true, /\bterraform\s+destroy\b|\bkubectl\s+delete\s+(?:ns|namespaces?|deployments?|statefulsets?|pvc|pv|persistentvolume\w*|all|--all)\b|\bhelm\s+(?:uninstall|delete)\b|\bdrop\s+(?:database|schema)\b|\bmkfs\b|\bdd\s+if=|\baws\s+s3\s+rb\b|\bdocker\s+(?:system|volume)\s+prune\b/i],
  [8, true, new RegExp(String.raw`\baws\s+s3\s+rm\b${SEG}--recursive`, "i")],
  [7, true, /\bdrop\s+table\b|\btruncate\s+(?:table\s+)?[\w"`]/i],
  [7, true, new RegExp(String.raw`\bgit\s+push\b(?=${SEG}\s(?:-f|--force(?:-with-lease)?)(?=[\s=]|$))(?=${SEG}[\s:/+](?:main|master|release|production|prod)\b)`, "i")],
  [7, false, /\b(?:curl|wget)\b[^;&\n]{0,300}\|\s*(?:sudo\s+)?(?:ba|z|da|k)?sh\b/i],
  [6, true, new RegExp(String.raw`\bgit\s+push\b${SEG}\s(?:-f|--force(?:-with-lease)?)(?=[\s=]|$)`, "i")],
  [6, true, /\bgit\s+reset\s+--hard\b|\bgit\s+clean\s+-\w*f/i],
  [6, false, /\bterraform\s+apply\b|\bkubectl\s+(?:apply|create|patch|edit|replace|scale|rollout|drain|set)\b|\bhelm\s+(?:install|upgrade)\b|\bpulumi\s+up\b/i],
  [6, true, /\bdocker[\s-]+compose\s+down\b[^;&|\n]{0,100}\s(?:-v|--volumes)\b/i],
  [6, true, new RegExp(String.raw`\b(?:aws|gcloud|az|doctl|flyctl|heroku)\b${SEG}\b(?:delete|terminate|destroy|rm|rb)\b`, "i")],
  [6, false, new RegExp(String.raw`${DEPLOY}${SEG}\bprod(?:uction)?\b|--prod\b`, "i")],
  [5, true, /\b(?:npm|pnpm|yarn)\s+publish\b|\bdocker\s+push\b|\btwine\s+upload\b|\bcargo\s+publish\b|\bgem\s+push\b|\bgh\s+release\s+create\b/i],
  [5, true, /\bgit\s+(?:checkout\s+(?:--\s|\.(?:\s|$))|restore\s+(?!--staged)|stash\s+(?:drop|clear)\b|branch\s+-D\b)|\bkubectl\s+delete\b/i],
  [5, true, /\bdelete\s+from\b|\bupdate\s+[\w."`]+\s+set\b/i],
  [5, true, /\b(?:sendmail|mailx|mutt)\b|\bmail\s+-s\b|\bfind\b[^;&|\n]{0,300}\s-delete\b|\bshred\b/i],
  [5, false, /\bsudo\b|\bchmod\s+(?:-R\b|777\b)|\bchown\s+-R\b|\bsystemctl\s+(?:start|stop|restart|enable|disable|kill)\b|\bcrontab\b|\b(?:shutdown|reboot)\b/i],
  [5, false, new RegExp(DEPLOY, "i")],
  [4, false, /\bgit\s+(?:push|rebase|merge|cherry-pick)\b|\bgit\s+commit\b[^;&|\n]{0,200}--amend\b|\bgh\s+pr\s+merge\b/i],
  [4, false, /\bmigrate\b|\balembic\s+upgrade\b|\bdb:migrate\b|\bflyway\b|\b(?:psql|mysql|mongosh?|redis-cli)\b|\b(?:aws|gcloud|az|doctl|flyctl|heroku)\s+\w|\b(?:ssh|scp|rsync)\b|\bkubectl\s+(?:exec|cp|port-forward)\b/i],
  [4, false, /\b(?:pkill|killall)\b|\bkill\s+-9\b/i],
  [4, false, /\bcurl\b[^;&|\n]{0,300}(?:\s-X\s*(?:POST|PUT|PATCH|DELETE)\b|\s(?:-d|--data[\w-]*|-F|--form|-T|--upload-file)(?=[\s=]))/i],
  [3, false, /\bmv\s|\bgit\s+(?:commit|checkout|switch|stash|tag)\b|\bgh\s+pr\s+create\b|\bdocker\s+(?:run|build|compose)\b|\bkill\s/i],
  [3, false, /\b(?:npm|pnpm|yarn|bun)\s+(?:install|i|add|ci)\b|\bpip3?\s+install\b|\buv\s+(?:add|pip\s+install)\b|\b(?:cargo|go|gem|brew)\s+install\b|\bapt(?:-get)?\s+install\b/i]
];

// Exfiltration: a secret in a request's body, piped into a network tool, or copied away.
const SECRET_VAR = /\$\{?(?:\w*_)?(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIALS?|AUTH)(?:_\w*)?\}?/i;
const SENDER = /\b(?:curl|wget|nc|ncat|netcat|socat|scp|rsync)\b|(?:^|[\s;&|(])https?\s/i;
const BODY = /(?:^|\s)(?:-d|--data(?:-[a-z]+)?|-F|--form(?:-string)?|-T|--upload-file|--post-data|--post-file|--body-file)(?:\s+|=)("[^"]{0,400}"|'[^']{0,400}'|\S{1,400})/gi;
const PIPED_TO_SENDER = /\|\s*(?:curl|wget|nc|ncat|netcat|socat|http)\b/i;
const ENVIRONMENT = /\b(?:printenv|env|set|export -p)\s*\|/i;

function exfiltrates(command: string): boolean {
  if (!SENDER.test(command)) return false;
  for (const m of command.matchAll(BODY)) if (SECRET_VAR.test(m[1]) || SECRETS.test(` ${m[1].replace(/^["']?@?/, "")}`)) return true;
  if (PIPED_TO_SENDER.test(command) && (ENVIRONMENT.test(command) || (/\b(?:cat|base64|tar|gzip)\b/.test(command) && SECRETS.test(command)) || /\becho\b/.test(command) && SECRET_VAR.test(command))) return true;
  return /\b(?:scp|rsync)\b/.test(command) && SECRETS.test(command);
}

// rm, judged by its targets.
const RM = /(?:^|[;&|(\n]|\bsudo|\bxargs|\bthen|\bdo)[ \t]*rm\s+([^;&|\n]{0,500})/g;
const RM_DISASTER = /^(?:\/|\/\*|~\/?|~\/\*|\$HOME\/?|\$\{HOME\}\/?|\.\/?|\.\/\*|\*|\.\.\/?)$/;
const REGENERABLE = /^(?:node_modules|dist|build|out|target|coverage|\.next|\.nuxt|\.svelte-kit|\.cache|\.turbo|\.parcel-cache|__pycache__|\.pytest_cache|\.mypy_cache|\.ruff_cache|\.venv|venv|\.tox|\.gradle|tmp|\.tmp|[\w.-]+\.(?:pyc|log|tmp))$/;

function rmAction(command: string): Action | undefined {
  let worst: Action | undefined;
  for (const m of command.matchAll(RM)) {
    const args = m[1].trim().split(/\s+/).filter(Boolean);
    const flags = args.filter((a) => a.startsWith("-"));
    const targets = args.filter((a) => !a.startsWith("-")).map((a) => a.replace(/^["']|["']$/g, ""));
    const recursive = flags.some((f) => /^-[a-zA-Z]*[rR]/.test(f) || f === "--recursive");
    let a: Action;
    if (targets.some((t) => RM_DISASTER.test(t))) a = {risk: 8, reversible: false};
    else if (targets.length > 0 && targets.every((t) => t.startsWith("/tmp/") || REGENERABLE.test(t.replace(/\/+$/, "").split("/").at(-1)!))) a = {risk: 2, reversible: true};
    else a = {risk: recursive ? 6 : 4, reversible: false};
    if (!worst || a.risk > worst.risk) worst = a;
  }
  return worst;
}

// Commands that only read. Every command of a line must be one, with no redirect into a file.
const READ_COMMANDS = new Set([
  "ls", "cat", "head", "tail", "wc", "grep", "egrep", "rg", "ag", "find", "fd", "which", "whereis", "type", "pwd", "echo",
  "printf", "tree", "du", "df", "file", "stat", "ps", "date", "whoami", "uname", "hostname", "id", "jq", "yq", "less",
  "more", "sort", "uniq", "cut", "tr", "diff", "cmp", "md5sum", "sha256sum", "shasum", "realpath", "dirname", "basename",
  "readlink", "cd", "true", "test", "sed", "awk", "column", "nl", "history", "man", "lsof", "top", "free", "uptime"
]);
const READ_SUBCOMMANDS = /^(?:git\s+(?:status|diff|log|show|blame|rev-parse|ls-files|remote|describe|shortlog|reflog|grep|branch(?!\s+-[dDmM]))|kubectl\s+(?:get|describe|logs|top|explain|version)|docker\s+(?:ps|images|logs|inspect|version)|(?:npm|pnpm|yarn)\s+(?:ls|list|view|outdated|why)|gh\s+(?:pr|issue|run)\s+(?:view|list|status|diff|checks)|\S+\s+(?:--version|-v|-V|--help|version))\b/;
const WRITES_FILE = /(?:^|[^0-9&<>])>>?\s*(?!&|\/dev\/null)|^sed\b.*\s-i|^find\b.*\s-(?:delete|exec)\b/;
const SQL_READ = /^(?:select|show|explain|describe|desc|pragma)\b/i;

function onlyReads(command: string): boolean {
  let commands = 0;
  for (const part of command.split(/&&|\|\||[;|\n]/)) {
    const seg = part.trim().replace(/^(?:\w+=\S*\s+)+/, "");
    if (seg === "") continue;
    commands++;
    if (SQL_READ.test(seg)) continue;
    if (WRITES_FILE.test(seg)) return false;
    if (!READ_COMMANDS.has(seg.split(/\s/, 1)[0]) && !READ_SUBCOMMANDS.test(seg)) return false;
  }
  return commands > 0;
}

/** The risk of a shell command or an SQL statement (rule C). */
export function commandAction(text: string): Action {
  const command = head(text, MAX_COMMAND);
  if (exfiltrates(command)) return {risk: 9, reversible: false};
  let risk = onlyReads(command) ? 1 : 2;
  let reversible = true;
  const raise = (r: number, irreversible: boolean) => {
    risk = Math.max(risk, r);
    if (irreversible) reversible = false;
  };
  const rm = rmAction(command);
  if (rm) raise(rm.risk, !rm.reversible);
  for (const [r, irreversible, re] of COMMAND_RULES) if (re.test(command)) raise(r, irreversible);
  // Deleting or updating every row: no WHERE in the statement.
  if (/\bdelete\s+from\b/i.test(command) && !/\bwhere\b/i.test(command)) raise(7, true);
  if (/\bupdate\s+[\w."`]+\s+set\b/i.test(command) && !/\bwhere\b/i.test(command)) raise(6, true);
  return {risk, reversible};
}

// --- tools named by their words --------------------------------------------------------------

const words = (list: string) => new Set(list.split(" "));
const READ = words("get list search find read fetch lookup look query view show describe check retrieve browse count inspect status preview download summarize analyze analyse calculate estimate validate verify compare explain translate parse screenshot");
const WRITE = words("create add update edit write set insert upsert save upload put patch modify change rename move copy merge assign schedule reschedule book reserve register enroll submit log record open close comment label tag approve reject mark archive restore import sync fill click type press draft commit place lock issue process make initiate");
const SEND = words("send email mail message sms tweet post publish notify reply respond forward broadcast invite announce dispatch alert dm");
const DELETE = words("delete remove drop destroy purge wipe erase truncate terminate cancel revoke void kill uninstall");
const EXEC = words("exec shell bash terminal eval deploy rollout restart reboot shutdown scale");
const PHYSICAL = words("unlock disarm actuate dispense ignite");
const MONEY = words("pay payout transfer charge refund purchase buy sell trade withdraw wire invest disburse remit");
const MONEY_NOUNS = words("payment payments refund refunds charge charges payout payouts trade trades order orders transfer transfers transaction transactions purchase");
const MONEY_ACTS = words("create issue process execute submit place make initiate send approve capture");
const DEVICES = words("door doors lock locks gate garage valve alarm thermostat vehicle car drone robot pump motor heater oven furnace sprinkler");
const SENSITIVE = words("patient patients medical health prescription prescriptions diagnosis medication medications ehr ssn password passwords secret secrets credential credentials account accounts balance card cards bank payment payments transaction transactions invoice invoices prod production");
/** Messages that are also verbs of sending: a verb only when no other verb comes first. */
const MESSAGES = words("email mail message sms tweet post alert dm");
const RUN_OBJECTS = words("command commands script scripts code");
const CONVERSATIONS = words("call chat conversation file files ownership");

/** Rule D: what the words of a tool's name say it does. */
const nameAction = cached((tool: string): Action => {
  const w = nameWords(tool).split(" ");
  const first = w.find((x) => READ.has(x) || WRITE.has(x) || SEND.has(x) || DELETE.has(x) || EXEC.has(x) || PHYSICAL.has(x) || MONEY.has(x));
  const sensitive = w.some((x) => SENSITIVE.has(x));
  if (first !== undefined && READ.has(first)) return {risk: sensitive ? 2 : 1, reversible: true};
  const moneyObject = w.some((x) => MONEY_NOUNS.has(x));
  const draft = w.includes("draft");
  let risk = 0;
  let reversible = true;
  for (let i = 0; i < w.length; i++) {
    const [x, next] = [w[i], w[i + 1]];
    // "transfer_to_human", "transfer_call": a conversation changes hands, not money.
    if (x === "transfer" && (next === "to" || w.some((y) => CONVERSATIONS.has(y)))) continue;
    let r = 0;
    let irreversible = false;
    if (MONEY.has(x) || (MONEY_ACTS.has(x) && moneyObject)) [r, irreversible] = [6, true];
    else if (PHYSICAL.has(x)) [r, irreversible] = [5, x === "dispense"];
    else if (DELETE.has(x)) [r, irreversible] = [5, true];
    else if (EXEC.has(x) || ((x === "run" || x === "execute") && RUN_OBJECTS.has(next))) r = 5;
    else if (SEND.has(x) && (x === first || !MESSAGES.has(x))) [r, irreversible] = draft ? [3, false] : [4, true];
    else if (WRITE.has(x)) r = 3;
    risk = Math.max(risk, r);
    if (irreversible) reversible = false;
  }
  if (risk === 0) return {risk: 2, reversible: true};
  if (w.some((x) => DEVICES.has(x))) risk = Math.max(risk, 5);
  return {risk: Math.min(10, risk + (sensitive ? 1 : 0)), reversible};
});

const SQL_START = /^\s*(?:select|insert|update|delete|drop|truncate|alter|create|with|grant|revoke|merge|replace)\b/i;

/** Risk and reversibility of one call (rules A to D). */
export function action(tool: string, input: unknown): Action {
  const path = stringField(input, "file_path", "notebook_path", "path", "filename", "file");
  if (READ_ONLY_TOOLS.has(tool)) return {risk: path !== undefined && secretPath(path) ? 2 : 1, reversible: true};
  if (FILE_EDIT_TOOLS.has(tool)) return {risk: path !== undefined && sensitivePath(path) ? 4 : 2, reversible: true};
  const command = stringField(input, "command", "cmd");
  if (command !== undefined || tool === SHELL_TOOL) return commandAction(command ?? "");
  let {risk, reversible} = nameAction(tool);
  const query = stringField(input, "query");
  const code = stringField(input, "sql", "script", "code", "statement") ?? (query !== undefined && SQL_START.test(query) ? query : undefined);
  if (code !== undefined) {
    const c = commandAction(code);
    risk = Math.max(risk, c.risk);
    reversible &&= c.reversible;
  }
  if (path !== undefined && secretPath(path)) risk = Math.max(risk, 2);
  if (path !== undefined && risk >= 3 && sensitivePath(path)) risk = Math.max(risk, 4);
  return {risk, reversible};
}
