// What the pipeline recovers from the calibrated, null and paraphrased fleets, as
// `npm run circularity` recorded it (data/circularity.json; the test keeps it current).
import {readFileSync} from "node:fs";
import {CIRCULARITY_FILE} from "../../loaders/calibrate/circularity.ts";

process.stdout.write(readFileSync(CIRCULARITY_FILE, "utf8"));
