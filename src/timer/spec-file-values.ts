import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { csvCell } from './input-values.js';
import { nearest } from './nearest.js';
import type { InputProblem } from './problems.js';

/** One key's value as an input string, and the file line of each of its lines. */
export interface EntryValue {
  text: string;
  line: number;
  lines: number[];
  /** Set when the value was written in `defaults:`, not in the entry itself. */
  fromDefaults?: boolean;
}

/** Where a mapping sits, for its problems. */
export interface MappingPlace {
  /** How a key on a line is named in problems: `timer "ci/logs" (line 12), interval`. */
  nameOf: (key: string, line: number) => string;
  lineOf: (node: Node | null | undefined) => number | undefined;
  file: string;
  /** The keys it may hold, and the keys "did you mean" may suggest besides them. */
  keys: readonly string[];
  suggestions?: readonly string[];
}

/** A mapping's keys as input strings; unknown keys and unusable values become problems. */
export function mappingValues(
  node: YAMLMap,
  place: MappingPlace,
  problems: InputProblem[],
): Map<string, EntryValue> {
  const { lineOf, file, keys } = place;
  const values = new Map<string, EntryValue>();
  for (const pair of node.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const line = lineOf(pair.key as Node) ?? 1;
    const problem = (message: string, at = line) =>
      problems.push({ input: place.nameOf(key, line), message, file, line: at });
    if (!keys.includes(key)) {
      problem(unknownKeyMessage(key, [...keys, ...(place.suggestions ?? [])]));
      continue;
    }
    const value = pair.value as Node | null;
    if (isSeq(value)) {
      const items = value.items.map((item) => ({
        text: listItemText(key, item as Node),
        line: lineOf(item as Node) ?? line,
      }));
      const bad = items.find((item) => item.text === undefined);
      if (bad) {
        problem(
          'list entries must be text (or, for items, {source, destination, recursive})',
          bad.line,
        );
        continue;
      }
      values.set(key, {
        text: items.map((item) => item.text).join('\n'),
        line,
        lines: items.map((item) => item.line),
      });
    } else if (isScalar(value) || value === null) {
      const text = value === null || value.value === null ? '' : String(value.value);
      const first = lineOf(value) ?? line;
      // A block scalar (`items: |`) starts on the line after its key.
      const start = text.includes('\n') && first === line ? line + 1 : first;
      values.set(key, { text, line, lines: text.split('\n').map((_, i) => start + i) });
    } else if (isMap(value) && key === 'flow-input') {
      // A flow's input written as YAML in the file itself: read back as the JSON it stands for.
      values.set(key, { text: JSON.stringify(value.toJSON()), line, lines: [line] });
    } else {
      problem('must be a value or a list');
    }
  }
  return values;
}

/** `is not a timer input; did you mean destination-endpoint?` when one is close. */
export function unknownKeyMessage(
  key: string,
  candidates: readonly string[],
  what = 'a timer input',
) {
  const meant = nearest(key, candidates);
  return `is not ${what}${meant ? `; did you mean ${meant}?` : ''}`;
}

/** A list entry as one line of input; items may also be `{source, destination, recursive}`. */
function listItemText(key: string, node: Node): string | undefined {
  if (isScalar(node)) return String(node.value ?? '');
  if (key !== 'items' || !isMap(node)) return undefined;
  const item = node.toJSON() as Record<string, unknown>;
  const cells = [item.source, item.destination, item.recursive].filter(
    (cell) => cell !== undefined,
  );
  return cells.map((cell) => csvCell(String(cell))).join(', ');
}
