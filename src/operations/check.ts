import type { LiveTimer } from '../timer/live-timer.js';
import type { OperationContext, OperationResult, RunReport } from './context.js';
import { healthFailures, historyHeadline } from './health.js';
import { followRecent, followRun } from './recent-runs.js';
import { requireTarget } from './target.js';
import { plural } from '../words.js';

/**
 * check: the timer, its newest runs followed into Transfer (or Flows) in one round, judged by
 * fail-on.
 */
export async function check(context: OperationContext): Promise<OperationResult> {
  const timer = await readTimer(context);
  return judge(context, timer, await followRecent(context, timer));
}

/** The target timer as a full document (a list entry may lack its results). */
export async function readTimer(context: OperationContext): Promise<LiveTimer> {
  const found = await requireTarget(context);
  return context.inputs.target.jobId ? found : context.timers.get(found.jobId);
}

/** The newest run, followed to what it started (a Transfer task, a Flows run). */
export async function lastRun(
  context: OperationContext,
  timer: LiveTimer,
): Promise<RunReport | undefined> {
  const [run] = timer.results;
  return run ? followRun(context, timer, run) : undefined;
}

/**
 * Outputs for a checked timer, and the fail-on verdict. `recent` holds the newest runs, newest
 * first: the last run, then as many more as history asks.
 */
export function judge(
  context: OperationContext,
  timer: LiveTimer,
  recent: readonly RunReport[],
): OperationResult {
  const { inputs, log, serviceTime } = context;
  const [run] = recent;
  const history = inputs.history > 0 ? recent.slice(0, inputs.history) : undefined;
  const failures = healthFailures({
    timer,
    ...(run ? { lastRun: run } : {}),
    failOn: inputs.failOn,
    ...(inputs.staleAfterSeconds === undefined
      ? {}
      : { staleAfterSeconds: inputs.staleAfterSeconds }),
    now: serviceTime(),
    ...(history ? { history } : {}),
  });
  const lead = run?.lead ? `; ${run.lead.what} ${run.lead.id} ${run.lead.description}` : '';
  const lastRunText = run
    ? `last run ${run.run.ranAt ?? '?'}: ${run.run.status ?? 'status unknown'}${lead}`
    : 'no runs yet';
  log.info(
    `Timer "${timer.name}" (${timer.jobId}): ${timer.status}, ${plural(timer.runs, 'run')}, ${plural(timer.errors, 'error')}; ${lastRunText}`,
  );
  if (history && history.length > 1) log.info(`Recent runs: ${historyHeadline(history)}`);
  return {
    operation: inputs.operation,
    result: 'checked',
    changed: false,
    timer,
    ...(run ? { lastRun: run } : {}),
    ...(history ? { history } : {}),
    failures,
  };
}
