// Every published figure beside ours (loaders/findings.ts): our value in the figure's unit,
// the cell it is read from and the query that reads it, for the finding pages and the home
// page alike, so that the two can never disagree.
import {connect} from "../../loaders/site/aggregate.ts";
import {builtTables} from "../../loaders/site/built.ts";
import {compareAll} from "../../loaders/site/compare.ts";

const {dir, origin} = builtTables();
const db = await connect(dir, origin.minUsers);
process.stdout.write(JSON.stringify(await compareAll(db)));
db.closeSync();
