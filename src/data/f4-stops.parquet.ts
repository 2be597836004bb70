import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f4-stops");
