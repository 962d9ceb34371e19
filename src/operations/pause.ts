import type { OperationContext, OperationResult } from './context.js';
import { requireTarget } from './target.js';

/** pause: stop a timer from running until it is resumed. Pausing a paused timer changes nothing. */
export async function pause(context: OperationContext): Promise<OperationResult> {
  const { timers, log } = context;
  const timer = await requireTarget(context);
  if (timer.status === 'inactive' && timer.inactiveReason?.cause === 'user') {
    log.notice(`Timer "${timer.name}" (${timer.jobId}) is already paused`);
    return { operation: 'pause', result: 'paused', changed: false, timer, failures: [] };
  }
  await timers.pause(timer.jobId);
  log.info(`Paused timer "${timer.name}" (${timer.jobId})`);
  const paused = await timers.get(timer.jobId);
  return { operation: 'pause', result: 'paused', changed: true, timer: paused, failures: [] };
}
