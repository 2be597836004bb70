// What a page says when the reader picks an agent other than Claude Code: the study's
// figures beside ours are Claude Code's, and on generated data the Codex users' behaviour
// is our own assumption, not a measurement.
import {el} from "./html.js";
import type {Provenance} from "./provenance.js";

export function agentNote(agent: string, info: Provenance): HTMLElement | null {
  if (agent === "claude-code") return null;
  const which = agent === "(all)" ? "All agents together" : agent === "codex" ? "Codex" : "Agents built on the API";
  return el(
    "p",
    {class: "agent-note", role: "note"},
    el("strong", {}, `${which}: `),
    "the study measured Claude Code alone, so the published figures on this page are Claude Code's, and each is compared with our Claude Code cells, never with this selection.",
    agent !== "api" && info.synthetic ? " The generated Codex users behave as the generated Claude Code users do: that is our own assumption (the study has no Codex figures), and any likeness between the two agents here comes from it." : null
  );
}
