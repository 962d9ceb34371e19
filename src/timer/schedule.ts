import type { DateTime } from 'luxon';
import { formatDuration } from './duration.js';
import { formatWireDateTime } from './datetime.js';
import { InputError } from './problems.js';

/** Timers' `OnceSchedule` (REFERENCE §4.2). */
export interface OnceSchedule {
  type: 'once';
  datetime?: string;
}

export type EndCondition =
  { condition: 'iterations'; count: number } | { condition: 'time'; datetime: string };

/** Timers' `RecurringSchedule` (REFERENCE §4.2); the iterations key is `count`, as the spec says. */
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
  /** Things the user should know about how their inputs were read. */
  notices: string[];
}

/**
 * Inputs → Timers schedule. `now` stands in for an omitted `start` when comparing the two stop
 * conditions. Throws an InputError when no schedule fits.
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
  const end = chooseEnd(intervalSeconds, start ?? now, stopAfterRuns, stopAfterDate, notices);
  if (end) schedule.end = end;
  return { schedule, notices };
}

function once(start: DateTime | undefined): OnceSchedule {
  return start ? { type: 'once', datetime: formatWireDateTime(start) } : { type: 'once' };
}

/** Timers takes one end condition; given both, the one that comes first is the one that binds. */
function chooseEnd(
  intervalSeconds: number,
  firstRun: DateTime,
  runs: number | undefined,
  date: DateTime | undefined,
  notices: string[],
): EndCondition | undefined {
  const byRuns: EndCondition | undefined =
    runs === undefined ? undefined : { condition: 'iterations', count: runs };
  const byDate: EndCondition | undefined =
    date === undefined ? undefined : { condition: 'time', datetime: formatWireDateTime(date) };
  if (!byRuns || !byDate || runs === undefined || !date) return byRuns ?? byDate;
  const lastRun = firstRun.plus({ seconds: (runs - 1) * intervalSeconds });
  if (lastRun <= date) {
    notices.push(
      `stop-after-runs ${runs} ends the timer first (run ${runs} is at ${formatWireDateTime(lastRun)}, before stop-after-date): sending the run count`,
    );
    return byRuns;
  }
  notices.push(
    `stop-after-date ${formatWireDateTime(date)} ends the timer first (run ${runs} would be at ${formatWireDateTime(lastRun)}): sending the date`,
  );
  return byDate;
}

/** "every 1d from 2026-12-01T02:00:00+00:00, 3 runs" — for logs and summaries. */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.type === 'once') return `once, ${schedule.datetime ?? 'now'}`;
  const parts = [`every ${formatDuration(schedule.interval_seconds)}`];
  if (schedule.start) parts.push(`from ${schedule.start}`);
  if (schedule.end?.condition === 'iterations') parts.push(`${schedule.end.count} runs`);
  if (schedule.end?.condition === 'time') parts.push(`until ${schedule.end.datetime}`);
  return parts.join(', ');
}
