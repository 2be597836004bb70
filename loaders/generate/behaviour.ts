// The behaviour model for a calibration: its schedules are built once per fleet, and each
// session draws from them what does not depend on its course (model, working time, steps,
// the chance to be interrupted, the mode it starts in).
import type {Complexity} from "../definitions.ts";
import {experience, logistic, ms, schedule, shareSchedule, trend, type Assumptions, type Calibration} from "./calibration.ts";
import {speaker, type Speaker} from "./phrases.ts";
import {pow, type Rng} from "./rng.ts";
import type {User} from "./users.ts";

export class Behaviour {
  readonly A: Assumptions;
  /** What the agent and the person say: the calibration's phrase bank. */
  readonly say: Speaker;
  readonly versionAt: (t: number) => number;
  private readonly modelShares: (t: number) => Record<string, number>;
  private readonly longRun: (t: number) => number;
  /** The chance that a completed task needs a correction, by complexity, over time. */
  readonly fail: Record<Complexity, (t: number) => number>;
  readonly rejectWithReason: (t: number) => number;
  /** When Explore subagents move to their own model (ms). */
  readonly subagentFrom: number;

  constructor(cal: Calibration) {
    const A = (this.A = cal.assumptions);
    this.say = speaker(cal.bank);
    this.versionAt = schedule(A.format.versions);
    this.modelShares = shareSchedule(A.models.shares);
    this.longRun = schedule(A.durations.long_run_median_min);
    this.fail = Object.fromEntries(Object.entries(A.interventions.fail).map(([c, ends]) => [c, trend(ends, A.interventions.fail_from, A.interventions.fail_to)])) as Record<Complexity, (t: number) => number>;
    this.rejectWithReason = trend(A.interventions.reject_with_reason, A.interventions.fail_from, A.interventions.fail_to);
    this.subagentFrom = ms(A.models.subagent.from);
  }

  pickModel(t: number, user: User, rng: Rng): string {
    const shares = this.modelShares(t);
    if (user.opusLeaning) for (const m of Object.keys(shares)) if (m.includes("opus")) shares[m] *= 2;
    return rng.weighted(shares);
  }

  /** Working time of a turn (ms): the body by complexity, or now and then a long run. */
  workingTime(c: Complexity, model: string, t: number, rng: Rng): number {
    const speed = this.A.models.speed[model] ?? 1;
    const d = this.A.durations;
    const s = rng.chance(d.long_run_share[c]) ? rng.lognormal(this.longRun(t) * 60, d.long_run_sigma) : rng.lognormal(d.body_median_s[c], d.body_sigma[c]);
    return Math.max(2000, Math.round(s * speed * 1000));
  }

  steps(c: Complexity, working: number, rng: Rng): number {
    const s = this.A.durations.steps_per_minute;
    return Math.min(s.max, rng.poisson(s[c] * pow(working / 60000, s.exponent)));
  }

  interruptChance(tenure: number, user: User, c: Complexity): number {
    const i = this.A.interrupts;
    return (i.low + (i.high - i.low) * experience(tenure, i.experience_center_sessions, i.experience_scale)) * user.interrupts * i.complexity[c];
  }

  startMode(tenure: number, user: User, version: number, rng: Rng): string {
    const a = this.A.autonomy;
    const pFull = logistic(a.full_logit_base + a.full_logit_gain * experience(tenure, a.experience_center_sessions, a.experience_scale) + user.fullLogit);
    if (rng.chance(pFull)) return version >= a.auto_mode.from_version && rng.chance(a.auto_mode.share) ? "auto" : "bypassPermissions";
    return rng.chance(a.edits_share) ? "acceptEdits" : "default";
  }
}
