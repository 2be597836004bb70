// The study's published figures, each with its source and provenance: one file
// (data/published.json) that every page and the calibration report read.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {ROOT} from "../../loaders/paths.ts";

process.stdout.write(readFileSync(join(ROOT, "data", "published.json"), "utf8"));
