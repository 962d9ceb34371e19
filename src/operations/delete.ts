import { GlobusApiError } from '../globus/errors.js';
import { isDeleted, type LiveTimer } from '../timer/live-timer.js';
import type { OperationContext, OperationResult } from './context.js';
import { findTarget } from './target.js';

/**
 * delete: idempotent; a timer already deleted, gone or another client's is a notice, not a
 * failure. By job-id the DELETE goes straight out (one round trip fewer); its answer says
 * whether the timer was there to delete.
 */
export async function deleteTimer(context: OperationContext): Promise<OperationResult> {
  const { inputs } = context;
  if (inputs.target.jobId) return deleteById(context, inputs.target.jobId);
  const timer = await findTarget(context, { allowMissing: true });
  if (!timer) return gone(context, `No timer is named exactly "${inputs.target.name}"`);
  if (isDeleted(timer)) {
    return gone(
      context,
      `Timer "${timer.name}" (${timer.jobId}) is already ${timer.status}`,
      timer,
    );
  }
  return deleteById(context, timer.jobId, timer);
}

async function deleteById(
  context: OperationContext,
  jobId: string,
  known?: LiveTimer,
): Promise<OperationResult> {
  let deletion;
  try {
    deletion = await context.timers.delete(jobId);
  } catch (error) {
    if (error instanceof GlobusApiError && error.status === 403) {
      return gone(context, `Timer ${jobId} does not exist (or is not this client's)`);
    }
    throw error;
  }
  const timer = deletion.timer ?? known;
  const label = timer?.name ? `"${timer.name}" (${jobId})` : jobId;
  if (deletion.already) {
    return gone(
      context,
      `Timer ${label} is already deleted, or does not exist for this client`,
      timer,
    );
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
