// What discovery shares between sources while it walks the named paths
// (docs/tables.md, "Inputs and layouts"): folders read in name order, each listed once for
// every source that looks into it, folders that could not be read (counted in the report,
// never fatal below a named path), and the files a source has claimed, which a source that
// comes later in the list leaves alone.
import {readdirSync, statSync, type Dirent} from "node:fs";
import {join} from "node:path";

/** The file the generator writes at a fleet's root; its presence marks the data synthetic. */
export const FLEET_MARKER = "agent-autonomy-fleet.json";

/**
 * `listings`: folders' entries as first listed, up to LISTED entries in all. Every source
 * walks the named paths in its own way, OpenTelemetry's through every folder: listing each
 * folder once took a third off finding a fleet of 100k sessions' files. Past the bound,
 * folders are listed again, so that a fleet of millions of files does not hold them all
 * (about 170 bytes an entry). `listed`, when given, is told of each folder listed: the
 * find thread counts them for its progress.
 */
export type Walk = {unreadable: Set<string>; claimed: Set<string>; listings: Listings; listed?: () => void; entriesLeft?: number};

/** A walk given `entriesLeft` listed more entries than that. */
export class WalkLimit extends Error {}

const LISTED = 100_000;

/** Folders' entries as first listed, up to LISTED entries in all. */
export class Listings {
  private readonly byFolder = new Map<string, Dirent[]>();
  private held = 0;

  get(dir: string): Dirent[] | undefined {
    return this.byFolder.get(dir);
  }

  keep(dir: string, listing: Dirent[]): void {
    if (this.held + listing.length > LISTED) return;
    this.byFolder.set(dir, listing);
    this.held += listing.length;
  }
}

export const byPath = (a: {path: string}, b: {path: string}) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** A folder's entries in name order; none, counted, when it cannot be read. */
export function entries(dir: string, walk: Walk): Dirent[] {
  let listing = walk.listings.get(dir);
  if (listing === undefined) {
    walk.listed?.();
    try {
      listing = readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      walk.unreadable.add(dir);
      listing = [];
    }
    if (walk.entriesLeft !== undefined && (walk.entriesLeft -= listing.length) < 0) throw new WalkLimit(`more than the walk's limit of entries below ${dir}`);
    walk.listings.keep(dir, listing);
  }
  return listing;
}

// Follows a symlink to a file; never a symlinked folder (a loop would never end).
export function isFile(dir: string, e: Dirent): boolean {
  if (e.isFile()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, e.name)).isFile();
  } catch {
    return false;
  }
}

/**
 * A source's groups as it found them below every named path → the groups to read: those
 * that two paths both named (the same `key`) merged, each file once and in path order, and
 * synthetic if either was; the groups in the order of their keys.
 */
export function mergeByKey<G extends {files: {path: string}[]; synthetic: boolean}>(found: G[], key: (g: G) => string): G[] {
  const byKey = new Map<string, G>();
  for (const g of found) {
    const seen = byKey.get(key(g));
    if (!seen) byKey.set(key(g), {...g, files: [...g.files]});
    else {
      const paths = new Set(seen.files.map((f) => f.path));
      seen.files.push(...g.files.filter((f) => !paths.has(f.path)));
      seen.files.sort(byPath);
      seen.synthetic ||= g.synthetic;
    }
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}
