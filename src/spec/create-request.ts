import type { OpenAPI } from '@globus/sdk/services/timers';
import { DateTime } from 'luxon';
import { formatWireDateTime } from './datetime.js';
import { InputError } from './problems.js';
import type { Schedule } from './schedule.js';
import type { TimerSpec } from './timer-spec.js';

type Wire = OpenAPI.components['schemas'];
/** Fields the service defaults are optional on input (the generated types mark them required). */
type WithDefaultsOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
type WireBody = WithDefaultsOptional<
  Wire['TransferTaskDocument'],
  | 'delete_destination_extra'
  | 'encrypt_data'
  | 'fail_on_quota_errors'
  | 'notify_on_failed'
  | 'notify_on_inactive'
  | 'notify_on_succeeded'
  | 'preserve_timestamp'
  | 'skip_source_errors'
  | 'store_base_path_info'
  | 'verify_checksum'
>;
type WireSchedule =
  | Wire['OnceSchedule']
  | (Omit<Wire['RecurringSchedule'], 'end'> & {
      end?: Omit<Wire['EndConditionTime'], 'message'> | Wire['EndConditionIterations'];
    });
/** What `POST /v2/timer` takes for a transfer timer, checked against Timers' OpenAPI types. */
export interface TimerCreateRequest {
  timer: Omit<Wire['V2TransferTimerCreate'], 'resource_server' | 'body' | 'schedule'> & {
    body: WireBody;
    schedule: WireSchedule;
  };
}

/** Starts this far in the past still count as "now" (the service accepts about-now starts). */
const GRACE_SECONDS = 60;

/**
 * The exact request body for creating `spec` at `now`. A recurring start already past moves to
 * the next tick (so a nightly 02:00 stays at 02:00); a run-once time already past cannot be
 * created and throws an InputError naming `start`.
 */
export function createRequest(spec: TimerSpec, now: DateTime): TimerCreateRequest {
  return {
    timer: {
      timer_type: 'transfer',
      name: spec.name,
      schedule: scheduleFrom(spec.schedule, now),
      body: spec.body,
    },
  };
}

function scheduleFrom(schedule: Schedule, now: DateTime): WireSchedule {
  const floor = now.minus({ seconds: GRACE_SECONDS });
  if (schedule.type === 'once') {
    if (schedule.datetime && DateTime.fromISO(schedule.datetime) < floor) {
      throw new InputError([
        {
          input: 'start',
          message: `${schedule.datetime} has passed; a run-once timer needs a future start`,
        },
      ]);
    }
    return schedule;
  }
  if (schedule.end?.condition === 'time' && DateTime.fromISO(schedule.end.datetime) <= now) {
    throw new InputError([
      {
        input: 'stop-after-date',
        message: `${schedule.end.datetime} has passed; the timer would never run`,
      },
    ]);
  }
  if (!schedule.start) return schedule;
  const start = DateTime.fromISO(schedule.start, { setZone: true });
  if (start >= floor) return schedule;
  const ticks = Math.ceil(now.diff(start).as('seconds') / schedule.interval_seconds);
  const next = start.plus({ seconds: ticks * schedule.interval_seconds });
  return { ...schedule, start: formatWireDateTime(next) };
}
