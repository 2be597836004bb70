// npm run agreement: measures the classifiers against the blind labels of data/labels/ and
// writes the figures (data/labels/agreement.json, which the methodology page shows and the
// test guards) and their tables (data/labels/AGREEMENT.md). It refuses to record a
// held-out agreement worse than the one recorded, unless told --accept-worse.
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {LABELS_DIR, measureAll, readLabelledSet, worseHeldOut, type Agreement} from "../loaders/classify/agreement.ts";
import {defaultClassifiers} from "../loaders/classify/index.ts";

const HELP = `npm run agreement [-- --accept-worse]

Measures each classifier against the labels two labellers gave blind (data/labels/),
on the development half, the held-out half and all items, and writes
data/labels/agreement.json and data/labels/AGREEMENT.md.

  --accept-worse   record a held-out agreement below the recorded one
  -h, --help       this text`;

const {values} = parseArgs({options: {"accept-worse": {type: "boolean"}, help: {type: "boolean", short: "h"}}});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const JSON_FILE = join(LABELS_DIR, "agreement.json");
const set = readLabelledSet();
const figures = measureAll(defaultClassifiers, set);

if (existsSync(JSON_FILE) && !values["accept-worse"]) {
  const worse = worseHeldOut(JSON.parse(readFileSync(JSON_FILE, "utf8")) as Agreement[], figures);
  if (worse.length) {
    console.error(`held-out agreement got worse:\n  ${worse.join("\n  ")}\nnothing written (--accept-worse records it anyway)`);
    process.exit(1);
  }
}

const fixed = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const of = (split: string, kind: string) => figures.find((f) => f.split === split && f.kind === kind)!;
const all = figures.filter((f) => f.split === "all");
const md = [
  "# How far the classifiers agree with blind labels",
  "",
  "Written by `npm run agreement` (scripts/agreement.ts, loaders/classify/agreement.ts); do not edit.",
  "",
  `${set.items.length} items of real text from public Claude Code transcripts (SOURCES.md), each labelled by two`,
  "labellers: two separate sessions of a language model, each of which read only the labelling guide",
  "(docs/labelling.md) and the texts, never the rules, and not the other's labels. A classifier is scored on the",
  "items both gave the same label; their own Cohen's κ is the ceiling to expect. The held-out half (by a hash",
  "of each id) is never used to tune the rules.",
  "",
  "| classifier | what it says | scored / items | labellers' κ | κ, held-out | κ, all | accuracy, all |",
  "|---|---|---|---|---|---|---|",
  ...all.map((f) => `| \`${f.classifier}\` | ${f.question} | ${f.scored} / ${f.items} | ${fixed(f.labellersKappa)} | ${fixed(of("held-out", f.kind).kappa)} | ${fixed(f.kappa)} | ${fixed(f.accuracy)} |`),
  "",
  ...all.flatMap((f) => [
    `## \`${f.classifier}\`: ${f.question} (all items)`,
    "",
    "| label | labelled | said | precision | recall |",
    "|---|---|---|---|---|",
    ...f.classes.map((c) => `| ${c.label} | ${c.support} | ${c.predicted} | ${fixed(c.precision)} | ${fixed(c.recall)} |`),
    ""
  ])
].join("\n");

writeFileSync(JSON_FILE, JSON.stringify(figures, null, 1) + "\n");
writeFileSync(join(LABELS_DIR, "AGREEMENT.md"), md);
console.log(all.map((f) => `${f.classifier.padEnd(16)} ${f.kind.padEnd(17)} κ ${fixed(f.kappa)} (held-out ${fixed(of("held-out", f.kind).kappa)}, labellers ${fixed(f.labellersKappa)})`).join("\n"));
