/**
 * Timer runs. Time only moves when the clock is advanced; then every due tick
 * (`start + n * interval`) runs in time order, as the Timers service would have run it:
 *
 * - a tick while the previous run's task is still ACTIVE is skipped (and does not count);
 * - a run whose stored credentials lack a needed data_access scope makes the timer inactive
 *   for `globus_auth_requirements` (REFERENCE §3.4, §4.10), creates no task, and leaves the
 *   tick pending: after a resume it runs once at the next advance;
 * - a submission Transfer refuses (unknown collection, a label outside the strict rule,
 *   an injected failure) is an error result with no task;
 * - otherwise the run submits a Transfer task, and end conditions may end the timer.
 */
import { hasDataAccessScope } from './collections.js';
import { newActionId, newUuid } from './ids.js';
import { timerScopeChain } from './scopes.js';
import type { EmulatorState, RunResult, Task, Timer } from './state.js';
import { runCounts, runInProgress } from './timer-documents.js';
import { SECOND, timersTime } from './time.js';
import { transferErrorDocument } from './transfer.js';

export type RunOutcome = 'submitted' | 'transfer_failed' | 'submission_error' | 'auth_required';

export interface RunRecord {
  job_id: string;
  ran_at: string;
  outcome: RunOutcome;
  task_id?: string;
}

const DATA_ACCESS_MESSAGE = 'Missing required data_access consent';
/** Where a run submits its task; Transfer errors name it as their `resource`. */
const SUBMIT = '/v0.10/transfer';
/**
 * The label characters older Globus docs and the retired timer CLI allow (REFERENCE §11.13);
 * Transfer refuses others at submission under the setting `label_rule: strict`.
 */
const STRICT_LABEL = /^[A-Za-z0-9 _,-]*$/;

/** Moves the clock `seconds` ahead, running every tick that falls due on the way. */
export function advanceClock(state: EmulatorState, seconds: number): RunRecord[] {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`seconds must be a non-negative number, not ${seconds}`);
  }
  finishDeletions(state);
  const target = state.now() + Math.round(seconds * SECOND);
  const records: RunRecord[] = [];
  for (let due = nextDue(state, target); due; due = nextDue(state, target)) {
    state.clock.moveTo(due.tick);
    const record = tick(due.timer, state);
    if (record) records.push(record);
  }
  state.clock.moveTo(target);
  return records;
}

/** Deletion is asynchronous in the real service: a deleted timer is gone at the next advance. */
function finishDeletions(state: EmulatorState): void {
  for (const timer of state.timers.values()) {
    if (timer.status === 'delete_in_progress') timer.status = 'deleted';
  }
}

/** The earliest due tick of a runnable timer; ties go to the timer created first. */
function nextDue(state: EmulatorState, target: number): { timer: Timer; tick: number } | undefined {
  let due: { timer: Timer; tick: number } | undefined;
  for (const timer of state.timers.values()) {
    const runnable = timer.status === 'new' || timer.status === 'loaded';
    const tick = timer.nextRun;
    if (!runnable || tick === null || tick > target) continue;
    if (!due || tick < due.tick) due = { timer, tick };
  }
  return due;
}

function tick(timer: Timer, state: EmulatorState): RunRecord | undefined {
  const now = state.now();
  if (runInProgress(timer, state)) {
    timer.nextRun = followingTick(timer, now);
    endIfDone(timer);
    return undefined;
  }
  const result = run(timer, state, now);
  timer.results.push(result);
  timer.lastRanAt = now;
  if (result.kind === 'auth_required') {
    inactivate(timer, result.error);
  } else {
    timer.status = 'loaded';
    timer.nextRun = followingTick(timer, now);
    endIfDone(timer);
  }
  return record(timer, result, state);
}

function run(timer: Timer, state: EmulatorState, now: number): RunResult {
  const failure = timer.nextRunFailure;
  timer.nextRunFailure = null;
  const required = requiredDataAccess(timer, state);
  if (failure === 'auth' || required.some((id) => !timer.dataAccess.includes(id))) {
    return {
      kind: 'auth_required',
      ranAt: now,
      error: consentRequiredError(
        [timerScopeChain(required)],
        'ConsentRequired',
        DATA_ACCESS_MESSAGE,
      ),
    };
  }
  const refusal = refusedSubmission(timer, state, failure === 'submission');
  if (refusal) return { kind: 'submission_error', ranAt: now, ...refusal };
  const task: Task = {
    id: newUuid(),
    ownerClientId: timer.ownerClientId,
    timerId: timer.id,
    body: timer.body,
    requestTime: now,
    finishesAt: now + state.config.task_active_seconds * SECOND,
    outcome: failure === 'transfer' ? 'FAILED' : 'SUCCEEDED',
  };
  state.tasks.set(task.id, task);
  return { kind: 'task', ranAt: now, taskId: task.id, actionId: newActionId() };
}

/** Why Transfer would refuse the run's submission, if it would: the status and error document. */
function refusedSubmission(
  timer: Timer,
  state: EmulatorState,
  injected: boolean,
): { httpStatus: number; error: Record<string, unknown> } | undefined {
  const { source_endpoint, destination_endpoint, label } = timer.body;
  const unknown = [source_endpoint, destination_endpoint].find((id) => !state.collections.has(id));
  if (unknown !== undefined) {
    const message = `No such endpoint '${unknown}'`;
    return { httpStatus: 404, error: transferErrorDocument('EndpointNotFound', message, SUBMIT) };
  }
  if (state.config.label_rule === 'strict' && !STRICT_LABEL.test(label ?? '')) {
    return { httpStatus: 400, error: transferErrorDocument('BadRequest', 'Invalid label', SUBMIT) };
  }
  if (injected) {
    const message = 'The Transfer service is temporarily unavailable';
    return {
      httpStatus: 503,
      error: transferErrorDocument('ServiceUnavailable', message, SUBMIT),
    };
  }
  return undefined;
}

/** The collections of the timer's body that need a data_access scope, without repeats. */
export function requiredDataAccess(timer: { body: Timer['body'] }, state: EmulatorState): string[] {
  const ids = [timer.body.source_endpoint, timer.body.destination_endpoint];
  return [...new Set(ids)].filter((id) => hasDataAccessScope(state.collections.get(id)));
}

/** A GARE (authorization-requirements error) as the emulator builds one. */
export type AuthRequirements = Record<string, unknown> & {
  code: string;
  message: string;
  authorization_parameters: Record<string, unknown>;
};

/** An authorization-requirements error (GARE) naming the scopes to request again. */
export function consentRequiredError(
  requiredScopes: string[],
  code: string,
  message: string,
): AuthRequirements {
  return {
    code,
    message,
    authorization_parameters: { session_message: message, required_scopes: requiredScopes },
  };
}

/** Inactive for auth requirements; `detail` is the GARE without its message (fixtures `timers_job_get_inactive_gare_*`). */
function inactivate(timer: Timer, error: Record<string, unknown>): void {
  const { code, authorization_parameters } = error;
  timer.status = 'inactive';
  timer.inactiveReason = {
    cause: 'globus_auth_requirements',
    detail: { code, authorization_parameters },
  };
}

/** Makes a timer inactive for auth requirements naming any scopes (the control API's doing). */
export function makeInactive(timer: Timer, requiredScopes: string[], code: string): void {
  inactivate(
    timer,
    consentRequiredError(requiredScopes, code, 'The timer needs new consent to run'),
  );
}

/** The first tick strictly after `after`; a once timer has no further tick. */
function followingTick(timer: Timer, after: number): number | null {
  const { schedule } = timer;
  if (schedule.type === 'once') return null;
  if (after < schedule.start) return schedule.start;
  const interval = schedule.interval_seconds * SECOND;
  return schedule.start + (Math.floor((after - schedule.start) / interval) + 1) * interval;
}

function endIfDone(timer: Timer): void {
  const { schedule } = timer;
  const end = schedule.type === 'recurring' ? schedule.end : undefined;
  const countReached = end?.condition === 'iterations' && runCounts(timer).runs >= end.count;
  const timePassed =
    end?.condition === 'time' && timer.nextRun !== null && timer.nextRun > end.datetime;
  if (timer.nextRun === null || countReached || timePassed) {
    timer.status = 'ended';
    timer.nextRun = null;
  }
}

function record(timer: Timer, result: RunResult, state: EmulatorState): RunRecord {
  const base = { job_id: timer.id, ran_at: timersTime(result.ranAt) };
  if (result.kind === 'task') {
    const failing = state.tasks.get(result.taskId)?.outcome === 'FAILED';
    return { ...base, outcome: failing ? 'transfer_failed' : 'submitted', task_id: result.taskId };
  }
  return { ...base, outcome: result.kind };
}
