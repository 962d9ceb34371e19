import type { FieldChange } from '../timer/compare.js';
import { deepEqual } from '../timer/compare.js';

/*
 * How a flow input differs: each leaf by its JSON path, and a value written in one line so that
 * different values never look the same.
 */

/** A flow input's leaf that differs, by its JSON path; undefined: not there. */
export interface PathChange {
  path: string;
  live?: unknown;
  desired?: unknown;
}

/** A change of a JSON object (flow-input), shown by path. */
export function isObjectChange(change: FieldChange): boolean {
  return isPlainObject(change.live) || isPlainObject(change.desired);
}

/**
 * A flow input's differences leaf by leaf: `$.files[2]`, `$.source.path`, `$["a key"]`. An
 * object or list on one side only is walked too, so a new input lists each of its values.
 */
export function pathChanges(live: unknown, desired: unknown, path = '$'): PathChange[] {
  if (deepEqual(live, desired)) return [];
  const shape = sharedShape(live, desired);
  if (!shape) {
    return [
      {
        path,
        ...(live === undefined ? {} : { live }),
        ...(desired === undefined ? {} : { desired }),
      },
    ];
  }
  const keys =
    shape === 'list'
      ? Array.from({ length: Math.max(length(live), length(desired)) }, (_, i) => i)
      : [...new Set([...Object.keys(live ?? {}), ...Object.keys(desired ?? {})])];
  // `{}` against nothing has no leaf to name: it is the value itself.
  if (keys.length === 0) return [leaf(path, live, desired)];
  return keys.flatMap((key) =>
    pathChanges(child(live, key), child(desired, key), `${path}${step(key)}`),
  );
}

function leaf(path: string, live: unknown, desired: unknown): PathChange {
  return {
    path,
    ...(live === undefined ? {} : { live }),
    ...(desired === undefined ? {} : { desired }),
  };
}

type Shape = 'list' | 'object';

/** Walked into when both sides are lists (or both objects), either side possibly missing. */
function sharedShape(live: unknown, desired: unknown): Shape | undefined {
  const a = shapeOf(live);
  const b = shapeOf(desired);
  if (a === 'leaf' || b === 'leaf') return undefined;
  if (a === 'none') return b === 'none' ? undefined : b;
  return b === 'none' || b === a ? a : undefined;
}

function shapeOf(value: unknown): Shape | 'none' | 'leaf' {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return 'list';
  return isPlainObject(value) ? 'object' : 'leaf';
}

const length = (value: unknown) => (Array.isArray(value) ? value.length : 0);

function child(value: unknown, key: string | number): unknown {
  if (value === undefined || value === null) return undefined;
  return (value as Record<string | number, unknown>)[key];
}

function step(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A JSON value in one line: a string as it is, unless it could be read as something else
 * (`"1"`, `"true"`, `""`, padded) — then quoted, so different values never look the same.
 */
export function showJson(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value !== 'string') return JSON.stringify(value);
  return isPlainText(value) ? value : JSON.stringify(value);
}

function isPlainText(text: string): boolean {
  if (text === '' || text.trim() !== text || /[\r\n]/.test(text)) return false;
  if (/^[[{]/.test(text) || text === '(none)') return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
