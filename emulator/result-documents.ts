/**
 * A timer's run results as `GET /jobs/{id}` pages them (Timers OpenAPI `JobRead`).
 *
 * Each result carries both the current `JobResult` fields (run_status, timestamps, HTTP
 * statuses, resource_id = the Transfer task id by default) and the legacy ones (`status`, and
 * `data` = the Transfer Action Provider status whose `details` is the task document), so
 * clients written against either shape read it. A flow timer's run has the Flows run document
 * as its `data` and the run id as its `resource_id`.
 */
import type { TaskIdLocation } from './config.js';
import { flowRunStatus, runDocument, runIsOver } from './flow-run-documents.js';
import type { EmulatorState, RunResult, Timer } from './state.js';
import { taskDocument, taskIsOver, taskStatus } from './tasks.js';
import { MINUTE, timersTime } from './time.js';

export interface ResultsPage {
  data: Record<string, unknown>[];
  page_next: string | null;
}

function resultDocument(
  result: RunResult,
  timer: Timer,
  state: EmulatorState,
): Record<string, unknown> {
  switch (result.kind) {
    case 'task':
      return taskResultDocument(result, timer, state);
    case 'flow_run':
      return flowRunResultDocument(result, timer, state);
    default:
      return failedResultDocument(result, state.config.task_id_location);
  }
}

/** A run that created no task or Flows run: the submission failed, or the timer lacked consent. */
function failedResultDocument(
  result: Extract<RunResult, { kind: 'submission_error' | 'auth_required' }>,
  location: TaskIdLocation,
): Record<string, unknown> {
  const ranAt = timersTime(result.ranAt);
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
    ...(location === 'data_task_id' ? {} : { resource_id: null }),
  };
}

function taskResultDocument(
  result: Extract<RunResult, { kind: 'task' }>,
  timer: Timer,
  state: EmulatorState,
): Record<string, unknown> {
  const now = state.now();
  const task = state.tasks.get(result.taskId);
  if (!task) throw new Error(`result of timer ${timer.id} names unknown task ${result.taskId}`);
  const status = taskStatus(task, now);
  const finished = taskIsOver(status);
  const completion = finished ? timersTime(task.finishesAt) : null;
  const ranAt = timersTime(result.ranAt);
  const actionStatus = {
    action_id: result.actionId,
    completion_time: completion,
    creator_id: `urn:globus:auth:identity:${timer.ownerClientId}`,
    display_status: status,
    label: null,
    manage_by: [],
    monitor_by: [],
    release_after: 'P30D',
    start_time: ranAt,
    status,
  };
  const details = {
    ...taskDocument(task, now, state.collections, state.config.stalled_task_shape),
    event_list: [],
  };
  const placed = placeTaskId(state.config.task_id_location, task.id, result.actionId, details);
  return {
    data: sortedKeys({ ...actionStatus, ...placed.data }),
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
    ...placed.result,
  };
}

/**
 * A run that started a Flows run: `data` is the run as Flows shows it to the timer's owner
 * (`action_id` = `run_id`), `run_status` its status. Flows answers a start with 201 (its
 * OpenAPI). The run id is `resource_id` wherever `task_id_location` keeps an id there — the
 * run's action id is its run id — and always `data.run_id` and `data.action_id`.
 */
function flowRunResultDocument(
  result: Extract<RunResult, { kind: 'flow_run' }>,
  timer: Timer,
  state: EmulatorState,
): Record<string, unknown> {
  const now = state.now();
  const run = state.runs.get(result.runId);
  if (!run) throw new Error(`result of timer ${timer.id} names unknown run ${result.runId}`);
  const status = flowRunStatus(run, now);
  const over = runIsOver(status);
  const ranAt = timersTime(result.ranAt);
  const location = state.config.task_id_location;
  return {
    data: runDocument(run, state, timer.ownerClientId),
    errors: null,
    status: 201,
    ran_at: ranAt,
    run_status: status,
    start_timestamp: ranAt,
    end_timestamp: over ? timersTime(run.finishesAt) : null,
    last_check_timestamp: timersTime(over ? run.finishesAt : now),
    next_check_timestamp: over ? null : timersTime(now + MINUTE),
    http_status_submission: 201,
    http_status_polled: 200,
    ...runIdPlacement(location, run.id),
  };
}

function runIdPlacement(location: TaskIdLocation, runId: string): Record<string, unknown> {
  if (location === 'data_task_id') return {};
  return { resource_id: location === 'no_resource_id' ? null : runId };
}

/**
 * Where a result names its Transfer task (setting `task_id_location`, docs/globus-variants.md). The
 * spec's `resource_id` has no description, and the only captured run keeps the task id in the
 * Action Provider status's `details`, so each plausible reading can be served.
 */
function placeTaskId(
  location: TaskIdLocation,
  taskId: string,
  actionId: string,
  details: Record<string, unknown>,
): { data: Record<string, unknown>; result: Record<string, unknown> } {
  switch (location) {
    case 'resource_id':
      return { data: { details }, result: { resource_id: taskId } };
    case 'details_only':
      return { data: { details }, result: { resource_id: actionId } };
    case 'no_resource_id':
      return { data: { details }, result: { resource_id: null } };
    case 'data_task_id':
      return { data: { task_id: taskId }, result: {} };
  }
}

/** Action Provider statuses come with their keys in order, as in the captured fixture. */
function sortedKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
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
export function resultsPage(
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
