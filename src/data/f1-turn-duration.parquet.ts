import {writeAggregate} from "../../loaders/site/aggregate.ts";

await writeAggregate("f1-turn-duration");
