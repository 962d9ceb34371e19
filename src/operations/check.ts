import { GlobusApiError } from '../globus/errors.js';
import type { LiveTimer } from '../globus/live-timer.js';
import type { OperationContext, OperationResult, RunReport } from './context.js';
import { describeTask, healthFailures } from './health.js';
import { requireTarget } from './target.js';

/** check: the timer and its latest run, followed into Transfer, judged by fail-on. */
export async function check(context: OperationContext): Promise<OperationResult> {
  const timer = await readTimer(context);
  return judge(context, timer, await lastRun(context, timer));
}

/** The target timer as a full document (a list entry may lack its results). */
export async function readTimer(context: OperationContext): Promise<LiveTimer> {
  const found = await requireTarget(context);
  return context.inputs.target.jobId ? found : context.timers.get(found.jobId);
}

/**
 * The newest run and, when it submitted one, its Transfer task. The task id may sit in more
 * than one place (REFERENCE §12), so a candidate Transfer does not know leads to the next.
 */
export async function lastRun(
  context: OperationContext,
  timer: LiveTimer,
): Promise<RunReport | undefined> {
  const [run] = timer.results;
  if (!run) return undefined;
  let failure: GlobusApiError | undefined;
  for (const taskId of run.taskIds) {
    try {
      return { run, task: await context.transfer.task(taskId) };
    } catch (error) {
      if (!(error instanceof GlobusApiError) || error.status === undefined) throw error;
      failure = error;
      if (error.status !== 404) break;
    }
  }
  if (!failure) return { run };
  context.log.warning(`Could not read the run's Transfer task: ${failure.message}`);
  return { run, taskError: failure.message };
}

/** Outputs for a checked timer, and the fail-on verdict. */
export function judge(
  context: OperationContext,
  timer: LiveTimer,
  run: RunReport | undefined,
): OperationResult {
  const { inputs, log, clock } = context;
  const failures = healthFailures({
    timer,
    ...(run ? { lastRun: run } : {}),
    failOn: inputs.failOn,
    ...(inputs.staleAfterSeconds === undefined
      ? {}
      : { staleAfterSeconds: inputs.staleAfterSeconds }),
    now: clock(),
  });
  const task = run?.task ? `; Transfer task ${run.task.task_id} ${describeTask(run.task)}` : '';
  const lastRunText = run
    ? `last run ${run.run.ranAt ?? '?'}: ${run.run.status ?? 'status unknown'}${task}`
    : 'no runs yet';
  log.info(
    `Timer "${timer.name}" (${timer.jobId}): ${timer.status}, ${timer.runs} runs, ${timer.errors} errors; ${lastRunText}`,
  );
  return {
    operation: inputs.operation,
    result: 'checked',
    changed: false,
    timer,
    ...(run ? { lastRun: run } : {}),
    failures,
  };
}
