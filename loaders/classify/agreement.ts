// How far the classifiers agree with labels given blind, on real text: the labelled set of
// data/labels/ (its sources and licences in data/labels/SOURCES.md). Two labellers each
// read only the labelling guide (docs/labelling.md) and the texts, never the rules, and
// labelled every item apart from each other. An item is scored where they agree (the
// consensus); where they do not, it is left out and counted, and their own agreement
// (Cohen's κ) is the ceiling a classifier can be expected to reach.
//
// The set is split by a hash of each item's id: the development half is what the rules may
// be tuned on; the held-out half is read only by the test that guards the figures
// (test/classify/agreement.test.ts), so that tuning cannot fit it.
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../paths.ts";
import {DOMAINS} from "./domain.ts";
import {AGENT_REASONS, HUMAN_REASONS} from "./stop-reason.ts";
import type {AgentStopInput, Classifiers, HumanStopInput} from "./types.ts";

export const LABELS_DIR = join(ROOT, "data", "labels");

export type Item = {id: string; kind: string; how?: string; text: string; context: string};

type Task = {
  /** What the classifier is asked (docs/labelling.md). */
  question: string;
  classifier: keyof Classifiers;
  labels: readonly string[];
  label(cls: Classifiers, item: Item): string;
};

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Each kind of item, the classifier that labels it, and how it is called: as the ingest calls it. */
export const TASKS: Record<string, Task> = {
  human_after_stop: {
    question: "why the person stopped the agent",
    classifier: "humanStopReason",
    labels: Object.keys(HUMAN_REASONS),
    label: (cls, item) => cls.humanStopReason({how: item.how as HumanStopInput["how"], said: item.text})
  },
  agent_question: {
    question: "why the agent stopped to ask",
    classifier: "agentStopReason",
    labels: Object.keys(AGENT_REASONS),
    label: (cls, item) => cls.agentStopReason({how: item.how as AgentStopInput["how"], text: item.text})
  },
  closing_message: {
    question: "whether the agent's last message asks the person something",
    classifier: "asksQuestion",
    labels: ["yes", "no"],
    label: (cls, item) => yesNo(cls.asksQuestion(item.text))
  },
  followup_prompt: {
    question: "whether a prompt corrects or redirects the agent",
    classifier: "corrective",
    labels: ["yes", "no"],
    label: (cls, item) => yesNo(cls.corrective(item.text))
  },
  task_prompt: {
    question: "the domain of a session's task",
    classifier: "toolCall",
    labels: Object.keys(DOMAINS),
    // A call of Claude Code's own tools takes its domain from the turn's prompt.
    label: (cls, item) => cls.toolCall({tool: "Read", input: {}, prompt: item.text, level: null, inSubagent: false, position: 0}).domain
  }
};

export type Split = "development" | "held-out";

/** The figures `npm run agreement` records: each half, and all items. */
export const SPLITS = ["development", "held-out", "all"] as const;

/** The half an item belongs to, fixed by its id. */
export function splitOf(id: string): Split {
  return createHash("sha256").update(id).digest()[0] % 2 === 0 ? "development" : "held-out";
}

export type LabelledSet = {items: Item[]; labellers: Map<string, string>[]};

const jsonl = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

export function readLabelledSet(dir = LABELS_DIR): LabelledSet {
  const items = jsonl(join(dir, "items.jsonl")) as Item[];
  const labellers = ["labels-a.jsonl", "labels-b.jsonl"].map((f) => new Map((jsonl(join(dir, f)) as {id: string; label: string}[]).map((l) => [l.id, l.label])));
  for (const [i, l] of labellers.entries()) {
    const missing = items.filter((it) => !l.has(it.id)).length;
    if (missing) throw new Error(`labeller ${"ab"[i]} has no label for ${missing} items`);
  }
  return {items, labellers};
}

/** Cohen's κ of two labelings of the same items: agreement beyond what their marginals give by chance. */
export function kappa(pairs: readonly [string, string][]): number | null {
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const count = (side: 0 | 1) => pairs.reduce((m, p) => m.set(p[side], (m.get(p[side]) ?? 0) + 1), new Map<string, number>());
  const [ma, mb] = [count(0), count(1)];
  const chance = [...ma].reduce((s, [label, k]) => s + (k / n) * ((mb.get(label) ?? 0) / n), 0);
  return chance === 1 ? (observed === 1 ? 1 : 0) : (observed - chance) / (1 - chance);
}

export type ClassScore = {label: string; support: number; predicted: number; precision: number | null; recall: number | null};

export type Agreement = {
  kind: string;
  question: string;
  classifier: string;
  split: Split | "all";
  /** Items of the kind in the split. */
  items: number;
  /** Items scored: those on which the two labellers agree. */
  scored: number;
  /** The labellers' own κ over all items of the kind in the split. */
  labellersKappa: number | null;
  accuracy: number | null;
  kappa: number | null;
  classes: ClassScore[];
};

/** Every classifier on every split of SPLITS: what `npm run agreement` records. */
export function measureAll(cls: Classifiers, set: LabelledSet): Agreement[] {
  return SPLITS.flatMap((split) => measure(cls, set, split));
}

/** Each recorded held-out κ that `now` falls below (or no longer measures), in words: none is the guard passing. */
export function worseHeldOut(recorded: Agreement[], now: Agreement[]): string[] {
  return recorded
    .filter((r) => r.split === "held-out" && r.kappa !== null)
    .flatMap((r) => {
      const kappa = now.find((f) => f.split === "held-out" && f.kind === r.kind)?.kappa ?? -Infinity;
      return kappa < r.kappa! ? [`${r.classifier} (${r.kind}): held-out κ ${r.kappa!.toFixed(3)} → ${Number.isFinite(kappa) ? kappa.toFixed(3) : "none"}`] : [];
    });
}

/** Each classifier against the labellers' consensus, on one split or on all items. */
export function measure(cls: Classifiers, set: LabelledSet, split: Split | "all"): Agreement[] {
  const [a, b] = set.labellers;
  return Object.entries(TASKS).map(([kind, task]) => {
    const items = set.items.filter((it) => it.kind === kind && (split === "all" || splitOf(it.id) === split));
    const agreed = items.filter((it) => a.get(it.id) === b.get(it.id));
    const pairs = agreed.map((it) => [a.get(it.id)!, task.label(cls, it)] as [string, string]);
    const classes = task.labels.map((label) => {
      const support = pairs.filter(([gold]) => gold === label).length;
      const predicted = pairs.filter(([, got]) => got === label).length;
      const hits = pairs.filter(([gold, got]) => gold === label && got === label).length;
      return {label, support, predicted, precision: predicted ? hits / predicted : null, recall: support ? hits / support : null};
    });
    return {
      kind,
      question: task.question,
      classifier: task.classifier,
      split,
      items: items.length,
      scored: agreed.length,
      labellersKappa: kappa(items.map((it) => [a.get(it.id)!, b.get(it.id)!])),
      accuracy: pairs.length ? pairs.filter(([gold, got]) => gold === got).length / pairs.length : null,
      kappa: kappa(pairs),
      classes: classes.filter((c) => c.support || c.predicted)
    };
  });
}
