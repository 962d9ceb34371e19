import { GlobusApiError } from '../globus/errors.js';
import { kindOf } from '../kinds/index.js';
import type { LiveTimer, TimerRun } from '../timer/live-timer.js';
import type { OperationContext, RunReport } from './context.js';

/**
 * The timer's newest runs — as many as `history` asks, and at least the newest — each followed
 * to what it started, all in one concurrent round (the runs are in the timer document already).
 * The newest, when it stands still, is then explained (a stalled Transfer task's latest error
 * event: one more request, only then). A newest run followed already (`known`, by wait) is not
 * read again.
 */
export async function followRecent(
  context: OperationContext,
  timer: LiveTimer,
  known?: RunReport,
): Promise<RunReport[]> {
  const [newest, ...older] = timer.results.slice(0, Math.max(1, context.inputs.history));
  if (!newest) return [];
  const first = known && isSameRun(known.run, newest) ? known : followRun(context, timer, newest);
  return Promise.all([
    Promise.resolve(first).then(explained),
    ...older.map((run) => followOlder(context, timer, run)),
  ]);
}

/** The newest run, followed to what it started: a failure to read it fails the step. */
export async function followRun(
  context: OperationContext,
  timer: LiveTimer,
  run: TimerRun,
): Promise<RunReport> {
  const lead = await kindOf(timer).follow(context, run);
  return lead ? { run, lead } : { run };
}

/** An older run that cannot be followed is shown without what it started, with a warning. */
async function followOlder(
  context: OperationContext,
  timer: LiveTimer,
  run: TimerRun,
): Promise<RunReport> {
  try {
    return await followRun(context, timer, run);
  } catch (error) {
    if (!(error instanceof GlobusApiError)) throw error;
    context.log.warning(
      `Could not follow the run of ${run.ranAt ?? 'unknown time'}: ${error.message}`,
    );
    return { run };
  }
}

async function explained(report: RunReport): Promise<RunReport> {
  const explain = report.lead?.explain;
  return explain ? { ...report, lead: await explain() } : report;
}

function isSameRun(a: TimerRun, b: TimerRun): boolean {
  return a === b || (a.ranAt !== undefined && a.ranAt === b.ranAt);
}
