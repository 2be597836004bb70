// One project group of transcripts → canonical rows, and the count of every line.
import {addSkip, type GroupResult} from "../counts.ts";
import type {ReadContext} from "../types.ts";
import type {TranscriptGroup} from "./discover.ts";
import type {Event} from "./parse.ts";
import {dropDuplicates, dropReplays, readEvents} from "./read.ts";
import type {Emit} from "../../tables.ts";
import {assembleSession} from "./sessions.ts";

export function readTranscripts(group: TranscriptGroup, {maxLineBytes, classifiers}: ReadContext, emit: Emit): GroupResult {
  const {events, counts} = readEvents(group.files, maxLineBytes);
  const {kept, replayed} = dropReplays(dropDuplicates(events, counts));
  const subagentFiles = new Set(group.files.flatMap((f, i) => (f.subagent ? [i] : [])));
  // A compaction agent (agent-acompact-*) summarises the conversation while the person
  // waits for /compact: no turn's work. Its lines are read and counted, and set aside.
  const compaction = new Set(group.files.flatMap((f, i) => (f.subagent && /(^|[/\\])agent-acompact[^/\\]*$/.test(f.path) ? [i] : [])));

  const main = new Map<string, Event[]>();
  const subagents = new Map<string, Event[]>();
  const isSession = new Set<string>();
  for (const e of kept) {
    if (e.sessionId === null || compaction.has(e.file) || e.agentId?.startsWith("acompact")) continue;
    const into = subagentFiles.has(e.file) ? subagents : main;
    (into.get(e.sessionId) ?? into.set(e.sessionId, []).get(e.sessionId)!).push(e);
    if (into === main && e.conversational && !e.sidechain) isSession.add(e.sessionId);
  }

  let unanswered = 0;
  let orphans = 0;
  const ids = [...new Set([...main.keys(), ...subagents.keys()])].sort();
  for (const id of ids) {
    if (!isSession.has(id)) {
      orphans += (main.get(id)?.length ?? 0) + (subagents.get(id)?.length ?? 0);
      continue;
    }
    const ordered = inWrittenOrder(main.get(id)!);
    const sub = subagents.get(id) ?? [];
    // A session is written whole or not at all: if assembling it fails (a shape no rule
    // foresaw), its lines are counted as skipped and the other sessions go on.
    const staged: [Parameters<Emit>[0], Parameters<Emit>[1]][] = [];
    try {
      unanswered += assembleSession(id, ordered, sub, {userId: group.userId, synthetic: group.synthetic, classifiers, subagentFiles}, (t, r) => staged.push([t, r])).unanswered;
    } catch {
      for (const e of [...ordered, ...sub]) {
        counts[e.file].parsed--;
        addSkip(counts[e.file], "internal_error");
      }
      continue;
    }
    for (const [t, r] of staged) emit(t, r);
  }
  return {counts, unansweredPrompts: unanswered, replayedEvents: replayed, orphanLines: orphans, droppedSessions: {}};
}

/**
 * A session's lines in the order they were written. Within a file, file order: timestamps
 * can run a little backwards between neighbouring lines, so they never reorder a file.
 * Across files (a session whose lines were copied or resumed into another file), the
 * files' sequences are merged by time, each line taking the latest time of its file so far.
 */
function inWrittenOrder(events: Event[]): Event[] {
  const latest = new Map<number, number>();
  const key = new Map<Event, number>();
  for (const e of [...events].sort((a, b) => a.file - b.file || a.line - b.line)) {
    const t = Math.max(latest.get(e.file) ?? -Infinity, Number.isNaN(e.ts) ? -Infinity : e.ts);
    latest.set(e.file, t);
    key.set(e, t);
  }
  return events.sort((a, b) => key.get(a)! - key.get(b)! || a.file - b.file || a.line - b.line);
}
