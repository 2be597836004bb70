import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f9-overhang");
