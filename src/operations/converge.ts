import { isDeleted, type LiveTimer } from '../timer/live-timer.js';
import { compareTimers } from '../kinds/index.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import type { OperationContext } from './context.js';

/**
 * Two runs applying the same name at the same moment (two quick pushes) can both find no timer
 * and both create one. So after creating, look at the name again: among the timers with this
 * name and spec that were not there before, the earliest submitted (ties: the smaller id) is
 * the one every run keeps. A run whose own timer is not that one deletes its own and adopts
 * the survivor, so however the runs interleave, one timer is left and every run reports it.
 */
export async function converge(
  context: OperationContext,
  desired: TimerSpec,
  created: LiveTimer,
  known: ReadonlySet<string>,
): Promise<LiveTimer> {
  const named = await context.timers.withExactName(desired.name);
  return settle(context, desired, created, known, named);
}

/**
 * converge with the timers already read (a spec file reads all of them once for all its
 * creates): `listed` is what Globus holds now.
 */
export async function settle(
  context: OperationContext,
  desired: TimerSpec,
  created: LiveTimer,
  known: ReadonlySet<string>,
  listed: readonly LiveTimer[],
): Promise<LiveTimer> {
  const { timers, log } = context;
  const newcomers = listed.filter(
    (timer) =>
      timer.name === desired.name &&
      !isDeleted(timer) &&
      !known.has(timer.jobId) &&
      timer.jobId !== created.jobId,
  );
  if (newcomers.length === 0) return created;
  const twins = newcomers.filter((timer) => compareTimers(desired, timer).length === 0);
  for (const other of newcomers.filter((timer) => !twins.includes(timer))) {
    log.warning(
      `Another timer named "${desired.name}" (${other.jobId}) was created while this step ran, with a different spec; two runs are applying different specs at once (a workflow concurrency group prevents it). Re-run to reconcile.`,
    );
  }
  const [survivor] = [created, ...twins].sort(bySubmission);
  if (!survivor || survivor.jobId === created.jobId) return created;
  log.notice(
    `Another run created timer "${desired.name}" (${survivor.jobId}) at the same time; keeping that one and deleting this run's ${created.jobId}`,
  );
  await timers.delete(created.jobId);
  return survivor;
}

/** Earliest submitted first; the same instant is settled by the id, as every run sees both. */
function bySubmission(a: LiveTimer, b: LiveTimer): number {
  const time = (timer: LiveTimer) => Date.parse(timer.submittedAt ?? '') || 0;
  return time(a) - time(b) || a.jobId.localeCompare(b.jobId);
}

/** Timers with one name that the step knew of before it wrote anything. */
export function knownIds(live: readonly LiveTimer[]): Set<string> {
  return new Set(live.filter((timer) => !isDeleted(timer)).map((timer) => timer.jobId));
}
