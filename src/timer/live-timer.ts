import type { z } from 'zod';
import { readKindPart, type LiveKindPart } from './live-kind.js';
import type { EndCondition, Schedule } from './schedule.js';
import type { endSchema, RunResultDocument, TimerDocument } from './timer-document.js';

/*
 * A timer as Globus holds it, in one shape whatever document it was read from (v2 timer
 * documents, job documents: see timer-document.ts).
 */

/** One run of a timer, as the action reads it. */
export interface TimerRun {
  ranAt?: string;
  /** `run_status` as Globus reports it (no vocabulary is published). */
  status?: string;
  /** HTTP status of the submission the run made. */
  submissionStatus?: number;
  /**
   * The ids what the run started (a Transfer task, a Flows run) may go by, most likely first;
   * empty when it started nothing. Where results keep it is not settled (docs/globus-variants.md).
   */
  leadIds: string[];
  errors?: unknown;
  endedAt?: string;
}

export interface InactiveReason {
  cause: string;
  detail?: unknown;
}

/** A timer as Globus holds it, in one shape whatever document it came from. */
export type LiveTimer = LiveTimerCommon & LiveKindPart;

interface LiveTimerCommon {
  jobId: string;
  name: string;
  status: string;
  submittedAt?: string;
  lastRanAt?: string;
  nextRun?: string;
  runs: number;
  errors: number;
  schedule?: Schedule;
  inactiveReason?: InactiveReason;
  activity?: string;
  /**
   * The timer reached its end condition and will not run again: `status: "ended"`, or — as the
   * service may show it instead — no next run and an explicit `activity: null` while neither
   * paused nor deleted (the official CLI reads that as "no longer active",
   * docs/globus-variants.md).
   */
  ended: boolean;
  /** The results received, newest first. */
  results: TimerRun[];
  resultsPageNext?: string;
  /** The page listed its runs oldest first, so newer runs may be on the next pages. */
  resultsOldestFirst: boolean;
}

/** `{ key: value }`, or nothing when the value is missing (spread into a document read). */
export const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export function toLiveTimer(document: TimerDocument): LiveTimer {
  const results = Array.isArray(document.results)
    ? document.results
    : (document.results?.data ?? []);
  const pageNext = Array.isArray(document.results) ? undefined : document.results?.page_next;
  const runs = results.map(toRun);
  return {
    jobId: document.job_id,
    name: document.name ?? '',
    status: document.status,
    ...optional('submittedAt', document.submitted_at),
    ...optional('lastRanAt', document.last_ran_at),
    ...optional('nextRun', document.next_run),
    runs: document.number_of_runs ?? document.n_runs ?? 0,
    errors: document.number_of_errors ?? document.n_errors ?? 0,
    ...optional('schedule', readSchedule(document)),
    ...readKindPart(document),
    ...optional(
      'inactiveReason',
      document.inactive_reason?.cause
        ? { cause: document.inactive_reason.cause, detail: document.inactive_reason.detail }
        : undefined,
    ),
    ...optional('activity', document.activity?.code),
    ended: hasEnded(document),
    results: newestFirst(runs),
    ...optional('resultsPageNext', pageNext),
    resultsOldestFirst: isOldestFirst(runs),
  };
}

function hasEnded(document: TimerDocument): boolean {
  if (document.status === 'ended') return true;
  const idle = document.activity === null && !document.next_run;
  return idle && document.status !== 'inactive' && !isDeleted(document);
}

/** Timers' `schedule` when present, else the job fields it replaced (`start`, `interval`, `stop_after`). */
function readSchedule(document: TimerDocument): Schedule | undefined {
  const schedule = document.schedule;
  if (schedule?.type === 'once') {
    return { type: 'once', ...optional('datetime', schedule.datetime) };
  }
  if (schedule?.type === 'recurring' && typeof schedule.interval_seconds === 'number') {
    return {
      type: 'recurring',
      interval_seconds: schedule.interval_seconds,
      ...optional('start', schedule.start),
      ...optional('end', readEnd(schedule.end)),
    };
  }
  if (document.interval === null || document.interval === undefined) {
    return document.start ? { type: 'once', datetime: document.start } : undefined;
  }
  const stop = document.stop_after;
  const end: EndCondition | undefined = stop?.n_runs
    ? { condition: 'iterations', count: stop.n_runs }
    : stop?.date
      ? { condition: 'time', datetime: stop.date }
      : undefined;
  return {
    type: 'recurring',
    interval_seconds: Math.floor(document.interval),
    ...optional('start', document.start),
    ...optional('end', end),
  };
}

/** The service echoes `end` as `{"count": 2}` without `condition`; the SDK spells it `iterations`. */
function readEnd(end: z.infer<typeof endSchema> | null | undefined): EndCondition | undefined {
  if (!end) return undefined;
  const count = end.count ?? end.iterations;
  if (typeof count === 'number') return { condition: 'iterations', count };
  if (end.datetime) return { condition: 'time', datetime: end.datetime };
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The candidates for the id of what a run started, in the order worth trying: the action
 * status's `details.task_id` (where the only captured transfer run has its Transfer task), a
 * bare `data.task_id`, a Flows run's `data.run_id`, then `resource_id` and the action status's
 * `action_id` — only UUIDs, for a Transfer Action Provider's action id (`15jfdBESgveZQ`) is
 * no task id.
 */
function leadIdsOf(result: RunResultDocument): string[] {
  const data = (result.data ?? {}) as {
    details?: { task_id?: unknown };
    task_id?: unknown;
    run_id?: unknown;
    action_id?: unknown;
  };
  const candidates = [
    data.details?.task_id,
    data.task_id,
    data.run_id,
    result.resource_id,
    data.action_id,
  ].map(stringOr);
  const ids = candidates.filter((id): id is string => id !== undefined && UUID.test(id));
  return [...new Set(ids)];
}

function toRun(result: RunResultDocument): TimerRun {
  return {
    ...optional('ranAt', withZone(result.ran_at ?? result.start_timestamp)),
    ...optional('status', result.run_status ?? statusFromLegacy(result)),
    ...optional('submissionStatus', result.http_status_submission ?? result.status),
    leadIds: leadIdsOf(result),
    ...optional('errors', result.errors ?? undefined),
    ...optional('endedAt', result.end_timestamp),
  };
}

/**
 * Legacy results carry no run_status: an error document or an HTTP error means the run failed;
 * otherwise the Transfer Action Provider's own status (`ACTIVE`, `SUCCEEDED`, …) says how it went.
 */
function statusFromLegacy(result: RunResultDocument): string | undefined {
  if (result.errors) return 'FAILED';
  if (typeof result.status === 'number' && result.status >= 400) return 'FAILED';
  return stringOr((result.data as { status?: unknown } | undefined)?.status);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Result order is not specified (docs/globus-variants.md): sort by run time, newest first. */
export function newestFirst(runs: TimerRun[]): TimerRun[] {
  const time = (run: TimerRun) => (run.ranAt ? Date.parse(run.ranAt) : 0);
  return [...runs].sort((a, b) => time(b) - time(a));
}

function isOldestFirst(runs: TimerRun[]): boolean {
  const times = runs.map((run) => (run.ranAt ? Date.parse(run.ranAt) : NaN));
  const first = times[0];
  const last = times.at(-1);
  return first !== undefined && last !== undefined && first < last;
}

/** Some captured `ran_at` values carry no offset; Timers stores UTC. */
export function withZone(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}

/** Statuses after which a timer is gone for good. */
export function isDeleted(timer: Pick<LiveTimer, 'status'>): boolean {
  return ['deleted', 'delete_in_progress', 'delete_pending'].includes(timer.status);
}

/**
 * Whether Globus will run the timer again by itself: not paused or otherwise inactive, not past
 * its end, not deleted or being deleted. A `next_run` Globus still shows for any other timer is
 * not a run that will happen.
 */
export function willRun(timer: LiveTimer): boolean {
  return !isDeleted(timer) && timer.status !== 'inactive' && !timer.ended;
}

/** The timer's next run, when there will be one. */
export function nextRunOf(timer: LiveTimer): string | undefined {
  return willRun(timer) ? timer.nextRun : undefined;
}
