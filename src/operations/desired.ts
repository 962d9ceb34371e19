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
