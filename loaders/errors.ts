// An error the person can act on (a path that does not exist or cannot be read, an output
// folder that is not the ingest's, a classifiers module that cannot be used): the command
// says it in one line and exits 1 (docs/tables.md, "Exit status"). Any layer may throw it;
// it imports nothing, so that none imports another layer to do so.
export class InputError extends Error {}
