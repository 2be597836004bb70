// A thread of `agent-autonomy generate`: writes its share of the users and reports how far
// it got.
import {parentPort, workerData} from "node:worker_threads";
import {writeUsers} from "./fleet.ts";

type Init = {calibration: string; seed: string; count: number; work: string; users: number[]};
const init = workerData as Init;
try {
  const done = writeUsers(init.calibration, init.seed, init.count, init.work, init.users, (tick) => parentPort!.postMessage({tick: {...tick}}));
  parentPort!.postMessage({done});
} catch (error) {
  parentPort!.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)});
}
