// Finds the logs under the paths an analyst names, and the layout they are in
// (docs/tables.md, "Inputs and layouts"): a fleet
// (<root>/<user>/projects/<project>/*.jsonl), one person's tree (<root>/projects/... or the
// projects folder itself), one project folder, or single files. Transcript work is grouped
// by project folder, the scope in which Claude Code resumes and forks a session.
//
// OpenTelemetry files (docs/otel-format.md) are recognised by content wherever they lie
// under a named path, whatever their names: every `.json`/`.jsonl` file (rotated `.json.1`,
// compressed `.json.gz`, ... too) is sniffed, and those that are OTLP form one group of
// their own, since sessions span files; they are never read as transcripts.
import {closeSync, lstatSync, openSync, readdirSync, realpathSync, statSync, existsSync, type Dirent} from "node:fs";
import {basename, dirname, join, resolve, sep} from "node:path";
import type {TranscriptFile} from "../sources/claude-code/read.ts";
import {sniff} from "../sources/otel/otlp.ts";
import {InputError} from "../errors.ts";

/** The file the generator writes at a fleet's root; its presence marks the data synthetic. */
export const FLEET_MARKER = "agent-autonomy-fleet.json";

export type Layout = "fleet" | "person" | "projects" | "project" | "files" | "otel";

/** An OTLP file; a compressed one is counted and skipped, not read. */
export type OtlpFile = {path: string; compressed: boolean; synthetic: boolean};

export type TranscriptGroup = {source: "claude-code"; userId: string; synthetic: boolean; project: string; files: TranscriptFile[]};
export type OtelGroup = {source: "otel"; files: OtlpFile[]};
export type Group = TranscriptGroup | OtelGroup;

export type Discovery = {groups: Group[]; layouts: Layout[]; unreadable: number};

/** What a walk has met: folders it could not read, and files that are OTLP (no transcripts). */
type Walk = {unreadable: Set<string>; otlp: Set<string>};

function entries(dir: string, walk: Walk): Dirent[] {
  try {
    return readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    walk.unreadable.add(dir);
    return [];
  }
}

// Follows a symlink to a file; never a symlinked folder (a loop would never end).
function isFile(dir: string, e: Dirent): boolean {
  if (e.isFile()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, e.name)).isFile();
  } catch {
    return false;
  }
}

const isTranscript = (dir: string, e: Dirent, walk: Walk) => e.name.endsWith(".jsonl") && e.name !== "journal.jsonl" && isFile(dir, e) && !walk.otlp.has(join(dir, e.name));
const isAgentFile = (name: string) => /^agent-.*\.jsonl$/.test(name);
// Names the Collector's file exporter, lumberjack or logrotate give: `x.json`, `x.jsonl`,
// `x-2026-01-05T10-00-00.000.json`, `x.json.1`, `x.jsonl.2.gz`, ...
const MAYBE_OTLP = /\.jsonl?(\.\d+)?(\.(gz|zst|zstd|bz2|xz))?$/i;
// Names Claude Code gives its transcripts (a session's uuid, a subagent's id): such a file
// is a transcript by its name, and opening every one of them to sniff it would double the
// files an ingest opens. Any other name is sniffed.
const TRANSCRIPT_NAME = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|agent-[\w-]+)\.jsonl$/i;

/** A project folder's transcripts: sessions at the top, subagents beside them or in `<session>/subagents/`. */
function projectFiles(dir: string, walk: Walk): TranscriptFile[] {
  const files: TranscriptFile[] = [];
  for (const e of entries(dir, walk)) {
    if (isTranscript(dir, e, walk)) files.push({path: join(dir, e.name), subagent: isAgentFile(e.name)});
    else if (e.isDirectory()) {
      const sub = join(dir, e.name, "subagents");
      if (existsSync(sub)) walkSubagents(sub, files, walk);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walkSubagents(dir: string, files: TranscriptFile[], walk: Walk) {
  for (const e of entries(dir, walk)) {
    if (isTranscript(dir, e, walk)) files.push({path: join(dir, e.name), subagent: true});
    else if (e.isDirectory()) walkSubagents(join(dir, e.name), files, walk);
  }
}

const hasTranscripts = (dir: string, walk: Walk) => entries(dir, walk).some((e) => isTranscript(dir, e, walk));
const subdirs = (dir: string, walk: Walk) => entries(dir, walk).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));

function projectsOf(projects: string, userId: string, synthetic: boolean, walk: Walk): TranscriptGroup[] {
  return subdirs(projects, walk)
    .map((project) => ({source: "claude-code" as const, userId, synthetic, project, files: projectFiles(project, walk)}))
    .filter((g) => g.files.length > 0);
}

/** Whether a file is OTLP (or a compressed file named like one); false when it cannot be read. */
function otlpFile(path: string, named: boolean, synthetic: boolean): OtlpFile | null {
  try {
    const kind = sniff(path);
    // A compressed file is OTLP's only when named like it, or named by the analyst.
    if (kind === null || (kind === "compressed" && !named && !MAYBE_OTLP.test(basename(path)))) return null;
    return {path, compressed: kind === "compressed", synthetic};
  } catch {
    return null;
  }
}

/** Every OTLP file under `dir`; follows symlinked files, never symlinked folders. */
function findOtlp(dir: string, synthetic: boolean, walk: Walk, out: OtlpFile[] = []): OtlpFile[] {
  for (const e of entries(dir, walk)) {
    const path = join(dir, e.name);
    if (e.isDirectory()) findOtlp(path, synthetic, walk, out);
    else if (MAYBE_OTLP.test(e.name) && !TRANSCRIPT_NAME.test(e.name) && isFile(dir, e)) {
      const file = otlpFile(path, false, synthetic);
      if (file) {
        out.push(file);
        walk.otlp.add(path);
      }
    }
  }
  return out;
}

/** Discovers one named path. Throws InputError when it does not exist or cannot be read. */
function discoverOne(input: string, walk: Walk): {layout: Layout; groups: TranscriptGroup[]; otlp: OtlpFile[]} {
  const path = resolve(input);
  let real: string;
  try {
    lstatSync(path);
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") throw new InputError(`a loop of symbolic links: ${input}`);
    if (code === "EACCES") throw new InputError(`cannot read folder: ${input}`);
    throw new InputError(`no such file or folder: ${input}`);
  }
  const info = statSync(real);
  if (info.isFile()) {
    try {
      closeSync(openSync(real, "r"));
    } catch {
      throw new InputError(`cannot read file: ${input}`);
    }
    const otlp = otlpFile(real, true, false);
    if (otlp) return {layout: "files", groups: [], otlp: [otlp]};
    const name = basename(real);
    return {layout: "files", groups: [{source: "claude-code", userId: "local", synthetic: false, project: dirname(real), files: [{path: real, subagent: isAgentFile(name) || real.includes(`${sep}subagents${sep}`)}]}], otlp: []};
  }
  const children = entries(real, walk);
  if (walk.unreadable.has(real)) throw new InputError(`cannot read folder: ${input}`);
  const synthetic = existsSync(join(real, FLEET_MARKER));
  const otlp = findOtlp(real, synthetic, walk);
  const transcripts = ((): {layout: Layout; groups: TranscriptGroup[]} => {
    if (children.some((e) => e.isDirectory() && e.name === "projects")) {
      return {layout: "person", groups: projectsOf(join(real, "projects"), "local", false, walk)};
    }
    const users = subdirs(real, walk).filter((d) => existsSync(join(d, "projects")));
    if (users.length > 0) return {layout: "fleet", groups: users.flatMap((u) => projectsOf(join(u, "projects"), basename(u), synthetic, walk))};
    if (hasTranscripts(real, walk)) return {layout: "project", groups: [{source: "claude-code", userId: "local", synthetic: false, project: real, files: projectFiles(real, walk)}]};
    return {layout: "projects", groups: projectsOf(real, "local", false, walk)};
  })();
  // A folder holding telemetry and no transcripts is a folder of telemetry.
  return {...transcripts, layout: transcripts.groups.length === 0 && otlp.length > 0 ? "otel" : transcripts.layout, otlp};
}

/**
 * Discovers every named path; transcript groups with the same user and project folder are
 * merged, and every OTLP file joins the one OpenTelemetry group.
 */
export function discover(inputs: readonly string[]): Discovery {
  const walk: Walk = {unreadable: new Set(), otlp: new Set()};
  const layouts: Layout[] = [];
  const byKey = new Map<string, TranscriptGroup>();
  const otlp = new Map<string, OtlpFile>();
  for (const input of inputs) {
    const found = discoverOne(input, walk);
    layouts.push(found.layout);
    for (const f of found.otlp) otlp.set(f.path, f);
    for (const g of found.groups) {
      const key = `${g.userId}\u0000${g.project}`;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, {...g, files: [...g.files]});
      else {
        const paths = new Set(seen.files.map((f) => f.path));
        seen.files.push(...g.files.filter((f) => !paths.has(f.path)));
        seen.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        seen.synthetic ||= g.synthetic;
      }
    }
  }
  const groups: Group[] = [...byKey.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.project < b.project ? -1 : a.project > b.project ? 1 : 0));
  // Sorted by path: the first copy of a record that a retry duplicated is the one kept.
  if (otlp.size) groups.push({source: "otel", files: [...otlp.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))});
  return {groups, layouts, unreadable: walk.unreadable.size};
}

/** Where Claude Code keeps one person's transcripts: `$CLAUDE_CONFIG_DIR/projects`, else `~/.claude/projects`. */
export function defaultInput(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.CLAUDE_CONFIG_DIR || join(home, ".claude"), "projects");
}
