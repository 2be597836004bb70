// Where Codex's rollouts lie (docs/codex-format.md, "Files"), recognised by content: a
// `rollout-*.jsonl` file whose first line is a session's meta (or the legacy header).
// A Codex home (`~/.codex`, or `$CODEX_HOME`) keeps them in `sessions/YYYY/MM/DD/` and
// `archived_sessions/`; a fleet holds one home a user (<root>/<user>/sessions/...), beside
// that user's Claude Code `projects/` if they use both; any other folder is searched whole.
// The rollouts of one home are one group: a session's copies may lie in both folders.
import {closeSync, openSync, readSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import type {Found} from "../types.ts";
import {byPath, entries, isFile, mergeByKey, type Walk} from "../walk.ts";

export type RolloutFile = {path: string};
export type CodexGroup = {source: "codex"; userId: string; synthetic: boolean; home: string; files: RolloutFile[]};

const ROLLOUT_NAME = /^rollout-.*\.jsonl$/;
const HOME_FOLDERS = ["sessions", "archived_sessions"];
// serde writes a line's fields in order: the envelope's time and type first; the legacy header its id and time.
const FIRST_LINE = /^\uFEFF?\{\s*(?:"timestamp"\s*:\s*"[^"]*"\s*,\s*"type"\s*:\s*"session_meta"|"id"\s*:\s*"[^"]*"\s*,\s*"timestamp"\s*:)/;

/** Whether the file opens as a rollout; false when it cannot be read. */
function isRollout(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(512);
    return FIRST_LINE.test(head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString("utf8"));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Every rollout below `dir`, claimed; follows symlinked files, never symlinked folders. */
function rolloutsUnder(dir: string, walk: Walk, out: RolloutFile[] = []): RolloutFile[] {
  for (const e of entries(dir, walk)) {
    const path = join(dir, e.name);
    if (e.isDirectory()) rolloutsUnder(path, walk, out);
    else if (ROLLOUT_NAME.test(e.name) && !walk.claimed.has(path) && isFile(dir, e) && isRollout(path)) {
      out.push({path});
      walk.claimed.add(path);
    }
  }
  return out;
}

const isHome = (dir: string, walk: Walk) => entries(dir, walk).some((e) => e.isDirectory() && HOME_FOLDERS.includes(e.name));

/**
 * A home's rollouts. The other JSONL files at its top (`history.jsonl`: the prompts typed,
 * without their sessions; `session_index.jsonl`: the threads' names) are Codex's and no
 * transcripts, so they are claimed and not read.
 */
function homeGroup(home: string, userId: string, synthetic: boolean, walk: Walk): CodexGroup {
  for (const e of entries(home, walk)) if (e.name.endsWith(".jsonl")) walk.claimed.add(join(home, e.name));
  const files = HOME_FOLDERS.flatMap((f) => (entries(home, walk).some((e) => e.isDirectory() && e.name === f) ? rolloutsUnder(join(home, f), walk) : []));
  return {source: "codex", userId, synthetic, home, files: files.sort(byPath)};
}

/** A file named on the command line: a rollout when its first line says so. */
export function namedRollout(path: string): CodexGroup | null {
  return isRollout(path) ? {source: "codex", userId: "local", synthetic: false, home: dirname(path), files: [{path}]} : null;
}

/** A named folder's rollouts, by its layout: one home, a fleet of homes, or any folder holding rollouts. */
export function rolloutsIn(dir: string, synthetic: boolean, walk: Walk): Found<CodexGroup> {
  const nonEmpty = (groups: CodexGroup[]) => groups.filter((g) => g.files.length > 0);
  if (isHome(dir, walk)) return {layout: "codex", groups: nonEmpty([homeGroup(dir, "local", false, walk)])};
  const users = entries(dir, walk).filter((e) => e.isDirectory() && isHome(join(dir, e.name), walk));
  if (users.length) return {layout: "fleet", groups: nonEmpty(users.map((u) => homeGroup(join(dir, u.name), basename(u.name), synthetic, walk)))};
  return {layout: "rollouts", groups: nonEmpty([{source: "codex", userId: "local", synthetic: false, home: dir, files: rolloutsUnder(dir, walk).sort(byPath)}])};
}

/** A group's user and home: two paths that name the same are one group. */
export const homeKey = (g: CodexGroup) => `${g.userId}\u0000${g.home}`;

/** Groups of the same user and home, named by two paths, are merged; groups are read by user, then home. */
export const byHome = (found: CodexGroup[]): CodexGroup[] => mergeByKey(found, homeKey);
