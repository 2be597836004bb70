import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f7-risk-autonomy");
