// The Claude Code source: the JSONL transcripts Claude Code keeps under
// `~/.claude/projects/` (docs/claude-code-format.md), found by the layout of a named folder.
import type {Source} from "../types.ts";
import {byProject, namedTranscript, projectKey, transcriptsUnder, type TranscriptGroup} from "./discover.ts";
import {readTranscripts} from "./group.ts";
import {TRANSCRIPTS} from "./sessions.ts";

export const claudeCode: Source<TranscriptGroup> = {
  name: "claude-code",
  label: "Claude Code (transcripts)",
  kinds: [TRANSCRIPTS],
  file: namedTranscript,
  folder: transcriptsUnder,
  gather: byProject,
  key: projectKey,
  owner: (group) => group.userId,
  read: readTranscripts
};
