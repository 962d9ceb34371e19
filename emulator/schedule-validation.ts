/**
 * Validation of a timer's schedule (Timers OpenAPI `OnceSchedule` / `RecurringSchedule`), the
 * same for transfer and flow timers, in the pydantic style of the other Timers validators. A
 * valid schedule comes back in UTC, `start` / `datetime` filled in when omitted.
 */
import { isRecord } from './http.js';
import type { EndCondition, Schedule } from './state.js';
import { DAY, SECOND } from './time.js';
import type { Checker, Loc } from './validation-checker.js';

export const MIN_INTERVAL_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = (365 * DAY) / SECOND;
const MAX_START_AHEAD = 365 * DAY;

/**
 * When the create arrives, and how far in the past a start may lie: the spec only says "in the
 * future or close to the current time", so the tolerance is the setting
 * `start_tolerance_seconds`.
 */
export interface StartWindow {
  now: number;
  toleranceSeconds: number;
}

/** Ticks must be "in the future or close to the current time", and within a year. */
function checkStartWindow(
  check: Checker,
  ms: number | undefined,
  loc: Loc,
  { now, toleranceSeconds }: StartWindow,
): number | undefined {
  if (ms === undefined) return undefined;
  if (ms < now - toleranceSeconds * SECOND) {
    return check.add(loc, 'must be in the future or close to the current time', 'value_error');
  }
  if (ms > now + MAX_START_AHEAD) {
    return check.add(loc, 'must be within one year of the current time', 'value_error');
  }
  return ms;
}

export function checkSchedule(
  check: Checker,
  value: unknown,
  loc: Loc,
  window: StartWindow,
): Schedule | undefined {
  const { now } = window;
  if (!isRecord(value)) return check.add(loc, 'value is not a valid dict', 'type_error.dict');
  const type = check.discriminator(value.type, loc, 'type', ['once', 'recurring']);
  if (type === 'once') {
    const schedule = check.object(value, loc, ['type', 'datetime']);
    if (!schedule) return undefined;
    const at = check.datetime(check.field(schedule, 'datetime', loc, false), [...loc, 'datetime']);
    return { type, datetime: checkStartWindow(check, at, [...loc, 'datetime'], window) ?? now };
  }
  if (type !== 'recurring') return undefined;
  const schedule = check.object(value, loc, ['type', 'interval_seconds', 'start', 'end']);
  if (!schedule) return undefined;
  const interval = check.integer(
    check.field(schedule, 'interval_seconds', loc, true),
    [...loc, 'interval_seconds'],
    MIN_INTERVAL_SECONDS,
    MAX_INTERVAL_SECONDS,
  );
  const startValue = check.datetime(check.field(schedule, 'start', loc, false), [...loc, 'start']);
  const start = checkStartWindow(check, startValue, [...loc, 'start'], window);
  const endValue = check.field(schedule, 'end', loc, false);
  const end =
    endValue === undefined ? undefined : checkEnd(check, endValue, [...loc, 'end'], start ?? now);
  if (interval === undefined || (startValue !== undefined && start === undefined)) return undefined;
  if (endValue !== undefined && end === undefined) return undefined;
  return { type, interval_seconds: interval, start: start ?? now, ...(end ? { end } : {}) };
}

function checkEnd(
  check: Checker,
  value: unknown,
  loc: Loc,
  start: number,
): EndCondition | undefined {
  if (!isRecord(value)) return check.add(loc, 'value is not a valid dict', 'type_error.dict');
  const condition = check.discriminator(value.condition, loc, 'condition', ['time', 'iterations']);
  if (condition === 'time') {
    const end = check.object(value, loc, ['condition', 'datetime']);
    const at = end && check.datetime(check.field(end, 'datetime', loc, true), [...loc, 'datetime']);
    if (at === undefined) return undefined;
    if (at <= start) {
      return check.add(
        [...loc, 'datetime'],
        'end datetime must be after the start of the timer',
        'value_error',
      );
    }
    return { condition, datetime: at };
  }
  if (condition !== 'iterations') return undefined;
  const end = check.object(value, loc, ['condition', 'count']);
  const count = end && check.integer(check.field(end, 'count', loc, true), [...loc, 'count'], 1);
  return count === undefined ? undefined : { condition, count };
}
