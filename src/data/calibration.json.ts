// The calibration report for the data the site is built from: each target of
// data/calibration.json beside what ingest + SQL recovers, with its interval, and the
// assumptions that are ours. Aggregates only; an estimate drawn from fewer users than
// the site publishes is left out.
import {calibrationReport} from "../../loaders/calibrate/report.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {builtTables} from "../../loaders/site/built.ts";

const {dir, origin} = builtTables();
const cal = readCalibration();
const report = await calibrationReport(dir, cal);
const shown = (rows: typeof report.targets) => rows.map((r) => (r.users >= origin.minUsers ? r : {...r, value: null, lo: null, hi: null, ok: null, verdict: null, withheld: true}));
const listed = (all: object) => Object.entries(all).map(([name, a]) => ({name, why: (a as {why?: string}).why ?? "", aims_at: (a as {aims_at?: string[]}).aims_at ?? []}));
process.stdout.write(
  JSON.stringify(
    {
      ...report,
      targets: shown(report.targets),
      reported: shown(report.reported),
      api: {...report.api, targets: shown(report.api.targets), reported: shown(report.api.reported), about: cal.api.about, assumptions: listed(cal.api.assumptions)},
      minUsers: origin.minUsers,
      assumptions: listed(cal.assumptions)
    },
    null,
    2
  )
);
