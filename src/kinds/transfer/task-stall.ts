import type { TaskEvent, TransferTask } from '../../globus/transfer.js';
import { clip } from '../../redactor.js';
import { plural } from '../../words.js';

/*
 * A Transfer task Globus keeps open that does not move. Transfer fails a task only on a fatal
 * error or at its deadline; on most errors — a permission lost, an endpoint down, a quota full —
 * it keeps the task ACTIVE and retries, with `is_ok: false`, the error's code as `nice_status`
 * and a growing `faults` count (Transfer's Task Behavior documentation,
 * https://docs.globus.org/api/transfer/task_behavior/). Meanwhile the timer skips its runs, so the
 * nightly transfer silently stops arriving: this is how a check tells.
 */

/** "1 fault", "3 faults". */
export function faults(count: number): string {
  return plural(count, 'fault');
}

/** How a task stands still: retrying on an error, paused, or INACTIVE (suspended). */
export type TaskStall = 'retrying' | 'paused' | 'inactive';

/** `nice_status` values of a task that goes well. */
const GOING_WELL = new Set(['ok', 'queued']);

/** How much of an event's details a failure line carries; of a code or a description. */
const DETAILS_LIMIT = 400;
const WORDS_LIMIT = 200;
const TIME_LIMIT = 40;

/** How the task stands still, or undefined when it moves (or has ended). */
export function taskStall(task: TransferTask): TaskStall | undefined {
  if (task.status === 'INACTIVE') return 'inactive';
  if (task.status !== 'ACTIVE') return undefined;
  if (task.is_paused === true) return 'paused';
  const nice = task.nice_status?.trim().toLowerCase();
  if (task.is_ok === false || (nice && !GOING_WELL.has(nice))) return 'retrying';
  return undefined;
}

/**
 * The usual fix for an error code Transfer retries on (its `nice_status`, or an event's code):
 * the one table of them.
 */
const FIXES: Record<string, (identity: string) => string> = {
  PERMISSION_DENIED: (identity) =>
    `grant the client identity ${identity} the permission it needs on the collection (a role on it, or an access rule on the path of a guest collection)`,
  ENDPOINT_ERROR: () => ENDPOINT_DOWN,
  CONNECT_FAILED: () => ENDPOINT_DOWN,
  CONNECTION_BROKEN: () => ENDPOINT_DOWN,
  GC_NOT_CONNECTED: () =>
    'the Globus Connect Personal collection is offline: start Globus Connect Personal on its computer',
  GC_PAUSED: () => 'Globus Connect Personal is paused on its computer: unpause it there',
  QUOTA_EXCEEDED: () =>
    'the destination is over its quota: free space there or raise its quota (with fail-on-quota-errors: true such a task fails at once instead)',
  NO_SPACE_LEFT: () => 'the destination storage is full: free space there',
  FILE_NOT_FOUND: () =>
    'a source path does not exist: check items (or set skip-source-errors: true to skip missing paths)',
};

const ENDPOINT_DOWN =
  "the collection's endpoint cannot be reached or is failing: check that its Globus Connect Server (or Personal) is running and reachable; the task goes on by itself once it is";

export function fixFor(code: string | null | undefined, identity: string): string | undefined {
  return code ? FIXES[code.trim().toUpperCase()]?.(identity) : undefined;
}

/**
 * The newest error event: by time when the events carry one (the list is newest first by the
 * documentation, not by anything a client can check), else the first listed. An event that does
 * not say whether it is an error counts when its code is the task's error code.
 */
export function latestError(
  task: TransferTask,
  events: readonly TaskEvent[],
): TaskEvent | undefined {
  const code = task.nice_status?.trim().toUpperCase();
  const errors = events.filter(
    (event) =>
      event.is_error === true ||
      (event.is_error == null && code !== undefined && event.code?.toUpperCase() === code),
  );
  const time = (event: TaskEvent) => (event.time ? Date.parse(event.time.replace(' ', 'T')) : NaN);
  return errors.reduce<TaskEvent | undefined>(
    (newest, event) => (newest && !(time(event) > time(newest)) ? newest : event),
    undefined,
  );
}

/** What the check knows of the task's events: not asked yet, unreadable, or its latest error. */
export type EventReading =
  { state: 'unread' } | { state: 'unreadable' } | { state: 'read'; latest?: TaskEvent };

/** The `transfer-stalled` sentence: what holds the task, in words, and the fix when known. */
export function stalledFailure(
  task: TransferTask,
  stall: TaskStall,
  identity: string,
  events: EventReading,
): string {
  const latest = events.state === 'read' ? events.latest : undefined;
  const parts = [
    `transfer-stalled: Transfer task ${task.task_id} ${HEADLINES[stall]}${code(task)}`,
  ];
  if (typeof task.faults === 'number') parts[0] += `, ${faults(task.faults)} so far`;
  if (latest) {
    const when = latest.time ? ` (${clip(latest.time, TIME_LIMIT)})` : '';
    parts.push(`latest error${when}: ${eventText(latest)}`);
  } else if (events.state === 'read') {
    parts.push('Transfer lists no error event for it');
  }
  const fix = fixFor(task.nice_status, identity) ?? fixFor(latest?.code, identity);
  if (fix) parts.push(`fix: ${fix}`);
  parts.push(AFTERWORDS[stall](task));
  return parts.join('; ');
}

const HEADLINES: Record<TaskStall, string> = {
  retrying: 'is ACTIVE but retrying on an error',
  paused: 'is ACTIVE but paused',
  inactive: 'is INACTIVE: Globus suspended it (its credentials expired or a consent was lost)',
};

const AFTERWORDS: Record<TaskStall, (task: TransferTask) => string> = {
  retrying: (task) =>
    `Transfer retries it until its deadline${task.deadline ? ` (${task.deadline})` : ''} and the timer skips its runs meanwhile`,
  paused: () =>
    'it does not move until whoever paused it (a collection pause rule, or its owner) unpauses it, and the timer skips its runs meanwhile',
  inactive: () =>
    'it will not go on by itself: cancel it in the web app so the timer can run again, and resume the timer (operation: resume) if it lost its consents too',
};

/** `: PERMISSION_DENIED (Permission denied)`, or what is known of it; nothing for `OK`. */
function code(task: TransferTask): string {
  const nice = task.nice_status?.trim();
  if (!nice || GOING_WELL.has(nice.toLowerCase())) return '';
  const said = task.nice_status_short_description?.trim();
  const description = said && said.toLowerCase() !== nice.toLowerCase() ? ` (${said})` : '';
  return clip(`: ${nice}${description}`, WORDS_LIMIT);
}

/** An event in one line: its code and description, then its details cut short. */
function eventText(event: TaskEvent): string {
  const description = event.description?.trim();
  const code = event.code?.trim();
  const name = clip(
    code && description && !sameWords(code, description)
      ? `${code} ${description}`
      : (description ?? code ?? 'an error'),
    WORDS_LIMIT,
  );
  const raw = typeof event.details === 'string' ? event.details : JSON.stringify(event.details);
  const details = raw ? raw.replace(/\s+/g, ' ').trim() : '';
  // Quoted: where server text ends is plain to a reader, and to the redactor.
  return details ? `${name} — "${clip(details, DETAILS_LIMIT)}"` : name;
}

/** `PERMISSION_DENIED` and "permission denied" say the same. */
function sameWords(code: string, description: string): boolean {
  return code.replace(/_/g, ' ').toLowerCase() === description.toLowerCase();
}
