// Finds the transcripts under the paths an analyst names, and the layout they are in
// (TABLES.md "The ingest command"): a fleet (<root>/<user>/projects/<project>/*.jsonl),
// one person's tree (<root>/projects/... or the projects folder itself), one project
// folder, or single files. Work is grouped by project folder, the scope in which Claude
// Code resumes and forks a session.
import {lstatSync, readdirSync, realpathSync, statSync, existsSync, type Dirent} from "node:fs";
import {basename, dirname, join, resolve, sep} from "node:path";
import type {TranscriptFile} from "../sources/claude-code/read.ts";

/** The file the generator writes at a fleet's root; its presence marks the data synthetic. */
export const FLEET_MARKER = "agent-autonomy-fleet.json";

export type Layout = "fleet" | "person" | "projects" | "project" | "files";

export type TranscriptGroup = {source: "claude-code"; userId: string; synthetic: boolean; project: string; files: TranscriptFile[]};
export type Group = TranscriptGroup;

export type Discovery = {groups: Group[]; layouts: Layout[]; unreadable: number};

export class InputError extends Error {}

function entries(dir: string, unreadable: {n: number}): Dirent[] {
  try {
    return readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    unreadable.n++;
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

const isTranscript = (name: string) => name.endsWith(".jsonl") && name !== "journal.jsonl";
const isAgentFile = (name: string) => /^agent-.*\.jsonl$/.test(name);

/** A project folder's transcripts: sessions at the top, subagents beside them or in `<session>/subagents/`. */
function projectFiles(dir: string, unreadable: {n: number}): TranscriptFile[] {
  const files: TranscriptFile[] = [];
  for (const e of entries(dir, unreadable)) {
    if (isFile(dir, e) && isTranscript(e.name)) files.push({path: join(dir, e.name), subagent: isAgentFile(e.name)});
    else if (e.isDirectory()) {
      const sub = join(dir, e.name, "subagents");
      if (existsSync(sub)) walkSubagents(sub, files, unreadable);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function walkSubagents(dir: string, files: TranscriptFile[], unreadable: {n: number}) {
  for (const e of entries(dir, unreadable)) {
    if (isFile(dir, e) && isTranscript(e.name)) files.push({path: join(dir, e.name), subagent: true});
    else if (e.isDirectory()) walkSubagents(join(dir, e.name), files, unreadable);
  }
}

const hasTranscripts = (dir: string, unreadable: {n: number}) => entries(dir, unreadable).some((e) => isFile(dir, e) && isTranscript(e.name));
const subdirs = (dir: string, unreadable: {n: number}) => entries(dir, unreadable).filter((e) => e.isDirectory()).map((e) => join(dir, e.name));

function projectsOf(projects: string, userId: string, synthetic: boolean, unreadable: {n: number}): Group[] {
  return subdirs(projects, unreadable)
    .map((project) => ({source: "claude-code" as const, userId, synthetic, project, files: projectFiles(project, unreadable)}))
    .filter((g) => g.files.length > 0);
}

/** Discovers one named path. Throws InputError when it does not exist or cannot be read. */
function discoverOne(input: string, unreadable: {n: number}): {layout: Layout; groups: Group[]} {
  const path = resolve(input);
  let real: string;
  try {
    lstatSync(path);
    real = realpathSync(path);
  } catch {
    throw new InputError(`no such file or folder: ${input}`);
  }
  const info = statSync(real);
  if (info.isFile()) {
    const name = basename(real);
    return {layout: "files", groups: [{source: "claude-code", userId: "local", synthetic: false, project: dirname(real), files: [{path: real, subagent: isAgentFile(name) || real.includes(`${sep}subagents${sep}`)}]}]};
  }
  const before = unreadable.n;
  const children = entries(real, unreadable);
  if (unreadable.n > before) throw new InputError(`cannot read folder: ${input}`);
  if (children.some((e) => e.isDirectory() && e.name === "projects")) {
    return {layout: "person", groups: projectsOf(join(real, "projects"), "local", false, unreadable)};
  }
  const dirs = subdirs(real, unreadable);
  const users = dirs.filter((d) => existsSync(join(d, "projects")));
  if (users.length > 0) {
    const synthetic = existsSync(join(real, FLEET_MARKER));
    return {layout: "fleet", groups: users.flatMap((u) => projectsOf(join(u, "projects"), basename(u), synthetic, unreadable))};
  }
  if (hasTranscripts(real, unreadable)) return {layout: "project", groups: [{source: "claude-code", userId: "local", synthetic: false, project: real, files: projectFiles(real, unreadable)}]};
  return {layout: "projects", groups: projectsOf(real, "local", false, unreadable)};
}

/** Discovers every named path; groups with the same user and project folder are merged. */
export function discover(inputs: readonly string[]): Discovery {
  const unreadable = {n: 0};
  const layouts: Layout[] = [];
  const byKey = new Map<string, Group>();
  for (const input of inputs) {
    const {layout, groups} = discoverOne(input, unreadable);
    layouts.push(layout);
    for (const g of groups) {
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
  const groups = [...byKey.values()].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : a.project < b.project ? -1 : a.project > b.project ? 1 : 0));
  return {groups, layouts, unreadable: unreadable.n};
}

/** Where Claude Code keeps one person's transcripts: `$CLAUDE_CONFIG_DIR/projects`, else `~/.claude/projects`. */
export function defaultInput(env: NodeJS.ProcessEnv, home: string): string {
  return join(env.CLAUDE_CONFIG_DIR || join(home, ".claude"), "projects");
}
