import { isDeleted, type LiveTimer } from '../timer/live-timer.js';
import type { SpecFileEntry } from '../timer/spec-file.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import type { EntryResult, OperationContext, OperationResult, ResultKind } from './context.js';
import { settle } from './converge.js';
import { creationOf, describeGone, kindOf } from '../kinds/index.js';
import { InputError, type InputProblem } from '../timer/problems.js';
import type { TimersConsents } from '../globus/credentials.js';
import { writeProblems } from './write-problems.js';
import { inOrder } from './pool.js';
import { desiredTimer, reconciled } from './desired.js';
import { warnIfIdle } from './idle.js';
import {
  AmbiguousNameError,
  outcomeLine,
  planAgainst,
  planApply,
  planHeadline,
  type Plan,
} from './plan.js';
import { describeChanges } from './plan-diff.js';

/** One step of a spec file: the plan for one timer, and what carrying it out needs. */
interface Step {
  plan: Plan;
  desired?: TimerSpec;
  entry?: SpecFileEntry;
  current?: LiveTimer;
}

const NO_CONSENTS: TimersConsents = { dataAccess: [], dependencies: [] };

const RESULT_OF: Record<Plan['action'], ResultKind> = {
  create: 'created',
  unchanged: 'unchanged',
  replace: 'replaced',
  rename: 'renamed',
  delete: 'deleted',
};

/**
 * apply with a spec file: every timer it lists is applied as `apply` would (an entry with
 * `previous-name` renames that timer in place), and with `prune-prefix` the client's timers
 * under that prefix that the file no longer lists are deleted. Everything is planned — and
 * every ambiguity found — before the first write.
 */
export async function applySpecFile(context: OperationContext): Promise<OperationResult> {
  const { steps, live } = await planSteps(context);
  const limit = context.inputs.concurrency;
  // What every timer to create uses is looked up (and its flow input checked) before the first
  // write, so a bad collection or input stops the whole file rather than half of it.
  const consents = await inOrder(steps, limit, (step) => {
    const creates = step.plan.action === 'create' || step.plan.action === 'replace';
    return creates && step.desired
      ? kindOf(step.desired).prepare(
          context,
          step.desired,
          step.entry?.dataAccess ?? context.inputs.dataAccess,
        )
      : Promise.resolve(NO_CONSENTS);
  });
  // The writes run a few at a time; the log tells them in the file's order.
  const known = new Set(live.map((timer) => timer.jobId));
  const entries = await inOrder(
    steps,
    limit,
    (step, i) => carryOutStep(context, step, consents[i] ?? NO_CONSENTS, known),
    (entry, i) => logStep(context, entry, steps[i] as Step),
  );
  await settleCreated(context, steps, entries, known);
  const results = new Set(entries.map((entry) => entry.result));
  const [only] = entries;
  const result =
    entries.length === 1 && only ? only.result : results.size === 1 ? [...results][0] : 'applied';
  return {
    operation: 'apply',
    result: result ?? 'unchanged',
    changed: entries.some((entry) => entry.result !== 'unchanged'),
    entries,
    timers: entries.flatMap((entry) => (entry.timer ? [entry.timer] : [])),
    ...(entries.length === 1 && only?.timer ? { timer: only.timer, plan: only.plan } : {}),
    failures: [],
  };
}

/**
 * Another run may have applied the same file at the same moment: one read of the client's
 * timers after the writes settles every timer this step created (see converge).
 */
async function settleCreated(
  context: OperationContext,
  steps: readonly Step[],
  entries: EntryResult[],
  known: ReadonlySet<string>,
): Promise<void> {
  const created = entries.flatMap((entry, i) => {
    const desired = steps[i]?.desired;
    const made = entry.result === 'created' || entry.result === 'replaced';
    return made && desired && entry.timer ? [{ entry, desired, timer: entry.timer }] : [];
  });
  if (created.length === 0) return;
  const listed = await context.timers.list();
  for (const { entry, desired, timer } of created) {
    entry.timer = await settle(context, desired, timer, known, listed);
  }
}

/** plan with a spec file: what applySpecFile would do, with no write. */
export async function planSpecFile(context: OperationContext): Promise<OperationResult> {
  const { steps } = await planSteps(context);
  const entries = steps.map((step) => ({
    plan: step.plan,
    result: 'planned' as const,
    ...(step.current ? { timer: step.current } : {}),
  }));
  for (const { plan, current } of steps) {
    context.log.info(planHeadline(plan, current));
    for (const line of describeChanges(plan.changes)) context.log.info(`  ${line}`);
  }
  const failures: string[] = [];
  for (const step of steps) {
    if (step.desired) failures.push(...(await writeProblems(context, step.desired, step.plan)));
  }
  return {
    operation: 'plan',
    result: 'planned',
    changed: false,
    entries,
    timers: entries.flatMap((entry) => (entry.timer ? [entry.timer] : [])),
    failures,
  };
}

async function planSteps(context: OperationContext): Promise<{ steps: Step[]; live: LiveTimer[] }> {
  const file = context.inputs.specFile;
  if (!file) throw new Error('planSteps needs a spec file');
  const wanted = file.entries.map((entry) => ({
    entry,
    desired: desiredTimer(context, entry.timer),
  }));
  const live = (await context.timers.list()).filter((timer) => !isDeleted(timer));
  const named = (name: string) => live.filter((timer) => timer.name === name);
  const claims = new Claims(file.path);
  const steps: Step[] = wanted.map(({ entry, desired }) => {
    let matches = named(desired.name);
    if (matches.length === 0 && entry.previousName) matches = named(entry.previousName);
    if (matches.length > 1) {
      throw new AmbiguousNameError(
        matches[0]?.name ?? desired.name,
        matches.map((timer) => timer.jobId),
      );
    }
    const [current] = matches;
    if (!current) return { plan: planApply(desired, []), desired, entry };
    claims.claim(current, entry);
    const kept = reconciled(desired, entry.timer, current);
    return { plan: planAgainst(kept, current), desired: kept, entry, current };
  });
  claims.refuseShared();
  const prefix = file.prunePrefix;
  if (prefix) {
    for (const timer of live) {
      if (!timer.name.startsWith(prefix) || claims.has(timer.jobId)) continue;
      steps.push({
        plan: {
          action: 'delete',
          name: timer.name,
          jobId: timer.jobId,
          changes: describeGone(timer),
        },
        current: timer,
      });
    }
  }
  return { steps, live };
}

/**
 * Which entry stands for which live timer. One timer is one entry's at most: an entry that
 * renames `nightly` (previous-name) and another named `nightly` would both write to it — the
 * rename, then a replace that deletes the renamed timer — so such a file is refused before
 * any write, naming both entries.
 */
class Claims {
  private readonly byJobId = new Map<string, SpecFileEntry>();
  private readonly problems: InputProblem[] = [];

  constructor(private readonly file: string) {}

  claim(timer: LiveTimer, entry: SpecFileEntry): void {
    const other = this.byJobId.get(timer.jobId);
    if (!other) {
      this.byJobId.set(timer.jobId, entry);
      return;
    }
    const byName = (claimant: SpecFileEntry) => claimant.timer.name === timer.name;
    const how = (claimant: SpecFileEntry) =>
      `${claimant.place} ${byName(claimant) ? 'by its name' : 'by previous-name'}`;
    const fix = [other, entry].some(byName)
      ? 'to rename it and make a new timer with its old name, apply the rename first, then add the new timer'
      : 'keep previous-name on one of them';
    this.problems.push({
      input: 'spec-file',
      file: this.file,
      ...(entry.line === undefined ? {} : { line: entry.line }),
      message: `${how(other)} and ${how(entry)} both stand for timer "${timer.name}" (${timer.jobId}); a timer can be one entry's only: ${fix}`,
    });
  }

  has(jobId: string): boolean {
    return this.byJobId.has(jobId);
  }

  refuseShared(): void {
    if (this.problems.length > 0) throw new InputError(this.problems);
  }
}

async function carryOutStep(
  context: OperationContext,
  step: Step,
  consents: TimersConsents,
  known: ReadonlySet<string>,
): Promise<EntryResult> {
  const { timers } = context;
  const { plan, desired, current } = step;
  const base = { plan, result: RESULT_OF[plan.action] };
  const create = () =>
    timers.create(creationOf(desired as TimerSpec, context.now()), consents, known);
  switch (plan.action) {
    case 'unchanged':
      return { ...base, ...(current ? { timer: current } : {}) };
    case 'rename':
      return { ...base, timer: await timers.rename(plan.jobId as string, plan.name) };
    case 'create':
      return { ...base, timer: await create() };
    case 'replace': {
      const timer = await create();
      await timers.delete(plan.jobId as string);
      return { ...base, timer, replacedJobId: plan.jobId as string };
    }
    case 'delete': {
      const timer = (await timers.delete(plan.jobId as string)).timer ?? current;
      return { ...base, ...(timer ? { timer } : {}) };
    }
  }
}

/** What came of one timer of the file, as a log line (or a few, for a replace's changes). */
function logStep(context: OperationContext, entry: EntryResult, step: Step): void {
  const { log } = context;
  const { plan } = entry;
  const jobId = entry.timer?.jobId ?? plan.jobId;
  const previousName = step.current?.name;
  log.info(
    outcomeLine(plan, { ...(jobId ? { jobId } : {}), ...(previousName ? { previousName } : {}) }),
  );
  if (plan.action === 'replace') {
    for (const line of describeChanges(plan.changes)) log.info(`  ${line}`);
  }
  // As apply warns of one timer: it matches, but will not run.
  if (plan.action === 'unchanged' && step.current) warnIfIdle(context, step.current);
}
