// Writes the API-side population (api.ts) under a fleet's `otel/` folder: every agent's
// conversations in time order (a heap over the agents, each holding only its next start),
// their spans through the Collectors (otlp-export.ts), one folder a Collector. Nothing but
// the conversations in flight is ever held.
import {join} from "node:path";
import {Arrivals, conversationModel, makeAgents} from "./api.ts";
import {COLLECTORS} from "./api-agents.ts";
import {ms, readCalibration} from "./calibration.ts";
import {Heap} from "./heap.ts";
import {Collectors, spanItems, type Exported} from "./otlp-export.ts";
import type {Variant} from "./variants.ts";

/** The folder of a fleet that holds the API agents' telemetry. */
export const OTEL_FOLDER = "otel";

/** The Collectors' folders of a fleet written in `work`, one a Collector. */
export function collectorFolders(work: string, count: number): string[] {
  return Array.from({length: count}, (_, i) => join(work, OTEL_FOLDER, COLLECTORS[i % COLLECTORS.length] + (i >= COLLECTORS.length ? `-${Math.floor(i / COLLECTORS.length) + 1}` : "")));
}

export type ApiWritten = Exported & {agents: number; conversations: number; sessions: number; turns: number; tool_calls: number};

export function writeApi(calibration: string, variant: Variant, seed: string, count: number, work: string, tick: (w: ApiWritten) => void): ApiWritten {
  const cal = readCalibration(calibration, undefined, variant);
  const e = cal.api.assumptions.export;
  const agents = makeAgents(cal, count, seed);
  const conversation = conversationModel(cal);
  const collectors = new Collectors(collectorFolders(work, e.collectors), e);
  const done: ApiWritten = {agents: count, conversations: 0, sessions: 0, turns: 0, tool_calls: 0, ...collectors.written};
  const end = ms(cal.assumptions.period.end);
  const queue = new Heap<Arrivals>((a, b) => a.next < b.next || (a.next === b.next && a.agent.index < b.agent.index));
  for (const agent of agents) if (agent.sessions > 0) queue.push(new Arrivals(agent, end));
  for (let next = queue.pop(); next; next = queue.pop()) {
    // Every batch that arrived before this conversation began is final: write it.
    collectors.drain(next.next);
    const c = conversation(next.agent, next.index, next.next);
    collectors.send(next.agent.index % e.collectors, {attributes: next.agent.resource}, next.agent.scope, spanItems(c.spans), next.agent.rng.fork(`export/${next.index}`));
    done.conversations++;
    done.sessions += c.sessions;
    done.turns += c.runs;
    done.tool_calls += c.calls;
    if (done.conversations % 100 === 0) tick({...done, ...collectors.written});
    if (next.advance()) queue.push(next);
  }
  collectors.close();
  Object.assign(done, collectors.written);
  tick(done);
  return done;
}
