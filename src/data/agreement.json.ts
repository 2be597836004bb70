// How far the classifiers agree with blind labels on real text, as `npm run agreement`
// recorded it (data/labels/agreement.json; the test keeps the record current).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {LABELS_DIR} from "../../loaders/classify/agreement.ts";

process.stdout.write(readFileSync(join(LABELS_DIR, "agreement.json"), "utf8"));
