// The parts of vega-statistics the loaders use (the package ships no types).
declare module "vega-statistics" {
  export function regressionLoess<T>(data: T[], x: (d: T) => number, y: (d: T) => number, bandwidth: number): [number, number][];
  export function randomLCG(seed: number): () => number;
}
