import type { LiveTimer } from '../globus/live-timer.js';
import { buildTimerSpec, type TimerFields, type TimerSpec } from '../spec/timer-spec.js';
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
 * The label a timer gets when none is given is derived from its name, for new timers. An
 * existing timer keeps the label it has, so a rename stays a rename and a timer made by another
 * tool is not replaced over a default nobody asked for.
 */
export function keepLiveLabel(
  desired: TimerSpec,
  fields: TimerFields,
  current: LiveTimer | undefined,
): TimerSpec {
  const label = fields.options.label ?? current?.body?.label;
  if (!current || label === desired.body.label) return desired;
  const body = { ...desired.body };
  if (label === undefined) delete body.label;
  else body.label = label;
  return { ...desired, body };
}
