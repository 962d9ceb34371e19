/**
 * Validation of `POST /v2/timer` the way the real service (FastAPI + pydantic) does it: every
 * problem is collected and reported at once as a 422 `detail` list of `{loc, msg, type}`, with
 * pydantic's messages. Models forbid extra fields, except that `null` is accepted wherever a
 * field is optional (the official CLI sends `"label": null`). `timer_type` says which model
 * applies: a transfer timer here, a flow timer in flow-timer-validation.ts; a timer without
 * one is checked as a transfer timer, the emulator's first and default kind.
 *
 * A valid request comes back normalised the way the service echoes it: schedule datetimes in
 * UTC, and the transfer body with its defaults filled in and nulls dropped.
 */
import { type ValidFlowTimer, checkFlowTimer } from './flow-timer-validation.js';
import { isRecord } from './http.js';
import { type StartWindow, checkSchedule } from './schedule-validation.js';
import type { Schedule, TransferBody } from './state.js';
import { checkBody } from './transfer-body-validation.js';
import { Checker, type Loc, type ValidationIssue } from './validation-checker.js';

export type { StartWindow } from './schedule-validation.js';

export interface ValidTransferTimer {
  type: 'transfer';
  name: string | null;
  schedule: Schedule;
  body: TransferBody;
}

export type ValidTimer = ValidTransferTimer | ValidFlowTimer;

export type TimerValidation =
  { ok: true; timer: ValidTimer } | { ok: false; issues: ValidationIssue[] };

const TIMER_FIELDS = ['timer_type', 'name', 'schedule', 'resource_server', 'body'];
const TIMER_TYPES = ['transfer', 'flow'];

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
  if (isRecord(value) && value.timer_type === 'flow') {
    return checkFlowTimer(check, value, loc, window);
  }
  return checkTransferTimer(check, value, loc, window);
}

function checkTransferTimer(
  check: Checker,
  value: unknown,
  loc: Loc,
  window: StartWindow,
): ValidTransferTimer | undefined {
  const timer = check.object(value, loc, TIMER_FIELDS);
  if (!timer) return undefined;
  check.literal(check.field(timer, 'timer_type', loc, true), [...loc, 'timer_type'], TIMER_TYPES);
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
  return schedule && body ? { type: 'transfer', name: name ?? null, schedule, body } : undefined;
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
