/**
 * The documents Timers answers with: the v2 timer read (`POST /v2/timer`), the job document
 * (`/jobs/…`, REFERENCE §4.4) with its paged results, and the `activity` object (§4.9).
 *
 * Each result carries both the current `JobResult` fields (run_status, timestamps, HTTP
 * statuses, resource_id = the Transfer task id) and the legacy ones (`status`, and `data` =
 * the Transfer Action Provider status whose `details` is the task document), so clients
 * written against either shape read it.
 */
import type {
  EmulatorState,
  InactiveReason,
  RunResult,
  Schedule,
  Timer,
  TimerStatus,
  TransferBody,
} from './state.js';
import { taskDocument, taskStatus } from './tasks.js';
import { MINUTE, SECOND, timersTime } from './time.js';

export const TRANSFER_CALLBACK_URL = 'https://transfer.actions.globus.org/transfer/run';

const iso = (ms: number | null): string | null => (ms === null ? null : timersTime(ms));

export interface ResultsPage {
  data: Record<string, unknown>[];
  page_next: string | null;
}

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

function resultDocument(
  result: RunResult,
  timer: Timer,
  state: EmulatorState,
): Record<string, unknown> {
  const ranAt = timersTime(result.ranAt);
  if (result.kind !== 'task') {
    const httpStatus = result.kind === 'submission_error' ? result.httpStatus : 403;
    return {
      data: null,
      errors: result.error,
      status: httpStatus,
      ran_at: ranAt,
      run_status: 'FAILED',
      start_timestamp: ranAt,
      end_timestamp: ranAt,
      last_check_timestamp: null,
      next_check_timestamp: null,
      http_status_submission: httpStatus,
      http_status_polled: null,
      resource_id: null,
    };
  }
  const now = state.now();
  const task = state.tasks.get(result.taskId);
  if (!task) throw new Error(`result of timer ${timer.id} names unknown task ${result.taskId}`);
  const status = taskStatus(task, now);
  const finished = status !== 'ACTIVE';
  const completion = finished ? timersTime(task.finishesAt) : null;
  return {
    data: {
      action_id: result.actionId,
      completion_time: completion,
      creator_id: `urn:globus:auth:identity:${timer.ownerClientId}`,
      details: { ...taskDocument(task, now, state.collections), event_list: [] },
      display_status: status,
      label: null,
      manage_by: [],
      monitor_by: [],
      release_after: 'P30D',
      start_time: ranAt,
      status,
    },
    errors: null,
    status: 202,
    ran_at: ranAt,
    run_status: status,
    start_timestamp: ranAt,
    end_timestamp: completion,
    last_check_timestamp: timersTime(finished ? task.finishesAt : now),
    next_check_timestamp: finished ? null : timersTime(now + MINUTE),
    http_status_submission: 202,
    http_status_polled: 200,
    resource_id: task.id,
  };
}

/** Page tokens are opaque to clients; inside they are just the offset of the page. */
export const encodePageToken = (offset: number): string =>
  Buffer.from(JSON.stringify({ offset })).toString('base64url');

export function decodePageToken(token: string): number | undefined {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      offset?: unknown;
    };
    return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0
      ? offset
      : undefined;
  } catch {
    return undefined;
  }
}

/** `size` results from `offset`, in the configured order (newest first by default). */
function resultsPage(
  timer: Timer,
  state: EmulatorState,
  offset: number,
  size: number,
): ResultsPage {
  const ordered =
    state.config.results_order === 'oldest_first' ? timer.results : [...timer.results].reverse();
  const page = ordered.slice(offset, offset + size);
  const more = offset + size < ordered.length;
  return {
    data: page.map((result) => resultDocument(result, timer, state)),
    page_next: more ? encodePageToken(offset + size) : null,
  };
}

export interface PageRequest {
  offset: number;
  size: number;
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
    status: timer.status,
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
    status: timer.status,
    submitted_at: timersTime(timer.submittedAt),
    timer_type: 'transfer',
    activity: activity(timer, state),
  };
}
