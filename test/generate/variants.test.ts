// The fleets that test the pipeline (loaders/generate/variants.ts): the null one takes away
// every mix the generator was given, the paraphrased one every word the rules were written
// beside; and data/circularity.json, what the pipeline recovers from each, is current.
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, test} from "vitest";
import {circularityDigest, differ, readCircularity} from "../../loaders/calibrate/circularity.ts";
import {COMPARISONS} from "../../loaders/findings.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {generate} from "../../loaders/generate/fleet.ts";
import {BANK, type Bank} from "../../loaders/generate/phrases.ts";
import {PARAPHRASES_FILE, readParaphrases, vary} from "../../loaders/generate/variants.ts";
import {tmp} from "../helpers/tmp.ts";

const sum = (mix: Record<string, number>) => Object.values(mix).reduce((s, x) => s + x, 0);
const isUniform = (mix: Record<string, number>) => Object.values(mix).every((x) => Math.abs(x - 1 / Object.keys(mix).length) < 1e-12);

describe("the null variant", () => {
  const cal = readCalibration();
  const none = readCalibration(undefined, undefined, "null");

  test("gives every mix the study (or we) set an equal share, over the same keys", () => {
    for (const [given, nulled] of [
      [cal.domains, none.domains],
      [cal.api.domains, none.api.domains],
      [cal.assumptions.tasks.complexity, none.assumptions.tasks.complexity],
      [cal.assumptions.interrupts.reasons, none.assumptions.interrupts.reasons],
      [cal.assumptions.agent_stops.question_reasons, none.assumptions.agent_stops.question_reasons],
      [cal.api.assumptions.runs.complexity.interactive, none.api.assumptions.runs.complexity.interactive],
      [cal.api.assumptions.runs.complexity.pipeline, none.api.assumptions.runs.complexity.pipeline]
    ]) {
      expect(Object.keys(nulled)).toEqual(Object.keys(given));
      expect(isUniform(given)).toBe(false);
      expect(isUniform(nulled)).toBe(true);
      expect(sum(nulled)).toBeCloseTo(1, 12);
    }
  });

  test("changes nothing else, and is told apart by its hash", () => {
    expect(none.assumptions.durations).toEqual(cal.assumptions.durations);
    expect(none.assumptions.autonomy).toEqual(cal.assumptions.autonomy);
    expect(none.assumptions.interrupts.complexity).toEqual(cal.assumptions.interrupts.complexity);
    expect(none.targets).toEqual(cal.targets);
    expect(none.bank).toBe(BANK);
    expect(none.hash).not.toBe(cal.hash);
    expect(vary(cal, "calibrated")).toBe(cal);
  });
});

// Every string a bank holds: the texts, the questions' words, the options' labels.
const strings = (x: unknown): string[] => (typeof x === "string" ? [x] : x && typeof x === "object" ? Object.values(x).flatMap(strings) : []);
// A stock reply of a few words may be written by both ("yes, go ahead" is): longer texts are compared.
const longer = (s: string) => s.split(/\s+/).length > 3;

describe("the paraphrased variant", () => {
  const bank = readParaphrases();

  test("has every kind of text the generator's own bank has, for every reason and domain", () => {
    for (const key of Object.keys(BANK) as (keyof Bank)[]) {
      const want = BANK[key];
      if (Array.isArray(want)) expect((bank[key] as string[]).length, key).toBeGreaterThan(5);
      else for (const k of Object.keys(want)) if (!(key === "afterInterrupt" && k === "other")) expect(bank[key], `${key}.${k}`).toHaveProperty(k);
    }
    for (const domain of Object.keys(BANK.prompts)) for (const c of ["minimal", "low", "medium", "high"] as const) expect(bank.prompts[domain][c].length, `${domain}.${c}`).toBeGreaterThan(0);
  });

  test("shares no text of more than three words with the generator's own bank", () => {
    const own = new Set(strings(BANK).map((s) => s.toLowerCase()));
    expect(strings(bank).filter((s) => longer(s) && own.has(s.toLowerCase()))).toEqual([]);
  });

  test("a bank without one of the kinds is refused, naming it", () => {
    const raw = JSON.parse(readFileSync(PARAPHRASES_FILE, "utf8"));
    delete raw.afterInterrupt.missing_context;
    const file = join(tmp("bank-"), "bank.json");
    writeFileSync(file, JSON.stringify(raw));
    expect(() => readParaphrases(file)).toThrow(/"afterInterrupt" has no missing_context/);
  });

  test("a fleet's typed prompts come from the paraphrased bank, never from the generator's own", async () => {
    const out = join(tmp("paraphrased-"), "fleet");
    const marker = await generate({users: 3, apiAgents: 0, seed: "variants", out, variant: "paraphrased", threads: 1});
    expect(marker.variant).toBe("paraphrased");
    const prompts: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".jsonl") && !dir.endsWith("subagents")) {
          for (const line of readFileSync(path, "utf8").split("\n").filter(Boolean)) {
            const o = JSON.parse(line);
            if (o.type === "user" && typeof o.message?.content === "string") prompts.push(o.message.content);
          }
        }
      }
    };
    walk(out);
    const theirs = new Set(strings(bank));
    const own = new Set(strings(BANK).filter((s) => longer(s) && !s.includes("{")));
    expect(prompts.filter((p) => theirs.has(p)).length).toBeGreaterThan(50);
    expect(prompts.filter((p) => own.has(p))).toEqual([]);
  });
});

describe("data/circularity.json", () => {
  const recorded = readCircularity();

  test("was computed from today's generator, classifiers, metrics, calibration and phrase bank (else: npm run circularity)", () => {
    expect(recorded.digest).toBe(circularityDigest());
  });

  test("holds every figure the registry compares, and its verdicts follow from its own estimates", () => {
    expect(recorded.figures.map((f) => f.id).sort()).toEqual(COMPARISONS.filter((c) => !("reference" in c)).map((c) => c.id).sort());
    for (const f of recorded.figures) {
      expect(f.input, f.id).toBe(differ(f.fleets.calibrated, f.fleets.null));
      expect(f.words, f.id).toBe(differ(f.fleets.calibrated, f.fleets.paraphrased));
    }
  });
});

describe("two estimates differ", () => {
  test("when their intervals are disjoint; without intervals, when more than a quarter apart", () => {
    expect(differ({value: 0.3, low: 0.25, high: 0.35}, {value: 0.2, low: 0.15, high: 0.24})).toBe(true);
    expect(differ({value: 0.3, low: 0.25, high: 0.35}, {value: 0.2, low: 0.15, high: 0.25})).toBe(false);
    expect(differ({value: 2, low: null, high: null}, {value: 1.6, low: null, high: null})).toBe(false);
    expect(differ({value: 2, low: null, high: null}, {value: 1.4, low: null, high: null})).toBe(true);
    expect(differ(null, {value: 1, low: null, high: null})).toBe(null);
  });
});
