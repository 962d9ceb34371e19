import type { FailReason } from '../timer/fail-reasons.js';
import { requiredScopes } from '../globus/authorization-requirements.js';
import { describeErrorBody } from '../globus/errors.js';
import { consentWords } from '../globus/scopes.js';
import { clip } from '../redactor.js';
import { isDeleted, type LiveTimer, type TimerRun } from '../timer/live-timer.js';
import { formatDuration } from '../timer/duration.js';
import type { RunReport } from './context.js';
import { explainInactive } from './inactive.js';

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

/** How much of what Globus said of a failed run its failure line carries. */
const RUN_ERROR_LIMIT = 300;

/**
 * What Globus said of a failed run, as a sentence: its code and message, and the consent it
 * lacked in words (`data_access on collection …`, `running flow …`) — never the JSON document.
 */
function describeRunError(run: TimerRun): string {
  if (!run.errors) return run.status ? ` (${run.status})` : '';
  if (typeof run.errors === 'string') return `: "${clip(run.errors, RUN_ERROR_LIMIT)}"`;
  const { code, detail } = describeErrorBody(run.errors);
  const said = detail ? `"${clip(detail, RUN_ERROR_LIMIT)}"` : undefined;
  const text = [code, said].filter(Boolean).join(': ') || fieldsOf(run.errors);
  const consents = consentWords(requiredScopes(run.errors));
  const needs = consents.length > 0 ? `; it needs consent for ${consents.join(' and ')}` : '';
  return `${text ? `: ${text}` : ''}${needs}`;
}

/** An error document of no known shape: its top-level values, `key: value`, cut short. */
function fieldsOf(document: unknown): string {
  if (typeof document !== 'object' || document === null) return '';
  const fields = Object.entries(document)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`);
  return clip(fields.join(', '), RUN_ERROR_LIMIT);
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
