// What the classifiers share: bounded views of a text, the words of a tool's name, and
// caches. Classifiers run on every turn and tool call of corpora of gigabytes, so no rule
// reads more than a fixed number of characters, and what depends only on a tool's name or
// on a turn's prompt is computed once, not once per call.

/** The first `n` characters: a prompt's ask comes first. */
export function head(text: string, n: number): string {
  return text.length > n ? text.slice(0, n) : text;
}

/** The last `n` characters: an agent's message stops at its end. */
export function tail(text: string, n: number): string {
  return text.length > n ? text.slice(-n) : text;
}

// A fenced block runs to its closing fence, or to the end of the text when it has none.
const FENCED = /(```|~~~)[\s\S]*?(?:\1|$)/g;
const INLINE = /`[^`\n]*`/g;

/** The text with fenced code blocks removed and inline code replaced by the word `code`. */
export function withoutCode(text: string): string {
  return text.replace(FENCED, "\n").replace(INLINE, "code");
}

/**
 * The words of a tool's name, lower case: `mcp__stripe__create_refund` → `stripe create
 * refund`, `AskUserQuestion` → `ask user question`, `lookup-order` → `lookup order`.
 */
export const nameWords = cached((tool: string) =>
  head(tool, 200)
    .replace(/^mcp__/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .toLowerCase()
);

/** The first of `keys` that holds a string in a tool's input. */
export function stringField(input: unknown, ...keys: string[]): string | undefined {
  if (input === null || typeof input !== "object") return undefined;
  for (const k of keys) {
    const v = (input as Record<string, unknown>)[k];
    if (typeof v === "string") return v;
  }
  return undefined;
}

/** The first label whose pattern the text matches. */
export function firstMatch<T>(rules: readonly (readonly [T, RegExp])[], text: string): T | undefined {
  for (const [label, re] of rules) if (re.test(text)) return label;
  return undefined;
}

/**
 * `fn` with its results kept by key. For functions of a tool's name: a corpus holds a few
 * hundred names and millions of calls. The cache is emptied when it grows past `max`.
 */
export function cached<T>(fn: (key: string) => T, max = 10_000): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      if (memo.size >= max) memo.clear();
      value = fn(key);
      memo.set(key, value);
    }
    return value as T;
  };
}

/**
 * `fn` with its last result kept. For functions of a turn's prompt: the calls of one turn
 * come one after another with the same prompt.
 */
export function lastOnly<T>(fn: (key: string) => T): (key: string) => T {
  let last: string | undefined;
  let value: T;
  return (key) => {
    if (key !== last) {
      value = fn(key);
      last = key;
    }
    return value;
  };
}
