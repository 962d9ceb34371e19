import type { DateTime } from 'luxon';
import type { TimerCreation } from '../globus/timers.js';
import { compareCommon, compareInputValues, type FieldChange } from '../timer/compare.js';
import { scheduleValues } from '../timer/input-values.js';
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
 * Input-by-input differences between the timer wanted and the timer Globus holds: the name and
 * schedule, then what their runs do; a timer of another kind differs in `kind` too (only a
 * replace can change it), and in every input of either kind.
 */
export function compareTimers(desired: TimerSpec, live: LiveTimer): FieldChange[] {
  const common = compareCommon(desired, live);
  const kind: FieldChange[] =
    desired.kind === live.kind ? [] : [{ field: 'kind', live: live.kind, desired: desired.kind }];
  const runs = compareInputValues(kindOf(desired).values(desired), kindOf(live).liveValues(live));
  return [...common, ...kind, ...runs];
}

/** A new timer as changes from nothing: every input it will have, for plans. */
export function describeNew(spec: TimerSpec): FieldChange[] {
  const values = {
    name: spec.name,
    kind: spec.kind,
    ...scheduleValues(spec.schedule, spec.timezone),
    ...kindOf(spec).values(spec),
  };
  return compareInputValues(values, {});
}

/** A timer Globus holds as changes to nothing: everything a delete takes away, for plans. */
export function describeGone(live: LiveTimer): FieldChange[] {
  const values = {
    name: live.name,
    kind: live.kind,
    ...scheduleValues(live.schedule),
    ...kindOf(live).liveValues(live),
  };
  return compareInputValues({}, values);
}

/** The request that creates `spec` at `now`, and how to recognise the timer it makes. */
export function creationOf(spec: TimerSpec, now: DateTime): TimerCreation {
  return {
    request: createRequest(spec, now, kindOf(spec).createFields(spec)),
    isSame: (timer) => compareTimers(spec, timer).length === 0,
  };
}
