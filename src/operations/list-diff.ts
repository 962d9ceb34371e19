import { diffArrays } from 'diff/lib/diff/array.js';
import type { FieldChange } from '../timer/compare.js';

/*
 * How a list-valued change (items, include, run-tags) differs entry by entry: the runs of
 * entries removed and added, and where each sits in both lists.
 */

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

/** A change of a list (items, include, run-tags), shown entry by entry. */
export function isListChange(change: FieldChange): boolean {
  return Array.isArray(change.live) || Array.isArray(change.desired);
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
