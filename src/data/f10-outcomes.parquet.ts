import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f10-outcomes");
