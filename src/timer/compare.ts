import {
  endValues,
  formatTime,
  scheduleValues,
  type InputValue,
  type InputValues,
} from './input-values.js';
import { START_TOLERANCE_SECONDS, type EndCondition, type Schedule } from './schedule.js';
import { formatDuration } from './duration.js';

/** One input that differs between the timer wanted and the timer Globus holds. */
export interface FieldChange {
  /**
   * The input it is written with (`interval`, `items`, `sync-level`, `flow-input`), or `kind`
   * when a transfer timer would become a flow timer or back.
   */
  field: string;
  /** As the user would write it (`12h`, `checksum`, items as lines); undefined: not set. */
  live: InputValue | undefined;
  desired: InputValue | undefined;
}

/** What any timer looks like for comparing its common part: the name and the schedule. */
export interface ComparableTimer {
  name: string;
  schedule?: Schedule;
}

/**
 * The common part's differences: the name, and the schedule after normalisation, its times
 * written in the desired timer's `timezone`. `start` counts only when the desired timer names
 * one, and then a recurring start that lands on the live timer's ticks (a whole number of
 * intervals away) is the same start. What runs do (the kind's part) is compared by the kind
 * (kinds/index.ts compareTimers puts the two together).
 */
export function compareCommon(
  desired: {
    name: string;
    schedule: Schedule;
    timezone?: string;
    stopConditions?: EndCondition[];
  },
  live: ComparableTimer,
): FieldChange[] {
  const changes: FieldChange[] = [];
  if (desired.name !== live.name) {
    changes.push({ field: 'name', live: live.name, desired: desired.name });
  }
  const schedule = compareSchedules(desired.schedule, live.schedule, desired.timezone);
  return [...changes, ...schedule.filter((change) => !endsEitherWay(change, desired, live))];
}

/**
 * Given both stop conditions, a live timer that ends on either one of them is what the inputs
 * ask for, whichever of the two binds today: its end is no change.
 */
function endsEitherWay(
  change: FieldChange,
  desired: { schedule: Schedule; stopConditions?: EndCondition[] },
  live: ComparableTimer,
): boolean {
  if (!END_INPUTS.has(change.field) || !desired.stopConditions) return false;
  if (desired.schedule.type !== 'recurring' || live.schedule?.type !== 'recurring') return false;
  const held = live.schedule.end;
  return desired.stopConditions.some((condition) => sameEnd(condition, held));
}

const END_INPUTS = new Set(['stop-after-runs', 'stop-after-date']);

/**
 * Two timers written as inputs, input by input: the desired timer's inputs in their order,
 * then those only the live timer has.
 */
export function compareInputValues(wanted: InputValues, held: InputValues): FieldChange[] {
  const keys = [...new Set([...Object.keys(wanted), ...Object.keys(held)])];
  return keys
    .filter((key) => !deepEqual(wanted[key], held[key]))
    .map((key) => ({ field: key, live: held[key], desired: wanted[key] }));
}

function compareSchedules(
  desired: Schedule,
  live: Schedule | undefined,
  zone: string | undefined,
): FieldChange[] {
  if (!live || live.type !== desired.type) {
    // A run-once timer is `stop-after-runs: 1` and a recurring one has an interval, so two
    // schedules of different types always differ in some input.
    const wanted = scheduleValues(desired, zone);
    const held = scheduleValues(live, zone);
    if (wanted.start === undefined) delete held.start;
    return compareInputValues(wanted, held);
  }
  const changes: FieldChange[] = [];
  const time = (value: string | undefined) => (value ? formatTime(value, zone) : undefined);
  if (desired.type === 'once' && live.type === 'once') {
    if (desired.datetime && !sameInstant(desired.datetime, live.datetime)) {
      changes.push({ field: 'start', live: time(live.datetime), desired: time(desired.datetime) });
    }
    return changes;
  }
  if (desired.type !== 'recurring' || live.type !== 'recurring') return changes;
  if (desired.interval_seconds !== live.interval_seconds) {
    changes.push({
      field: 'interval',
      live: formatDuration(live.interval_seconds),
      desired: formatDuration(desired.interval_seconds),
    });
  }
  if (desired.start && !onSameTicks(desired.start, live.start, desired.interval_seconds)) {
    changes.push({ field: 'start', live: time(live.start), desired: time(desired.start) });
  }
  if (!sameEnd(desired.end, live.end)) {
    changes.push(...compareInputValues(endValues(desired.end, zone), endValues(live.end, zone)));
  }
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
