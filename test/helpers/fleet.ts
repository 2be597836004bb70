// The small synthetic fleet (data/calibration.json, size `small`), generated and ingested
// once per test run into the run's shared cache, through the same path a site build takes.
import {inject} from "vitest";
import {canonicalTables} from "../../loaders/site/tables.ts";

export const SMALL = {AUTONOMY_FLEET: "small"};

/** The cache folder this test run shares (see test/helpers/setup.ts). */
export const testCache = () => inject("cache");

export async function smallFleet(): Promise<{tables: string; fleet: string}> {
  Object.assign(process.env, SMALL, {AUTONOMY_CACHE: testCache()});
  delete process.env.AUTONOMY_LOGS;
  const {dir, inputs} = await canonicalTables();
  return {tables: dir, fleet: inputs[0]};
}
