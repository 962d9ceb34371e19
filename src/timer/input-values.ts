import { DateTime } from 'luxon';
import { formatDuration } from './duration.js';
import type { TransferItem } from './items.js';
import type { EndCondition, Schedule } from './schedule.js';

/*
 * A timer as its inputs would write it, for plans: `interval: 12h`, not `interval_seconds:
 * 43200`. The timer wanted and the timer Globus holds are both written this way, by the same
 * functions, so values that are equal look equal and values that differ look different.
 */

/**
 * One input's value as a user writes it: text (`12h`, `checksum`, `true`), a list written one
 * entry a line (items, include, run-tags), or a JSON object (flow-input).
 */
export type InputValue = string | readonly string[] | { readonly [key: string]: unknown };

/** Input name → value, in the order the README lists the inputs; a missing key = not set. */
export type InputValues = Record<string, InputValue>;

/** An item as a line of `items`: `SOURCE, DESTINATION[, RECURSIVE]`, quoted as CSV needs. */
export function itemLine(item: TransferItem): string {
  // Written out rather than mapped and joined: a plan writes every item of a new timer.
  const paths = `${csvCell(item.source_path)}, ${csvCell(item.destination_path)}`;
  return item.recursive === undefined ? paths : `${paths}, ${String(item.recursive)}`;
}

/** A CSV cell as the items reader reads it back: quoted when it holds a comma, quote or padding. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A Timers date-time in the zone the user writes times in (the `timezone` input):
 * `2026-12-01T02:00 America/Chicago`; seconds only when there are some.
 */
export function formatTime(wire: string, zone = 'UTC'): string {
  // A time without an offset is UTC, as Timers and the comparison read it.
  const time = DateTime.fromISO(wire, { zone: 'utc' }).setZone(zone);
  if (!time.isValid) return wire;
  const format = time.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
  return `${time.toFormat(format)} ${zone}`;
}

/**
 * A schedule as the inputs that make it: `interval`, `start`, `stop-after-runs`,
 * `stop-after-date` (a run-once timer is `stop-after-runs: 1`), times in `zone`.
 */
export function scheduleValues(schedule: Schedule | undefined, zone?: string): InputValues {
  if (!schedule) return {};
  if (schedule.type === 'once') {
    return {
      'stop-after-runs': '1',
      ...(schedule.datetime ? { start: formatTime(schedule.datetime, zone) } : {}),
    };
  }
  return {
    interval: formatDuration(schedule.interval_seconds),
    ...(schedule.start ? { start: formatTime(schedule.start, zone) } : {}),
    ...endValues(schedule.end, zone),
  };
}

/** A recurring timer's end condition as the input that sets it. */
export function endValues(end: EndCondition | undefined, zone?: string): InputValues {
  if (end?.condition === 'iterations') return { 'stop-after-runs': String(end.count) };
  if (end?.condition === 'time') return { 'stop-after-date': formatTime(end.datetime, zone) };
  return {};
}
