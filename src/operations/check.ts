import type { LiveTimer } from '../timer/live-timer.js';
import { kindOf } from '../kinds/index.js';
import type { OperationContext, OperationResult, RunReport } from './context.js';
import { healthFailures } from './health.js';
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

/** The newest run, followed to what it started (a Transfer task, a Flows run). */
export async function lastRun(
  context: OperationContext,
  timer: LiveTimer,
): Promise<RunReport | undefined> {
  const [run] = timer.results;
  if (!run) return undefined;
  const lead = await kindOf(timer).follow(context, run);
  return lead ? { run, lead } : { run };
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
  const lead = run?.lead ? `; ${run.lead.what} ${run.lead.id} ${run.lead.description}` : '';
  const lastRunText = run
    ? `last run ${run.run.ranAt ?? '?'}: ${run.run.status ?? 'status unknown'}${lead}`
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
