// Marks that a page's queries have answered and its charts are drawn: browser tests and
// benchmarks wait on `data-rendered`, which counts every redraw, and read the moment of
// the last one from `data-rendered-at` (performance.now()).
let renders = 0;

export function rendered(...charts: unknown[]): number {
  document.documentElement.dataset.renderedAt = String(performance.now());
  document.documentElement.dataset.rendered = String(++renders);
  return charts.length;
}
