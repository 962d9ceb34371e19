import type { DateTime } from 'luxon';
import type { TimerCreation } from '../globus/timers.js';
import { compareCommon, type FieldChange } from '../timer/compare.js';
import { createRequest } from '../timer/create-request.js';
import type { KindName, TimerSpec } from '../timer/timer-spec.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { flowKind } from './flow/index.js';
import type { TimerKind } from './kind.js';
import { transferKind } from './transfer/index.js';

/** Every kind of timer the action manages: a new kind is a folder and a line here. */
export const KINDS: Record<KindName, TimerKind> = {
  transfer: transferKind,
  flow: flowKind,
};

export function kindOf(timer: { kind: KindName }): TimerKind {
  return KINDS[timer.kind];
}

/**
 * Field-by-field differences between the timer wanted and the timer Globus holds: the name and
 * schedule, then — for timers of the same kind — what their runs do; a timer of another kind
 * differs in kind, which only a replace can change.
 */
export function compareTimers(desired: TimerSpec, live: LiveTimer): FieldChange[] {
  const common = compareCommon(desired, live);
  if (desired.kind !== live.kind) {
    return [...common, { field: 'timer_type', live: live.kind, desired: desired.kind }];
  }
  return [...common, ...kindOf(desired).compare(desired, live)];
}

/** The request that creates `spec` at `now`, and how to recognise the timer it makes. */
export function creationOf(spec: TimerSpec, now: DateTime): TimerCreation {
  return {
    request: createRequest(spec, now, kindOf(spec).createFields(spec)),
    isSame: (timer) => compareTimers(spec, timer).length === 0,
  };
}
