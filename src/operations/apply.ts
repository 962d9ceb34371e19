import type { LiveTimer } from '../timer/live-timer.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import { creationOf, kindOf } from '../kinds/index.js';
import type { OperationContext, OperationResult } from './context.js';
import { converge, knownIds } from './converge.js';
import { desiredTimer, reconciled } from './desired.js';
import { warnIfIdle } from './idle.js';
import { outcomeLine, planApply, planHeadline, type Plan } from './plan.js';
import { describeChanges } from './plan-diff.js';
import { applySpecFile, planSpecFile } from './spec-file.js';
import { writeProblems } from './write-problems.js';

/** apply: make the client's timer called `name` match the inputs, creating or replacing it. */
export async function apply(context: OperationContext): Promise<OperationResult> {
  if (context.inputs.specFile) return applySpecFile(context);
  const { desired, live, plan } = await planByName(context);
  return carryOut(context, desired, plan, live);
}

/** The desired timer, the live timers with its name, and apply's plan for them. */
async function planByName(context: OperationContext) {
  const named = desiredTimer(context);
  const live = await context.timers.withExactName(named.name);
  const desired = live.length === 1 ? reconciled(named, context.inputs.timer, live[0]) : named;
  return { desired, live, plan: planApply(desired, live) };
}

/** Carries out a plan (apply, update and spec files share this). */
export async function carryOut(
  context: OperationContext,
  desired: TimerSpec,
  plan: Plan,
  live: readonly LiveTimer[],
): Promise<OperationResult> {
  const { log, timers } = context;
  const current = live.find((timer) => timer.jobId === plan.jobId);
  const base = { operation: context.inputs.operation, plan, failures: [] };
  for (const line of describeChanges(plan.changes)) log.debug(`  ${line}`);
  switch (plan.action) {
    case 'unchanged':
      log.info(outcomeLine(plan, {}));
      if (current) warnIfIdle(context, current);
      return { ...base, result: 'unchanged', changed: false, ...timerOf(current) };
    case 'rename': {
      const renamed = await timers.rename(plan.jobId as string, desired.name);
      log.info(
        outcomeLine(plan, {
          jobId: renamed.jobId,
          ...(current ? { previousName: current.name } : {}),
        }),
      );
      return { ...base, result: 'renamed', changed: true, timer: renamed };
    }
    case 'create': {
      const created = await createTimer(context, desired, live);
      log.info(outcomeLine(plan, { jobId: created.jobId }));
      return { ...base, result: 'created', changed: true, timer: created };
    }
    case 'replace': {
      // New first, then old: a failure in between leaves a timer running, never none.
      const created = await createTimer(context, desired, live);
      await timers.delete(plan.jobId as string);
      log.info(outcomeLine(plan, { jobId: created.jobId }));
      for (const line of describeChanges(plan.changes)) log.info(`  ${line}`);
      return {
        ...base,
        result: 'replaced',
        changed: true,
        timer: created,
        replacedJobId: plan.jobId as string,
      };
    }
    case 'delete':
      throw new Error('apply never plans a delete for a single timer');
  }
}

function timerOf(timer: LiveTimer | undefined): { timer?: LiveTimer } {
  return timer ? { timer } : {};
}

/** Creates the timer apply planned, then settles with any run that created it at the same time. */
async function createTimer(
  context: OperationContext,
  desired: TimerSpec,
  live: readonly LiveTimer[],
): Promise<LiveTimer> {
  const consents = await kindOf(desired).prepare(context, desired, context.inputs.dataAccess);
  const known = knownIds(live);
  const created = await context.timers.create(creationOf(desired, context.now()), consents, known);
  return converge(context, desired, created, known);
}

/**
 * create: always a new timer, as `globus timer create transfer` does. The timers already
 * holding the name are read (beside the collection look-ups) so that, should the create's
 * outcome be unknown, an older twin is never taken for the one this step made.
 */
export async function create(context: OperationContext): Promise<OperationResult> {
  const desired = desiredTimer(context);
  const [existing, consents] = await Promise.all([
    context.timers.list({ name: desired.name }),
    kindOf(desired).prepare(context, desired, context.inputs.dataAccess),
  ]);
  const known = new Set(existing.map((timer) => timer.jobId));
  const created = await context.timers.create(creationOf(desired, context.now()), consents, known);
  context.log.info(`Created timer "${desired.name}" (${created.jobId})`);
  return {
    operation: 'create',
    result: 'created',
    changed: true,
    timer: created,
    failures: [],
  };
}

/** plan: what apply would do, without writing anything. */
export async function plan(context: OperationContext): Promise<OperationResult> {
  if (context.inputs.specFile) return planSpecFile(context);
  const { desired, live, plan: planned } = await planByName(context);
  context.log.info(planHeadline(planned, live[0]));
  for (const line of describeChanges(planned.changes)) context.log.info(`  ${line}`);
  const [current] = live;
  return {
    operation: 'plan',
    result: 'planned',
    changed: false,
    plan: planned,
    failures: await writeProblems(context, desired, planned),
    ...timerOf(current),
  };
}
