// The canonical tables (docs/tables.md): their columns, and the SQL that turns the
// ingest's row parts into Parquet. Sources write rows; this module alone decides types,
// order, the derived columns (tenure) and which record of a session wins when two sources
// hold it, so every source yields the same tables, byte for byte whatever order rows come in.
//
// ## The output folder
//
// `agent-autonomy ingest --out <out>` changes the tables as one set (ingest/output.ts):
//
// | path | what |
// |---|---|
// | `<out>/sessions.parquet`, `turns.parquet`, `tool_calls.parquet`, `stops.parquet`, `ingest-report.json` | symlinks to `current/<name>`; made once, never rewritten |
// | `<out>/current` | symlink to the current generation, `.agent-autonomy/generations/<n>`; switched by one rename(2) |
// | `<out>/.agent-autonomy/generations/<n>/` | one complete set: the five files above, and what `--incremental` reuses (`state.jsonl`: digests of each group's files and their counts, a line a group; `rows/<table>.parquet`: the rows as sources wrote them, with their group's key) |
// | `<out>/.agent-autonomy/run-<pid>/` | a running ingest's work; its generation is built here and moved whole |
// | `<out>/.agent-autonomy/lock` | the running ingest's process (one ingest at a time per folder) |
//
// A run killed at any moment leaves `current` on the previous complete generation (or
// absent before the first). The generation before the current one is kept, so that a
// reader still in it can finish; older ones are removed. A reader that opens more than
// one file resolves `current` once and reads them all from that folder:
// `currentTables(out)` (ingest/output.ts) does it, and `tableFolders(out)`, through
// which every reader in this repository goes, does it for each shard of a folder of
// shards (`ingest --shard`, ingest/shard.ts). A reader that opens the top-level names one by one (a quick DuckDB
// query) sees whole files, but could see two generations if a run switches in between.
// No file in the folder holds a path: groups and files are named by digests.

type Column = readonly [name: string, type: "VARCHAR" | "BOOLEAN" | "INTEGER" | "DOUBLE" | "TIMESTAMP", meaning: string];

export const TABLES = {
  sessions: [
    ["session_id", "VARCHAR", "the `sessionId` its lines carry"],
    ["user_id", "VARCHAR", "the fleet folder's name, or `local`, or the OTel user (NULL when it logs none)"],
    ["source", "VARCHAR", "`claude-code` (transcripts), `codex` (rollouts), `otel` (OpenTelemetry)"],
    ["agent", "VARCHAR", "the agent that did the work, whatever logged it: `claude-code`, `codex`, or `api` (an agent built on the API: GenAI spans)"],
    ["synthetic", "BOOLEAN", "generated: the fleet root holds the generator's marker file"],
    ["started_at", "TIMESTAMP", "first event of the main transcript (UTC)"],
    ["ended_at", "TIMESTAMP", "last event of the main transcript (UTC)"],
    ["kind", "VARCHAR", "the kind of log it was read from: `transcripts`, `events` (Claude Code's telemetry) or `spans` (agents built on the API)"],
    ["interactive", "BOOLEAN", "`entrypoint` absent or `cli` (OTel: NULL unless `app.entrypoint` is logged)"],
    ["entrypoint", "VARCHAR", "as logged (`cli`, `sdk-cli`, ...), NULL in 1.0.x"],
    ["version", "VARCHAR", "the Claude Code version of the session's first line"],
    ["model", "VARCHAR", "the model of most assistant messages (OTel: of most API requests or model spans)"],
    ["provider", "VARCHAR", "the GenAI spans' `gen_ai.provider.name` (`gen_ai.system` before semconv 1.37); NULL elsewhere"],
    ["tenure", "INTEGER", "how many sessions this user began with the same agent before this one (0 for the first)"],
    ["auto_approve", "VARCHAR", "`full`, `edits`, `none`, or NULL where no mode is logged"],
    ["n_turns", "INTEGER", "turns"],
    ["n_tool_calls", "INTEGER", "tool calls, subagents' and unprompted work's included"],
    ["n_interrupts", "INTEGER", "turns that ended `interrupted`"],
    ["n_clarifications", "INTEGER", "agent-initiated stops: its `stops` rows of kind `agent`"],
    ["n_rejections", "INTEGER", "tool calls the person rejected; NULL where `logs_approvals` is false"],
    ["n_interventions", "INTEGER", "interventions, each counted once (F10); NULL where `logs_prompts` is false"],
    ["logs_approvals", "BOOLEAN", "its source logs the person's approvals, rejections and interrupts (transcripts, Claude Code's events; not GenAI spans): where false, what they measure is NULL"],
    ["logs_prompts", "BOOLEAN", "its source logs what the person typed (transcripts; not telemetry): where false, corrective prompts and interventions are NULL"]
  ],
  turns: [
    ["session_id", "VARCHAR", ""],
    ["user_id", "VARCHAR", ""],
    ["source", "VARCHAR", "its session's source"],
    ["turn_index", "INTEGER", "0, 1, 2 ... within the session"],
    ["started_at", "TIMESTAMP", "the human prompt"],
    ["ended_at", "TIMESTAMP", "the agent's stop"],
    ["duration_s", "DOUBLE", "working time: wall time minus waits on the person inside the turn"],
    ["wall_s", "DOUBLE", "ended_at − started_at in seconds"],
    ["wait_s", "DOUBLE", "time the turn waited on the person (AskUserQuestion, ExitPlanMode)"],
    ["logged_duration_s", "DOUBLE", "the `turn_duration` record that matches the turn, NULL if none"],
    ["end_reason", "VARCHAR", "`completed`, `interrupted`, `clarification` or `error`"],
    ["permission_mode", "VARCHAR", "as logged, NULL if none"],
    ["auto_approve", "VARCHAR", "`full`, `edits`, `none`, NULL"],
    ["model", "VARCHAR", "the model of most of the turn's assistant messages"],
    ["n_tool_calls", "INTEGER", "tool calls in the turn, subagents' included"],
    ["n_ask_user", "INTEGER", "`AskUserQuestion` calls"],
    ["n_rejections", "INTEGER", "tool calls the person rejected in the turn"],
    ["n_interventions", "INTEGER", "the turn's interventions (F10): its interrupt, rejections it went on from, a corrective prompt"],
    ["complexity", "VARCHAR", "`minimal`, `low`, `medium`, `high` (a classifier's label)"],
    ["corrective", "BOOLEAN", "its prompt corrects or redirects the agent (a classifier's label)"]
  ],
  tool_calls: [
    ["session_id", "VARCHAR", ""],
    ["user_id", "VARCHAR", ""],
    ["source", "VARCHAR", "its session's source"],
    ["turn_index", "INTEGER", "the main session's turn it belongs to; NULL for work with no human prompt"],
    ["tool_use_id", "VARCHAR", "unique within the session"],
    ["tool_name", "VARCHAR", "as logged"],
    ["called_at", "TIMESTAMP", ""],
    ["in_subagent", "BOOLEAN", "made by a subagent (sidechain)"],
    ["rejected", "BOOLEAN", "the person refused it"],
    ["is_error", "BOOLEAN", "its result was an error (rejections included)"],
    ["approved_by", "VARCHAR", "`rule`, `person`, or NULL where the log does not say"],
    ["auto_approve", "VARCHAR", "the level of its turn (of the session's last mode for unprompted work)"],
    ["hooked", "BOOLEAN", "a hook ran on it"],
    ["human_in_loop", "BOOLEAN", "the person approved it or its level asks them to (F6, F7)"],
    ["safeguard", "BOOLEAN", "a person in the loop, a hook, or a level that asks (F7)"],
    ["risk", "DOUBLE", "1–10 (a classifier's score)"],
    ["autonomy", "DOUBLE", "1–10 (a classifier's score)"],
    ["reversible", "BOOLEAN", "a classifier's judgement"],
    ["domain", "VARCHAR", "a classifier's label, from the study's domain list"]
  ],
  stops: [
    ["session_id", "VARCHAR", ""],
    ["user_id", "VARCHAR", ""],
    ["source", "VARCHAR", "its session's source"],
    ["turn_index", "INTEGER", ""],
    ["at", "TIMESTAMP", ""],
    ["kind", "VARCHAR", "`agent` or `human`"],
    ["how", "VARCHAR", "`ask_user`, `plan`, `question` (agent); `interrupt`, `rejection` (human)"],
    ["reason", "VARCHAR", "the study's Table 1 category (a classifier's label)"]
  ]
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** A value for each table, made from its name and its place in TABLE_NAMES. */
export const perTable = <T>(value: (table: TableName, index: number) => T) => Object.fromEntries(TABLE_NAMES.map((t, i) => [t, value(t, i)])) as Record<TableName, T>;

/** A row as sources write it: timestamps as epoch milliseconds, `tenure` left out. */
export type Row = Record<string, string | number | boolean | null>;

/** Where a source writes its rows. */
export type Emit = (table: TableName, row: Row) => void;

/**
 * Columns a source does not write: derived here over the whole table (no tenure for an
 * unknown user). Tenure is experience with one agent: a person's first Codex session is a
 * first session, however many Claude Code sessions came before it.
 */
const DERIVED: Partial<Record<TableName, Record<string, string>>> = {
  sessions: {tenure: `case when user_id is not null then (row_number() over (partition by user_id, agent order by ${["started_at", "session_id", ...rest("sessions", ["user_id", "agent", "started_at", "session_id", "tenure"])].map(sqlIdent).join(", ")}) - 1)::INTEGER end`}
};

/**
 * Sort keys that make every output the same bytes whatever order rows arrived in: the
 * meaningful keys first, then every other column, so that no two rows tie (two project
 * folders can hold copies of one session).
 */
const ORDER: Record<TableName, string[]> = {
  sessions: ["user_id", "started_at", "session_id"],
  turns: ["user_id", "session_id", "turn_index"],
  tool_calls: ["user_id", "session_id", "called_at", "tool_use_id"],
  stops: ["user_id", "session_id", "turn_index", "at", "kind", "how"]
};

function rest(table: TableName, except: string[]): string[] {
  return TABLES[table].map(([name]) => name).filter((name) => !except.includes(name));
}

/** The order a table's rows are written in: its key, then every other column, so that the order is total. */
const orderSql = (table: TableName) => [...ORDER[table], ...rest(table, ORDER[table])].map(sqlIdent).join(", ");

/** A name (a column's) as a SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A text (a path) as a SQL string literal. */
export const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A number or a text as a SQL literal. */
export const sqlLiteral = (value: string | number) => (typeof value === "number" ? String(value) : sqlString(value));

const list = (paths: string[]) => `[${paths.map(sqlString).join(", ")}]`;

/** One table's Parquet files (an output folder's, or each shard's) as one relation; the shards' folder names are no column. */
export const parquetSql = (paths: string[]) => `read_parquet(${list(paths)}, hive_partitioning = false)`;

/** The columns sources write (every column but the derived), as the row parts hold them: timestamps in epoch milliseconds. */
function written(table: TableName): [string, string][] {
  const derived = DERIVED[table] ?? {};
  return TABLES[table].filter(([name]) => !(name in derived)).map(([name, type]) => [name, type === "TIMESTAMP" ? "BIGINT" : type]);
}

/**
 * SQL for the rows of a table's NDJSON parts, as sources wrote them, with the key of the
 * group that wrote each (`_group`, which `--incremental` reuses rows by).
 */
export function partsSql(table: TableName, parts: string[]): string {
  const columns = [...written(table), ["_group", "VARCHAR"]];
  if (parts.length === 0) return `(select ${columns.map(([name, type]) => `null::${type} as ${sqlIdent(name)}`).join(", ")} where false)`;
  return `read_json(${list(parts)}, format = 'newline_delimited', columns = {${columns.map(([name, type]) => `${sqlIdent(name)}: '${type}'`).join(", ")}})`;
}

/** The sources that read an agent's own record of a session: Claude Code's transcripts and Codex's rollouts. */
const TRANSCRIPTS = "('claude-code', 'codex')";

/**
 * The session ids read from transcripts. A transcript says more about a session than its
 * telemetry (prompts, modes, interrupts, clarifications), so when the same session id
 * comes from a transcript and from another source, the transcript's rows are kept and the
 * other source's rows of it are dropped (docs/otel-format.md, "Sessions read twice": a
 * session is never counted twice).
 */
function transcriptSessions(sessions: string): string {
  return `(select session_id from ${sessions} where source in ${TRANSCRIPTS} and session_id is not null)`;
}

/** Which rows the rule keeps, given the sessions' rows (`sessions`): every row of a transcript, and the others' of sessions no transcript holds. */
export const keptSql = (sessions: string) => `source in ${TRANSCRIPTS} or session_id not in ${transcriptSessions(sessions)}`;

/**
 * A table's rows read from the shards of one input (`read(table)`: the relation of its
 * files in every shard) as one ingest of that input keeps them: the rule applied across
 * shards, and the derived columns derived again over the rows kept. A shard counts in a
 * telemetry user's tenure the sessions it read; where another shard's transcripts hold
 * some of them, one ingest counts only the others.
 */
export function acrossShardsSql(table: TableName, read: (table: TableName) => string): string {
  const derived = Object.entries(DERIVED[table] ?? {});
  const again = derived.length ? ` replace (${derived.map(([name, sql]) => `${sql} as ${sqlIdent(name)}`).join(", ")})` : "";
  return `(select *${again} from ${read(table)} where ${keptSql(read("sessions"))})`;
}

/** SQL counting the sessions of other sources that a transcript shadows, over the sessions' rows (a relation). */
export function shadowedSql(sessions: string): string {
  return `select count(distinct session_id)::INTEGER as n from ${sessions} where source not in ${TRANSCRIPTS} and session_id in ${transcriptSessions(sessions)}`;
}

/**
 * SQL that writes a table's Parquet file from the rows sources wrote (`rows`, a relation
 * such as partsSql's), given the sessions' rows (`sessions`) for the shadowing rule.
 */
export function copySql(table: TableName, rows: string, out: string, sessions: string): string {
  const derived = DERIVED[table] ?? {};
  const select = TABLES[table]
    .map(([name, type]) =>
      name in derived ? `${derived[name]} as ${sqlIdent(name)}` : type === "TIMESTAMP" ? `make_timestamp(${sqlIdent(name)} * 1000) as ${sqlIdent(name)}` : sqlIdent(name)
    )
    .join(", ");
  return writeTableSql(table, `(select ${select} from ${rows} where ${keptSql(sessions)})`, out);
}

/**
 * SQL that writes a table's Parquet file from a relation of its rows, typed as the table
 * is, in the table's order: the one statement every published table is written by (an
 * ingest's, through copySql, and merge's), so that the same rows give the same bytes.
 */
export function writeTableSql(table: TableName, rows: string, out: string): string {
  return `copy (select * from ${rows} order by ${orderSql(table)}) to ${sqlString(out)} (format parquet, compression zstd)`;
}
