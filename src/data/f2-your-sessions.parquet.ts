// F2 for a site built from one person's logs: each of their sessions with a known level,
// as a point (loaders/site/aggregate.ts); no rows for anyone else's site.
import {writeOnePersonsPoints} from "../../loaders/site/aggregate.ts";

await writeOnePersonsPoints("f2-auto-approve-sessions", ["sessions", "agent"]);
