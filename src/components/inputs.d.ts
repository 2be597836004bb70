// The part of Observable Inputs the components use (the package ships no types).
declare module "@observablehq/inputs" {
  type Options<T> = {label?: string; value?: T; format?: (value: T) => string};
  export function radio<T>(values: T[], options?: Options<T>): HTMLElement;
  export function select<T>(values: T[], options?: Options<T>): HTMLElement;
  export function table<T>(rows: T[], options?: Record<string, unknown>): HTMLElement;
}
