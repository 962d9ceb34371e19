import type { FieldChange } from '../timer/compare.js';
import { isListChange, listDiff, type ListDiff, type ListHunk } from './list-diff.js';
import { isObjectChange, pathChanges, showJson, type PathChange } from './path-diff.js';
import { plural } from '../words.js';

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

/** Rows of the log and of the summary's diff per timer, before the rest is left out. */
export const SHOWN_ROWS = 60;
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
  return [
    ...rows.slice(0, limit - 1),
    { type: 'heading', text: `… ${plural(left, 'more line', 'more lines')} left out` },
  ];
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
const OUTPUT_EDITS = 1000;

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
