// F1 for a site built from one person's logs: each of their turns, at when it began and
// how long it worked (loaders/site/aggregate.ts); no rows for anyone else's site.
import {writeOnePersonsPoints} from "../../loaders/site/aggregate.ts";

await writeOnePersonsPoints("f1-turn-duration-turns", ["model", "sessions", "agent"]);
