// One Codex home's rollouts → canonical rows, and the count of every line. A rollout file
// is one session, named by its first `session_meta` line (or, in the legacy format, its
// header). Two things are read once and counted as duplicates (docs/codex-format.md,
// "Sessions"): the same session in two files (a copy kept in `archived_sessions/` beside
// `sessions/`, or one named twice: the file with the most lines is kept), and the lines a
// fork copied from its parent, when the parent's file is in the home too.
import {addSkip, emptyCounts, type FileCounts, type GroupResult} from "../counts.ts";
import {readLines} from "../lines.ts";
import type {ReadContext} from "../types.ts";
import type {Emit} from "../../tables.ts";
import type {CodexGroup} from "./discover.ts";
import {parseLine, type Item, type Meta} from "./parse.ts";
import {assembleSession} from "./sessions.ts";

type Rollout = {
  file: number;
  path: string;
  meta: Meta | null;
  items: Item[];
  /** The id of another session's meta in the file: a fork's parent's, copied after the fork's own. */
  parent: string | null;
};

function readRollout(path: string, file: number, maxLineBytes: number): {rollout: Rollout; counts: FileCounts} {
  const counts = emptyCounts();
  const rollout: Rollout = {file, path, meta: null, items: [], parent: null};
  try {
    counts.bytes = readLines(path, maxLineBytes, {
      line(text, lineNo, last) {
        counts.lines++;
        const item = parseLine(text, lineNo, last);
        if (typeof item === "string") return addSkip(counts, item);
        counts.parsed++;
        if (item.t !== "meta") rollout.items.push(item);
        else if (rollout.meta === null) rollout.meta = item.meta;
        else if (item.meta.id !== rollout.meta.id) rollout.parent ??= item.meta.id;
      },
      skip(reason) {
        counts.lines++;
        addSkip(counts, reason);
      }
    });
  } catch {
    counts.unreadable = true;
  }
  return {rollout, counts};
}

export function readRollouts(group: CodexGroup, {maxLineBytes, classifiers}: ReadContext, emit: Emit): GroupResult {
  const read = group.files.map((f, i) => readRollout(f.path, i, maxLineBytes));
  const counts = read.map((r) => r.counts);
  // The copy of each session with the most lines, the first by path on a tie.
  const best = new Map<string, Rollout>();
  let orphans = 0;
  for (const {rollout} of read) {
    if (rollout.meta === null) {
      orphans += counts[rollout.file].parsed;
      continue;
    }
    const seen = best.get(rollout.meta.id);
    if (seen === undefined || counts[rollout.file].lines > counts[seen.file].lines) best.set(rollout.meta.id, rollout);
  }
  let unanswered = 0;
  for (const {rollout} of read) {
    if (rollout.meta === null) continue;
    const c = counts[rollout.file];
    if (best.get(rollout.meta.id) !== rollout) {
      c.duplicates += c.parsed;
      c.parsed = 0;
      continue;
    }
    const copied = copiedFromParent(rollout, best, maxLineBytes);
    if (copied.size) {
      rollout.items = rollout.items.filter((i) => !copied.has(i.line));
      c.parsed -= copied.size;
      c.duplicates += copied.size;
    }
    // A session is written whole or not at all: a shape no rule foresaw drops it, counted, and the others go on.
    const staged: Parameters<Emit>[] = [];
    try {
      unanswered += assembleSession(rollout.meta, rollout.items, {userId: group.userId, synthetic: group.synthetic, classifiers}, (t, r) => staged.push([t, r])).unanswered;
    } catch {
      addSkip(c, "internal_error", c.parsed);
      c.parsed = 0;
      continue;
    }
    for (const [t, r] of staged) emit(t, r);
  }
  return {counts, unansweredPrompts: unanswered, replayedEvents: 0, orphanLines: orphans, droppedSessions: {}};
}

/** FNV-1a over a line from its type on: a copy written at another time has the same digest. */
function digest(text: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, text.indexOf('"type"')); i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A file's parsed lines again, each with its digest and the session its meta names (if it
 * is one). Read only for a fork and its parent, which are few: the digests stay off the path
 * every line takes.
 */
function digests(path: string, maxLineBytes: number): {lineNo: number; digest: number; meta: string | null}[] {
  const out: {lineNo: number; digest: number; meta: string | null}[] = [];
  try {
    readLines(path, maxLineBytes, {
      line(text, lineNo, last) {
        const item = parseLine(text, lineNo, last);
        if (typeof item !== "string") out.push({lineNo, digest: digest(text), meta: item.t === "meta" ? item.meta.id : null});
      },
      skip() {}
    });
  } catch {
    // A file that cannot be read to its end (counted so when it was read): its lines up to the fault.
  }
  return out;
}

/**
 * The lines a fork copied from its parent: from the parent's meta on, as long as they
 * match the parent's own lines in order (a fork copies its parent's history up to the fork
 * point, under new times). None when the parent's file is not read with it: then the
 * copies are the only record of those turns.
 */
function copiedFromParent(fork: Rollout, best: ReadonlyMap<string, Rollout>, maxLineBytes: number): Set<number> {
  const parent = fork.parent === null ? undefined : best.get(fork.parent);
  const copied = new Set<number>();
  if (!parent) return copied;
  const mine = digests(fork.path, maxLineBytes);
  const theirs = digests(parent.path, maxLineBytes);
  for (let i = mine.findIndex((l) => l.meta === fork.parent), j = 0; i >= 0 && i < mine.length && j < theirs.length && mine[i].digest === theirs[j].digest; i++, j++) copied.add(mine[i].lineNo);
  return copied;
}
