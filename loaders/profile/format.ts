// The profile in words: sentences a finding, the study's figure beside each (profileText),
// which the terminal shows in 80 columns (formatProfile) and the site's home page as text.
import type {Beside, Profile} from "./profile.ts";

const WIDTH = 80;

// The tenure buckets (sessions before) as the person counts their sessions.
const SESSIONS: Record<string, string> = {"0–9": "sessions 1 to 10", "10–49": "11 to 50", "50–199": "51 to 200", "200–749": "201 to 750", "750+": "751 on"};

const count = (n: number) => n.toLocaleString("en-US");
const pct = (share: number | null) => (share === null ? "—" : `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`);
const per100 = (x: number) => x.toFixed(1);
function duration(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
/** The study's figure in words; a share of turns read as a count per 100 turns where `per100`. */
const figure = (b: Beside, per100 = false) =>
  `${b.published.bound === "over" ? "over " : b.published.bound === "under" ? "under " : "about "}${b.published.value}${per100 ? "" : b.published.unit === "%" ? "%" : ` ${b.published.unit}`}`;

/** Words broken onto lines of at most WIDTH columns, each after `indent`. */
function wrap(text: string, indent = "  "): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(" ")) {
    if (line.length + word.length + 1 > WIDTH && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += (line.trim() ? " " : "") + word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/**
 * The profile in sentences, a section a finding: the terminal and the site's home page both
 * show these. Each section names its finding's page on the site (`page`), where a site built
 * from the same logs draws it.
 */
export type ProfileText = {about: string[]; sections: {title: string; page: string; lines: string[]; study: string[]}[]};

export function profileText(p: Profile): ProfileText {
  const about = p.agents.map((a) => `${a.label}: ${plural(a.sessions, "session")}, ${plural(a.turns, "turn")}, ${a.first_day === a.last_day ? a.first_day : `${a.first_day} to ${a.last_day}`}`);
  if (p.agents.length > 1) about.push(`The study measured Claude Code: what follows reads your ${p.agents.find((a) => a.agent === p.agent)?.label ?? p.agent} sessions.`);
  const sections: ProfileText["sections"] = [];
  const section = (title: string, page: string) => {
    const s = {title, page, lines: [] as string[], study: [] as string[]};
    sections.push(s);
    return {say: (line: string) => s.lines.push(line), study: (line: string) => s.study.push(line)};
  };

  let s = section("How long the agent works before it stops (interactive turns)", "f1-turn-duration");
  if (p.turns) {
    s.say(`median ${duration(p.turns.p50_s)}, p99 ${duration(p.turns.p99_s)}, longest ${duration(p.turns.longest_s)} (${p.turns.longest_day}), of ${plural(p.turns.turns, "turn")}`);
    const [p50, start, end] = p.turnsStudy;
    s.study(`the study: a median of ${figure(p50)}; the p99.9 grew from ${figure(start)} to ${figure(end)} (Sep 2025 to Jan 2026)`);
  } else s.say("no interactive turn with a working time");

  s = section("Sessions run with full auto-approve, by your session number", "f2-auto-approve");
  if (p.autoApprove.buckets.length) s.say(p.autoApprove.buckets.map((b) => `${SESSIONS[b.bucket] ?? b.bucket}: ${pct(b.share)} of ${count(b.sessions)}`).join("; "));
  else s.say("no session whose permission mode was logged");
  for (const b of p.autoApprove.study) if (b.ours !== null) s.study(`yours, ${b.id === "f2.new" ? "your first 50 sessions" : "from your 751st session"}: ${pct(b.ours / 100)}; the study's ${b.id === "f2.new" ? "users with under 50 sessions" : "users past 750 sessions"}: ${figure(b)}`);

  s = section("How often you interrupt", "f3-interrupts");
  if (p.interrupts.per100 !== null) {
    s.say(`${per100(p.interrupts.per100)} interrupts per 100 turns, over ${plural(p.interrupts.turns, "turn")}`);
    if (p.interrupts.buckets.length > 1) s.say(p.interrupts.buckets.map((b) => `${SESSIONS[b.bucket] ?? b.bucket}: ${per100(b.per100)}`).join("; "));
    for (const b of p.interrupts.study) if (b.ours !== null) s.study(`yours, ${b.id === "f3.new" ? "sessions 8 to 11" : "from your 751st session"}: ${per100(b.ours)} per 100; the study's ${b.id === "f3.new" ? "users at about 10 sessions" : "experienced users"}: ${figure(b, true)}`);
    const [atTen, experienced] = p.interrupts.study;
    if (!p.interrupts.study.some((b) => b.ours !== null)) s.study(`the study: ${figure(atTen, true)} per 100 turns at about 10 sessions, ${figure(experienced, true)} for experienced users`);
  } else s.say("no turn from a source that logs interrupts");

  s = section("The agent's stops against yours, per 100 turns, by task complexity", "f4-stops");
  if (p.stops.rows.length) {
    for (const r of p.stops.rows) s.say(`${r.complexity}: the agent stopped to ask ${per100(r.agent_per100)}, you interrupted ${per100(r.human_per100)} (${plural(r.turns, "turn")})`);
    const fig = (id: string) => p.stops.study.find((b) => b.id === id)!;
    s.study(`the study: minimal, the agent ${figure(fig("f4.minimal.agent"), true)} against ${figure(fig("f4.minimal.human"), true)}; high, ${figure(fig("f4.high.agent"), true)} against ${figure(fig("f4.high.human"), true)}`);
  } else s.say("no turn whose complexity could be told");

  s = section("The riskiest kinds of action the agent took (risk 1 to 10)", "f7-risk-autonomy");
  const scored = p.actions.filter((a) => a.risk !== null).slice(0, 4);
  const put = (a: Profile["actions"][number]) => (a.told === 0 ? "whether any was put to you is not logged" : a.told === a.calls ? `${count(a.put_to_person)} put to you` : `${count(a.put_to_person)} of the ${count(a.told)} where it is logged put to you`);
  if (scored.length) for (const a of scored) s.say(`${a.kind}: ${plural(a.calls, "call")}, mean risk ${a.risk!.toFixed(1)}, ${count(a.risky)} above 5, ${count(a.irreversible)} irreversible; ${put(a)}`);
  else s.say("no tool call");

  s = section("The domains of your work", "f8-domains");
  if (p.domains.length) {
    s.say(p.domains.slice(0, 4).map((d) => `${d.label} ${pct(d.share)}`).join(", "));
    const known = p.domains.slice(0, 4).filter((d) => d.study !== null);
    if (known.length) s.study(`the study's API traffic: ${known.map((d) => `${d.label} ${pct(d.study)}`).join(", ")}`);
  } else s.say("no tool call whose domain could be told");
  return {about, sections};
}

/** The terminal's text: 80 columns at most, the headings bold and the study's figures dim where `color`. */
export function formatProfile(p: Profile, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const {about, sections} = profileText(p);
  const out = [bold("Your autonomy, against \"Measuring AI agent autonomy in practice\""), ...about.flatMap((l) => wrap(l))];
  for (const s of sections) out.push("", bold(s.title), ...s.lines.flatMap((l) => wrap(l)), ...s.study.flatMap((l) => wrap(l, "    ").map(dim)));
  out.push("", ...wrap("Counts and shares only: no text from your logs is shown. The study's figures are of its own population; the finding pages say how each is defined (agent-autonomy help).", ""));
  return out.join("\n") + "\n";
}
