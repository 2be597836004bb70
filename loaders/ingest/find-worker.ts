// The thread that finds a run's groups (find.ts): discovers the inputs, says what it found,
// and once the run has its work folder, writes the groups there and ends, taking its heap
// with it.
import {parentPort, workerData} from "node:worker_threads";
import {posted} from "../errors.ts";
import {discover} from "./discover.ts";
import {placeGroups, selectGroups, type FindOptions} from "./find.ts";

const opts = workerData as FindOptions;
try {
  const {groups, ...found} = selectGroups(discover(opts.inputs), opts);
  parentPort!.postMessage({found});
  parentPort!.once("message", ({path}: {path: string}) => {
    try {
      const placed = placeGroups(groups, path, opts.incremental ?? false);
      parentPort!.postMessage({placed}, [placed.ends.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort!.postMessage({error: posted(error)});
    }
  });
} catch (error) {
  parentPort!.postMessage({error: posted(error)});
}
