// An error the person can act on (a path that does not exist or cannot be read, an output
// folder that is not the ingest's, a classifiers module that cannot be used): the command
// says it in one line and exits 1 (docs/tables.md, "Exit status"). Any layer may throw it;
// it imports nothing, so that none imports another layer to do so.
export class InputError extends Error {}

/** An error as a worker thread posts it to the main thread: what `rebuilt` needs to throw it again there. */
export type PostedError = {message: string; input?: true; code?: string; path?: string; stack?: string};

export function posted(error: unknown): PostedError {
  const e: NodeJS.ErrnoException = error instanceof Error ? error : new Error(String(error));
  return {message: e.message, ...(e instanceof InputError && {input: true as const}), code: e.code, path: e.path, stack: e.stack};
}

/** The error a worker thread posted, as the main thread throws it: an InputError stays one; the others keep their code (ENOSPC ...) and stack for --verbose. */
export function rebuilt({input, ...e}: PostedError): Error {
  return Object.assign(input ? new InputError(e.message) : new Error(e.message), e);
}
