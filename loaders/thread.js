// A worker thread started from the TypeScript source (paths.ts) has no TypeScript loader of
// its own: register tsx, then run the worker's entry, which paths.ts passes as the
// thread's last argument.
import {register} from "tsx/esm/api";

register();
await import(process.argv.at(-1));
