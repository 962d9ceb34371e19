import { isDeleted, type LiveTimer } from '../timer/live-timer.js';
import type { OperationContext } from './context.js';
import { AmbiguousNameError } from './plan.js';

export class TimerNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimerNotFoundError';
  }
}

/**
 * The one timer `job-id` or `name` designates. A name must match exactly one live timer;
 * none or several is an error that lists what was found. With `allowMissing`, a name that
 * matches nothing gives undefined (delete is idempotent).
 */
export async function findTarget(
  context: OperationContext,
  options: { allowMissing?: boolean } = {},
): Promise<LiveTimer | undefined> {
  const { jobId, name = '' } = context.inputs.target;
  if (jobId) return context.timers.get(jobId);
  const listed = (await context.timers.list({ name })).filter((timer) => !isDeleted(timer));
  const matches = listed.filter((timer) => timer.name === name);
  if (matches.length > 1) {
    throw new AmbiguousNameError(
      name,
      matches.map((timer) => timer.jobId),
    );
  }
  const [match] = matches;
  if (match || options.allowMissing) return match;
  const similar = listed.slice(0, 5).map((timer) => `"${timer.name}" (${timer.jobId})`);
  const hint = similar.length ? `; similar names: ${similar.join(', ')}` : '';
  throw new TimerNotFoundError(`no timer named exactly "${name}"${hint}`);
}

/** Like findTarget, but the timer must exist. */
export async function requireTarget(context: OperationContext): Promise<LiveTimer> {
  return (await findTarget(context)) as LiveTimer;
}
