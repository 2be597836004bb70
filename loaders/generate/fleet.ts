// `agent-autonomy generate`: writes a synthetic fleet, user by user and session by
// session (nothing but one session is ever held), as one folder per user in the layout
// the ingest reads (<root>/<user>/projects/<project>/<session>.jsonl, subagents in
// <session>/subagents/), with the marker file at the root that labels it generated; and
// beside them, in <root>/otel/, the API-side population's telemetry (api-fleet.ts) and
// the Claude Code users written as their telemetry rather than transcripts
// (telemetry-fleet.ts).
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {availableParallelism} from "node:os";
import {basename, dirname, join, resolve} from "node:path";
import {codeDigest} from "../code.ts";
import {startWorker} from "../paths.ts";
import {FLEET_MARKER} from "../sources/walk.ts";
import {makeAgents} from "./api.ts";
import {writeApi, type ApiWritten} from "./api-fleet.ts";
import {telemetryUsers, writeTelemetry, type TelemetryWritten} from "./telemetry-fleet.ts";
import {CALIBRATION_FILE, readCalibration, ROOT, type Calibration} from "./calibration.ts";
import {sessionModel} from "./session.ts";
import {renderRollout, rolloutPath} from "./rollout.ts";
import {renderSession} from "./transcript.ts";
import {makeUsers, sessionStarts, type User} from "./users.ts";
import type {Variant} from "./variants.ts";

export type FleetOptions = {
  users: number;
  /** Users of Codex CLI, written as its rollouts (0: none): our assumption, as the study has no Codex figures. */
  codexUsers?: number;
  /** Claude Code users written as the telemetry events Claude Code exports, not as transcripts (0: none). */
  telemetryUsers?: number;
  /** Agents built on the API, written as OpenTelemetry spans (0: none). */
  apiAgents: number;
  seed: string;
  out: string;
  calibration?: string;
  /** Which fleet (variants.ts); the calibrated one unless asked. */
  variant?: Variant;
  progress?: (p: FleetProgress) => void;
};

export type FleetProgress = {usersTotal: number; sessions: number; sessionsTotal: number; bytes: number; apiAgents: number; conversations: number; conversationsTotal: number};

export type Marker = {
  generator: string;
  version: string;
  /** A digest of the generator's code: the same code, seed and calibration give the same bytes. */
  code: string;
  format: string;
  seed: string;
  users: number;
  calibration: string;
  variant: Variant;
  /** Codex CLI's users, beside Claude Code's: how many, and what they wrote. */
  codex: {users: number; format: string} & Written;
  /** Claude Code's users written as telemetry: how many, and what they wrote, as the ingest will count it. */
  telemetry: {users: number; format: string} & TelemetryWritten;
  /** The API-side population: how many of each thing it wrote, as the ingest will count them. */
  api: {format: string} & ApiWritten;
} & Written;

const API_FORMAT = "OTLP JSON of GenAI agent spans (semantic conventions 1.31 to 1.41), as the Collector's file exporter writes it";
const CODEX_FORMAT = "Codex CLI rollouts (0.116 and later), from Claude Code's session model: how Codex users behave is our assumption";
const TELEMETRY_FORMAT = "OTLP JSON of Claude Code's telemetry events (2.1.x), as the Collector's file exporter writes it";
const NO_API: ApiWritten = {agents: 0, conversations: 0, sessions: 0, turns: 0, tool_calls: 0, lines: 0, retries: 0, files: 0, bytes: 0};
const NO_TELEMETRY: TelemetryWritten = {sessions: 0, turns: 0, tool_calls: 0, lines: 0, retries: 0, files: 0, bytes: 0};

export class FleetError extends Error {}

/** Why a fleet of nobody is refused, as `generate` and its command say it. */
export const EMPTY_FLEET = "a fleet needs someone in it: one of --users, --codex-users, --telemetry-users or --api-agents above 0";

/** A digest of the generator's code (the main thread's and the workers'): a fleet is a function of code, calibration and seed. */
export function generatorDigest(): string {
  return codeDigest(["generate/fleet.ts", "generate/worker.ts", "thread.js"]).slice(0, 16);
}

/** Claude Code names a project folder by its working directory, `/` and `.` made `-`. */
export const projectFolder = (cwd: string) => cwd.replace(/[^A-Za-z0-9-]/g, "-");

// The output folder may be new, empty, or a fleet this command wrote before (then replaced).
function prepare(out: string): string {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new FleetError(`output is not a folder: ${out}`);
    const names = readdirSync(out);
    if (names.length && !names.includes(FLEET_MARKER)) throw new FleetError(`output folder holds files the generator did not write (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", ..." : ""}): ${out}`);
  }
  const work = join(dirname(out), `.${basename(out)}.generating-${process.pid}`);
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  return work;
}

export type Written = {sessions: number; files: number; bytes: number};

/**
 * Writes the users of the fleet whose indices are listed into `work`. Every user is drawn
 * from their own stream, so any split of the users over threads writes the same bytes.
 */
export function writeUsers(calibration: string, variant: Variant, seed: string, count: number, work: string, indices: readonly number[], tick: (w: Written) => void, agent: Agent = "claude-code"): Written {
  const cal = readCalibration(calibration, undefined, variant);
  const plan = sessionModel(cal);
  const done: Written = {sessions: 0, files: 0, bytes: 0};
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    done.files++;
    done.bytes += Buffer.byteLength(text);
  };
  const users = agent === "codex" ? codexUsers(cal, count, seed) : makeUsers(cal, count, seed);
  for (const user of indices.map((i) => users[i])) {
    const made = new Set<string>();
    const folder = (path: string) => {
      if (!made.has(path)) mkdirSync(path, {recursive: true});
      made.add(path);
      return path;
    };
    sessionStarts(user, cal).forEach((at, tenure) => {
      const session = plan(user, tenure, at);
      if (agent === "codex") {
        const path = join(work, user.id, rolloutPath(session));
        folder(dirname(path));
        write(path, renderRollout(session, user.rng.fork(`session/${tenure}/lines`)));
        done.sessions++;
        if (done.sessions % 100 === 0) tick(done);
        return;
      }
      const rendered = renderSession(session, user.rng.fork(`session/${tenure}/lines`));
      const project = folder(join(work, user.id, "projects", projectFolder(session.project.cwd)));
      write(join(project, `${session.id}.jsonl`), rendered.main);
      if (rendered.subagents.length) {
        const subagents = folder(join(project, session.id, "subagents"));
        for (const sub of rendered.subagents) {
          write(join(subagents, sub.name), sub.text);
          if (sub.meta) write(join(subagents, sub.name.replace(/\.jsonl$/, ".meta.json")), sub.meta);
        }
      }
      done.sessions++;
      if (done.sessions % 100 === 0) tick(done);
    });
  }
  tick(done);
  return done;
}

// Below this many users a thread of its own costs more than it saves.
const INLINE_USERS = 8;

/** Users per thread: the largest first, each to the thread with the fewest sessions so far. */
function share(sessions: number[], threads: number): number[][] {
  const load = new Array(threads).fill(0);
  const out: number[][] = Array.from({length: threads}, () => []);
  for (const i of sessions.map((_, i) => i).sort((a, b) => sessions[b] - sessions[a] || a - b)) {
    const t = load.indexOf(Math.min(...load));
    out[t].push(i);
    load[t] += sessions[i];
  }
  return out;
}

/** Which agent a user's sessions are written for. */
export type Agent = "claude-code" | "codex";

/** Codex's users: drawn as Claude Code's are (how they behave is our assumption), from a stream of their own, under names of their own. */
function codexUsers(cal: Calibration, count: number, seed: string): User[] {
  return makeUsers(cal, count, `${seed}/codex`).map((u) => ({...u, id: `codex-${u.id}`}));
}

/** A thread's work: some of the users (Claude Code's, or Codex's), the users written as telemetry (one stream in time order), or the API-side population. */
export type Job = {users: number[]; agent: Agent; count: number} | {telemetry: number} | {api: number};

const NONE: Written = {sessions: 0, files: 0, bytes: 0};
const sum = (w: Written[]): Written => ({sessions: w.reduce((s, x) => s + x.sessions, 0), files: w.reduce((s, x) => s + x.files, 0), bytes: w.reduce((s, x) => s + x.bytes, 0)});

function pooled(opts: FleetOptions & {variant: Variant}, calibration: string, work: string, jobs: Job[], progress: FleetProgress): Promise<{users: Written; codex: Written; telemetry: TelemetryWritten; api: ApiWritten}> {
  const seen: (Written | TelemetryWritten | ApiWritten)[] = jobs.map((job) => ("api" in job ? {...NO_API} : "telemetry" in job ? {...NO_TELEMETRY} : {...NONE}));
  const users = (agent: Agent) => seen.filter((_, i) => "agent" in jobs[i] && (jobs[i] as {agent: Agent}).agent === agent) as Written[];
  const telemetry = () => (seen.find((_, i) => "telemetry" in jobs[i]) as TelemetryWritten | undefined) ?? NO_TELEMETRY;
  const api = () => (seen.find((_, i) => "api" in jobs[i]) as ApiWritten | undefined) ?? NO_API;
  const update = () => {
    // A user's session is a session, whichever way it is written; the API's are conversations.
    progress.sessions = seen.reduce((n, w, i) => n + ("api" in jobs[i] ? 0 : w.sessions), 0);
    progress.bytes = seen.reduce((s, w) => s + w.bytes, 0);
    progress.conversations = api().conversations;
    opts.progress?.(progress);
  };
  return Promise.all(
    jobs.map(
      (job, index) =>
        new Promise<void>((done, fail) => {
          const worker = startWorker("generate", {calibration, variant: opts.variant, seed: opts.seed, work, job});
          worker.on("message", (m: {tick?: Written | TelemetryWritten | ApiWritten; done?: Written | TelemetryWritten | ApiWritten; error?: string}) => {
            if (m.error) fail(new Error(m.error));
            else {
              seen[index] = (m.tick ?? m.done)!;
              update();
              if (m.done) worker.terminate().then(() => done());
            }
          });
          worker.on("error", fail);
        })
    )
  ).then(() => ({users: sum(users("claude-code")), codex: sum(users("codex")), telemetry: telemetry(), api: api()}));
}

/** Writes the fleet; `threads` (default: one per core, fewer for small fleets) never changes the bytes. */
export async function generate(opts: FleetOptions & {threads?: number}): Promise<Marker> {
  const codexCount = opts.codexUsers ?? 0;
  const telemetryCount = opts.telemetryUsers ?? 0;
  for (const [flag, n] of [["--users", opts.users], ["--codex-users", codexCount], ["--telemetry-users", telemetryCount], ["--api-agents", opts.apiAgents]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new FleetError(`${flag} needs a whole number, not ${n}`);
  }
  if (opts.users + codexCount + telemetryCount + opts.apiAgents === 0) throw new FleetError(EMPTY_FLEET);
  const out = resolve(opts.out);
  const calibration = resolve(opts.calibration ?? CALIBRATION_FILE);
  const variant = opts.variant ?? "calibrated";
  const cal = readCalibration(calibration, undefined, variant);
  const work = prepare(out);
  try {
    const users = makeUsers(cal, opts.users, opts.seed);
    const codex = codexUsers(cal, codexCount, opts.seed);
    const telemetry = telemetryUsers(cal, telemetryCount, opts.seed);
    const agents = makeAgents(cal, opts.apiAgents, opts.seed);
    const progress: FleetProgress = {
      usersTotal: users.length + codex.length + telemetry.length, sessions: 0, sessionsTotal: [...users, ...codex, ...telemetry].reduce((s, u) => s + u.sessions, 0), bytes: 0,
      apiAgents: opts.apiAgents, conversations: 0, conversationsTotal: agents.reduce((s, a) => s + a.sessions, 0)
    };
    const threads = opts.threads ?? Math.min(availableParallelism(), Math.ceil((opts.users + codexCount + telemetryCount) / INLINE_USERS));
    let written: {users: Written; codex: Written; telemetry: TelemetryWritten; api: ApiWritten};
    if (threads <= 1) {
      const mine = opts.users ? writeUsers(calibration, variant, opts.seed, opts.users, work, users.map((_, i) => i), (w) => opts.progress?.({...progress, sessions: w.sessions, bytes: w.bytes})) : NONE;
      const theirs = codexCount ? writeUsers(calibration, variant, opts.seed, codexCount, work, codex.map((_, i) => i), (w) => opts.progress?.({...progress, sessions: mine.sessions + w.sessions, bytes: mine.bytes + w.bytes}), "codex") : NONE;
      Object.assign(progress, {sessions: mine.sessions + theirs.sessions, bytes: mine.bytes + theirs.bytes});
      const told = telemetryCount ? writeTelemetry(calibration, variant, opts.seed, telemetryCount, work, (w) => opts.progress?.({...progress, sessions: progress.sessions + w.sessions, bytes: progress.bytes + w.bytes})) : NO_TELEMETRY;
      Object.assign(progress, {sessions: progress.sessions + told.sessions, bytes: progress.bytes + told.bytes});
      const api = opts.apiAgents ? writeApi(calibration, variant, opts.seed, opts.apiAgents, work, (w) => opts.progress?.({...progress, conversations: w.conversations, bytes: progress.bytes + w.bytes})) : NO_API;
      written = {users: mine, codex: theirs, telemetry: told, api};
    } else {
      // The telemetry users and the API-side population are each one stream in time order: a thread each, beside the users'.
      const jobs: Job[] = [
        ...share(users.map((u) => u.sessions), threads).map((u) => ({users: u, agent: "claude-code" as const, count: opts.users})),
        ...(codexCount ? share(codex.map((u) => u.sessions), threads).map((u) => ({users: u, agent: "codex" as const, count: codexCount})) : []),
        ...(telemetryCount ? [{telemetry: telemetryCount}] : []),
        ...(opts.apiAgents ? [{api: opts.apiAgents}] : [])
      ].filter((job) => !("users" in job) || job.users.length > 0);
      written = await pooled({...opts, variant}, calibration, work, jobs, progress);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {version: string};
    const marker: Marker = {
      generator: "agent-autonomy generate",
      version: pkg.version,
      code: generatorDigest(),
      format: "Claude Code 2.1.x transcripts",
      seed: opts.seed,
      users: opts.users,
      calibration: cal.hash,
      variant,
      sessions: written.users.sessions,
      files: written.users.files + written.codex.files + written.telemetry.files + written.api.files,
      bytes: written.users.bytes + written.codex.bytes + written.telemetry.bytes + written.api.bytes,
      codex: {users: codexCount, format: CODEX_FORMAT, ...written.codex},
      telemetry: {users: telemetryCount, format: TELEMETRY_FORMAT, ...written.telemetry},
      api: {format: API_FORMAT, ...written.api}
    };
    writeFileSync(join(work, FLEET_MARKER), JSON.stringify(marker, null, 2) + "\n");
    rmSync(out, {recursive: true, force: true});
    renameSync(work, out);
    return marker;
  } catch (error) {
    rmSync(work, {recursive: true, force: true});
    throw error;
  }
}
