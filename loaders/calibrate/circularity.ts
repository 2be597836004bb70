// How much of the embedded default's agreement with the study is built in (docs/circularity.md).
// The same generator writes three fleets of one size and seed: the calibrated one, a null one
// (uniform mixes where the study's were given) and a paraphrased one (the classified texts
// from a bank written blind to the rules). Each is ingested and compared on the findings
// registry's cells, as the site compares the default. A figure that moves when the generator
// is given other mixes reads back its input; one that moves when only the words change
// depends on the generator's own vocabulary.
import {createHash} from "node:crypto";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {codeDigest} from "../code.ts";
import {CALIBRATION_FILE, readCalibration, readPublished, type Size} from "../generate/calibration.ts";
import {generate} from "../generate/fleet.ts";
import {PARAPHRASES_FILE, VARIANTS, type Variant} from "../generate/variants.ts";
import {ingest} from "../ingest/run.ts";
import {LIBRARY, ROOT} from "../paths.ts";
import {connect} from "../site/aggregate.ts";
import {compareAll, type Compared} from "../site/compare.ts";
import {FLEET_MIN_USERS} from "../site/tables.ts";

/** The size the fleets are generated at (data/calibration.json `sizes.circularity`). */
export const SIZE = "circularity";

export type Estimate = {value: number; low: number | null; high: number | null};

export type Figure = {
  id: string;
  /** The study's figure (a range as its middle). */
  study: number;
  fleets: Record<Variant, Estimate | null>;
  /** The null fleet's value differs from the calibrated one's: ours reads back what the generator was given. */
  input: boolean | null;
  /** The paraphrased fleet's value differs: ours depends on the generator's own words. */
  words: boolean | null;
};

export type Circularity = {
  /** What the figures were computed from: a change to any of these makes them stale. */
  digest: string;
  size: Size & {name: string};
  variants: Record<Variant, string>;
  figures: Figure[];
};

export const CIRCULARITY_FILE = join(ROOT, "data", "circularity.json");

/** The figures as `npm run circularity` last wrote them. */
export const readCircularity = (file = CIRCULARITY_FILE): Circularity => JSON.parse(readFileSync(file, "utf8")) as Circularity;

/** The code, calibration and phrase bank the figures depend on. */
export function circularityDigest(): string {
  const hash = createHash("sha256").update(codeDigest(["generate/fleet.ts", "generate/worker.ts", "ingest/run.ts", "site/compare.ts", "findings.ts"]));
  for (const file of [CALIBRATION_FILE, PARAPHRASES_FILE]) hash.update(readFileSync(file));
  const metrics = join(LIBRARY, "metrics");
  for (const sql of readdirSync(metrics).filter((f) => f.endsWith(".sql")).sort()) hash.update(sql).update(readFileSync(join(metrics, sql)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Two estimates differ when their 95% intervals are disjoint; where either has none (a
 * ratio, a p99.9 with too few turns), when they are more than a quarter apart.
 */
export function differ(a: Estimate | null, b: Estimate | null): boolean | null {
  if (!a || !b) return null;
  if (a.low !== null && a.high !== null && b.low !== null && b.high !== null) return a.high < b.low || b.high < a.low;
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  return scale === 0 ? false : Math.abs(a.value - b.value) / scale > 0.25;
}

const estimate = (c: Compared): Estimate | null => (c.ours && c.ours.value !== null ? {value: c.ours.value, low: c.ours.low, high: c.ours.high} : null);

/** Sets the fleets' readings side by side, with what each difference says. */
export function judge(readings: Record<Variant, Compared[]>): Figure[] {
  const published = readPublished();
  return readings.calibrated
    .filter((c) => !c.reference)
    .map((c) => {
      const fleets = Object.fromEntries(
        (Object.keys(readings) as Variant[]).map((v) => [v, estimate(readings[v].find((r) => r.id === c.id)!)])
      ) as Record<Variant, Estimate | null>;
      const value = published.get(c.id)!.value;
      return {
        id: c.id,
        study: Array.isArray(value) ? (value[0] + value[1]) / 2 : value,
        fleets,
        input: differ(fleets.calibrated, fleets.null),
        words: differ(fleets.calibrated, fleets.paraphrased)
      };
    });
}

export type Step = {variant: Variant; step: "generate" | "ingest" | "compare"};

/** Generates, ingests and compares each variant's fleet in a scratch folder, then judges them. */
export async function measureCircularity(progress: (s: Step) => void = () => {}): Promise<Circularity> {
  const size = readCalibration().sizes[SIZE];
  if (!size) throw new Error(`data/calibration.json has no size "${SIZE}"`);
  const scratch = mkdtempSync(join(tmpdir(), "circularity-"));
  try {
    const readings = {} as Record<Variant, Compared[]>;
    for (const variant of Object.keys(VARIANTS) as Variant[]) {
      const fleet = join(scratch, `fleet-${variant}`);
      const tables = join(scratch, `tables-${variant}`);
      progress({variant, step: "generate"});
      await generate({users: size.users, codexUsers: size.codex_users, apiAgents: size.api_agents, seed: size.seed, out: fleet, variant});
      progress({variant, step: "ingest"});
      await ingest({inputs: [fleet], out: tables});
      rmSync(fleet, {recursive: true, force: true});
      progress({variant, step: "compare"});
      const db = await connect(tables, FLEET_MIN_USERS);
      try {
        readings[variant] = await compareAll(db);
      } finally {
        db.closeSync();
      }
    }
    return {digest: circularityDigest(), size: {name: SIZE, ...size}, variants: {...VARIANTS}, figures: judge(readings)};
  } finally {
    rmSync(scratch, {recursive: true, force: true});
  }
}
