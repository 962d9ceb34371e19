import type { FailReason } from '../timer/fail-reasons.js';
import { requiredScopes, sessionRequirements } from '../globus/authorization-requirements.js';
import { isDeleted, type LiveTimer, type TimerRun } from '../timer/live-timer.js';
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

/** How a run went, what it started included: a stalled Transfer task, a failed Flows run. */
export type ReportOutcome = RunOutcome | 'stalled';

/**
 * How a run went, judged by what it started when that was read and says (the task, not the
 * submission, is what moved the data), else by the run itself.
 */
export function reportOutcome(report: RunReport): ReportOutcome {
  const lead = report.lead?.outcome;
  return lead && lead !== 'unknown' ? lead : runOutcome(report.run);
}

/**
 * The recent runs in a few words: "3 of the last 5 runs failed, the last 2 in a row", "all of
 * the last 5 runs succeeded".
 */
export function historyHeadline(history: readonly RunReport[]): string {
  const outcomes = history.map(reportOutcome);
  const [newest] = outcomes;
  if (newest === undefined) return 'no runs yet';
  if (outcomes.length === 1) return `the last run ${SINGLE[newest]}`;
  const count = (outcome: ReportOutcome) => outcomes.filter((o) => o === outcome).length;
  const last = `the last ${outcomes.length} runs`;
  const [failed, stalled] = [count('failed'), count('stalled')];
  if (failed === outcomes.length) return `all of ${last} failed`;
  if (stalled === outcomes.length) return `all of ${last} stalled`;
  if (failed + stalled === 0) {
    return count('succeeded') === outcomes.length
      ? `all of ${last} succeeded`
      : `none of ${last} failed`;
  }
  const said = failed
    ? `${failed} of ${last} failed${stalled ? ` and ${stalled} stalled` : ''}`
    : `${stalled} of ${last} stalled`;
  return `${said}${streak(outcomes)}`;
}

const SINGLE: Record<ReportOutcome, string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  stalled: 'stalled',
  'in-progress': 'is still in progress',
  unknown: 'has no known outcome',
};

/** ", the last 3 in a row": the newest runs that went wrong one after another, when several. */
function streak(outcomes: readonly ReportOutcome[]): string {
  const wrong = outcomes.findIndex((outcome) => outcome !== 'failed' && outcome !== 'stalled');
  return wrong > 1 ? `, the last ${wrong} in a row` : '';
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
  /** The newest runs followed to what they started, when history is on. */
  history?: readonly RunReport[];
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
  if (on('inactive') && isDeleted(timer)) {
    const state = timer.status === 'deleted' ? 'deleted' : `being deleted (${timer.status})`;
    failures.push(
      `inactive: timer ${timer.jobId} is ${state} and will never run again; apply it again to make a new one`,
    );
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
  // A run in the history is judged by what it started: its task may have failed.
  const followed = new Map(input.history?.map((report) => [report.run, report]));
  const outcome = (run: TimerRun) => {
    const report = followed.get(run);
    return report ? reportOutcome(report) : runOutcome(run);
  };
  const lastSuccess = timer.results.find((run) => outcome(run) === 'succeeded');
  const lastSuccessAt = lastSuccess?.ranAt ? Date.parse(lastSuccess.ranAt) : undefined;
  if (lastSuccessAt !== undefined && lastSuccessAt >= since) return undefined;
  const submittedAt = timer.submittedAt ? Date.parse(timer.submittedAt) : undefined;
  if (submittedAt !== undefined && submittedAt >= since) return undefined; // too young to judge
  const last = lastSuccess?.ranAt ? `the last one was at ${lastSuccess.ranAt}` : 'none on record';
  const recent = input.history?.length ? `; ${historyHeadline(input.history)}` : '';
  return `no successful run within ${formatDuration(window)} (${last})${recent}`;
}
