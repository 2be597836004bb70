// npm run circularity: generates the calibrated, null and paraphrased fleets at the
// calibration's `circularity` size, reads each through the whole pipeline, and writes what
// each recovers (data/circularity.json, which the pages read and a test keeps current).
import {writeFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {CIRCULARITY_FILE, measureCircularity} from "../loaders/calibrate/circularity.ts";

const HELP = `npm run circularity

Generates three fleets of the calibration's "circularity" size (data/calibration.json):
calibrated, null (uniform mixes where the study's were given) and paraphrased (the texts
the classifiers read written blind to them); ingests each, compares each with the study
on the findings registry's cells, and writes data/circularity.json. docs/circularity.md
says what the figures mean. Takes a few minutes.

  -h, --help   this text`;

const {values} = parseArgs({options: {help: {type: "boolean", short: "h"}}});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const started = Date.now();
const result = await measureCircularity(({variant, step}) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${variant}: ${step}\n`));
writeFileSync(CIRCULARITY_FILE, JSON.stringify(result, null, 1) + "\n");
const count = (key: "input" | "words") => result.figures.filter((f) => f[key]).length;
console.error(`${result.figures.length} figures: ${count("input")} follow the generator's input, ${count("words")} change with its words → ${CIRCULARITY_FILE} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
