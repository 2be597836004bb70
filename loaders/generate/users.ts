// The user model: who is in the fleet, how much they use Claude Code over the period, when
// they work, and the traits that shape their sessions (a propensity to auto-approve and to
// interrupt, plan mode, hooks, their projects). Each user is drawn from their own stream,
// so a user is the same person in a small fleet and a large one.
import {DAY_MS, ms, type Calibration} from "./calibration.ts";
import {normalQuantile, Rng} from "./rng.ts";
import {makeProject, SOFTWARE, type Project} from "./tasks.ts";

export type User = {
  id: string;
  rng: Rng;
  power: boolean;
  sessions: number;
  /** When the user's logs begin and end (ms). */
  join: number;
  leave: number;
  /** UTC offset in hours, and the local working day. */
  tz: number;
  dayStart: number;
  dayLength: number;
  /** Logit offset of their chance to run in a full auto-approve mode. */
  fullLogit: number;
  /** Multiplier of their chance to interrupt. */
  interrupts: number;
  planner: boolean;
  opusLeaning: boolean;
  hooks: {postEdit: boolean; stop: boolean};
  customCommands: boolean;
  /** Days after a release before they update. */
  lag: number;
  projects: Project[];
};

const NAMES = ["alex", "sam", "priya", "jonas", "mei", "diego", "fatima", "lukas", "ana", "tom", "yuki", "omar", "chloe", "ivan", "nora", "raj", "elena", "kofi", "lea", "ben"];

/** Sessions over the period at quantile q: a log-normal body of regular users, and power users. */
function sessionsAt(q: number, a: Calibration["assumptions"]["users"]): {sessions: number; power: boolean} {
  if (q >= 1 - a.power_share) {
    const [lo, hi] = a.power_sessions;
    return {sessions: Math.round(lo + ((q - (1 - a.power_share)) / a.power_share) * (hi - lo)), power: true};
  }
  const z = normalQuantile(q / (1 - a.power_share));
  return {sessions: Math.max(1, Math.min(a.regular_sessions_max, Math.round(a.regular_sessions_median * Math.exp(a.regular_sessions_sigma * z)))), power: false};
}

const isWeekend = (localDay: number) => {
  const weekday = (localDay + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
};

/** The fleet's users. Their session counts are stratified draws, so a small fleet keeps the shape. */
export function makeUsers(cal: Calibration, count: number, seed: string): User[] {
  const a = cal.assumptions.users;
  const root = new Rng(seed);
  const start = ms(cal.assumptions.period.start);
  const end = ms(cal.assumptions.period.end);
  const period = end - start;
  const strata = root.fork("strata").shuffle(Array.from({length: count}, (_, i) => i));
  return strata.map((stratum, i) => {
    const rng = root.fork(`user/${i}`);
    const {sessions, power} = sessionsAt((stratum + rng.next()) / count, a);
    let join = power || rng.chance(a.present_at_start) ? start + (power ? rng.uniform(0, 0.1) * period : 0) : start + rng.uniform(0, a.join_by) * period;
    let leave = !power && rng.chance(a.churn) ? Math.min(end, join + Math.max(7 * DAY_MS, rng.exponential(a.churn_after_days_mean * DAY_MS))) : end;
    // Enough working days for their sessions: join earlier, then leave later, if need be.
    const need = (sessions / a.max_sessions_per_workday) * (7 / 5) * DAY_MS;
    if (leave - join < need) join = Math.max(start, leave - need);
    if (leave - join < need) leave = Math.min(end, join + need);
    const name = `${rng.pick(NAMES)}${i}`;
    const home = rng.chance(0.6) ? `/Users/${name}` : `/home/${name}`;
    const primary = rng.weighted(cal.domains);
    const nProjects = 1 + rng.poisson(a.projects_mean - 1 + (power ? 1 : 0));
    const projects = Array.from({length: nProjects}, (_, p) => {
      const domain = rng.chance(a.primary_domain_share) ? primary : rng.weighted(cal.domains);
      return makeProject(domain === SOFTWARE ? SOFTWARE : domain, home, rng.fork(`project/${p}`), cal.assumptions.format.tool_output === "full");
    });
    const tz = Number(rng.weighted(a.timezones));
    return {
      id: `user-${String(i + 1).padStart(4, "0")}`,
      rng,
      power,
      sessions,
      join,
      leave,
      tz,
      dayStart: rng.uniform(a.workday_start_hour[0], a.workday_start_hour[1]),
      dayLength: rng.uniform(a.workday_hours[0], a.workday_hours[1]),
      fullLogit: cal.assumptions.autonomy.user_sigma * rng.normal(),
      // Mean one: a log-normal multiplier divided by its mean.
      interrupts: Math.exp(cal.assumptions.interrupts.user_sigma * rng.normal() - cal.assumptions.interrupts.user_sigma ** 2 / 2),
      planner: rng.chance(a.planner.share),
      opusLeaning: rng.chance(a.opus_leaning),
      hooks: {postEdit: rng.chance(a.hooks.post_edit), stop: rng.chance(a.hooks.stop)},
      customCommands: rng.chance(a.custom_commands),
      lag: rng.uniform(0, cal.assumptions.format.lag_days),
      projects
    };
  });
}

/** When each of a user's sessions starts (ms, ascending): in their working hours, mostly on weekdays. */
export function sessionStarts(user: User, cal: Calibration): number[] {
  const rng = user.rng.fork("schedule");
  // A weekend day is kept with the chance that makes `weekend_share` of sessions fall on one.
  const share = cal.assumptions.users.weekend_share;
  const keepWeekend = Math.min(1, (share / (1 - share)) * 2.5);
  const hour = 3_600_000;
  const offset = user.tz * hour;
  const first = Math.floor((user.join + offset) / DAY_MS);
  const last = Math.max(first, Math.floor((user.leave + offset) / DAY_MS) - 1);
  const starts: number[] = [];
  // Use grows over the period: a day late in it is kept more often than an early one.
  const growth = cal.assumptions.users.activity_growth;
  const start = ms(cal.assumptions.period.start);
  const span = ms(cal.assumptions.period.end) - start;
  for (let tries = 0; starts.length < user.sessions; tries++) {
    const day = rng.int(first, last);
    if (isWeekend(day) && !rng.chance(keepWeekend)) continue;
    if (!rng.chance((1 + (growth * (day * DAY_MS - start)) / span) / (1 + growth))) continue;
    const t = day * DAY_MS + (user.dayStart + rng.next() * user.dayLength) * hour - offset;
    // A span shorter than a working day may hold no working hour: then any time in it.
    if (t >= user.join && t < user.leave) starts.push(Math.round(t));
    else if (tries > 50 * user.sessions) starts.push(Math.round(rng.uniform(user.join, user.leave)));
  }
  return starts.sort((x, y) => x - y);
}
