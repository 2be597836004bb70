// A count as the site writes it ("12,345"). One formatter, made once: a chart's tips format
// every point when it is drawn, and toLocaleString builds a new formatter on every call.
export const count: (n: number) => string = new Intl.NumberFormat("en-US").format;
