import type { DateTime } from 'luxon';
import type { TransferItem } from './items.js';
import { InputError } from './problems.js';
import { buildSchedule, type Schedule, type ScheduleRequest } from './schedule.js';
import type { TransferDocument, TransferOptions } from './transfer-document.js';

/** The timer a user wants, as Timers' create request will carry it. */
export interface TimerSpec {
  name: string;
  /** `start`/`datetime` appear only when the user gave one (then they are compared too). */
  schedule: Schedule;
  body: TransferDocument;
}

/** The desired-timer inputs after validation; undefined = not given. */
export interface TimerFields {
  name?: string;
  sourceEndpoint?: string;
  destinationEndpoint?: string;
  items?: TransferItem[];
  options: TransferOptions;
  schedule: ScheduleRequest;
}

const LABEL_MAX = 128;

/**
 * The label a timer's tasks get when the user gives none: the timer name, reduced to the
 * characters every Transfer label rule accepts (letters, digits, space, - _ ,) and 128 long.
 */
export function labelFromName(name: string): string {
  const label = name
    .replace(/[^A-Za-z0-9 _,-]+/g, '-')
    .replace(/\s+/g, ' ')
    .slice(0, LABEL_MAX)
    .trim();
  return label || 'globus-timer-action';
}

/** Fields → spec; throws an InputError naming every missing input. */
export function buildTimerSpec(
  fields: TimerFields,
  now: DateTime,
): { spec: TimerSpec; notices: string[] } {
  const { name, sourceEndpoint, destinationEndpoint, items } = fields;
  const missing = [
    ['name', name],
    ['source-endpoint', sourceEndpoint],
    ['destination-endpoint', destinationEndpoint],
    ['items', items],
  ].filter(([, value]) => value === undefined);
  if (missing.length > 0) {
    throw new InputError(
      missing.map(([input]) => ({ input: String(input), message: 'required to describe a timer' })),
    );
  }
  const { schedule, notices } = buildSchedule(fields.schedule, now);
  const body: TransferDocument = {
    DATA_TYPE: 'transfer',
    source_endpoint: sourceEndpoint as string,
    destination_endpoint: destinationEndpoint as string,
    DATA: items as TransferItem[],
    ...fields.options,
  };
  if (body.label === undefined) body.label = labelFromName(name as string);
  return { spec: { name: name as string, schedule, body }, notices };
}
