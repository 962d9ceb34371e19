import { DateTime } from 'luxon';
import type { LiveTimer } from '../timer/live-timer.js';
import { kindOf } from '../kinds/index.js';
import type { ScheduleRequest } from '../timer/schedule.js';
import type { TimerFields } from '../timer/timer-spec.js';
import { carryOut } from './apply.js';
import type { OperationContext, OperationResult } from './context.js';
import { desiredTimer } from './desired.js';
import { planAgainst } from './plan.js';

/**
 * update: the timer `job-id` with the inputs given changed. What is not given keeps its current
 * value (boolean options count as given when set away from their default), so `name` alone is
 * a rename in place and anything else a replace. Inputs of another kind than the timer's make
 * a timer of that kind (a replace).
 */
export async function update(context: OperationContext): Promise<OperationResult> {
  const live = await context.timers.get(context.inputs.target.jobId as string);
  const desired = desiredTimer(context, overlay(context.inputs.timer, live));
  const planned = planAgainst(desired, live);
  const result = await carryOut(context, desired, planned, [live]);
  return { ...result, operation: 'update' };
}

/** The live timer's fields with the given inputs on top. */
export function overlay(given: TimerFields, live: LiveTimer): TimerFields {
  const withSchedule = {
    ...given,
    name: given.name ?? live.name,
    schedule: overlaySchedule(given.schedule, live),
  };
  if (given.kind && given.kind !== live.kind) return withSchedule;
  return kindOf(live).overlay(withSchedule, live);
}

function overlaySchedule(given: ScheduleRequest, live: LiveTimer): ScheduleRequest {
  const current = scheduleRequestOf(live);
  const stopsGiven = given.stopAfterRuns !== undefined || given.stopAfterDate !== undefined;
  const merged: ScheduleRequest = {
    ...current,
    ...(stopsGiven ? { stopAfterRuns: undefined, stopAfterDate: undefined } : {}),
    ...given,
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as ScheduleRequest;
}

/** A live schedule read back as the inputs that would describe it. */
function scheduleRequestOf(live: LiveTimer): ScheduleRequest {
  const schedule = live.schedule;
  const parse = (value: string | undefined) =>
    value ? DateTime.fromISO(value, { setZone: true }) : undefined;
  if (!schedule) return {};
  if (schedule.type === 'once') {
    return { stopAfterRuns: 1, ...pick('start', parse(schedule.datetime)) };
  }
  const end = schedule.end;
  return {
    intervalSeconds: schedule.interval_seconds,
    ...pick('start', parse(schedule.start)),
    ...pick('stopAfterRuns', end?.condition === 'iterations' ? end.count : undefined),
    ...pick('stopAfterDate', end?.condition === 'time' ? parse(end.datetime) : undefined),
  };
}

function pick<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
