import type { LiveTimer } from '../timer/live-timer.js';
import { kindOf } from '../kinds/index.js';
import { buildTimerSpec, type TimerFields, type TimerSpec } from '../timer/timer-spec.js';
import type { OperationContext } from './context.js';

/** The timer the inputs describe; schedule notices go to the log. */
export function desiredTimer(
  context: OperationContext,
  fields: TimerFields = context.inputs.timer,
): TimerSpec {
  const { spec, notices } = buildTimerSpec(fields, context.now());
  for (const notice of notices) context.log.notice(notice);
  return spec;
}

/**
 * The timer wanted, as the live timer it would keep or replace sees it: defaults the inputs did
 * not ask for (a transfer timer's label derived from its name) give way to the timer's own, so a
 * rename stays a rename and a timer made by another tool is not replaced over a default.
 */
export function reconciled(
  desired: TimerSpec,
  fields: TimerFields,
  current: LiveTimer | undefined,
): TimerSpec {
  if (!current || current.kind !== desired.kind) return desired;
  return kindOf(desired).reconcile(desired, fields, current);
}
