// A worker thread starts without the main thread's TypeScript loader: register it, then
// run the worker (loaders/generate/worker.ts).
import {register} from "tsx/esm/api";

register();
await import("./worker.ts");
