import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f2-auto-approve");
