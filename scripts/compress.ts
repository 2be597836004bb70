// Precompressed copies of the built site's text and WebAssembly: `x.br` and `x.gz` beside
// each `x`, which a static host (and `npm run serve`) sends to a browser that accepts the
// encoding. DuckDB's engine is 34 MB as it is and 6 MB as brotli, so this is most of what a
// first visit waits for over a slow link. Parquet is left alone: its pages are compressed
// already (zstd).
//
// Brotli at its best quality takes minutes on the engine, so the quality steps down with
// size; and each file's copies are kept in the build cache by the digest of its bytes, so a
// rebuild compresses only what changed (the engine never does).
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from "node:fs";
import {extname, join} from "node:path";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

/** What is compressed: text, and WebAssembly. */
export const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".wasm", ".csv", ".sql", ".txt", ".map", ".md"]);
export const ENCODINGS = {br: ".br", gzip: ".gz"} as const;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Brotli's quality for a file of `size` bytes: the best up to 1 MB, less as the time it takes grows. */
const quality = (size: number) => (size <= 1 << 20 ? 11 : size <= 8 << 20 ? 9 : 5);

function files(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

async function copies(bytes: Buffer): Promise<Record<keyof typeof ENCODINGS, Buffer>> {
  return {
    br: await brotli(bytes, {params: {[constants.BROTLI_PARAM_QUALITY]: quality(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length}}),
    gzip: await gz(bytes, {level: 9})
  };
}

export type Compressed = {files: number; bytes: number; br: number; gzip: number; cached: number};

/** Writes the compressed copies of every compressible file under `dist` that they make smaller; `cache` keeps them across builds. */
export async function compressSite(dist: string, cache: string): Promise<Compressed> {
  mkdirSync(cache, {recursive: true});
  const done: Compressed = {files: 0, bytes: 0, br: 0, gzip: 0, cached: 0};
  const todo = files(dist).filter((f) => COMPRESSIBLE.has(extname(f)));
  // Two at a time: zlib runs on the thread pool, and the engine's copy is most of the time.
  const next = async (): Promise<void> => {
    const file = todo.shift();
    if (!file) return;
    const bytes = readFileSync(file);
    const key = createHash("sha256").update(bytes).digest("hex");
    const kept = Object.fromEntries(Object.entries(ENCODINGS).map(([e, ext]) => [e, join(cache, `${key}${ext}`)])) as Record<keyof typeof ENCODINGS, string>;
    let made: Record<keyof typeof ENCODINGS, Buffer>;
    if (Object.values(kept).every((k) => existsSync(k))) {
      made = {br: readFileSync(kept.br), gzip: readFileSync(kept.gzip)};
      done.cached++;
    } else {
      made = await copies(bytes);
      for (const e of Object.keys(ENCODINGS) as (keyof typeof ENCODINGS)[]) {
        // Written whole, then renamed: a build killed midway leaves no truncated copy.
        writeFileSync(`${kept[e]}.${process.pid}`, made[e]);
        renameSync(`${kept[e]}.${process.pid}`, kept[e]);
      }
    }
    done.files++;
    done.bytes += bytes.length;
    for (const [e, ext] of Object.entries(ENCODINGS) as [keyof typeof ENCODINGS, string][]) {
      if (made[e].length >= bytes.length) continue;
      writeFileSync(`${file}${ext}`, made[e]);
      done[e] += made[e].length;
    }
    return next();
  };
  await Promise.all([next(), next()]);
  return done;
}

/** The precompressed copy of `path` to send for an Accept-Encoding header, if there is one. */
export function encodedCopy(path: string, accept: string | undefined): {path: string; encoding: keyof typeof ENCODINGS} | undefined {
  // "br;q=0" refuses brotli; any other weight accepts it.
  const accepted = new Set(
    (accept ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase().split(/\s*;\s*/))
      .filter(([, ...params]) => !params.some((p) => /^q=0(?:\.0*)?$/.test(p)))
      .map(([name]) => name)
  );
  for (const [encoding, ext] of Object.entries(ENCODINGS) as [keyof typeof ENCODINGS, string][]) {
    if (accepted.has(encoding) && statSync(`${path}${ext}`, {throwIfNoEntry: false})?.isFile()) return {path: `${path}${ext}`, encoding};
  }
}
