import type { DateTime } from 'luxon';
import { formatDuration } from './duration.js';
import { formatWireDateTime } from './datetime.js';
import { InputError } from './problems.js';
import { plural } from '../words.js';

/** Timers' `OnceSchedule` (OpenAPI schema). */
export interface OnceSchedule {
  type: 'once';
  datetime?: string;
}

export type EndCondition =
  { condition: 'iterations'; count: number } | { condition: 'time'; datetime: string };

/** Timers' `RecurringSchedule`; the iterations key is `count`, as its OpenAPI schema says. */
export interface RecurringSchedule {
  type: 'recurring';
  interval_seconds: number;
  start?: string;
  end?: EndCondition;
}

export type Schedule = OnceSchedule | RecurringSchedule;

export const MIN_INTERVAL_SECONDS = 60;
/**
 * Starts this close count as the same start. A start that passed moments before a timer is
 * created is sent as "now", so the service's start may trail the one asked for by this much.
 */
export const START_TOLERANCE_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = 365 * 86400;

/** The schedule inputs after parsing, before they are turned into a wire schedule. */
export interface ScheduleRequest {
  /** The `timezone` input, unless UTC (the default): the zone plans show the timer's times in. */
  timezone?: string;
  intervalSeconds?: number;
  start?: DateTime;
  stopAfterRuns?: number;
  stopAfterDate?: DateTime;
}

export interface BuiltSchedule {
  schedule: Schedule;
  /**
   * Given both stop conditions, both (the schedule's `end` is the one that binds today): a
   * timer Globus holds that ends on either honours the inputs. Which one binds first moves as
   * the first run moves later, so a timer made yesterday by the run count is still the timer a
   * re-apply asks for when today the date would bind.
   */
  stopConditions?: EndCondition[];
  /** Things the user should know about how their inputs were read. */
  notices: string[];
}

/**
 * Inputs → Timers schedule. Given both stop conditions, they are weighed from the timer's first
 * run: the start, its next tick when it has passed (create-request.ts moves it there), or `now`
 * for an omitted start. Throws an InputError when no schedule fits.
 */
export function buildSchedule(request: ScheduleRequest, now: DateTime): BuiltSchedule {
  const { intervalSeconds, start, stopAfterRuns, stopAfterDate } = request;
  const notices: string[] = [];
  if (stopAfterRuns === 1) {
    if (intervalSeconds !== undefined) {
      notices.push('interval is ignored: stop-after-runs 1 makes a run-once timer');
    }
    return { schedule: once(start), notices };
  }
  if (intervalSeconds === undefined) {
    throw new InputError([{ input: 'interval', message: 'required unless stop-after-runs is 1' }]);
  }
  const schedule: RecurringSchedule = { type: 'recurring', interval_seconds: intervalSeconds };
  if (start) schedule.start = formatWireDateTime(start);
  const first = start ? firstRun(start, intervalSeconds, now) : now;
  const firstText = first.equals(now) ? 'now' : formatWireDateTime(first);
  const end = chooseEnd(
    { first, firstText, intervalSeconds },
    stopAfterRuns,
    stopAfterDate,
    notices,
  );
  if (end) schedule.end = end;
  if (stopAfterRuns === undefined || !stopAfterDate) return { schedule, notices };
  const stopConditions: EndCondition[] = [
    { condition: 'iterations', count: stopAfterRuns },
    { condition: 'time', datetime: formatWireDateTime(stopAfterDate) },
  ];
  return { schedule, stopConditions, notices };
}

function once(start: DateTime | undefined): OnceSchedule {
  return start ? { type: 'once', datetime: formatWireDateTime(start) } : { type: 'once' };
}

/** When a recurring timer with this start, created at `now`, runs first. */
export function firstRun(start: DateTime, intervalSeconds: number, now: DateTime): DateTime {
  if (start >= now) return start;
  return justPassed(start, now) ? now : nextTick(start, intervalSeconds, now);
}

/** A start that passed within the tolerance: sent as "now" (left out). */
export function justPassed(start: DateTime, now: DateTime): boolean {
  return start < now && start >= now.minus({ seconds: START_TOLERANCE_SECONDS });
}

/** The first tick `start + n·interval` (n ≥ 0) that is not in the past. */
export function nextTick(start: DateTime, intervalSeconds: number, now: DateTime): DateTime {
  const ticks = Math.ceil(now.diff(start).as('seconds') / intervalSeconds);
  return start.plus({ seconds: ticks * intervalSeconds });
}

/** The runs a recurring timer will make: from its first, one every interval. */
interface Runs {
  first: DateTime;
  /** The first run in words: "now" when it is when the timer is created, else its time. */
  firstText: string;
  intervalSeconds: number;
}

/**
 * Timers takes one end condition; given both, the one that comes first is the one that binds.
 * Run N is at `first + (N-1)·interval`; a stop date lets every run on or before it happen.
 */
function chooseEnd(
  runs: Runs,
  count: number | undefined,
  date: DateTime | undefined,
  notices: string[],
): EndCondition | undefined {
  const byRuns: EndCondition | undefined =
    count === undefined ? undefined : { condition: 'iterations', count };
  const byDate: EndCondition | undefined =
    date === undefined ? undefined : { condition: 'time', datetime: formatWireDateTime(date) };
  if (count === undefined || !date) return byRuns ?? byDate;
  const last = runAt(runs, count);
  if (last <= date) {
    notices.push(
      `stop-after-runs ${count} ends the timer first: its ${plural(count, 'run')} (from ${runs.firstText} to ${formatWireDateTime(last)}) all come before stop-after-date ${formatWireDateTime(date)}`,
    );
    return byRuns;
  }
  notices.push(
    `stop-after-date ${formatWireDateTime(date)} ends the timer first: ${runsBefore(runs, date, count)}`,
  );
  return byDate;
}

function runAt(runs: Runs, n: number): DateTime {
  return runs.first.plus({ seconds: (n - 1) * runs.intervalSeconds });
}

/**
 * How many runs fall on or before `date`, in words. Inputs refuse a date before the first run,
 * but `update` weighs a live timer's start, which they did not see.
 */
function runsBefore(runs: Runs, date: DateTime, count: number): string {
  const made = Math.floor(date.diff(runs.first).as('seconds') / runs.intervalSeconds) + 1;
  if (made < 1) {
    return `it comes before the timer's first run (${runs.firstText}); the timer will not run`;
  }
  if (made === 1) {
    return `the timer runs once (${runs.firstText}), not ${plural(count, 'time')} (stop-after-runs)`;
  }
  const last = formatWireDateTime(runAt(runs, made));
  return `the timer runs ${plural(made, 'time')} (from ${runs.firstText} to ${last}), not ${count} (stop-after-runs)`;
}

/**
 * "every 1d, from 2026-12-01T02:00 UTC, 3 runs" — for logs and summaries; `time` writes each
 * time (as Timers gives it, by default).
 */
export function describeSchedule(
  schedule: Schedule,
  time: (wire: string) => string = (wire) => wire,
): string {
  if (schedule.type === 'once')
    return `once, ${schedule.datetime ? time(schedule.datetime) : 'now'}`;
  const parts = [`every ${formatDuration(schedule.interval_seconds)}`];
  if (schedule.start) parts.push(`from ${time(schedule.start)}`);
  if (schedule.end?.condition === 'iterations') parts.push(plural(schedule.end.count, 'run'));
  if (schedule.end?.condition === 'time') parts.push(`until ${time(schedule.end.datetime)}`);
  return parts.join(', ');
}
