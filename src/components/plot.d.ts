// The types of ./plot.js, which scripts/plot.ts writes: Plot's own.
export * from "@observablehq/plot";
