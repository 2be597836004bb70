// What reading a group of files tells the report, whatever the source: every line of
// every file counted (docs/tables.md, "Line accounting": lines = parsed + duplicates +
// sum(skipped)), and the figures beside the counts.

export type FileCounts = {
  lines: number;
  parsed: number;
  duplicates: number;
  skipped: Record<string, number>;
  bytes: number;
  /** The file could not be opened or read to its end; the lines before the fault count. */
  unreadable: boolean;
};

export function emptyCounts(): FileCounts {
  return {lines: 0, parsed: 0, duplicates: 0, skipped: {}, bytes: 0, unreadable: false};
}

/** Adds `n` lines skipped for `reason`. */
export function addSkip(counts: FileCounts, reason: string, n = 1): void {
  counts.skipped[reason] = (counts.skipped[reason] ?? 0) + n;
}

export type GroupResult = {
  /** One per file of the group, in its order. */
  counts: FileCounts[];
  unansweredPrompts: number;
  replayedEvents: number;
  /** Lines of sessions that have no main transcript (a subagent file without its session). */
  orphanLines: number;
  /** Sessions read but not written because a better record of them was read, by reason. */
  droppedSessions: Record<string, number>;
};
