// The part of Observable Inputs the components use (the package ships no types).
declare module "@observablehq/inputs" {
  export function radio<T>(values: T[], options?: {label?: string; value?: T; format?: (value: T) => string}): HTMLElement;
}
