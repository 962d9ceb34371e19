import { START_TOLERANCE_SECONDS, type EndCondition, type Schedule } from './schedule.js';
import type { TimerSpec } from './timer-spec.js';
import { normalizeTransferDocument, type TransferDocument } from './transfer-document.js';

/** One field that differs between the timer wanted and the timer Globus holds. */
export interface FieldChange {
  /** Dotted path, e.g. `schedule.interval_seconds`, `body.DATA`, `name`. */
  field: string;
  live: unknown;
  desired: unknown;
}

/** What a timer looks like for comparison; both TimerSpec and a live timer provide it. */
export interface ComparableTimer {
  name: string;
  schedule?: Schedule;
  body?: TransferDocument;
}

/**
 * Field-by-field differences, after normalisation (service defaults filled in, item order
 * kept). `start` counts only when the desired timer names one, and then a recurring start that
 * lands on the live timer's ticks (a whole number of intervals away) is the same start.
 */
export function compareTimers(desired: TimerSpec, live: ComparableTimer): FieldChange[] {
  const changes: FieldChange[] = [];
  if (desired.name !== live.name) {
    changes.push({ field: 'name', live: live.name, desired: desired.name });
  }
  changes.push(...compareSchedules(desired.schedule, live.schedule));
  const wanted = normalizeTransferDocument({ ...desired.body });
  const held = live.body ?? normalizeTransferDocument({});
  const keys = new Set([...Object.keys(wanted), ...Object.keys(held)]);
  for (const key of [...keys].sort()) {
    const a = (wanted as unknown as Record<string, unknown>)[key];
    const b = (held as unknown as Record<string, unknown>)[key];
    if (!deepEqual(a, b)) changes.push({ field: `body.${key}`, live: b, desired: a });
  }
  return changes;
}

function compareSchedules(desired: Schedule, live: Schedule | undefined): FieldChange[] {
  if (!live || live.type !== desired.type) {
    return [{ field: 'schedule.type', live: live?.type, desired: desired.type }];
  }
  const changes: FieldChange[] = [];
  const change = (field: string, a: unknown, b: unknown) =>
    changes.push({ field: `schedule.${field}`, live: b, desired: a });
  if (desired.type === 'once' && live.type === 'once') {
    if (desired.datetime && !sameInstant(desired.datetime, live.datetime)) {
      change('datetime', desired.datetime, live.datetime);
    }
    return changes;
  }
  if (desired.type !== 'recurring' || live.type !== 'recurring') return changes;
  if (desired.interval_seconds !== live.interval_seconds) {
    change('interval_seconds', desired.interval_seconds, live.interval_seconds);
  }
  if (desired.start && !onSameTicks(desired.start, live.start, desired.interval_seconds)) {
    change('start', desired.start, live.start);
  }
  if (!sameEnd(desired.end, live.end)) change('end', desired.end, live.end);
  return changes;
}

function instant(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  const x = instant(a);
  const y = instant(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) < START_TOLERANCE_SECONDS * 1000;
}

function onSameTicks(a: string, b: string | undefined, intervalSeconds: number): boolean {
  const x = instant(a);
  const y = instant(b);
  if (x === undefined || y === undefined) return false;
  const offset = (Math.abs(x - y) / 1000) % intervalSeconds;
  return offset < START_TOLERANCE_SECONDS || intervalSeconds - offset < START_TOLERANCE_SECONDS;
}

function sameEnd(a: EndCondition | undefined, b: EndCondition | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.condition === 'iterations' && b.condition === 'iterations') return a.count === b.count;
  if (a.condition === 'time' && b.condition === 'time') return sameInstant(a.datetime, b.datetime);
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
