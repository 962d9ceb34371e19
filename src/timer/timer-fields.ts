import type { DateTime } from 'luxon';
import { formatWireDateTime } from './datetime.js';
import { FLOW_INPUTS, readFlowFields } from './flow-fields.js';
import { TRANSFER_INPUTS, readTransferFields } from './transfer-fields.js';
import * as fields from './fields.js';
import type { InputReader } from './input-reader.js';
import { firstRun, type ScheduleRequest } from './schedule.js';
import type { TimerFields } from './timer-spec.js';

export interface TimerFieldsContext {
  workspace: string;
  /**
   * The step's start as a DateTime, asked for only when a start or stop date needs comparing
   * with it: making one starts Intl's date-time formatting, which costs a step that has no
   * dates (a check, a delete) a noticeable part of its start-up.
   */
  now: () => DateTime;
}

/**
 * Reads the inputs that describe a timer (shared by the action's inputs and spec-file entries):
 * its name and schedule, and what its runs do — a transfer or a flow. Bad values become
 * problems in `reader`; what is fine is returned.
 */
export async function readTimerFields(
  reader: InputReader,
  context: TimerFieldsContext,
): Promise<TimerFields> {
  const name = reader.raw('name') || undefined;
  if (name !== undefined && /[\r\n]/.test(name))
    reader.valueProblem('name', 'must be a single line');
  const given = (inputs: string[]) => inputs.filter((input) => reader.raw(input) !== '');
  const flowGiven = given(FLOW_INPUTS);
  const transferGiven = given(TRANSFER_INPUTS);
  if (flowGiven.length > 0 && transferGiven.length > 0) {
    reader.problem(
      flowGiven[0] ?? 'flow-id',
      `a flow timer takes no transfer inputs, but ${transferGiven.join(', ')} ${transferGiven.length > 1 ? 'are' : 'is'} given too: give one kind`,
    );
  }
  const kind = flowGiven.length > 0 ? 'flow' : transferGiven.length > 0 ? 'transfer' : undefined;
  return {
    ...(name === undefined ? {} : { name }),
    ...(kind === undefined ? {} : { kind }),
    schedule: readSchedule(reader, context.now),
    transfer: await readTransferFields(reader, context.workspace),
    flow: await readFlowFields(reader, context.workspace),
  };
}

/**
 * What a whole timer needs (apply, plan, create, every spec-file entry), each missing input a
 * problem: what its runs do — a flow, or a transfer's endpoints and items — and an interval
 * unless it runs once.
 */
export function requireWholeTimer(reader: InputReader, timer: TimerFields): void {
  const given = (name: string) => reader.raw(name) !== '';
  if (timer.kind === 'flow') {
    if (!given('flow-id')) reader.problem('flow-id', 'required: the flow the timer starts');
  } else {
    for (const name of ['source-endpoint', 'destination-endpoint']) {
      if (!given(name)) reader.problem(name, 'required');
    }
    if (!given('items') && !given('items-file')) {
      reader.problem('items', 'required (or items-file): what to transfer');
    }
  }
  const runsUnreadable = given('stop-after-runs') && timer.schedule.stopAfterRuns === undefined;
  if (!given('interval') && timer.schedule.stopAfterRuns !== 1 && !runsUnreadable) {
    reader.problem('interval', 'required unless stop-after-runs is 1');
  }
}

const ONE_YEAR_SECONDS = 365 * 86400;

/**
 * The schedule inputs, with every check that needs no network made now: a run-once start or a
 * stop date that has passed, a stop date before the start or before the first run.
 */
function readSchedule(reader: InputReader, now: () => DateTime): ScheduleRequest {
  const zone = reader.optional('timezone', fields.timezone) ?? 'UTC';
  // Kept for plans, which show times in it; UTC, the default, is what they show anyway.
  const request: ScheduleRequest = zone === 'UTC' ? {} : { timezone: zone };
  const intervalSeconds = reader.optional('interval', fields.interval);
  if (intervalSeconds !== undefined) request.intervalSeconds = intervalSeconds;
  const runs = reader.optional('stop-after-runs', fields.positiveInteger);
  if (runs !== undefined) request.stopAfterRuns = runs;
  const start = reader.optional('start', fields.dateTime(zone));
  if (start && start.diff(now()).as('seconds') > ONE_YEAR_SECONDS) {
    reader.valueProblem('start', 'must be within one year from now (a Globus Timers limit)');
  } else if (start && runs === 1 && start < now()) {
    reader.valueProblem(
      'start',
      'has passed; a run-once timer needs a future start (or no start, to run now)',
    );
  } else if (start) {
    request.start = start;
  }
  const date = reader.optional('stop-after-date', fields.dateTime(zone));
  const problem = date && stopDateProblem(date, request, now());
  if (problem) reader.valueProblem('stop-after-date', problem);
  else if (date) request.stopAfterDate = date;
  return request;
}

/** Why a stop date would stop the timer before it ever runs; undefined when it would not. */
function stopDateProblem(date: DateTime, request: ScheduleRequest, now: DateTime) {
  const { start, intervalSeconds } = request;
  if (date <= now) return 'has passed; the timer would never run';
  if (start && date <= start) return 'must be after start';
  if (start && intervalSeconds !== undefined) {
    const first = firstRun(start, intervalSeconds, now);
    if (date < first) {
      return `comes before the first run (${formatWireDateTime(first)}); the timer would never run`;
    }
  }
  return undefined;
}
