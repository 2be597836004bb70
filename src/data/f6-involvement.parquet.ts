import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f6-involvement");
