import type { LiveTimer } from '../globus/live-timer.js';
import type { OperationContext, OperationResult, RunReport } from './context.js';
import { judge, lastRun, readTimer } from './check.js';
import { runFinished } from './health.js';

const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 60_000;

/**
 * wait: poll until a run that started after the step began has finished (and its Transfer task
 * left ACTIVE), then judge it as check does. Gives up at the timeout, saying what it saw last;
 * stops early when the timer can no longer run (inactive, ended, deleted).
 */
export async function wait(context: OperationContext): Promise<OperationResult> {
  const { log, clock, sleep, startedAt, inputs } = context;
  const waitUntil = startedAt + inputs.timeoutSeconds * 1000;
  let timer = await readTimer(context);
  const jobId = timer.jobId;
  log.info(`Waiting up to ${inputs.timeoutSeconds}s for a new run of "${timer.name}" (${jobId})`);
  for (let poll = 0; ; poll++) {
    const run = await newRun(context, timer);
    if (run && runFinished(run)) return judge(context, timer, run);
    if (!run && cannotRunAgain(timer)) {
      log.warning(`Timer ${jobId} is ${timer.status}; no new run will come`);
      return judge(context, timer, await lastRun(context, timer));
    }
    // Back off between polls, but always take a last look when the time is up.
    const delay = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 1.5 ** poll, waitUntil - clock());
    if (delay <= 0) {
      const seen = run
        ? `a run started at ${run.run.ranAt} is still in progress${run.task ? ` (Transfer task ${run.task.task_id} ${run.task.status})` : ''}`
        : `no run has started since ${new Date(startedAt).toISOString()} (next run: ${timer.nextRun ?? 'none scheduled'})`;
      const result = judge(context, timer, run ?? (await lastRun(context, timer)));
      return {
        ...result,
        failures: [`timeout: waited ${inputs.timeoutSeconds}s; ${seen}`, ...result.failures],
      };
    }
    log.debug(`No finished new run yet; polling again in ${Math.round(delay / 1000)}s`);
    await sleep(delay);
    timer = await context.timers.get(jobId);
  }
}

/** The newest run if it started after the step began. */
async function newRun(context: OperationContext, timer: LiveTimer): Promise<RunReport | undefined> {
  const [run] = timer.results;
  if (!run?.ranAt || Date.parse(run.ranAt) < context.startedAt) return undefined;
  return lastRun(context, timer);
}

function cannotRunAgain(timer: LiveTimer): boolean {
  return (
    timer.ended ||
    ['inactive', 'deleted', 'delete_in_progress'].includes(timer.status) ||
    (!timer.nextRun && timer.status !== 'new')
  );
}
