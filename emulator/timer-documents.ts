/**
 * The documents Timers answers with: the v2 timer read (`POST /v2/timer`), the job document
 * (`/jobs/…`, Timers OpenAPI `JobRead`) with its paged results (result-documents.ts), and the
 * `activity` object, for transfer and flow timers alike: they differ in what they call
 * (Transfer's action, or the flow's run) and with which body and scope.
 */
import type { EmulatorConfig } from './config.js';
import { flowRunCallbackUrl } from './flow-documents.js';
import { flowRunStatus, runIsOver } from './flow-run-documents.js';
import { flowUserScope } from './scopes.js';
import type {
  EmulatorState,
  FlowStartDocument,
  InactiveReason,
  RunResult,
  Schedule,
  Timer,
  TimerStatus,
  TransferBody,
} from './state.js';
import { type PageRequest, type ResultsPage, resultsPage } from './result-documents.js';
import { taskIsOver, taskStatus } from './tasks.js';
import { SECOND, timersTime } from './time.js';

export const TRANSFER_CALLBACK_URL = 'https://transfer.actions.globus.org/transfer/run';

const iso = (ms: number | null): string | null => (ms === null ? null : timersTime(ms));

/** Runs and errors as the service counts them; an auth-blocked attempt is an error, not a run. */
export function runCounts(timer: Timer): { runs: number; errors: number } {
  const runs = timer.results.filter((result) => result.kind !== 'auth_required').length;
  const started = (result: RunResult) => result.kind === 'task' || result.kind === 'flow_run';
  const errors = timer.results.filter((result) => !started(result)).length;
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

/**
 * The run whose Transfer task is still ACTIVE, or whose Flows run is not over (ACTIVE or
 * INACTIVE), if any: the timer's run in progress.
 */
export function runInProgress(timer: Timer, state: EmulatorState): RunResult | undefined {
  const latest = timer.results.at(-1);
  if (latest?.kind === 'task') {
    const task = state.tasks.get(latest.taskId);
    return task && !taskIsOver(taskStatus(task, state.now())) ? latest : undefined;
  }
  if (latest?.kind === 'flow_run') {
    const run = state.runs.get(latest.runId);
    return run && !runIsOver(flowRunStatus(run, state.now())) ? latest : undefined;
  }
  return undefined;
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

/** Timers' `JobRead` for a transfer timer, `FlowTimerRead` for a flow timer. */
export interface JobDocument {
  name: string | null;
  start: string;
  stop_after: { date: string | null; n_runs: number | null };
  interval: number | null;
  callback_url: string;
  /** `{body: <transfer document>}`, or the flow timer's `FlowStartDocument` as it is. */
  callback_body: { body: TransferBody } | FlowStartDocument;
  inactive_reason: InactiveReason | null;
  /** The flow's user scope for a flow timer (fixture); `null` for a transfer timer. */
  scope: string | null;
  job_id: string;
  status: TimerStatus;
  submitted_at: string;
  last_ran_at: string | null;
  next_run: string | null;
  n_runs: number;
  n_errors: number;
  results: ResultsPage;
  timer_type: 'transfer' | 'flow';
  flow_id?: string;
  schedule: Record<string, unknown>;
  activity: Record<string, unknown> | null;
}

/** What the timer calls, with which body, under which scope. */
function callback(timer: Timer): Pick<JobDocument, 'callback_url' | 'callback_body' | 'scope'> {
  if (timer.type === 'transfer') {
    return {
      callback_url: TRANSFER_CALLBACK_URL,
      callback_body: { body: timer.body },
      scope: null,
    };
  }
  return {
    callback_url: flowRunCallbackUrl(timer.flowId),
    callback_body: timer.body,
    scope: flowUserScope(timer.flowId),
  };
}

const flowId = (timer: Timer) => (timer.type === 'flow' ? { flow_id: timer.flowId } : {});

/** `GET /jobs/{id}` and the items of `GET /jobs/`. */
export function jobDocument(timer: Timer, state: EmulatorState, page: PageRequest): JobDocument {
  const { schedule } = timer;
  const counts = runCounts(timer);
  return {
    name: timer.name,
    start: timersTime(schedule.type === 'once' ? schedule.datetime : schedule.start),
    stop_after: stopAfter(schedule),
    interval: schedule.type === 'recurring' ? schedule.interval_seconds : null,
    ...callback(timer),
    inactive_reason: timer.inactiveReason,
    job_id: timer.id,
    status: shownStatus(timer, state.config),
    submitted_at: timersTime(timer.submittedAt),
    last_ran_at: iso(timer.lastRanAt),
    next_run: iso(timer.nextRun),
    n_runs: counts.runs,
    n_errors: counts.errors,
    results: resultsPage(timer, state, page.offset, page.size),
    timer_type: timer.type,
    ...flowId(timer),
    schedule: scheduleDocument(schedule),
    activity: activity(timer, state),
  };
}

/**
 * `POST /v2/timer`'s answer. A flow timer's is the spec's `V2FlowTimerRead` by default; the only
 * captured one (fixture `timers_create_timer_response_flow.json`) is a job document instead,
 * with `results: []` and without `start`, `flow_id` or `activity` — the reading
 * `flow_create_shape: job` (docs/globus-variants.md).
 */
export function createdTimerDocument(timer: Timer, state: EmulatorState): Record<string, unknown> {
  if (timer.type !== 'flow' || state.config.flow_create_shape === 'v2') {
    return v2TimerDocument(timer, state);
  }
  const job: Record<string, unknown> = { ...jobDocument(timer, state, { offset: 0, size: 0 }) };
  return Object.fromEntries(
    CAPTURED_FLOW_CREATE_KEYS.map((key) => [key, key === 'results' ? [] : job[key]]),
  );
}

const CAPTURED_FLOW_CREATE_KEYS = [
  'callback_body',
  'callback_url',
  'inactive_reason',
  'interval',
  'job_id',
  'last_ran_at',
  'n_errors',
  'n_runs',
  'name',
  'next_run',
  'results',
  'schedule',
  'scope',
  'status',
  'stop_after',
  'submitted_at',
  'timer_type',
];

/**
 * `V2TransferTimerRead` (fixture `timers_create_timer_response_transfer.json`), or
 * `V2FlowTimerRead`, which adds `flow_id` and has the `FlowStartDocument` as its `body`.
 */
function v2TimerDocument(timer: Timer, state: EmulatorState): Record<string, unknown> {
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
    timer_type: timer.type,
    ...flowId(timer),
    activity: activity(timer, state),
  };
}
