// Writes Claude Code users as their telemetry (telemetry.ts) under a fleet's `otel/`
// folder, beside the API agents' traces: every user's sessions in time order (a heap over
// the users, each holding only its next start), their events through the same Collectors
// (otlp-export.ts) as `logs*.json`. Nothing but the sessions in flight is ever held.
import {collectorFolders} from "./api-fleet.ts";
import {readCalibration, type Calibration} from "./calibration.ts";
import {Heap} from "./heap.ts";
import {Collectors, LOGS, type Exported} from "./otlp-export.ts";
import {sessionModel} from "./session.ts";
import {sessionTelemetry, telemetryResource, type Identity} from "./telemetry.ts";
import {makeUsers, sessionStarts, type User} from "./users.ts";
import type {Variant} from "./variants.ts";

/** What the telemetry users' files hold, as the ingest will count them. */
export type TelemetryWritten = Exported & {sessions: number; turns: number; tool_calls: number};

/** Users whose sessions are written as telemetry: drawn as the others are, from a stream of their own, under names of their own. */
export function telemetryUsers(cal: Calibration, count: number, seed: string): User[] {
  return makeUsers(cal, count, `${seed}/telemetry`).map((u) => ({...u, id: `otel-${u.id}`}));
}

function identity(user: User): Identity {
  const rng = user.rng.fork("telemetry/identity");
  return {account: rng.uuid(), installation: rng.hex(64), os: rng.pick(["darwin", "linux"])};
}

/** A user's sessions still to come, from the next one's start. */
type Upcoming = {user: User; index: number; who: Identity; starts: number[]; k: number};

export function writeTelemetry(calibration: string, variant: Variant, seed: string, count: number, work: string, tick: (w: TelemetryWritten) => void): TelemetryWritten {
  const cal = readCalibration(calibration, undefined, variant);
  const e = cal.api.assumptions.export;
  const plan = sessionModel(cal);
  const collectors = new Collectors(collectorFolders(work, e.collectors), e, LOGS);
  const done: TelemetryWritten = {sessions: 0, turns: 0, tool_calls: 0, ...collectors.written};
  const queue = new Heap<Upcoming>((a, b) => a.starts[a.k] < b.starts[b.k] || (a.starts[a.k] === b.starts[b.k] && a.index < b.index));
  telemetryUsers(cal, count, seed).forEach((user, index) => {
    const starts = sessionStarts(user, cal);
    if (starts.length) queue.push({user, index, who: identity(user), starts, k: 0});
  });
  for (let next = queue.pop(); next; next = queue.pop()) {
    const {user, who, starts, k} = next;
    // Every batch that arrived before this session began is final: write it.
    collectors.drain(starts[k]);
    const session = plan(user, k, starts[k]);
    const {items, turns, calls} = sessionTelemetry(session, who, cal.assumptions, user.rng.fork(`session/${k}/telemetry`));
    const {resource, scope} = telemetryResource(session.version, who);
    collectors.send(next.index % e.collectors, resource, scope, items, user.rng.fork(`session/${k}/export`));
    done.sessions++;
    done.turns += turns;
    done.tool_calls += calls;
    if (done.sessions % 100 === 0) tick({...done, ...collectors.written});
    if (++next.k < starts.length) queue.push(next);
  }
  collectors.close();
  Object.assign(done, collectors.written);
  tick(done);
  return done;
}
