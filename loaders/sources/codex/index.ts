// The Codex source: the rollouts OpenAI's Codex CLI keeps under `~/.codex/sessions/`
// (docs/codex-format.md), recognised by their first line wherever they lie.
import type {Source} from "../types.ts";
import {byHome, homeKey, namedRollout, rolloutsIn, type CodexGroup} from "./discover.ts";
import {readRollouts} from "./read.ts";
import {ROLLOUTS} from "./sessions.ts";

export const codex: Source<CodexGroup> = {
  name: "codex",
  label: "Codex (rollouts)",
  kinds: [ROLLOUTS],
  file: namedRollout,
  folder: rolloutsIn,
  gather: byHome,
  key: homeKey,
  owner: (group) => group.userId,
  read: readRollouts
};
