// F3 for a site built from one person's logs: each of their turns, as a point of its
// session (loaders/site/aggregate.ts); no rows for anyone else's site.
import {writeOnePersonsPoints} from "../../loaders/site/aggregate.ts";

await writeOnePersonsPoints("f3-interrupts-turns", ["sessions", "agent"]);
