/**
 * Validation of `POST /v2/timer` the way the real service (FastAPI + pydantic) does it: every
 * problem is collected and reported at once as a 422 `detail` list of `{loc, msg, type}`, with
 * pydantic's messages. Models forbid extra fields, except that `null` is accepted wherever a
 * field is optional (the official CLI sends `"label": null`).
 *
 * A valid request comes back normalised the way the service echoes it: schedule datetimes in
 * UTC, and the transfer body with its defaults filled in and nulls dropped.
 */
import { isRecord } from './http.js';
import type { EndCondition, Schedule, TransferBody } from './state.js';
import { checkBody } from './transfer-body-validation.js';
import { DAY, SECOND } from './time.js';
import { Checker, type Loc, type ValidationIssue } from './validation-checker.js';

export interface ValidTimer {
  name: string | null;
  schedule: Schedule;
  body: TransferBody;
}

export type TimerValidation =
  { ok: true; timer: ValidTimer } | { ok: false; issues: ValidationIssue[] };

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

const TIMER_FIELDS = ['timer_type', 'name', 'schedule', 'resource_server', 'body'];

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

export function validateTimerCreate(payload: unknown, window: StartWindow): TimerValidation {
  const check = new Checker();
  const envelope = check.object(payload, ['body'], ['timer']);
  const timer = envelope && check.field(envelope, 'timer', ['body'], true);
  const result =
    timer === undefined ? undefined : checkTimer(check, timer, ['body', 'timer'], window);
  if (check.issues.length > 0 || !result) return { ok: false, issues: check.issues };
  return { ok: true, timer: result };
}

function checkTimer(
  check: Checker,
  value: unknown,
  loc: Loc,
  window: StartWindow,
): ValidTimer | undefined {
  const timer = check.object(value, loc, TIMER_FIELDS);
  if (!timer) return undefined;
  check.literal(check.field(timer, 'timer_type', loc, true), [...loc, 'timer_type'], ['transfer']);
  const name = check.string(check.field(timer, 'name', loc, false), [...loc, 'name']);
  const resourceServer = check.field(timer, 'resource_server', loc, false);
  check.literal(resourceServer, [...loc, 'resource_server'], ['transfer.api.globus.org']);
  const scheduleValue = check.field(timer, 'schedule', loc, true);
  const schedule =
    scheduleValue === undefined
      ? undefined
      : checkSchedule(check, scheduleValue, [...loc, 'schedule'], window);
  const bodyValue = check.field(timer, 'body', loc, true);
  const body = bodyValue === undefined ? undefined : checkBody(check, bodyValue, [...loc, 'body']);
  return schedule && body ? { name: name ?? null, schedule, body } : undefined;
}

function checkSchedule(
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

/** `PATCH /jobs/{id}`: only the name can change. */
export function validateTimerUpdate(
  payload: unknown,
): { ok: true; name: string | undefined } | { ok: false; issues: ValidationIssue[] } {
  const check = new Checker();
  const update = check.object(payload, ['body'], ['name']);
  const name =
    update && check.string(check.field(update, 'name', ['body'], false), ['body', 'name']);
  return check.issues.length > 0 ? { ok: false, issues: check.issues } : { ok: true, name };
}
