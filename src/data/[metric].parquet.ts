// A finding's aggregate: its metric's SQL (loaders/metrics/<metric>.sql) over the
// canonical tables the build resolved, as Parquet. (The smoothed curves of F2 and F3 have
// loaders of their own, which Framework prefers to this one.)
import {parseArgs} from "node:util";
import {writeAggregate} from "../../loaders/site/aggregate.ts";

const {values} = parseArgs({options: {metric: {type: "string"}}});
await writeAggregate(values.metric!);
