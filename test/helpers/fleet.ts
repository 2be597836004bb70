// The small synthetic fleet (data/calibration.json, size `small`), generated and ingested
// once per test run into the run's shared cache, through the same path a site build takes.
import {inject} from "vitest";
import type {Exported} from "../../loaders/generate/otlp-export.ts";
import {canonicalTables} from "../../loaders/site/tables.ts";

export const SMALL = {AUTONOMY_FLEET: "small"};

/**
 * What an ingest of the generator's OpenTelemetry files reports, from what the generator
 * says it wrote: every line parsed, or a duplicate (a retried export), none skipped; and
 * its sessions, turns and calls as written.
 */
export const reportOf = (w: Exported & {sessions: number; turns: number; tool_calls: number}) => ({
  inputs: ["otel"],
  files: w.files,
  lines: w.lines,
  parsed: w.lines - w.retries,
  duplicates: w.retries,
  skipped: {},
  tables: {sessions: w.sessions, turns: w.turns, tool_calls: w.tool_calls}
});

/** The cache folder this test run shares (see test/helpers/setup.ts). */
export const testCache = () => inject("cache");

export async function smallFleet(): Promise<{tables: string; fleet: string}> {
  Object.assign(process.env, SMALL, {AUTONOMY_CACHE: testCache()});
  delete process.env.AUTONOMY_LOGS;
  const {dir, inputs} = await canonicalTables();
  return {tables: dir, fleet: inputs[0]};
}
