import { START_TOLERANCE_SECONDS, type EndCondition, type Schedule } from './schedule.js';

/** One field that differs between the timer wanted and the timer Globus holds. */
export interface FieldChange {
  /** Dotted path, e.g. `schedule.interval_seconds`, `body.DATA`, `name`. */
  field: string;
  live: unknown;
  desired: unknown;
}

/** What any timer looks like for comparing its common part: the name and the schedule. */
export interface ComparableTimer {
  name: string;
  schedule?: Schedule;
}

/**
 * The common part's differences: the name, and the schedule after normalisation. `start`
 * counts only when the desired timer names one, and then a recurring start that lands on the
 * live timer's ticks (a whole number of intervals away) is the same start. What runs do (the
 * kind's part) is compared by the kind (kinds/index.ts compareTimers puts the two together).
 */
export function compareCommon(
  desired: { name: string; schedule: Schedule },
  live: ComparableTimer,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (desired.name !== live.name) {
    changes.push({ field: 'name', live: live.name, desired: desired.name });
  }
  return [...changes, ...compareSchedules(desired.schedule, live.schedule)];
}

/** Two documents key by key (sorted), each difference a change of `<prefix>.<key>`. */
export function compareDocuments(prefix: string, wanted: object, held: object): FieldChange[] {
  const a = wanted as Record<string, unknown>;
  const b = held as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((key) => !deepEqual(a[key], b[key]))
    .map((key) => ({ field: `${prefix}.${key}`, live: b[key], desired: a[key] }));
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
