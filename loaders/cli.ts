// agent-autonomy: the command line. Each command is a thin shell over a library call.
import {homedir} from "node:os";
import {parseArgs} from "node:util";
import {defaultInput, InputError} from "./ingest/discover.ts";
import {ingestRun, type Progress} from "./ingest/run.ts";

const HELP = `agent-autonomy: rebuild "Measuring AI agent autonomy in practice" from agent logs

Usage:
  agent-autonomy ingest [<path>...] --out <dir> [options]
  agent-autonomy help

ingest
  Reads Claude Code transcripts and OpenTelemetry files and writes the canonical
  tables to <dir>: sessions.parquet, turns.parquet, tool_calls.parquet, stops.parquet
  and ingest-report.json (every line counted: parsed, duplicate, or skipped with a
  reason).

  <path> may be a fleet (<root>/<user>/projects/<project>/<session>.jsonl), one
  person's tree (a folder holding projects/, or the projects folder), one project
  folder, or single .jsonl files. With no path: $CLAUDE_CONFIG_DIR/projects, else
  ~/.claude/projects. OTLP JSON files (the OpenTelemetry Collector's file exporter:
  Claude Code's events, GenAI agent spans) are found by their content in any of
  these, or named alone; a session read from both its transcript and its telemetry
  is taken from the transcript.

  -o, --out <dir>          where to write the tables (required; created if missing,
                           and it may hold only a previous ingest's files). The
                           tables change as one set: a reader sees the previous
                           run's or this run's, never a mix, even if a run is killed
      --incremental        read only the files that are new or changed since the
                           previous run into <dir>; the tables equal a full ingest's
  -j, --workers <n>        worker threads (default: one per core)
      --max-line-mb <n>    skip lines longer than this as too_large (default 64)
      --classifiers <file> a module whose default export replaces classifiers
                           (complexity, corrective, asksQuestion, agentStopReason,
                           humanStopReason, toolCall, involvesPerson); see
                           loaders/classify/types.ts
      --report-paths       name files by path in the report (default: a digest,
                           because paths hold project names)
  -q, --quiet              no progress and no summary
      --verbose            show the stack trace of an error

Exit status: 0 on success (damaged lines are counted, not fatal); 1 when a path does
not exist or cannot be read, the output folder holds other files, or nothing could be
read; 2 for a usage error.
`;

class UsageError extends Error {}

function bar(p: Progress, started: number): string {
  const width = 24;
  const share = p.bytesTotal ? p.bytes / p.bytesTotal : 1;
  const filled = Math.round(share * width);
  const seconds = (Date.now() - started) / 1000;
  const mbs = seconds > 0 ? p.bytes / 1e6 / seconds : 0;
  return `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.files}/${p.filesTotal} files  ${p.lines.toLocaleString("en")} lines  ${mbs.toFixed(0)} MB/s `;
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
      quiet: {type: "boolean", short: "q"},
      verbose: {type: "boolean"},
      help: {type: "boolean", short: "h"}
    }
  });
  if (values.help) return void process.stdout.write(HELP);
  if (!values.out) throw new UsageError("ingest needs --out <dir>");
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number, not ${v}`);
    return n;
  };
  const workers = number("workers", values.workers);
  const maxLineMb = number("max-line-mb", values["max-line-mb"]);
  const inputs = positionals.length ? positionals : [defaultInput(process.env, homedir())];
  const started = Date.now();
  const tty = process.stderr.isTTY && !values.quiet;
  const {report, groupsRead, groupsReused} = await ingestRun({
    inputs,
    out: values.out,
    workers: workers && Math.floor(workers),
    maxLineBytes: maxLineMb && Math.floor(maxLineMb * (1 << 20)),
    classifiers: values.classifiers,
    reportPaths: values["report-paths"],
    incremental: values.incremental,
    progress: tty ? (p) => process.stderr.write(bar(p, started)) : undefined
  });
  if (tty) process.stderr.write("\n");
  if (!values.quiet) {
    const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
    const t = report.tables;
    process.stderr.write(
      `${report.files} files, ${report.lines} lines: ${report.parsed} parsed, ${report.duplicates} duplicates, ${skipped} skipped` +
        `${skipped ? ` (${Object.entries(report.skipped).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}\n` +
        `${t.sessions} sessions, ${t.turns} turns, ${t.tool_calls} tool calls, ${t.stops} stops → ${values.out} (${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        (values.incremental ? `${groupsReused} groups of files unchanged and reused, ${groupsRead} read\n` : "")
    );
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const verbose = rest.includes("--verbose");
  try {
    switch (command) {
      case "ingest":
        await runIngest(rest);
        return 0;
      case undefined:
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
    const known = usage || error instanceof InputError;
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    process.stderr.write(`agent-autonomy: ${message}${usage ? " (see agent-autonomy help)" : known || verbose ? "" : " (--verbose shows where)"}\n`);
    const detail = error instanceof InputError ? error.cause : error;
    if (verbose && detail instanceof Error) process.stderr.write(`${detail.stack}\n`);
    return usage ? 2 : 1;
  }
}
