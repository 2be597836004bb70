// Reads one group of transcripts (a project folder: the scope in which Claude Code
// resumes and forks sessions) into events, counts every line, and removes what a resume
// or fork replayed, so that each event is counted once where it first appeared.
import {addSkip, emptyCounts, type FileCounts} from "../counts.ts";
import {readLines} from "../lines.ts";
import {parseLine, type Event} from "./parse.ts";

export type TranscriptFile = {path: string; subagent: boolean};

/** Parses every file; `files` must be sorted by path (ties in dedup go to the smaller path). */
export function readEvents(files: readonly TranscriptFile[], maxLineBytes: number): {events: Event[]; counts: FileCounts[]} {
  const events: Event[] = [];
  const counts = files.map((file, index) => {
    const c = emptyCounts();
    try {
      c.bytes = readLines(file.path, maxLineBytes, {
        line(text, lineNo, last, wide) {
          c.lines++;
          const parsed = parseLine(text, index, lineNo, file.subagent, last, wide);
          if (typeof parsed === "string") addSkip(c, parsed);
          else {
            c.parsed++;
            events.push(parsed);
          }
        },
        skip(reason) {
          c.lines++;
          addSkip(c, reason);
        }
        // As Latin-1: parseLine decodes what it keeps (lines.ts).
      }, true);
    } catch {
      c.unreadable = true;
    }
    return c;
  });
  return {events, counts};
}

// Events without a time sort last; then the smaller path, then the earlier line.
function before(a: Event, b: Event): boolean {
  const at = Number.isNaN(a.ts) ? Infinity : a.ts;
  const bt = Number.isNaN(b.ts) ? Infinity : b.ts;
  return at !== bt ? at < bt : a.file !== b.file ? a.file < b.file : a.line < b.line;
}

/**
 * Lines whose `uuid` was already read are duplicates (docs/tables.md, "Duplicates"): the
 * earliest timestamp wins, then the smaller path, then the earlier line. Returns the lines
 * kept.
 */
export function dropDuplicates(events: Event[], counts: FileCounts[]): Event[] {
  const first = new Map<string, Event>();
  for (const e of events) {
    if (e.uuid === null) continue;
    const seen = first.get(e.uuid);
    if (seen === undefined || before(e, seen)) first.set(e.uuid, e);
  }
  return events.filter((e) => {
    if (e.uuid === null || first.get(e.uuid) === e) return true;
    counts[e.file].parsed--;
    counts[e.file].duplicates++;
    return false;
  });
}

// The identity of an event that a replay with fresh uuids repeats
// (docs/claude-code-format.md, "Resumes, forks and duplicates"). Markers have none: two
// sessions can be interrupted in the same millisecond, and a replayed marker before a
// session's first prompt falls in no turn anyway.
function identity(e: Event): string | null {
  switch (e.t) {
    // Time, length and opening words: a replayed prompt repeats all three; two prompts
    // typed in the same millisecond with the same length and start are not two prompts.
    case "prompt":
      return `p${e.ts}\u0000${e.text.length}\u0000${e.text.slice(0, 64)}`;
    case "assistant":
      return e.msgId && e.blockKey ? `a${e.msgId}\u0000${e.blockKey}` : null;
    case "results":
      return e.results.every((r) => r.id !== "") ? `r${e.results.map((r) => r.id).join("\u0000")}` : null;
    default:
      return null;
  }
}

/**
 * Replays that carry fresh uuids (a resumed or forked session copied into a new file or
 * appended again) are caught by what they repeat: a prompt with the same time and text,
 * a message block with the same message id, results for the same tool calls. The copy in
 * the session that began first is kept; these lines stay `parsed`. Returns the events
 * kept and how many were replays.
 */
export function dropReplays(events: Event[]): {kept: Event[]; replayed: number} {
  const sessionStart = new Map<string, number>();
  for (const e of events) {
    if (e.sessionId === null || Number.isNaN(e.ts)) continue;
    const s = sessionStart.get(e.sessionId);
    if (s === undefined || e.ts < s) sessionStart.set(e.sessionId, e.ts);
  }
  const startOf = (e: Event) => (e.sessionId === null ? Infinity : sessionStart.get(e.sessionId) ?? Infinity);
  // Each event's identity is built once: the strings cost more than the comparisons.
  const keys = events.map(identity);
  const first = new Map<string, Event>();
  events.forEach((e, i) => {
    const key = keys[i];
    if (key === null) return;
    const seen = first.get(key);
    if (seen === undefined || e.ts < seen.ts || (e.ts === seen.ts && (startOf(e) < startOf(seen) || (startOf(e) === startOf(seen) && before(e, seen))))) first.set(key, e);
  });
  const kept = events.filter((e, i) => keys[i] === null || first.get(keys[i]!) === e);
  return {kept, replayed: events.length - kept.length};
}
