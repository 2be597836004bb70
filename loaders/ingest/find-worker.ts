// The thread that finds a run's groups (find.ts): discovers the inputs, says what it found,
// and once the run has its work folder, writes the groups there and ends, taking its heap
// with it. It tells the main thread how far it has gone: at the first folder, then five
// times a second.
import {parentPort, workerData} from "node:worker_threads";
import {posted} from "../errors.ts";
import {discover} from "./discover.ts";
import {placeGroups, selectGroups, throttled, type FindingProgress, type FindOptions} from "./find.ts";

const opts = workerData as FindOptions;
const progress: FindingProgress = {folders: 0, sized: 0, filesTotal: 0};
const tell = throttled(() => parentPort!.postMessage({progress}));
try {
  const {groups, ...found} = selectGroups(
    discover(opts.inputs, () => (progress.folders++, tell())),
    opts
  );
  progress.filesTotal = groups.reduce((n, g) => n + g.files.length, 0);
  parentPort!.postMessage({found});
  parentPort!.once("message", ({path}: {path: string}) => {
    try {
      const placed = placeGroups(groups, path, opts.incremental ?? false, (files) => ((progress.sized = files), tell()));
      parentPort!.postMessage({placed}, [placed.ends.buffer as ArrayBuffer]);
    } catch (error) {
      parentPort!.postMessage({error: posted(error)});
    }
  });
} catch (error) {
  parentPort!.postMessage({error: posted(error)});
}
