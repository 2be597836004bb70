// The site: what differs from Framework's defaults. No page may ask another host for
// anything (STACK.md): no web fonts, no telemetry, every library from node_modules.
export default {
  title: "Agent autonomy in practice",
  root: "src",
  // Tests build into a folder of their own.
  output: process.env.AUTONOMY_OUTPUT ?? "dist",
  style: "style.css",
  globalStylesheets: [],
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml"><meta name="color-scheme" content="light dark">',
  pages: [
    {name: "Turn duration (F1)", path: "/f1-turn-duration"},
    {name: "The default data", path: "/fleet"}
  ],
  footer: "An open, reproducible report. Code and method: see the repository's README.",
  search: false,
  toc: true
};
