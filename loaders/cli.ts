// agent-autonomy: the command line. Each command is a thin shell over a library call.
import {homedir} from "node:os";
import {parseArgs} from "node:util";
import {existsSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {calibrationReport, formatReport} from "./calibrate/report.ts";
import {InputError} from "./errors.ts";
import {readCalibration} from "./generate/calibration.ts";
import {EMPTY_FLEET, FleetError, generate, type FleetProgress} from "./generate/fleet.ts";
import {isVariant, VARIANTS} from "./generate/variants.ts";
import {defaultInputs} from "./ingest/discover.ts";
import {merge} from "./ingest/merge.ts";
import type {IngestReport} from "./ingest/report.ts";
import {holdsTables} from "./ingest/output.ts";
import {parseShard, shardFolder} from "./ingest/shard.ts";
import {ingest, ingestRun, type Progress} from "./ingest/run.ts";
import {formatProfile} from "./profile/format.ts";
import {profileOf} from "./profile/profile.ts";
import {canonicalTables} from "./site/tables.ts";

const HELP = `agent-autonomy: rebuild "Measuring AI agent autonomy in practice" from agent logs

Usage:
  agent-autonomy [profile] [<path>...] [--json] [--out <dir>]
  agent-autonomy ingest [<path>...] --out <dir> [options]
  agent-autonomy generate --out <dir> [--users <n>] [--codex-users <n>] [--telemetry-users <n>] [--api-agents <n>] [--seed <s>] [options]
  agent-autonomy merge <shards> --out <dir>
  agent-autonomy calibrate [<path>] [--json <file>] [options]
  agent-autonomy help

profile (the command when none is named)
  Reads your logs (the paths ingest takes; with none, the same as ingest: your
  Claude Code projects and Codex home) and prints where you stand against the
  study: your turns' working time, your sessions on full auto-approve by your
  session number, your interrupts, the agent's stops against yours, the riskiest
  kinds of action it took and how many were put to you, and the domains of your
  work, each beside the study's figure for users like you. Counts and shares only:
  no text from the logs reaches the screen.

      --json               print the profile as JSON instead
  -o, --out <dir>          keep the tables the profile was read from (default:
                           none are written)
  -q, --quiet              no progress line

ingest
  Reads Claude Code transcripts, Codex rollouts and OpenTelemetry files and writes
  the canonical tables to <dir>: sessions.parquet, turns.parquet, tool_calls.parquet,
  stops.parquet and ingest-report.json (every line counted: parsed, duplicate, or
  skipped with a reason).

  <path> may be a fleet (<root>/<user>/projects/<project>/<session>.jsonl), one
  person's tree (a folder holding projects/, or the projects folder), one project
  folder, or single .jsonl files. With no path: $CLAUDE_CONFIG_DIR/projects, else
  ~/.claude/projects, and Codex's home ($CODEX_HOME, else ~/.codex), those that
  exist. Codex rollouts (sessions/YYYY/MM/DD/rollout-*.jsonl) are found by their
  first line below any path, or named alone. OTLP JSON files (the OpenTelemetry
  Collector's file exporter: Claude Code's events, GenAI agent spans) are found by
  their content in any of these, or named alone; a session read from both its
  transcript and its telemetry is taken from the transcript.

  -o, --out <dir>          where to write the tables (required; created if missing,
                           and it may hold only a previous ingest's files). The
                           tables change as one set: a reader sees the previous
                           run's or this run's, never a mix, even if a run is killed
      --incremental        read again only the groups of files (a project folder,
                           or all OpenTelemetry files) that changed since the
                           previous run into <dir>; the tables equal a full ingest's
      --shard <i>/<n>      one of n ingests of the same input, for a fleet too large for
                           one machine: reads only the users whose stable hash falls in
                           shard i (all OpenTelemetry files go to one shard), into
                           <dir>/shard=<i>/. Run i = 1 to n with the same <dir> (on one
                           machine or many, then copied together): calibrate and the
                           site's loaders read a folder of shards as one ingest's tables
  -j, --workers <n>        threads that read, the main thread among them (default: one
                           per core, at most one per 64 MB of input)
      --max-line-mb <n>    skip lines longer than this as too_large (default 64)
      --classifiers <file> a module whose default export replaces classifiers
                           (complexity, corrective, asksQuestion, agentStopReason,
                           humanStopReason, toolCall, involvesPerson); see
                           loaders/classify/types.ts
      --report-paths       name files by path in the report (default: a digest,
                           because paths hold project names)
  -q, --quiet              no progress and no summary
      --verbose            with the summary, where the time went; on an error, its
                           stack trace

generate
  Writes a synthetic fleet of Claude Code transcripts (2.1.x format) to <dir>, one
  folder per user (<dir>/<user>/projects/<project>/<session>.jsonl, subagents in
  <session>/subagents/), the telemetry of agents built on the API (GenAI agent spans,
  OTLP JSON as the OpenTelemetry Collector's file exporter writes it, in
  <dir>/otel/<collector>/traces*.json), if asked the telemetry of Claude Code users
  (its events, in logs*.json beside them), and the marker agent-autonomy-fleet.json at its
  root, which labels every session the ingest reads from it synthetic. Behaviour
  follows data/calibration.json, the embedded default's definition. The same
  arguments give the same bytes.

  -o, --out <dir>          where to write the fleet (required; created if missing,
                           and it may hold only a fleet written before, which is replaced)
  -u, --users <n>          how many Claude Code users, written as transcripts, 0 for
                           none (default: the calibration's default size)
      --codex-users <n>    how many Codex CLI users, written as its rollouts beside
                           the Claude Code users (default: the calibration's default
                           size). The study has no Codex figures: they behave as
                           Claude Code's users do, by our assumption
      --telemetry-users <n>
                           how many Claude Code users written as the telemetry
                           events Claude Code exports (CLAUDE_CODE_ENABLE_TELEMETRY=1)
                           instead of transcripts, as a team that collects only
                           OpenTelemetry has them (default: 0)
  -a, --api-agents <n>     how many agents built on the API, 0 for none (default: the
                           calibration's default size)
  -s, --seed <s>           any text; another seed is another fleet (default: the
                           calibration's default seed)
      --size <name>        take users and seed from a size the calibration names
                           (default, small, circularity)
      --calibration <file> another calibration file in the shape of data/calibration.json
      --variant <name>     calibrated (default); null: uniform reasons, domains and
                           complexity instead of the study's; paraphrased: the texts the
                           classifiers read drawn from a bank written blind to them
                           (docs/circularity.md)
  -q, --quiet              no progress and no summary

merge
  Writes the tables of a folder of shards (ingest --shard i/n, every i of one n) to
  <dir> as one ingest of the same input writes them, byte for byte, with one report
  that counts every shard's lines. Readers of tables (calibrate, the site's loaders)
  also read a folder of shards as it is; merge gives the single set to publish or copy.
  An ingest's output folder is copied as it is.

  -o, --out <dir>          where to write the tables (as ingest's --out)
  -q, --quiet              no summary

calibrate
  Sets each target of data/calibration.json beside what the pipeline recovers (ingest +
  SQL over the canonical tables), with its 95% interval: Wilson for rates, order
  statistics for a p99.9 (no upper end where too few turns). The Claude Code targets
  are read from the transcripts' rows, the API side's (api) from the findings' cells of
  the OpenTelemetry rows. Prints a table; --json writes the whole report.

  <path> may be a fleet (ingested first, into a temporary folder), an ingest's
  output folder, or a folder of shards. With no path: the tables the site is built from (the embedded
  default fleet, or the logs AUTONOMY_LOGS names).

      --json <file>        write the report as JSON
      --calibration <file> another calibration file in the shape of data/calibration.json
  -q, --quiet              print nothing (with --json)

Exit status: 0 on success (damaged lines are counted, not fatal); 1 when a path does
not exist or cannot be read, the output folder holds other files, or nothing could be
read; 2 for a usage error.
`;

class UsageError extends Error {}

/**
 * The progress line of an ingest, rewritten in place: what it is finding, reading or
 * writing. The reading's rate counts from its own start: finding a million files takes
 * 40 s, which a rate from the command's start took for slow reading.
 */
export function bar(p: Progress, now = Date.now()): string {
  const n = (x: number) => x.toLocaleString("en");
  if (p.stage === "finding") return `\rfinding files: ${n(p.folders)} folder${p.folders === 1 ? "" : "s"} listed${p.filesTotal ? `, ${n(p.sized)}/${n(p.filesTotal)} files sized` : ""}\x1b[K`;
  if (p.stage === "writing") return `\rwriting the tables: ${p.done}/${p.total} statements\x1b[K`;
  const width = 24;
  const share = p.bytesTotal ? p.bytes / p.bytesTotal : 1;
  const filled = Math.round(share * width);
  const seconds = (now - p.since) / 1000;
  const mbs = seconds > 0 ? p.bytes / 1e6 / seconds : 0;
  return `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.files}/${p.filesTotal} files  ${n(p.lines)} lines  ${mbs.toFixed(0)} MB/s\x1b[K`;
}

async function runIngest(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: "string", short: "o"},
      workers: {type: "string", short: "j"},
      "max-line-mb": {type: "string"},
      classifiers: {type: "string"},
      "report-paths": {type: "boolean"},
      incremental: {type: "boolean"},
      shard: {type: "string"},
      quiet: {type: "boolean", short: "q"},
      verbose: {type: "boolean"},
      help: {type: "boolean", short: "h"}
    }
  });
  if (values.help) return void process.stdout.write(HELP);
  if (!values.out) throw new UsageError("ingest needs --out <dir>");
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) throw new UsageError(`--shard needs i/n, shard i of n with 1 ≤ i ≤ n (1/4 is the first of four), not ${values.shard}`);
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number, not ${v}`);
    return n;
  };
  const workers = number("workers", values.workers);
  const maxLineMb = number("max-line-mb", values["max-line-mb"]);
  const inputs = positionals.length ? positionals : defaultInputs(process.env, homedir());
  const started = Date.now();
  const tty = process.stderr.isTTY && !values.quiet;
  const {report, groupsRead, groupsReused, workers: threads, phases} = await ingestRun({
    inputs,
    out: values.out,
    workers: workers && Math.floor(workers),
    maxLineBytes: maxLineMb && Math.floor(maxLineMb * (1 << 20)),
    classifiers: values.classifiers,
    reportPaths: values["report-paths"],
    incremental: values.incremental,
    shard,
    progress: tty ? (p) => process.stderr.write(bar(p)) : undefined
  });
  if (tty) process.stderr.write("\n");
  if (!values.quiet) {
    const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
    process.stderr.write(
      `${report.files} files, ${report.lines} lines: ${report.parsed} parsed, ${report.duplicates} duplicates, ${skipped} skipped` +
        `${skipped ? ` (${Object.entries(report.skipped).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}\n` +
        `${written(report, shard ? join(values.out, shardFolder(shard)) : values.out, started)}\n` +
        (report.shard ? `shard ${report.shard.index} of ${report.shard.count}: ${report.shard.groups_elsewhere} groups of files left to the other shards\n` : "") +
        (values.incremental ? `${groupsReused} groups of files unchanged and reused, ${groupsRead} read\n` : "") +
        (values.verbose ? `time: finding files ${sec(phases.find)}, reading them ${sec(phases.read)} (${threads} thread${threads > 1 ? "s" : ""}), writing the tables ${sec(phases.write)}\n` : "")
    );
  }
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What an ingest or a merge wrote, where, and how long it took, as their summaries say it. */
const written = ({tables: t}: IngestReport, out: string, started: number) =>
  `${t.sessions} sessions, ${t.turns} turns, ${t.tool_calls} tool calls, ${t.stops} stops → ${out} (${((Date.now() - started) / 1000).toFixed(1)} s)`;

function fleetBar(p: FleetProgress, started: number): string {
  const width = 24;
  const filled = Math.round(((p.sessions + p.conversations) / Math.max(1, p.sessionsTotal + p.conversationsTotal)) * width);
  const seconds = (Date.now() - started) / 1000;
  const api = p.apiAgents ? `  ${p.apiAgents} API agents  ${p.conversations.toLocaleString("en")}/${p.conversationsTotal.toLocaleString("en")} conversations` : "";
  return `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.usersTotal} users  ${p.sessions.toLocaleString("en")}/${p.sessionsTotal.toLocaleString("en")} sessions${api}  ${(p.bytes / 1e6).toFixed(0)} MB  ${seconds.toFixed(0)} s `;
}

async function runGenerate(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: {type: "string", short: "o"},
      users: {type: "string", short: "u"},
      "api-agents": {type: "string", short: "a"},
      "codex-users": {type: "string"},
      "telemetry-users": {type: "string"},
      seed: {type: "string", short: "s"},
      size: {type: "string"},
      variant: {type: "string"},
      calibration: {type: "string"},
      quiet: {type: "boolean", short: "q"},
      verbose: {type: "boolean"},
      help: {type: "boolean", short: "h"}
    }
  });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length) throw new UsageError(`generate takes no paths (use --out <dir>), not ${positionals[0]}`);
  if (!values.out) throw new UsageError("generate needs --out <dir>");
  const sizes = readCalibration(values.calibration).sizes;
  const sizeName = values.size ?? "default";
  const size = sizes[sizeName];
  if (!size) throw new UsageError(`--size must be one of ${Object.keys(sizes).join(", ")}, not ${sizeName}`);
  const count = (flag: "users" | "api-agents" | "codex-users" | "telemetry-users", otherwise: number) => {
    const n = values[flag] === undefined ? otherwise : Number(values[flag]);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} needs a whole number, not ${values[flag]}`);
    return n;
  };
  const users = count("users", size.users);
  const apiAgents = count("api-agents", size.api_agents);
  const codexUsers = count("codex-users", size.codex_users);
  const telemetryUsers = count("telemetry-users", 0);
  if (users + apiAgents + codexUsers + telemetryUsers === 0) throw new UsageError(EMPTY_FLEET);
  const variant = values.variant ?? "calibrated";
  if (!isVariant(variant)) throw new UsageError(`--variant must be one of ${Object.keys(VARIANTS).join(", ")}, not ${variant}`);
  const started = Date.now();
  const tty = process.stderr.isTTY && !values.quiet;
  const marker = await generate({
    variant,
    users,
    codexUsers,
    telemetryUsers,
    apiAgents,
    seed: values.seed ?? size.seed,
    out: values.out,
    calibration: values.calibration,
    progress: tty ? (p) => process.stderr.write(fleetBar(p, started)) : undefined
  });
  if (tty) process.stderr.write("\n");
  if (!values.quiet) {
    process.stderr.write(
      `${marker.users} users, ${marker.sessions.toLocaleString("en")} sessions${marker.codex.users ? `; ${marker.codex.users} Codex users, ${marker.codex.sessions.toLocaleString("en")} sessions` : ""}${marker.telemetry.users ? `; ${marker.telemetry.users} Claude Code users as telemetry, ${marker.telemetry.sessions.toLocaleString("en")} sessions` : ""}${marker.api.agents ? `; ${marker.api.agents} API agents, ${marker.api.conversations.toLocaleString("en")} conversations, ${marker.api.tool_calls.toLocaleString("en")} tool calls` : ""}; ${marker.files.toLocaleString("en")} files, ${(marker.bytes / 1e6).toFixed(1)} MB → ${values.out} (seed ${JSON.stringify(marker.seed)}, calibration ${marker.calibration}${variant === "calibrated" ? "" : `, ${variant} variant`}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`
    );
  }
}

async function runMerge(args: string[]) {
  const {values, positionals} = parseArgs({args, allowPositionals: true, options: {out: {type: "string", short: "o"}, quiet: {type: "boolean", short: "q"}, verbose: {type: "boolean"}, help: {type: "boolean", short: "h"}}});
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length !== 1) throw new UsageError("merge takes one folder of shards");
  if (!values.out) throw new UsageError("merge needs --out <dir>");
  const started = Date.now();
  const report = await merge(positionals[0], values.out);
  if (!values.quiet) process.stderr.write(`${report.files} files, ${report.lines} lines in the shards; ${written(report, values.out, started)}\n`);
}

async function runCalibrate(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: {type: "string"},
      calibration: {type: "string"},
      quiet: {type: "boolean", short: "q"},
      verbose: {type: "boolean"},
      help: {type: "boolean", short: "h"}
    }
  });
  if (values.help) return void process.stdout.write(HELP);
  if (positionals.length > 1) throw new UsageError("calibrate takes one path");
  const cal = readCalibration(values.calibration);
  let dir: string;
  let scratch: string | undefined;
  const [path] = positionals;
  if (path === undefined) dir = (await canonicalTables()).dir;
  else if (!existsSync(path)) throw new InputError(`no such file or folder: ${path}`);
  else if (holdsTables(path)) dir = path;
  else {
    scratch = mkdtempSync(join(tmpdir(), "agent-autonomy-calibrate-"));
    dir = join(scratch, "tables");
    await ingest({inputs: [path], out: dir});
  }
  try {
    const report = await calibrationReport(dir, cal);
    if (values.json) writeFileSync(values.json, JSON.stringify(report, null, 2) + "\n");
    if (!values.quiet) process.stdout.write(formatReport(report));
  } finally {
    if (scratch) rmSync(scratch, {recursive: true, force: true});
  }
}

const COMMANDS = ["profile", "ingest", "generate", "merge", "calibrate", "help"];

async function runProfile(args: string[]) {
  const {values, positionals} = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: {type: "boolean"},
      out: {type: "string", short: "o"},
      quiet: {type: "boolean", short: "q"},
      verbose: {type: "boolean"},
      help: {type: "boolean", short: "h"}
    }
  });
  if (values.help) return void process.stdout.write(HELP);
  const inputs = positionals.length ? positionals : defaultInputs(process.env, homedir());
  const scratch = values.out ? undefined : mkdtempSync(join(tmpdir(), "agent-autonomy-profile-"));
  const out = values.out ?? join(scratch!, "tables");
  // A progress line once the ingest has run a second, on a terminal, cleared when it ends.
  const started = Date.now();
  const tty = process.stderr.isTTY && !values.quiet;
  let shown = false;
  try {
    await ingestRun({
      inputs, out,
      progress: tty ? (p) => {
        if (Date.now() - started < 1000) return;
        shown = true;
        process.stderr.write(bar(p));
      } : undefined
    });
    if (shown) process.stderr.write("\r\x1b[K");
    const profile = await profileOf(out);
    process.stdout.write(values.json ? JSON.stringify(profile, null, 2) + "\n" : formatProfile(profile, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
  } finally {
    if (scratch) rmSync(scratch, {recursive: true, force: true});
  }
}

export async function main(argv: string[]): Promise<number> {
  // No command, or options or an existing path first, is the profile; a word that is neither is an unknown command.
  const first = argv[0];
  const profile = first === undefined || (first.startsWith("-") && first !== "-h" && first !== "--help") || (!COMMANDS.includes(first) && existsSync(first));
  const [command, ...rest] = profile ? ["profile", ...argv] : argv;
  const verbose = rest.includes("--verbose");
  try {
    switch (command) {
      case "ingest":
        await runIngest(rest);
        return 0;
      case "generate":
        await runGenerate(rest);
        return 0;
      case "calibrate":
        await runCalibrate(rest);
        return 0;
      case "merge":
        await runMerge(rest);
        return 0;
      case "profile":
        await runProfile(rest);
        return 0;
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (error) {
    // One line saying what and where; an error the ingest did not foresee says how to see more.
    const usage = error instanceof UsageError || (error as {code?: string}).code?.startsWith("ERR_PARSE_ARGS");
    const known = usage || error instanceof InputError || error instanceof FleetError;
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    process.stderr.write(`agent-autonomy: ${message}${usage ? " (see agent-autonomy help)" : known || verbose ? "" : " (--verbose shows where)"}\n`);
    const detail = error instanceof InputError ? error.cause : error;
    if (verbose && detail instanceof Error && !(error instanceof FleetError)) process.stderr.write(`${detail.stack}\n`);
    return usage ? 2 : 1;
  }
}
