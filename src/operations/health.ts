import type { FailReason } from '../timer/fail-reasons.js';
import { requiredScopes, sessionRequirements } from '../globus/authorization-requirements.js';
import type { LiveTimer, TimerRun } from '../timer/live-timer.js';
import { formatDuration } from '../timer/duration.js';
import type { RunReport } from './context.js';

export type RunOutcome = 'succeeded' | 'failed' | 'in-progress' | 'unknown';

/**
 * How a run went. No run_status vocabulary is published (docs/globus-variants.md), so read it
 * loosely: an error document or an HTTP error status is a failure whatever the status word says.
 */
export function runOutcome(run: TimerRun): RunOutcome {
  if (run.errors || (run.submissionStatus ?? 0) >= 400) return 'failed';
  const status = (run.status ?? '').toLowerCase();
  if (/fail|error|cancel|expire/.test(status)) return 'failed';
  if (/succe|complete|^ok$|done/.test(status)) return 'succeeded';
  if (/active|progress|running|pending|queued|retry|start/.test(status)) return 'in-progress';
  return 'unknown';
}

/** Whether a run (with what it started, if known) is over. */
export function runFinished(report: RunReport): boolean {
  if (report.lead) return report.lead.settled;
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
  failures.push(...(lastRun?.lead?.failures(failOn) ?? []));
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
