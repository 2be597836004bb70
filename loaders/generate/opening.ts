// A session's opening, and the state its turns move on. The opening settles what holds for
// the whole session (version, headless or not, project, the mode it starts in, how many
// tasks) and where between its tasks a resume, a mode change or a command falls.
import type {Behaviour} from "./behaviour.ts";
import {DAY_MS} from "./calibration.ts";
import type {Ev, SessionPlan} from "./events.ts";
import type {Rng} from "./rng.ts";
import type {Project} from "./tasks.ts";
import type {User} from "./users.ts";

const SLUG = ["modular", "quiet", "lexical", "humble", "zesty", "floating", "temporal", "brisk", "amber", "gentle"];
const SLUG2 = ["petting", "prancing", "painting", "seeking", "splashing", "gathering", "twirling", "humming", "drifting", "weaving"];
const SLUG3 = ["thompson", "wozniak", "whisper", "umbrella", "lightning", "sunrise", "plum", "harbor", "meadow", "lantern"];

/** One session of a user being planned: opened by the constructor, then moved on turn by turn. */
export class Session {
  readonly rng: Rng;
  readonly version: number;
  readonly headless: boolean;
  readonly project: Project;
  readonly plan: SessionPlan;
  /** The plan's events, in the order they are written (a queued prompt is put back in time). */
  readonly ev: Ev[];
  model: string;
  mode: string;
  /** The clock (ms): when the next prompt is typed. */
  now: number;
  /** Prompts so far: the context fills up after a number of them. */
  turns = 0;
  readonly taskCount: number;
  /** The task after whose first turn the session is resumed, before which the mode changes, before which a command is typed (-1: none). */
  readonly resumeAfter: number;
  readonly changeModeAt: number;
  readonly commandAt: number;

  constructor(
    readonly behaviour: Behaviour,
    readonly user: User,
    readonly tenure: number,
    at: number
  ) {
    const A = behaviour.A;
    const Q = A.quirks;
    const rng = (this.rng = user.rng.fork(`session/${tenure}`));
    const version = (this.version = Math.floor(behaviour.versionAt(at - user.lag * DAY_MS)));
    const headless = (this.headless = version >= A.format.headless.from_version && rng.chance(A.format.headless.share));
    // People work mostly in their first project, and now and then in the others.
    const project = (this.project = rng.chance(0.5) ? user.projects[0] : rng.pick(user.projects));
    this.plan = {
      id: rng.uuid(),
      project,
      version,
      headless,
      slug: `${rng.pick(SLUG)}-${rng.pick(SLUG2)}-${rng.pick(SLUG3)}`,
      nullStopReason: rng.chance(Q.null_stop_reason_sessions),
      title: "",
      events: [],
      subagents: []
    };
    const ev = (this.ev = this.plan.events);
    this.model = behaviour.pickModel(at, user, rng);
    this.mode = headless ? (rng.chance(0.6) ? "bypassPermissions" : "default") : behaviour.startMode(tenure, user, version, rng);
    this.now = at;

    if (!headless && rng.chance(Q.clear_start)) ev.push({k: "local", t: this.now, command: "clear", stdout: "", typedAt: this.now - 30});
    if (!headless) ev.push({k: "mode", t: this.now, mode: this.mode});
    this.now += rng.int(500, 4000);

    const taskCount = (this.taskCount = headless ? 1 + rng.poisson(0.4) : 1 + rng.poisson((user.power ? A.sessions.power_tasks_mean : A.sessions.tasks_mean) - 1));
    this.resumeAfter = !headless && rng.chance(Q.resumed_sessions) ? rng.int(0, taskCount - 1) : -1;
    // Between two tasks: a session of one task has no room for a mode change or a command.
    const between = (p: number) => (!headless && taskCount > 1 && rng.chance(p) ? rng.int(1, taskCount - 1) : -1);
    this.changeModeAt = between(A.sessions.mode_change);
    this.commandAt = between(Q.manual_compact + Q.model_command);
  }

  toolId(): string {
    return `toolu_01${this.rng.base62(22)}`;
  }

  agentId(): string {
    return this.version <= 39 ? this.rng.hex(7) : this.rng.hex(17);
  }

  /** A person's wait (ms). */
  wait(w: {median: number; sigma: number}): number {
    return Math.round(this.rng.lognormal(w.median, w.sigma) * 1000);
  }

  /** The person thinks before the next prompt. */
  gap(): void {
    this.now += this.wait(this.behaviour.A.sessions.think_gap_s);
  }

  /** The time of the latest event so far. */
  lastAt(): number {
    return this.ev.reduce((m, e) => Math.max(m, e.t), this.now);
  }
}
