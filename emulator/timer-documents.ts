/**
 * The documents Timers answers with: the v2 timer read (`POST /v2/timer`), the job document
 * (`/jobs/…`, REFERENCE §4.4) with its paged results (result-documents.ts), and the `activity`
 * object (§4.9).
 */
import type { EmulatorConfig } from './config.js';
import type {
  EmulatorState,
  InactiveReason,
  RunResult,
  Schedule,
  Timer,
  TimerStatus,
  TransferBody,
} from './state.js';
import { type PageRequest, type ResultsPage, resultsPage } from './result-documents.js';
import { taskStatus } from './tasks.js';
import { SECOND, timersTime } from './time.js';

export const TRANSFER_CALLBACK_URL = 'https://transfer.actions.globus.org/transfer/run';

const iso = (ms: number | null): string | null => (ms === null ? null : timersTime(ms));

/** Runs and errors as the service counts them; an auth-blocked attempt is an error, not a run. */
export function runCounts(timer: Timer): { runs: number; errors: number } {
  const runs = timer.results.filter((result) => result.kind !== 'auth_required').length;
  const errors = timer.results.filter((result) => result.kind !== 'task').length;
  return { runs, errors };
}

export function scheduleDocument(schedule: Schedule): Record<string, unknown> {
  if (schedule.type === 'once') return { type: 'once', datetime: timersTime(schedule.datetime) };
  const { end } = schedule;
  return {
    type: 'recurring',
    interval_seconds: schedule.interval_seconds,
    start: timersTime(schedule.start),
    ...(end?.condition === 'time'
      ? { end: { condition: 'time', datetime: timersTime(end.datetime) } }
      : {}),
    ...(end?.condition === 'iterations'
      ? { end: { condition: 'iterations', count: end.count } }
      : {}),
  };
}

function stopAfter(schedule: Schedule): { date: string | null; n_runs: number | null } {
  if (schedule.type === 'once') return { date: null, n_runs: 1 };
  const { end } = schedule;
  return {
    date: end?.condition === 'time' ? timersTime(end.datetime) : null,
    n_runs: end?.condition === 'iterations' ? end.count : null,
  };
}

/** The run whose Transfer task is still ACTIVE, if any: the timer's run in progress. */
export function runInProgress(timer: Timer, state: EmulatorState): RunResult | undefined {
  const latest = timer.results.at(-1);
  if (latest?.kind !== 'task') return undefined;
  const task = state.tasks.get(latest.taskId);
  return task && taskStatus(task, state.now()) === 'ACTIVE' ? latest : undefined;
}

/**
 * The status a timer shows. An ended timer says `ended` by default; under the reading
 * `ended_shape: next_run_null` it keeps the status it had while running (`loaded` once it has
 * run), and only `next_run: null` and `activity: null` tell that it will not run again.
 */
export function shownStatus(timer: Timer, config: EmulatorConfig): TimerStatus {
  if (timer.status !== 'ended' || config.ended_shape === 'status') return timer.status;
  return runCounts(timer).runs > 0 ? 'loaded' : 'new';
}

export function activity(timer: Timer, state: EmulatorState): Record<string, unknown> | null {
  if (timer.status === 'inactive') {
    return { code: 'paused', reason: timer.inactiveReason?.cause ?? 'other' };
  }
  if (timer.status !== 'new' && timer.status !== 'loaded') return null;
  const running = runInProgress(timer, state);
  if (running) {
    return {
      code: 'run_in_progress',
      start_timestamp: timersTime(running.ranAt),
      duration_seconds: (state.now() - running.ranAt) / SECOND,
    };
  }
  return timer.nextRun === null
    ? null
    : { code: 'awaiting_next_run', next_run: timersTime(timer.nextRun) };
}

/** Timers' `JobRead` for a transfer timer. */
export interface JobDocument {
  name: string | null;
  start: string;
  stop_after: { date: string | null; n_runs: number | null };
  interval: number | null;
  callback_url: string;
  callback_body: { body: TransferBody };
  inactive_reason: InactiveReason | null;
  scope: null;
  job_id: string;
  status: TimerStatus;
  submitted_at: string;
  last_ran_at: string | null;
  next_run: string | null;
  n_runs: number;
  n_errors: number;
  results: ResultsPage;
  timer_type: 'transfer';
  schedule: Record<string, unknown>;
  activity: Record<string, unknown> | null;
}

/** `GET /jobs/{id}` and the items of `GET /jobs/`. */
export function jobDocument(timer: Timer, state: EmulatorState, page: PageRequest): JobDocument {
  const { schedule } = timer;
  const counts = runCounts(timer);
  return {
    name: timer.name,
    start: timersTime(schedule.type === 'once' ? schedule.datetime : schedule.start),
    stop_after: stopAfter(schedule),
    interval: schedule.type === 'recurring' ? schedule.interval_seconds : null,
    callback_url: TRANSFER_CALLBACK_URL,
    callback_body: { body: timer.body },
    inactive_reason: timer.inactiveReason,
    scope: null,
    job_id: timer.id,
    status: shownStatus(timer, state.config),
    submitted_at: timersTime(timer.submittedAt),
    last_ran_at: iso(timer.lastRanAt),
    next_run: iso(timer.nextRun),
    n_runs: counts.runs,
    n_errors: counts.errors,
    results: resultsPage(timer, state, page.offset, page.size),
    timer_type: 'transfer',
    schedule: scheduleDocument(schedule),
    activity: activity(timer, state),
  };
}

/** `POST /v2/timer`'s `V2TransferTimerRead` (fixture `timers_create_timer_response_transfer.json`). */
export function v2TimerDocument(timer: Timer, state: EmulatorState): Record<string, unknown> {
  const counts = runCounts(timer);
  return {
    body: timer.body,
    inactive_reason: timer.inactiveReason,
    job_id: timer.id,
    last_ran_at: iso(timer.lastRanAt),
    name: timer.name,
    next_run: iso(timer.nextRun),
    number_of_errors: counts.errors,
    number_of_runs: counts.runs,
    schedule: scheduleDocument(timer.schedule),
    status: shownStatus(timer, state.config),
    submitted_at: timersTime(timer.submittedAt),
    timer_type: 'transfer',
    activity: activity(timer, state),
  };
}
