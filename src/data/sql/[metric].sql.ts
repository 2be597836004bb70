// The text of a metric's SQL, as the loader runs it, for the page to show.
import {parseArgs} from "node:util";
import {metricSql} from "../../../loaders/metrics/sql.ts";

const {values} = parseArgs({options: {metric: {type: "string"}}});
process.stdout.write(metricSql(values.metric!));
