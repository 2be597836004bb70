// A thread of `agent-autonomy generate`: writes its share of the users, the users written
// as telemetry, or the API-side population, and reports how far it got.
import {parentPort, workerData} from "node:worker_threads";
import {writeApi} from "./api-fleet.ts";
import {writeUsers, type Job} from "./fleet.ts";
import {writeTelemetry} from "./telemetry-fleet.ts";
import type {Variant} from "./variants.ts";

type Init = {calibration: string; variant: Variant; seed: string; work: string; job: Job};
const init = workerData as Init;
const tick = (t: object) => parentPort!.postMessage({tick: {...t}});
try {
  const {job} = init;
  const done =
    "api" in job ? writeApi(init.calibration, init.variant, init.seed, job.api, init.work, tick)
    : "telemetry" in job ? writeTelemetry(init.calibration, init.variant, init.seed, job.telemetry, init.work, tick)
    : writeUsers(init.calibration, init.variant, init.seed, job.count, init.work, job.users, tick, job.agent);
  parentPort!.postMessage({done});
} catch (error) {
  parentPort!.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)});
}
