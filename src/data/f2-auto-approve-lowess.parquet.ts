import {writeSmoothed} from "../../loaders/site/smooth.ts";

await writeSmoothed("f2-auto-approve-sessions", {cells: ["sessions", "agent"]});
