import type { FailReason } from '../inputs.js';
import type { TransferTask } from '../globus/transfer.js';
import { requiredScopes, sessionRequirements } from '../globus/authorization-requirements.js';
import type { LiveTimer, TimerRun } from '../globus/live-timer.js';
import { formatDuration } from '../spec/duration.js';
import type { RunReport } from './context.js';

export type RunOutcome = 'succeeded' | 'failed' | 'in-progress' | 'unknown';

/**
 * How a run went. No run_status vocabulary is published (REFERENCE §4.9), so read it loosely:
 * an error document or an HTTP error status is a failure whatever the status word says.
 */
export function runOutcome(run: TimerRun): RunOutcome {
  if (run.errors || (run.submissionStatus ?? 0) >= 400) return 'failed';
  const status = (run.status ?? '').toLowerCase();
  if (/fail|error|cancel|expire/.test(status)) return 'failed';
  if (/succe|complete|^ok$|done/.test(status)) return 'succeeded';
  if (/active|progress|running|pending|queued|retry|start/.test(status)) return 'in-progress';
  return 'unknown';
}

/** Whether a run (with its Transfer task, if known) is over. */
export function runFinished(report: RunReport): boolean {
  if (report.task) return report.task.status !== 'ACTIVE';
  const outcome = runOutcome(report.run);
  return outcome === 'succeeded' || outcome === 'failed';
}

/** Why a timer is inactive, in words that say what to do. */
export function explainInactive(timer: LiveTimer): string {
  const reason = timer.inactiveReason;
  if (!reason) return `timer ${timer.jobId} is inactive (Globus gave no reason)`;
  if (reason.cause === 'user') {
    return `timer ${timer.jobId} is paused; resume it (operation: resume) to let it run again`;
  }
  if (reason.cause === 'globus_auth_requirements') {
    const scopes = requiredScopes(reason.detail);
    const session = sessionRequirements(reason.detail);
    const parts = [`timer ${timer.jobId} is inactive: Globus Auth requirements are not met`];
    if (scopes.length > 0) {
      parts.push(
        `it needs consent for ${scopes.join(' ')}; run operation: resume to request it and update the timer's credentials (or recreate it with data-access: auto)`,
      );
    }
    if (session.length > 0) {
      parts.push(
        `it also has session requirements (${session.join(', ')}) a client identity cannot meet; use collections without such policies`,
      );
    }
    return parts.join('; ');
  }
  return `timer ${timer.jobId} is inactive (${reason.cause})`;
}

/** "SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults" — what a run's Transfer task did. */
export function describeTask(task: TransferTask): string {
  const parts = [];
  if (typeof task.files === 'number') {
    const skipped = task.files_skipped ? `, ${task.files_skipped} skipped` : '';
    parts.push(`${task.files_transferred ?? 0} of ${task.files} files${skipped}`);
  }
  if (typeof task.bytes_transferred === 'number') parts.push(formatBytes(task.bytes_transferred));
  if (typeof task.faults === 'number') parts.push(`${task.faults} faults`);
  const fatal = task.fatal_error?.code
    ? `; ${task.fatal_error.code}: ${task.fatal_error.description ?? ''}`.trimEnd()
    : '';
  return `${task.status}${parts.length ? `: ${parts.join(', ')}` : ''}${fatal}`;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface HealthInput {
  timer: LiveTimer;
  lastRun?: RunReport;
  failOn: readonly FailReason[];
  /** Seconds; default twice the interval. */
  staleAfterSeconds?: number;
  now: number;
}

/** The fail-on reasons that hold, each as a sentence a user can act on. */
export function healthFailures(input: HealthInput): string[] {
  const { timer, lastRun, failOn } = input;
  const failures: string[] = [];
  const on = (reason: FailReason) => failOn.includes(reason);
  if (on('run-error') && lastRun && runOutcome(lastRun.run) === 'failed') {
    failures.push(
      `run-error: the last run (${lastRun.run.ranAt ?? 'time unknown'}) reported an error${describeRunError(lastRun.run)}`,
    );
  }
  if (on('transfer-failed') && lastRun?.task?.status === 'FAILED') {
    const task = lastRun.task;
    const fatal = task.fatal_error
      ? `: ${task.fatal_error.code ?? ''} ${task.fatal_error.description ?? ''}`.trimEnd()
      : '';
    failures.push(
      `transfer-failed: Transfer task ${task.task_id} FAILED${fatal} (${task.faults ?? 0} faults)`,
    );
  }
  if (on('inactive') && timer.status === 'inactive') {
    failures.push(`inactive: ${explainInactive(timer)}`);
  }
  if (on('ended') && timer.ended) {
    failures.push(`ended: timer ${timer.jobId} has ended and will not run again`);
  }
  const stale = on('stale') ? staleness(input) : undefined;
  if (stale) failures.push(`stale: ${stale}`);
  return failures;
}

function describeRunError(run: TimerRun): string {
  if (!run.errors) return run.status ? ` (${run.status})` : '';
  const text = JSON.stringify(run.errors);
  return `: ${text.length > 300 ? `${text.slice(0, 297)}...` : text}`;
}

/** "No successful run within stale-after", or undefined when the timer is fresh enough. */
function staleness(input: HealthInput): string | undefined {
  const { timer, now } = input;
  const interval =
    timer.schedule?.type === 'recurring' ? timer.schedule.interval_seconds : undefined;
  const window = input.staleAfterSeconds ?? (interval ? 2 * interval : undefined);
  if (window === undefined) return undefined; // run-once without stale-after: nothing to expect
  const since = now - window * 1000;
  const lastSuccess = timer.results.find((run) => runOutcome(run) === 'succeeded');
  const lastSuccessAt = lastSuccess?.ranAt ? Date.parse(lastSuccess.ranAt) : undefined;
  if (lastSuccessAt !== undefined && lastSuccessAt >= since) return undefined;
  const submittedAt = timer.submittedAt ? Date.parse(timer.submittedAt) : undefined;
  if (submittedAt !== undefined && submittedAt >= since) return undefined; // too young to judge
  const last = lastSuccess?.ranAt ? `the last one was at ${lastSuccess.ranAt}` : 'none on record';
  return `no successful run within ${formatDuration(window)} (${last})`;
}
