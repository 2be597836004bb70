#!/usr/bin/env node
// The installed command: the library is TypeScript, run through tsx so that a clone
// needs no compile step.
import {register} from "tsx/esm/api";

register();
const {main} = await import("../loaders/cli.ts");
process.exitCode = await main(process.argv.slice(2));
