// Finds the logs under the paths an analyst names (docs/tables.md, "Inputs and layouts").
// A named file is the first source's that claims it; below a named folder, each source
// (sources/index.ts, in the order they claim files) finds its own groups and claims its
// files, and the folder's layout in the report is that of the last source that found
// anything there: sources that go by a folder's layout come after those that go by
// content, and say more about it. Groups that several paths named are merged by their
// source.
import {closeSync, existsSync, lstatSync, openSync, realpathSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {InputError} from "../errors.ts";
import {SOURCES} from "../sources/index.ts";
import type {Found, Group} from "../sources/types.ts";
import {entries, FLEET_MARKER, Listings, type Walk} from "../sources/walk.ts";

/** The groups to read; the layout of each named path, in order; the folders and files that could not be read. */
export type Discovery = {groups: Group[]; layouts: string[]; unreadable: number};

/** Discovers one named path. Throws InputError when it does not exist or cannot be read. */
function discoverOne(input: string, walk: Walk): Found<Group> {
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
    for (const source of SOURCES) {
      const group = source.file(real);
      if (group) return {layout: "files", groups: [group]};
    }
    return {layout: "files", groups: []};
  }
  entries(real, walk);
  if (walk.unreadable.has(real)) throw new InputError(`cannot read folder: ${input}`);
  const synthetic = existsSync(join(real, FLEET_MARKER));
  const found = SOURCES.map((s) => s.folder(real, synthetic, walk));
  return {layout: (found.findLast((f) => f.groups.length > 0) ?? found.at(-1)!).layout, groups: found.flatMap((f) => f.groups)};
}

/**
 * Discovers every named path; each source merges the groups of its own that several paths
 * named. `listed` is told of each folder listed; with `limit`, the walk throws WalkLimit
 * once it has listed more entries than that.
 */
export function discover(inputs: readonly string[], listed?: () => void, limit?: number): Discovery {
  const walk: Walk = {unreadable: new Set(), claimed: new Set(), listings: new Listings(), listed, entriesLeft: limit};
  const layouts: string[] = [];
  const found: Group[] = [];
  for (const input of inputs) {
    const one = discoverOne(input, walk);
    layouts.push(one.layout);
    found.push(...one.groups);
  }
  const groups = SOURCES.flatMap((s) => s.gather(found.filter((g) => g.source === s.name)));
  return {groups, layouts, unreadable: walk.unreadable.size};
}

/**
 * What one person's agents keep, read when no path is named: Claude Code's transcripts
 * (`$CLAUDE_CONFIG_DIR/projects`, else `~/.claude/projects`) and Codex's home (`$CODEX_HOME`,
 * else `~/.codex`), those that exist; Claude Code's alone when neither does, so that the
 * error names where the transcripts were looked for.
 */
export function defaultInputs(env: NodeJS.ProcessEnv, home: string): string[] {
  const claude = join(env.CLAUDE_CONFIG_DIR || join(home, ".claude"), "projects");
  const found = [claude, env.CODEX_HOME || join(home, ".codex")].filter((p) => existsSync(p));
  return found.length ? found : [claude];
}
