import type { LiveTimer } from '../timer/live-timer.js';
import type { OperationContext, OperationResult } from './context.js';
import { findTarget } from './target.js';

/**
 * delete: idempotent; a timer already deleted or gone is a notice, not a failure. By job-id the
 * DELETE goes straight out (one round trip fewer); its answer says whether the timer was there
 * to delete. Another client's timer is a failure when Timers says so (403); when it answers 404
 * instead, it cannot be told from a timer that is gone.
 */
export async function deleteTimer(context: OperationContext): Promise<OperationResult> {
  const { inputs } = context;
  if (inputs.target.jobId) return deleteById(context, inputs.target.jobId);
  const timer = await findTarget(context, { allowMissing: true });
  // Deleted timers are not found by name: a name whose only timers are deleted matches nothing.
  if (!timer) return gone(context, `No timer is named exactly "${inputs.target.name}"`);
  return deleteById(context, timer.jobId, timer);
}

async function deleteById(
  context: OperationContext,
  jobId: string,
  known?: LiveTimer,
): Promise<OperationResult> {
  const deletion = await context.timers.delete(jobId);
  const timer = deletion.timer ?? known;
  const label = timer?.name ? `"${timer.name}" (${jobId})` : jobId;
  if (deletion.already) {
    return gone(context, alreadyGone(label, deletion.timer, known), timer);
  }
  context.log.info(`Deleted timer ${label}`);
  return {
    operation: 'delete',
    result: 'deleted',
    changed: true,
    ...(timer ? { timer } : {}),
    failures: [],
  };
}

/**
 * Why there was nothing to delete. Only a timer this client has seen (listed by name, or in the
 * reply) is known to be its own; a job-id Timers answers 404 for may be another identity's.
 */
function alreadyGone(label: string, replied?: LiveTimer, known?: LiveTimer): string {
  if (replied) return `Timer ${label} ${deletedState(replied)}`;
  if (known) return `Timer ${label} is already gone`;
  return `Timer ${label} does not exist for this client: it was deleted already, or it is another identity's (Globus Timers answers the same for both)`;
}

/** "is already deleted", or being deleted — in the status's own words, which Globus varies. */
function deletedState(timer: LiveTimer): string {
  return timer.status === 'deleted'
    ? 'is already deleted'
    : `is already being deleted (${timer.status})`;
}

function gone(context: OperationContext, what: string, timer?: LiveTimer): OperationResult {
  context.log.notice(`${what}; nothing to delete`);
  return {
    operation: 'delete',
    result: 'deleted',
    changed: false,
    ...(timer ? { timer } : {}),
    failures: [],
  };
}
