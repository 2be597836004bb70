// The embedded default's definition (data/calibration.json): the targets the fleet aims at
// and the assumptions that are ours. This module reads it, checks it, and turns its
// date-indexed schedules into functions of time. Nothing else in the generator holds a
// number that shapes behaviour.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {Complexity} from "../definitions.ts";
import type {Measure as CellMeasure} from "../findings.ts";
import {ROOT} from "../paths.ts";
import {BANK, type Bank} from "./phrases.ts";
import {vary, type Variant} from "./variants.ts";

export {ROOT};
export const CALIBRATION_FILE = join(ROOT, "data", "calibration.json");
export const PUBLISHED_FILE = join(ROOT, "data", "published.json");

type ByComplexity = Record<Complexity, number>;
type LogNormal = {median: number; sigma: number};
type Dated<T> = [string, T][];

/**
 * What a target reads, all of it from the site's aggregates: the cell the findings registry
 * compares a published figure with, a cell of an aggregate, or a ratio or difference of two.
 */
export type Measure =
  | {published: string}
  | ({kind: "cell"} & CellMeasure)
  | {kind: "ratio"; of: Measure; to: Measure}
  | {kind: "difference"; of: Measure; minus: Measure};

/** A target: a published figure (read as the registry compares it), or a measure of its own. */
export type Target = {
  id: string;
  published?: string;
  derived?: string[];
  source?: string;
  aim?: number;
  why?: string;
  pass?: {min?: number; max?: number};
  /** What the study says in words of a figure it gives no number for ("more than twice"): judged on the interval. */
  claim?: {bound: "over" | "under"; value: number};
  measure?: Measure;
};

export type Assumptions = {
  period: {start: string; end: string};
  format: {versions: Dated<number>; lag_days: number; headless: {share: number; from_version: number}; tool_output: "lean" | "full"};
  users: {
    power_share: number;
    power_sessions: [number, number];
    regular_sessions_median: number;
    regular_sessions_sigma: number;
    regular_sessions_max: number;
    present_at_start: number;
    join_by: number;
    churn: number;
    churn_after_days_mean: number;
    max_sessions_per_workday: number;
    timezones: Record<string, number>;
    workday_start_hour: [number, number];
    workday_hours: [number, number];
    weekend_share: number;
    activity_growth: number;
    projects_mean: number;
    primary_domain_share: number;
    opus_leaning: number;
    hooks: {post_edit: number; stop: number};
    custom_commands: number;
    planner: {share: number};
  };
  sessions: {
    tasks_mean: number;
    power_tasks_mean: number;
    think_gap_s: LogNormal;
    answer_wait_s: LogNormal;
    plan_wait_s: LogNormal;
    permission_wait_s: LogNormal;
    mode_change: number;
  };
  models: {shares: Dated<Record<string, number>>; speed: Record<string, number>; subagent: {model: string; from: string}};
  tasks: {complexity: ByComplexity; domains_from: string};
  durations: {
    body_median_s: ByComplexity;
    body_sigma: ByComplexity;
    long_run_share: ByComplexity;
    long_run_median_min: Dated<number>;
    long_run_sigma: number;
    steps_per_minute: ByComplexity & {exponent: number; max: number};
  };
  autonomy: {
    full_logit_base: number;
    full_logit_gain: number;
    experience_center_sessions: number;
    experience_scale: number;
    user_sigma: number;
    edits_share: number;
    auto_mode: {from_version: number; share: number};
  };
  interrupts: {
    low: number;
    high: number;
    experience_center_sessions: number;
    experience_scale: number;
    user_sigma: number;
    complexity: ByComplexity;
    reasons: Record<string, number>;
    session_ends_after: number;
  };
  agent_stops: {
    ask_user: ByComplexity;
    closing_question: ByComplexity;
    plan_mode: ByComplexity;
    ask_outcome: {answered: number; clarify: number; timeout: number};
    plan_outcome: {approved: number; revise: number; rejected: number};
    question_reasons: Record<string, number>;
  };
  interventions: {
    fail: Record<Complexity, [number, number]>;
    fail_from: string;
    fail_to: string;
    reject_with_reason: [number, number];
    correction_fails: number;
  };
  quirks: {
    null_stop_reason_sessions: number;
    resumed_sessions: number;
    resume_fresh_uuids: number;
    manual_compact: number;
    auto_compact_after_turns: number;
    model_command: number;
    clear_start: number;
    custom_command_prompts: number;
    background_task: number;
    api_error: number;
    api_retry: number;
    queued_prompt: number;
    thinking_block: number;
    opener_text: number;
    parallel_calls: number;
    subagent: ByComplexity;
    parallel_subagents: number;
    aborted_stream: number;
    hook_output: number;
  };
  /** Claude Code users written as telemetry: the chance a person's yes lasts the session. */
  telemetry: {permanent_grant: number};
};

/** Agents built on the API (`api` in data/calibration.json), written as GenAI agent spans. */
export type ApiAssumptions = {
  population: {
    sessions_per_agent: number;
    volume_sigma: number;
    domains_from: string;
    pipeline_share: number;
    live_by: number;
    customers_per_session: number;
    staff: [number, number];
    semconv_1_31: number;
    enduser_id: number;
    http_root: number;
    content_capture: number;
    providers: Record<string, number>;
  };
  runs: {
    per_session: {interactive: number; pipeline: number};
    complexity: {interactive: ByComplexity; pipeline: ByComplexity};
    calls: Record<Complexity, [number, number]>;
    subagent: ByComplexity;
    subagent_share: [number, number];
    parallel: number;
    error: number;
    tool_error: number;
  };
  involvement: {gated: {interactive: number; pipeline: number}; run: ByComplexity; second_call: number};
  tools: {kinds: {read: number; write: number; act: number}};
  timing: {chat_s: LogNormal; tool_s: LogNormal; person_wait_s: LogNormal; between_runs_s: LogNormal};
  export: {
    collectors: number;
    batch_spans: number;
    batch_window_s: number;
    delay_s: LogNormal;
    merge_within_s: number;
    merge: number;
    retry: number;
    retry_after_s: LogNormal;
    rotate_mb: number;
  };
};

export type Api = {
  about: string;
  targets: Target[];
  reported: Target[];
  assumptions: ApiAssumptions;
  /** The API agents' domain mix (by tool calls), from the published figures the assumptions name. */
  domains: Record<string, number>;
};

export type Size = {users: number; api_agents: number; codex_users: number; seed: string};

export type Calibration = {
  sizes: Record<string, Size>;
  api: Api;
  targets: Target[];
  reported: Target[];
  assumptions: Assumptions;
  /** The task domain mix, from the published figures the assumptions name. */
  domains: Record<string, number>;
  /** A digest of the file's bytes (and the variant, if not the calibrated one): the fleet's marker records it. */
  hash: string;
  /** Which fleet this calibration generates (variants.ts). */
  variant: Variant;
  /** What the agent and the person say. */
  bank: Bank;
};

export type Published = {id: string; finding: string; value: number | number[]; unit: string; bound?: string; label: string; source: string; provenance: string};

export function readPublished(file = PUBLISHED_FILE): Map<string, Published> {
  const figures = (JSON.parse(readFileSync(file, "utf8")) as {figures: Published[]}).figures;
  return new Map(figures.map((f) => [f.id, f]));
}

// Every key the generator reads must be there: a misspelt key would silently become NaN.
// Text keys that take one of a few values.
const CHOICES: Record<string, string[]> = {"assumptions.format.tool_output": ["lean", "full"]};

function check(value: unknown, path: string, template: unknown): void {
  if (CHOICES[path] && !CHOICES[path].includes(value as string)) throw new Error(`calibration: ${path} must be one of ${CHOICES[path].join(", ")}`);
  if (typeof template === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`calibration: ${path} must be a number`);
  } else if (Array.isArray(template)) {
    if (!Array.isArray(value)) throw new Error(`calibration: ${path} must be a list`);
  } else if (template && typeof template === "object") {
    if (!value || typeof value !== "object") throw new Error(`calibration: ${path} is missing`);
    for (const [k, t] of Object.entries(template)) check((value as Record<string, unknown>)[k], `${path}.${k}`, t);
  } else if (typeof template === "string" && typeof value !== "string") throw new Error(`calibration: ${path} must be text`);
}

const C = {minimal: 0, low: 0, medium: 0, high: 0};
const LN = {median: 0, sigma: 0};
const SHAPE = {
  period: {start: "", end: ""},
  format: {versions: [], lag_days: 0, headless: {share: 0, from_version: 0}, tool_output: ""},
  users: {
    power_share: 0, power_sessions: [], regular_sessions_median: 0, regular_sessions_sigma: 0, regular_sessions_max: 0, present_at_start: 0, join_by: 0,
    churn: 0, churn_after_days_mean: 0, max_sessions_per_workday: 0, timezones: {}, workday_start_hour: [], workday_hours: [], weekend_share: 0, activity_growth: 0,
    projects_mean: 0, primary_domain_share: 0, opus_leaning: 0, hooks: {post_edit: 0, stop: 0}, custom_commands: 0, planner: {share: 0}
  },
  sessions: {tasks_mean: 0, power_tasks_mean: 0, think_gap_s: LN, answer_wait_s: LN, plan_wait_s: LN, permission_wait_s: LN, mode_change: 0},
  models: {shares: [], speed: {}, subagent: {model: "", from: ""}},
  tasks: {complexity: C, domains_from: ""},
  durations: {body_median_s: C, body_sigma: C, long_run_share: C, long_run_median_min: [], long_run_sigma: 0, steps_per_minute: {...C, exponent: 0, max: 0}},
  autonomy: {full_logit_base: 0, full_logit_gain: 0, experience_center_sessions: 0, experience_scale: 0, user_sigma: 0, edits_share: 0, auto_mode: {from_version: 0, share: 0}},
  interrupts: {low: 0, high: 0, experience_center_sessions: 0, experience_scale: 0, user_sigma: 0, complexity: C, reasons: {}, session_ends_after: 0},
  agent_stops: {ask_user: C, closing_question: C, plan_mode: C, ask_outcome: {answered: 0, clarify: 0, timeout: 0}, plan_outcome: {approved: 0, revise: 0, rejected: 0}, question_reasons: {}},
  interventions: {fail: {minimal: [], low: [], medium: [], high: []}, fail_from: "", fail_to: "", reject_with_reason: [], correction_fails: 0},
  quirks: {
    null_stop_reason_sessions: 0, resumed_sessions: 0, resume_fresh_uuids: 0, manual_compact: 0, auto_compact_after_turns: 0, model_command: 0,
    clear_start: 0, custom_command_prompts: 0, background_task: 0, api_error: 0, api_retry: 0, queued_prompt: 0, thinking_block: 0, opener_text: 0,
    parallel_calls: 0, subagent: C, parallel_subagents: 0, aborted_stream: 0, hook_output: 0
  },
  telemetry: {permanent_grant: 0}
};

const RANGE: number[] = [];
const API_SHAPE = {
  population: {
    sessions_per_agent: 0, volume_sigma: 0, domains_from: "", pipeline_share: 0, live_by: 0, customers_per_session: 0, staff: RANGE,
    semconv_1_31: 0, enduser_id: 0, http_root: 0, content_capture: 0, providers: {}
  },
  runs: {
    per_session: {interactive: 0, pipeline: 0}, complexity: {interactive: C, pipeline: C},
    calls: {minimal: RANGE, low: RANGE, medium: RANGE, high: RANGE}, subagent: C, subagent_share: RANGE, parallel: 0, error: 0, tool_error: 0
  },
  involvement: {gated: {interactive: 0, pipeline: 0}, run: C, second_call: 0},
  tools: {kinds: {read: 0, write: 0, act: 0}},
  timing: {chat_s: LN, tool_s: LN, person_wait_s: LN, between_runs_s: LN},
  export: {collectors: 0, batch_spans: 0, batch_window_s: 0, delay_s: LN, merge_within_s: 0, merge: 0, retry: 0, retry_after_s: LN, rotate_mb: 0}
};

/** The shares of the published figures under `from.` (F8's domain mix), by the id's last part. */
function mix(published: Map<string, Published>, from: string): Record<string, number> {
  const prefix = `${from}.`;
  const shares: Record<string, number> = {};
  for (const [id, f] of published) if (id.startsWith(prefix) && typeof f.value === "number") shares[id.slice(prefix.length)] = f.value;
  if (Object.keys(shares).length === 0) throw new Error(`calibration: no published figures under ${prefix}`);
  return shares;
}

export function readCalibration(file = CALIBRATION_FILE, published = readPublished(), variant: Variant = "calibrated"): Calibration {
  const bytes = readFileSync(file);
  const raw = JSON.parse(bytes.toString("utf8")) as Omit<Calibration, "hash" | "domains" | "api"> & {api: Omit<Api, "domains">};
  check(raw.assumptions, "assumptions", SHAPE);
  check(raw.api?.assumptions, "api.assumptions", API_SHAPE);
  for (const [name, size] of Object.entries(raw.sizes)) check(size, `sizes.${name}`, {users: 0, api_agents: 0, codex_users: 0, seed: ""});
  for (const t of [...raw.targets, ...(raw.reported ?? []), ...raw.api.targets, ...raw.api.reported]) {
    if (t.published && !published.has(t.published)) throw new Error(`calibration: target ${t.id} names unknown published figure ${t.published}`);
    if (!t.published && !t.measure) throw new Error(`calibration: target ${t.id} names neither a published figure nor a measure`);
    for (const d of t.derived ?? []) if (!published.has(d)) throw new Error(`calibration: target ${t.id} derives from unknown figure ${d}`);
    if (t.claim && (!["over", "under"].includes(t.claim.bound) || typeof t.claim.value !== "number")) throw new Error(`calibration: target ${t.id}: a claim is {"bound": "over" | "under", "value": <number>}`);
  }
  const cal: Calibration = {
    ...raw,
    reported: raw.reported ?? [],
    api: {...raw.api, domains: mix(published, raw.api.assumptions.population.domains_from)},
    domains: mix(published, raw.assumptions.tasks.domains_from),
    hash: createHash("sha256").update(bytes).digest("hex").slice(0, 16),
    variant: "calibrated",
    bank: BANK
  };
  return vary(cal, variant);
}

export const DAY_MS = 86_400_000;
export const ms = (day: string): number => Date.parse(day.length === 10 ? `${day}T00:00:00.000Z` : day);

/** A value interpolated linearly in time between dated points, flat outside them. */
export function schedule(points: Dated<number>): (t: number) => number {
  const xs = points.map(([d]) => ms(d));
  const ys = points.map(([, v]) => v);
  return (t) => {
    if (t <= xs[0]) return ys[0];
    for (let i = 1; i < xs.length; i++) {
      if (t <= xs[i]) return ys[i - 1] + ((ys[i] - ys[i - 1]) * (t - xs[i - 1])) / (xs[i] - xs[i - 1]);
    }
    return ys[ys.length - 1];
  };
}

/** Shares (of models ...) interpolated between dated points; keys absent at a point count 0. */
export function shareSchedule(points: Dated<Record<string, number>>): (t: number) => Record<string, number> {
  const keys = [...new Set(points.flatMap(([, s]) => Object.keys(s)))];
  const each = keys.map((k) => [k, schedule(points.map(([d, s]) => [d, s[k] ?? 0]))] as const);
  return (t) => Object.fromEntries(each.map(([k, f]) => [k, f(t)]).filter(([, v]) => (v as number) > 0));
}

/** Between two dated endpoints: [at start, at end], linear, flat outside. */
export function trend([from, to]: [number, number], start: string, end: string): (t: number) => number {
  return schedule([[start, from], [end, to]]);
}

export const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** 0 → 1 as a user gains experience: logistic in log sessions so far. */
export function experience(sessionsSoFar: number, center: number, scale: number): number {
  return logistic((Math.log(sessionsSoFar + 1) - Math.log(center)) / scale);
}
