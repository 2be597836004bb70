// Arquero for the page: its package entry imports node:fs (the `browser` field is not
// applied to node_modules imports here), so the page takes the browser build
// (docs/offline-build.md, "Arquero").
// @ts-expect-error: the UMD build has no types of its own; they are the package's.
import * as umd from "arquero/dist/arquero.js";
import type * as Arquero from "arquero";

export const aq: typeof Arquero = (umd as {default?: typeof Arquero}).default ?? (umd as typeof Arquero);

