import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f3-interrupts");
