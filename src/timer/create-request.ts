import type { OpenAPI } from '@globus/sdk/services/timers';
import { DateTime } from 'luxon';
import { formatWireDateTime } from './datetime.js';
import { justPassed, nextTick, type Schedule } from './schedule.js';
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
/** A transfer timer's own fields of `POST /v2/timer`, checked against Timers' OpenAPI types. */
export type TransferCreateFields = Pick<Wire['V2TransferTimerCreate'], 'timer_type'> & {
  body: WireBody;
};
/** A flow timer's own fields of `POST /v2/timer`. */
export type FlowCreateFields = Pick<Wire['V2FlowTimerCreate'], 'timer_type' | 'flow_id' | 'body'>;
/** What differs between kinds in a create request; each kind builds its own. */
export type KindCreateFields = TransferCreateFields | FlowCreateFields;

/** What `POST /v2/timer` takes, checked against Timers' OpenAPI types. */
export interface TimerCreateRequest {
  timer: { name: string; schedule: WireSchedule } & KindCreateFields;
}

/**
 * The exact request body for creating `spec` at `now`. The service may refuse any start in the
 * past (docs/globus-variants.md), so none is sent: a start that passed moments ago (while the step
 * ran) becomes "now" by being left out, and a recurring start long past moves to the next tick (a
 * nightly 02:00 stays at 02:00). Inputs already refuse a run-once time that had passed.
 */
export function createRequest(
  spec: TimerSpec,
  now: DateTime,
  kindFields: KindCreateFields,
): TimerCreateRequest {
  return { timer: { name: spec.name, schedule: scheduleFrom(spec.schedule, now), ...kindFields } };
}

function scheduleFrom(schedule: Schedule, now: DateTime): WireSchedule {
  if (schedule.type === 'once') {
    const passed = schedule.datetime && DateTime.fromISO(schedule.datetime) < now;
    return passed ? { type: 'once' } : schedule;
  }
  if (!schedule.start) return schedule;
  const start = DateTime.fromISO(schedule.start, { setZone: true });
  if (start >= now) return schedule;
  if (justPassed(start, now)) {
    const { type, interval_seconds, end } = schedule;
    return { type, interval_seconds, ...(end ? { end } : {}) };
  }
  return {
    ...schedule,
    start: formatWireDateTime(nextTick(start, schedule.interval_seconds, now)),
  };
}
