// Fleets that test the pipeline instead of feeding it the study: the same generator and
// calibration, with what the study gave it taken away (null) or with its words replaced
// (paraphrased). What the pipeline recovers from each says which findings are results and
// which only read back what the generator was given (docs/circularity.md).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../paths.ts";
import type {Calibration} from "./calibration.ts";
import {BANK, type Bank} from "./phrases.ts";

export const PARAPHRASES_FILE = join(ROOT, "data", "phrases", "paraphrased.json");

export const VARIANTS = {
  calibrated: "the calibration as written: the embedded default",
  null: "uniform shares wherever the generator was given the study's or our own mix: why the agent asks, why the person interrupts, the domains of tasks and of API agents, and the complexity of tasks and of API runs",
  paraphrased: "the calibration as written, with every text a classifier reads (questions, replies, corrections, redirections, reasons for rejections, tasks) drawn from a bank written blind to the rules (data/phrases/paraphrased.json)"
} as const;

export type Variant = keyof typeof VARIANTS;

export const isVariant = (name: string): name is Variant => Object.hasOwn(VARIANTS, name);

/** The same keys, each with an equal share. */
export const uniform = <K extends string>(mix: Record<K, number>): Record<K, number> => {
  const keys = Object.keys(mix) as K[];
  return Object.fromEntries(keys.map((k) => [k, 1 / keys.length])) as Record<K, number>;
};

/** The bank written blind to the rules; its `about` says by whom and how. */
export function readParaphrases(file = PARAPHRASES_FILE): Bank {
  const raw = JSON.parse(readFileSync(file, "utf8")) as Bank & {about: string};
  for (const key of Object.keys(BANK) as (keyof Bank)[]) {
    const want = BANK[key];
    const got = raw[key];
    if (got === undefined) throw new Error(`${file}: no "${key}"`);
    if (!Array.isArray(want)) {
      const missing = Object.keys(want).filter((k) => !(k in got) && !(key === "afterInterrupt" && k === "other"));
      if (missing.length) throw new Error(`${file}: "${key}" has no ${missing.join(", ")}`);
    }
  }
  return {closing: raw.closing, asks: raw.asks, replies: raw.replies, corrections: raw.corrections, afterInterrupt: raw.afterInterrupt, rejectReasons: raw.rejectReasons, prompts: raw.prompts};
}

/** The calibration as the variant generates it; its hash tells the fleets apart. */
export function vary(cal: Calibration, variant: Variant): Calibration {
  if (variant === "calibrated") return cal;
  const hash = `${cal.hash}-${variant}`;
  if (variant === "paraphrased") return {...cal, hash, variant, bank: readParaphrases()};
  const A = cal.assumptions;
  const runs = cal.api.assumptions.runs;
  return {
    ...cal,
    hash,
    variant,
    domains: uniform(cal.domains),
    assumptions: {
      ...A,
      tasks: {...A.tasks, complexity: uniform(A.tasks.complexity)},
      interrupts: {...A.interrupts, reasons: uniform(A.interrupts.reasons)},
      agent_stops: {...A.agent_stops, question_reasons: uniform(A.agent_stops.question_reasons)}
    },
    api: {
      ...cal.api,
      domains: uniform(cal.api.domains),
      assumptions: {...cal.api.assumptions, runs: {...runs, complexity: {interactive: uniform(runs.complexity.interactive), pipeline: uniform(runs.complexity.pipeline)}}}
    }
  };
}
