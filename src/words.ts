/*
 * Words every layer prints the same way: a count with its noun, and a value repeated back to
 * the user who gave it. A leaf: it imports nothing.
 */

/** `1 run`, `2 runs`, `0 runs`: the count and its noun, in the number the count asks for. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** How much of a value a message repeats. */
const QUOTED_LIMIT = 80;

/**
 * A value as a message repeats it: in double quotes, on one line (quotes, line breaks and tabs
 * escaped as JSON writes them), cut short with `…` past `limit` characters.
 */
export function quoted(value: string, limit = QUOTED_LIMIT): string {
  const shown = value.length > limit ? `${value.slice(0, limit - 1)}…` : value;
  return JSON.stringify(shown);
}
