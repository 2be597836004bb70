import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f5-reasons");
