import { diffArrays } from 'diff/lib/diff/array.js';
import type { FieldChange } from '../timer/compare.js';
import { deepEqual } from '../timer/compare.js';

/*
 * A plan's changes as a reviewer reads them: a value as `interval: 1d → 12h`, a list (items,
 * include, run-tags) as the entries removed and added, a flow input by JSON path. The log, the
 * job summary's fenced diff and the `plan` output are all written from the same rows, and cut
 * by whole lines with a count of what was left out — never by cutting a value in the middle.
 */

/** One line of a plan's diff, before it is written for the log or for a Markdown diff. */
export type DiffRow =
  /** A value that changes: `interval: 1d → 12h` (nested: a flow input's JSON path). */
  | { type: 'value'; label: string; live?: string; desired?: string; nested?: boolean }
  /** What follows is about: `items: 1 removed, 1 added (7 → 7)`, `item 5:`. */
  | { type: 'heading'; text: string; nested?: boolean }
  /** A list entry removed or added. */
  | { type: 'entry'; sign: '-' | '+'; text: string };

/** One run of list entries removed and added together, with where it sits in each list. */
export interface ListHunk {
  /** 0-based index of the first entry it removes, in the live list. */
  liveAt: number;
  /** 0-based index of the first entry it adds, in the desired list. */
  desiredAt: number;
  removed: readonly string[];
  added: readonly string[];
}

/** How one list differs: its hunks, and how many entries each side has and loses or gains. */
export interface ListDiff {
  hunks: ListHunk[];
  removed: number;
  added: number;
  liveLength: number;
  desiredLength: number;
}

/** A flow input's leaf that differs, by its JSON path; undefined: not there. */
export interface PathChange {
  path: string;
  live?: unknown;
  desired?: unknown;
}

/** Rows of the log and of the summary's diff per timer, before the rest is left out. */
export const SHOWN_ROWS = 60;
/**
 * Beyond this many entries removed or added, lists are not matched entry by entry (that costs
 * time growing with the product of both): the differing middle is shown as removed, then added.
 */
const MATCHED_EDITS = 1000;

const diffs = new WeakMap<FieldChange, ListDiff>();

/** How a list-valued change differs, entry by entry (computed once per change). */
export function listDiff(change: FieldChange): ListDiff {
  const known = diffs.get(change);
  if (known) return known;
  const diff = diffLists(asList(change.live), asList(change.desired));
  diffs.set(change, diff);
  return diff;
}

export function isListChange(change: FieldChange): boolean {
  return Array.isArray(change.live) || Array.isArray(change.desired);
}

export function isObjectChange(change: FieldChange): boolean {
  return isPlainObject(change.live) || isPlainObject(change.desired);
}

function asList(value: unknown): readonly string[] {
  return Array.isArray(value) ? (value as string[]) : [];
}

/** The common head and tail are set aside, and the middle matched entry by entry (jsdiff). */
function diffLists(live: readonly string[], desired: readonly string[]): ListDiff {
  let head = 0;
  const shorter = Math.min(live.length, desired.length);
  while (head < shorter && live[head] === desired[head]) head += 1;
  let tail = 0;
  while (
    tail < shorter - head &&
    live[live.length - 1 - tail] === desired[desired.length - 1 - tail]
  ) {
    tail += 1;
  }
  const a = live.slice(head, live.length - tail);
  const b = desired.slice(head, desired.length - tail);
  const matched =
    leastEdits(a, b) <= MATCHED_EDITS
      ? diffArrays(a, b, { maxEditLength: MATCHED_EDITS })
      : undefined;
  const parts = matched ?? [
    { value: a, removed: true, added: false, count: a.length },
    { value: b, removed: false, added: true, count: b.length },
  ];
  const hunks: ListHunk[] = [];
  let liveAt = head;
  let desiredAt = head;
  let open: { liveAt: number; desiredAt: number; removed: string[]; added: string[] } | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open);
      open = undefined;
      liveAt += part.value.length;
      desiredAt += part.value.length;
      continue;
    }
    open ??= { liveAt, desiredAt, removed: [], added: [] };
    // concat, not push(...): a part can hold 100,000 items, past what a call's arguments can.
    if (part.removed) {
      open.removed = open.removed.concat(part.value);
      liveAt += part.value.length;
    } else {
      open.added = open.added.concat(part.value);
      desiredAt += part.value.length;
    }
  }
  if (open) hunks.push(open);
  return {
    hunks: hunks.filter((hunk) => hunk.removed.length + hunk.added.length > 0),
    removed: hunks.reduce((sum, hunk) => sum + hunk.removed.length, 0),
    added: hunks.reduce((sum, hunk) => sum + hunk.added.length, 0),
    liveLength: live.length,
    desiredLength: desired.length,
  };
}

/**
 * A floor under the edits between two lists, found in one pass: every entry of one that the
 * other does not hold at all must be removed or added. Past MATCHED_EDITS, matching is skipped
 * at once rather than abandoned after its costliest part.
 */
function leastEdits(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length + b.length;
  const inA = new Set(a);
  const inB = new Set(b);
  return (
    a.reduce((sum, entry) => sum + (inB.has(entry) ? 0 : 1), 0) +
    b.reduce((sum, entry) => sum + (inA.has(entry) ? 0 : 1), 0)
  );
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

/** A change as rows: one value, a list's hunks, or an object's paths. */
export function rowsOf(change: FieldChange, room = Infinity): { rows: DiffRow[]; count: number } {
  const { field } = change;
  if (isListChange(change)) return listRows(field, listDiff(change), room);
  if (isObjectChange(change)) {
    const paths = pathChanges(change.live, change.desired);
    const rows: DiffRow[] = [
      { type: 'heading', text: `${field}:` },
      ...paths.map((path): DiffRow => ({ type: 'value', nested: true, ...pathValue(path) })),
    ];
    return { rows, count: rows.length };
  }
  return {
    rows: [{ type: 'value', label: field, ...shown(change.live, change.desired) }],
    count: 1,
  };
}

function pathValue(path: PathChange): { label: string; live?: string; desired?: string } {
  return {
    label: path.path,
    ...(path.live === undefined ? {} : { live: showJson(path.live) }),
    ...(path.desired === undefined ? {} : { desired: showJson(path.desired) }),
  };
}

function shown(live: unknown, desired: unknown): { live?: string; desired?: string } {
  return {
    ...(live === undefined ? {} : { live: String(live) }),
    ...(desired === undefined ? {} : { desired: String(desired) }),
  };
}

/**
 * A list's rows: a heading with the counts, then each hunk (placed, for items). Only the first
 * `room` rows are made — a list of 100,000 items shows 60 — but all are counted.
 */
function listRows(field: string, diff: ListDiff, room: number): { rows: DiffRow[]; count: number } {
  const counts = [
    ...(diff.removed > 0 ? [`${diff.removed} removed`] : []),
    ...(diff.added > 0 ? [`${diff.added} added`] : []),
  ].join(', ');
  const sizes = diff.liveLength > 0 && diff.desiredLength > 0;
  const rows: DiffRow[] = [
    {
      type: 'heading',
      text: `${field}: ${counts}${sizes ? ` (${diff.liveLength} → ${diff.desiredLength})` : ''}`,
    },
  ];
  // Items are a long ordered list: say where each run of changes sits in it (not needed when
  // the whole list comes or goes).
  const whole = diff.liveLength === 0 || diff.desiredLength === 0;
  const placed = field === 'items' && !whole;
  const count = 1 + (placed ? diff.hunks.length : 0) + diff.removed + diff.added;
  for (const hunk of diff.hunks) {
    if (placed) rows.push({ type: 'heading', nested: true, text: `${place(hunk)}:` });
    for (const [sign, entries] of [
      ['-', hunk.removed],
      ['+', hunk.added],
    ] as const) {
      for (const text of entries) {
        if (rows.length >= room) return { rows, count };
        rows.push({ type: 'entry', sign, text });
      }
    }
    if (rows.length >= room) break;
  }
  return { rows, count };
}

/** `item 5` (the desired list's numbering); for a removal alone, what it follows. */
function place(hunk: ListHunk): string {
  if (hunk.added.length > 0) return `item ${hunk.desiredAt + 1}`;
  return hunk.desiredAt === 0 ? 'at the start' : `after item ${hunk.desiredAt}`;
}

/** Every change's rows, cut to `limit` rows with a last row saying how many were left out. */
export function planRows(changes: readonly FieldChange[], limit = SHOWN_ROWS): DiffRow[] {
  const rows: DiffRow[] = [];
  let count = 0;
  for (const change of changes) {
    const made = rowsOf(change, limit - rows.length + 1);
    rows.push(...made.rows.slice(0, Math.max(0, limit + 1 - rows.length)));
    count += made.count;
  }
  if (count <= limit) return rows;
  // The last row shown says what is left out: at least two rows, so always "lines".
  const left = count - (limit - 1);
  return [...rows.slice(0, limit - 1), { type: 'heading', text: `… ${left} more lines left out` }];
}

/** Lines for the log: `interval: 1d → 12h`, `items: 1 removed, 1 added (7 → 7)`, `  - …`. */
export function describeChanges(changes: readonly FieldChange[], limit = SHOWN_ROWS): string[] {
  return planRows(changes, limit).map((row) => {
    const indent = 'nested' in row && row.nested ? '  ' : '';
    switch (row.type) {
      case 'value':
        return `${indent}${row.label}: ${row.live ?? '(none)'} → ${row.desired ?? '(none)'}`;
      case 'heading':
        return `${indent}${row.text}`;
      case 'entry':
        return `    ${row.sign} ${row.text}`;
    }
  });
}

/**
 * Lines of a Markdown ```diff block: `-`/`+` first for what goes and comes (GitHub colours
 * them), a space for headings.
 */
export function diffBlockLines(changes: readonly FieldChange[], limit = SHOWN_ROWS): string[] {
  return planRows(changes, limit).flatMap((row) => {
    const indent = 'nested' in row && row.nested ? '  ' : '';
    switch (row.type) {
      case 'value':
        return [
          ...(row.live === undefined ? [] : [`- ${indent}${row.label}: ${row.live}`]),
          ...(row.desired === undefined ? [] : [`+ ${indent}${row.label}: ${row.desired}`]),
        ];
      case 'heading':
        return [`  ${indent}${row.text}`];
      case 'entry':
        return [`${row.sign}     ${row.text}`];
    }
  });
}

/** Entries of a list or paths of a flow input the `plan` output holds per change, at most. */
export const OUTPUT_EDITS = 1000;

/**
 * A change for the `plan` output: `{field, live, desired}` for a value (null: not set); for a
 * list, `{field, removed, added, diff: [{op, at, value}]}` (`at` counts from 1, in the live
 * list for `-`, the desired list for `+`); for a flow input, `{field, diff: [{path, live,
 * desired}]}` (a side missing: not there). A diff longer than OUTPUT_EDITS says `left_out`.
 */
export function changeJson(change: FieldChange, limit = OUTPUT_EDITS): Record<string, unknown> {
  const { field } = change;
  const cut = (edits: readonly unknown[]) => ({
    diff: edits.slice(0, limit),
    ...(edits.length > limit ? { left_out: edits.length - limit } : {}),
  });
  if (isListChange(change)) {
    const diff = listDiff(change);
    // Only the entries written are made: a list of 100,000 items writes 1000 of them.
    const edits: { op: '-' | '+'; at: number; value: string }[] = [];
    for (const hunk of diff.hunks) {
      for (const [op, entries, at] of [
        ['-', hunk.removed, hunk.liveAt],
        ['+', hunk.added, hunk.desiredAt],
      ] as const) {
        for (let i = 0; i < entries.length && edits.length < limit; i += 1) {
          edits.push({ op, at: at + i + 1, value: entries[i] as string });
        }
      }
    }
    const total = diff.removed + diff.added;
    return {
      field,
      removed: diff.removed,
      added: diff.added,
      diff: edits,
      ...(total > edits.length ? { left_out: total - edits.length } : {}),
    };
  }
  if (isObjectChange(change)) return { field, ...cut(pathChanges(change.live, change.desired)) };
  return { field, live: change.live ?? null, desired: change.desired ?? null };
}
