/**
 * Timer runs. Time only moves when the clock is advanced; then every due tick
 * (`start + n * interval`) runs in time order, as the Timers service would have run it:
 *
 * - a tick while the previous run's Transfer task or Flows run is still under way is skipped
 *   (and does not count);
 * - a run whose stored credentials lack a needed consent makes the timer inactive for
 *   `globus_auth_requirements`, does nothing else, and leaves the
 *   tick pending: after a resume it runs once at the next advance;
 * - otherwise the run does what its kind of timer does (transfer-runs.ts, flow-runs.ts), and
 *   end conditions may end the timer.
 */
import { consentRequiredError } from './gare.js';
import { runFlowTimer } from './flow-runs.js';
import type { EmulatorState, FlowRun, RunResult, Timer } from './state.js';
import { runCounts, runInProgress } from './timer-documents.js';
import { SECOND, timersTime } from './time.js';
import { runTransferTimer } from './transfer-runs.js';

/**
 * What a run did: `submitted` a task or a Flows run that will succeed, one that will fail
 * (`transfer_failed`, `flow_failed`), stand still (`transfer_stalled`: ACTIVE retrying on an
 * error or INACTIVE) or stop INACTIVE (`flow_inactive`), or nothing (`submission_error`,
 * `auth_required`).
 */
export type RunOutcome =
  | 'submitted'
  | 'transfer_failed'
  | 'transfer_stalled'
  | 'flow_failed'
  | 'flow_inactive'
  | 'submission_error'
  | 'auth_required';

export interface RunRecord {
  job_id: string;
  ran_at: string;
  outcome: RunOutcome;
  task_id?: string;
  run_id?: string;
}

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

/** The run itself, whose kind decides what it does; a queued failure is used up by it. */
function run(timer: Timer, state: EmulatorState, now: number): RunResult {
  const failure = timer.nextRunFailure;
  const errorCode = timer.nextRunErrorCode;
  timer.nextRunFailure = null;
  delete timer.nextRunErrorCode;
  return timer.type === 'flow'
    ? runFlowTimer(timer, state, now, failure)
    : runTransferTimer(timer, state, now, failure, errorCode);
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
    const task = state.tasks.get(result.taskId);
    const outcome = task?.stall
      ? 'transfer_stalled'
      : task?.outcome === 'FAILED'
        ? 'transfer_failed'
        : 'submitted';
    return { ...base, outcome, task_id: result.taskId };
  }
  if (result.kind === 'flow_run') {
    const outcome = flowOutcome(state.runs.get(result.runId));
    return { ...base, outcome, run_id: result.runId };
  }
  return { ...base, outcome: result.kind };
}

function flowOutcome(run: FlowRun | undefined): RunOutcome {
  if (run?.outcome === 'FAILED') return 'flow_failed';
  return run?.outcome === 'INACTIVE' ? 'flow_inactive' : 'submitted';
}
