// Every published figure beside ours (loaders/findings.ts): our value in the figure's unit,
// the cell it is read from and the query that reads it, for the finding pages and the home
// page alike, so that the two can never disagree. Each says what agreement means on this
// data (`basis`): on the embedded default, a figure that follows whatever the generator is
// given is an `input` (data/circularity.json, docs/circularity.md), and one it was given
// otherwise agrees by construction (`calibrated`); on other generated data it may
// (`synthetic`); on real logs the comparison is a measurement (`measured`). Where ours has
// no value, `missing` says why.
import {readCircularity} from "../../loaders/calibrate/circularity.ts";
import {givenFigures} from "../../loaders/calibrate/given.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {builtTables} from "../../loaders/site/built.ts";
import {compareAll} from "../../loaders/site/compare.ts";

const {dir, origin} = builtTables();
const db = await connect(dir, origin.minUsers);
const [{synthetic}] = (await db.runAndReadAll("select coalesce(bool_or(synthetic), false) as synthetic from sessions")).getRowObjectsJS();
const isDefault = origin.kind === "default";
const given = isDefault ? givenFigures(readCalibration()) : new Set<string>();
const circular = new Map(isDefault ? readCircularity().figures.map((f) => [f.id, f]) : []);
const basis = (id: string) => (circular.get(id)?.input ? "input" : given.has(id) ? "calibrated" : synthetic ? "synthetic" : "measured");
const all = await compareAll(db);
// Why a figure has no value of ours: the threshold hid its cell, or the logs hold none, or
// its cell holds nothing that records what the figure measures (Claude Code's telemetry
// logs no permission mode, for one). Cells the threshold hid are read again with no
// threshold to tell these apart; only which of them it is is kept.
const valued = (c: {ours: {value: number | null} | null}) => c.ours !== null && c.ours.value !== null;
const atOne = new Map<string, (typeof all)[number]>();
if (origin.minUsers > 1 && all.some((c) => !c.reference && !c.ours)) {
  await db.run("set variable min_users = 1");
  for (const c of await compareAll(db)) atOne.set(c.id, c);
}
const missing = (c: (typeof all)[number]) => {
  const seen = c.ours ? c : atOne.get(c.id);
  const reason = !seen?.ours ? "absent" : !valued(seen) ? "unrecorded" : "threshold";
  return {reason, minUsers: origin.minUsers};
};
process.stdout.write(
  JSON.stringify(
    all.map((c) => {
      const f = circular.get(c.id);
      return {
        ...c,
        basis: c.reference ? null : basis(c.id),
        missing: c.reference || valued(c) ? null : missing(c),
        circular: f ? {null: f.fleets.null, paraphrased: f.fleets.paraphrased, input: f.input, words: f.words} : null
      };
    })
  )
);
db.closeSync();
