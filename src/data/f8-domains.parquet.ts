import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f8-domains");
