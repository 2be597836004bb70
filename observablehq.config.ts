// The site: what differs from Framework's defaults. No page may ask another host for
// anything (docs/offline-build.md): no web fonts, no telemetry, every library from
// node_modules.
export default {
  title: "Agent autonomy in practice",
  root: "src",
  // TypeScript data loaders in one process, where `tsx` starts a second for each: 0.14 s less per loader.
  interpreters: {".ts": ["node", "--import", "tsx"]},
  // Tests build into a folder of their own.
  output: process.env.AUTONOMY_OUTPUT ?? "dist",
  style: "style.css",
  globalStylesheets: [],
  head: '<link rel="icon" href="favicon.svg" type="image/svg+xml"><meta name="color-scheme" content="light dark">',
  pages: [
    {
      name: "Findings",
      open: true,
      pages: [
        {name: "F1 Turn duration", path: "/f1-turn-duration"},
        {name: "F2 Auto-approve", path: "/f2-auto-approve"},
        {name: "F3 Interrupts", path: "/f3-interrupts"},
        {name: "F4 Who stops the work", path: "/f4-stops"},
        {name: "F5 Why work stops", path: "/f5-reasons"},
        {name: "F6 Human involvement", path: "/f6-involvement"},
        {name: "F7 Risk and autonomy", path: "/f7-risk-autonomy"},
        {name: "F8 Domains", path: "/f8-domains"},
        {name: "F9 Deployment overhang", path: "/f9-overhang"},
        {name: "F10 Outcomes", path: "/f10-outcomes"}
      ]
    },
    {name: "Methodology", path: "/methodology"},
    {name: "The data", path: "/data-tables"},
    {name: "The default data", path: "/fleet"},
    {name: "Run it on your logs", path: "/your-logs"}
  ],
  footer: "An open, reproducible report. Code and method: see the repository's README.",
  search: false,
  toc: true
};
