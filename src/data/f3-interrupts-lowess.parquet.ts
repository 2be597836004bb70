import {writeSmoothed} from "../../loaders/site/smooth.ts";

await writeSmoothed("f3-interrupts-turns", {cells: ["sessions", "agent"]});
