// The note at the top of every page: which data the numbers below come from.
import {count as n} from "./format.js";
import {el} from "./html.js";

export type Provenance = {
  label: string;
  kind: "default" | "logs";
  synthetic: boolean;
  users: number;
  sessions: number;
  turns: number;
  first_day: string;
  last_day: string;
  minUsers: number;
  bySource?: {source: string; label: string; users: number; sessions: number; turns: number}[];
};

export function provenance(p: Provenance): HTMLElement {
  const what = p.synthetic
    ? "generated data: a synthetic fleet calibrated to the study, not measured logs"
    : p.kind === "default"
      ? "a small public sample of real transcripts, far too small to represent anyone's use"
      : "real logs";
  return el(
    "div",
    {class: "provenance", role: "note"},
    el("strong", {}, `Built from ${what}. `),
    // Several sources: each says what it holds (a Claude Code user and an API agent's end user are not alike).
    (p.bySource && p.bySource.length > 1
      ? p.bySource.map((s) => `${s.label}: ${n(s.users)} ${s.users === 1 ? "user" : "users"}, ${n(s.sessions)} sessions, ${n(s.turns)} turns`).join("; ")
      : `${n(p.users)} ${p.users === 1 ? "user" : "users"}, ${n(p.sessions)} sessions, ${n(p.turns)} turns`) +
      `, ${p.first_day} to ${p.last_day}` +
      (p.minUsers > 1 ? `; cells drawn from fewer than ${p.minUsers} users are not shown.` : ".")
  );
}
