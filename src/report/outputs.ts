import { nextRunOf, type LiveTimer } from '../timer/live-timer.js';
import type { OperationResult } from '../operations/context.js';
import type { Plan } from '../operations/plan.js';
import { changeJson } from '../operations/plan-diff.js';
import { historyOutput } from './history.js';
import { timerUrl } from './links.js';
import type { OutputName } from '../timer/output-names.js';

/** What the outputs are made of: an operation's result, whichever operation it was. */
export type StepOutcome = Omit<OperationResult, 'operation'>;

/** The one place that turns a result into step outputs; every output is always set ('' if unknown). */
export function outputsOf(result: StepOutcome, appUrl: string): Record<OutputName, string> {
  const { timer, lastRun } = result;
  const run = lastRun?.run ?? timer?.results[0];
  return {
    'job-id': timer?.jobId ?? '',
    status: timer?.status ?? '',
    result: result.result,
    changed: String(result.changed),
    'next-run': (timer && nextRunOf(timer)) ?? '',
    'last-run-at': run?.ranAt ?? timer?.lastRanAt ?? '',
    'last-run-status': run?.status ?? '',
    'n-runs': timer ? String(timer.runs) : '',
    'n-errors': timer ? String(timer.errors) : '',
    ...leadOutputs(result),
    'timer-url': timer ? timerUrl(appUrl, timer.jobId) : '',
    timer: timer ? JSON.stringify(timerJson(timer, appUrl)) : '',
    timers: timersOutput(result, appUrl),
    plan: result.entries
      ? JSON.stringify(result.entries.map((entry) => planJson(entry.plan)))
      : result.plan
        ? JSON.stringify(planJson(result.plan))
        : '',
    history: historyOutput(result, appUrl),
  };
}

/**
 * What the last run started: its outputs when it was read; when it could not be, at least the
 * id the run named, under the output of its kind.
 */
function leadOutputs(result: StepOutcome): Record<LeadOutput, string> {
  const blank = {
    'transfer-task-id': '',
    'transfer-status': '',
    'transfer-nice-status': '',
    'transfer-faults': '',
    'flow-run-id': '',
    'flow-run-status': '',
  };
  const lead = result.lastRun?.lead;
  if (lead) return { ...blank, ...lead.outputs };
  const id = (result.lastRun?.run ?? result.timer?.results[0])?.leadIds[0] ?? '';
  return { ...blank, [result.timer?.kind === 'flow' ? 'flow-run-id' : 'transfer-task-id']: id };
}

type LeadOutput =
  | 'transfer-task-id'
  | 'transfer-status'
  | 'transfer-nice-status'
  | 'transfer-faults'
  | 'flow-run-id'
  | 'flow-run-status';

function planJson(plan: Plan) {
  return {
    action: plan.action,
    name: plan.name,
    job_id: plan.jobId ?? null,
    changes: plan.changes.map((change) => changeJson(change)),
  };
}

/** list: the timers found; a spec file: each timer it touched, with what happened to it. */
function timersOutput(result: StepOutcome, appUrl: string): string {
  if (result.entries) {
    return JSON.stringify(
      result.entries.map((entry) => ({
        ...(entry.timer
          ? timerSummary(entry.timer, appUrl)
          : { job_id: null, name: entry.plan.name }),
        result: entry.result,
        action: entry.plan.action,
      })),
    );
  }
  return result.timers ? JSON.stringify(result.timers.map((t) => timerSummary(t, appUrl))) : '';
}

/** A timer in the `timers` output: the fields a workflow filters on, not the whole document. */
export function timerSummary(timer: LiveTimer, appUrl: string) {
  return {
    job_id: timer.jobId,
    name: timer.name,
    kind: timer.kind,
    status: timer.status,
    next_run: nextRunOf(timer) ?? null,
    last_ran_at: timer.lastRanAt ?? null,
    n_runs: timer.runs,
    n_errors: timer.errors,
    timer_url: timerUrl(appUrl, timer.jobId),
  };
}

/**
 * The `timer` output: one shape whatever Globus answered with (a create's v2 timer document, a
 * check's job document) — a `timers` entry, then when it was made, its schedule, why it is
 * inactive, and what its runs do (the Transfer document or the flow and its start document,
 * with the service's defaults filled in).
 */
export function timerJson(timer: LiveTimer, appUrl: string) {
  return {
    ...timerSummary(timer, appUrl),
    submitted_at: timer.submittedAt ?? null,
    schedule: timer.schedule ?? null,
    inactive_reason: timer.inactiveReason ?? null,
    flow_id: timer.kind === 'flow' ? (timer.flowId ?? null) : null,
    body: timer.body ?? null,
  };
}
