import type { LiveTimer } from '../timer/live-timer.js';
import type { OperationContext } from './context.js';
import { explainInactive } from './inactive.js';

/**
 * A timer that matches but will not run is worth a word: apply (one timer or a spec file's)
 * does not resume or revive it.
 */
export function warnIfIdle(context: Pick<OperationContext, 'log'>, timer: LiveTimer): void {
  if (timer.status === 'inactive') context.log.warning(explainInactive(timer));
  if (timer.ended) {
    context.log.warning(
      `timer ${timer.jobId} matches the inputs but has ended; delete it (or change the inputs) to schedule it anew`,
    );
  }
}
