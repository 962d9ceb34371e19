import { GlobusApiError } from '../globus/errors.js';
import { isDeleted } from '../globus/live-timer.js';
import type { OperationContext, OperationResult } from './context.js';
import { findTarget } from './target.js';

/** delete: idempotent; a timer already deleted or gone is a notice, not a failure. */
export async function deleteTimer(context: OperationContext): Promise<OperationResult> {
  const { timers, log, inputs } = context;
  const gone = (what: string): OperationResult => {
    log.notice(`${what}; nothing to delete`);
    return { operation: 'delete', result: 'deleted', changed: false, failures: [] };
  };
  let timer;
  try {
    timer = await findTarget(context, { allowMissing: true });
  } catch (error) {
    if (error instanceof GlobusApiError && (error.status === 404 || error.status === 403)) {
      return gone(`Timer ${inputs.target.jobId} does not exist (or is not this client's)`);
    }
    throw error;
  }
  if (!timer) return gone(`No timer is named exactly "${inputs.target.name}"`);
  if (isDeleted(timer)) {
    log.notice(
      `Timer "${timer.name}" (${timer.jobId}) is already ${timer.status}; nothing to delete`,
    );
    return { operation: 'delete', result: 'deleted', changed: false, timer, failures: [] };
  }
  const deleted = await timers.delete(timer.jobId);
  log.info(`Deleted timer "${timer.name}" (${timer.jobId})`);
  return {
    operation: 'delete',
    result: 'deleted',
    changed: true,
    timer: deleted ?? timer,
    failures: [],
  };
}
