// Where Claude Code's transcripts lie, by the layout of a named folder (docs/tables.md,
// "Inputs and layouts"): a fleet (<root>/<user>/projects/<project>/*.jsonl), one person's
// tree (<root>/projects/... or the projects folder itself), one project folder, or single
// files. Transcripts are grouped by project folder, the scope in which Claude Code resumes
// and forks a session; a file another source claimed is never a transcript.
import {existsSync, type Dirent} from "node:fs";
import {basename, dirname, join, sep} from "node:path";
import type {Found} from "../types.ts";
import {byPath, entries, isFile, mergeByKey, type Walk} from "../walk.ts";
import type {TranscriptFile} from "./read.ts";

export type TranscriptGroup = {source: "claude-code"; userId: string; synthetic: boolean; project: string; files: TranscriptFile[]};

const isTranscript = (dir: string, e: Dirent, walk: Walk) => e.name.endsWith(".jsonl") && e.name !== "journal.jsonl" && isFile(dir, e) && !walk.claimed.has(join(dir, e.name));
const isAgentFile = (name: string) => /^agent-.*\.jsonl$/.test(name);

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
  return files.sort(byPath);
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

/** A file named on the command line that no other source claimed: a transcript, a subagent's when its name or place says so. */
export function namedTranscript(path: string): TranscriptGroup {
  const subagent = isAgentFile(basename(path)) || path.includes(`${sep}subagents${sep}`);
  return {source: "claude-code", userId: "local", synthetic: false, project: dirname(path), files: [{path, subagent}]};
}

/** A named folder's transcripts, by its layout; a folder that matches no other layout is a folder of projects. */
export function transcriptsUnder(dir: string, synthetic: boolean, walk: Walk): Found<TranscriptGroup> {
  if (entries(dir, walk).some((e) => e.isDirectory() && e.name === "projects")) {
    return {layout: "person", groups: projectsOf(join(dir, "projects"), "local", false, walk)};
  }
  const users = subdirs(dir, walk).filter((d) => existsSync(join(d, "projects")));
  if (users.length > 0) return {layout: "fleet", groups: users.flatMap((u) => projectsOf(join(u, "projects"), basename(u), synthetic, walk))};
  if (hasTranscripts(dir, walk)) return {layout: "project", groups: [{source: "claude-code", userId: "local", synthetic: false, project: dir, files: projectFiles(dir, walk)}]};
  return {layout: "projects", groups: projectsOf(dir, "local", false, walk)};
}

/** A group's user and project folder: two paths that name the same are one group. */
export const projectKey = (g: TranscriptGroup) => `${g.userId}\u0000${g.project}`;

/** Groups of the same user and project folder, named by two paths, are merged; groups are read by user, then project. */
export const byProject = (found: TranscriptGroup[]): TranscriptGroup[] => mergeByKey(found, projectKey);
