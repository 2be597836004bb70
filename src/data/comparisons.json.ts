// Every published figure beside ours (loaders/findings.ts): our value in the figure's unit,
// the cell it is read from and the query that reads it, for the finding pages and the home
// page alike, so that the two can never disagree. Each says what agreement means on this
// data (`basis`): on the embedded default, a figure the generator was given agrees by
// construction (`calibrated`); on other generated data it may (`synthetic`); on real logs
// the comparison is a measurement (`measured`).
import {givenFigures} from "../../loaders/calibrate/given.ts";
import {readCalibration} from "../../loaders/generate/calibration.ts";
import {connect} from "../../loaders/site/aggregate.ts";
import {builtTables} from "../../loaders/site/built.ts";
import {compareAll} from "../../loaders/site/compare.ts";

const {dir, origin} = builtTables();
const db = await connect(dir, origin.minUsers);
const [{synthetic}] = (await db.runAndReadAll("select coalesce(bool_or(synthetic), false) as synthetic from sessions")).getRowObjectsJS();
const given = origin.kind === "default" ? givenFigures(readCalibration()) : new Set<string>();
const basis = (id: string) => (given.has(id) ? "calibrated" : synthetic ? "synthetic" : "measured");
process.stdout.write(JSON.stringify((await compareAll(db)).map((c) => ({...c, basis: c.reference ? null : basis(c.id)}))));
db.closeSync();
