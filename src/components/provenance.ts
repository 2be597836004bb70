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
  /** The site is one person's own logs, built for them (their points are drawn in place of cells). */
  onePerson: boolean;
  /** What the curves behind that person's points are of (the embedded default), or null. */
  population: string | null;
  bySource?: {source: string; label: string; users: number; sessions: number; turns: number}[];
  /** What the logs record that some logs do not, by agent and in all (src/data/provenance.json.ts). */
  records?: Record<string, Records>;
};

/** Whether any session has a known auto-approve level, logs prompts' text, logs approvals; whether any stop has a reason. */
export type Records = {modes: boolean; prompts: boolean; approvals: boolean; reasons: boolean};

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

/**
 * A line for the home page where the publication threshold hides most of the figures set
 * beside the study's that the logs have a cell for (a team's or one person's logs under a
 * fleet's threshold): what the data is, what the threshold is, and what to do. Null where
 * most are shown.
 */
export function thresholdNote(p: Provenance, comparisons: {reference: string | null; missing: {reason: string} | null}[]): HTMLElement | null {
  // Of the figures these logs have a value for at all: those a site built for yourself shows.
  const hidden = comparisons.filter((c) => c.missing?.reason === "threshold").length;
  const shown = comparisons.filter((c) => !c.reference && !c.missing).length;
  if (hidden <= shown) return null;
  return el(
    "div",
    {class: "threshold-note", role: "note"},
    el("strong", {}, `${n(hidden)} of the ${n(hidden + shown)} figures these logs hold a cell for are hidden. `),
    `These logs are of ${n(p.users)} ${p.users === 1 ? "person" : "people"}, and this site shows no cell drawn from fewer than ${p.minUsers}. For a private look at your own team's logs, on your machine: `,
    el("code", {}, "npm run build -- --min-users 1"),
    ". Keep the threshold for a site that others will see."
  );
}
