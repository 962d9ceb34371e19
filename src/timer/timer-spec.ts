import type { DateTime } from 'luxon';
import type { FlowStartDocument } from './flow-document.js';
import type { FlowFields } from './flow-fields.js';
import type { TransferDocument } from './transfer-document.js';
import type { TransferFields } from './transfer-fields.js';
import { InputError, type InputProblem } from './problems.js';
import {
  buildSchedule,
  type EndCondition,
  type Schedule,
  type ScheduleRequest,
} from './schedule.js';

/** The kinds of timer the action manages: what a run does. */
export type KindName = 'transfer' | 'flow';

interface SpecOfAnyKind {
  name: string;
  /** `start`/`datetime` appear only when the user gave one (then they are compared too). */
  schedule: Schedule;
  /** The `timezone` input, when given: plans show times in it (Timers itself keeps none). */
  timezone?: string;
  /** Both stop conditions, when both were given (see BuiltSchedule). */
  stopConditions?: EndCondition[];
}

/** A timer whose runs submit a Transfer task. */
export interface TransferTimerSpec extends SpecOfAnyKind {
  kind: 'transfer';
  body: TransferDocument;
}

/** A timer whose runs start a Globus Flow. */
export interface FlowTimerSpec extends SpecOfAnyKind {
  kind: 'flow';
  flowId: string;
  body: FlowStartDocument;
  /** Where its input was given (an input or a file), for problems with it. */
  inputFrom?: string;
}

/** The timer a user wants, as Timers' create request will carry it. */
export type TimerSpec = TransferTimerSpec | FlowTimerSpec;

/** The desired-timer inputs after validation; undefined = not given. */
export interface TimerFields {
  name?: string;
  /** Which kind the inputs describe; undefined when they name neither (update keeps the timer's). */
  kind?: KindName;
  schedule: ScheduleRequest;
  transfer: TransferFields;
  flow: FlowFields;
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
  const built = (fields.kind ?? 'transfer') === 'flow' ? flowPart(fields) : transferPart(fields);
  const missing = [
    ...(fields.name === undefined ? [required('name')] : []),
    ...('missing' in built ? built.missing : []),
  ];
  if (missing.length > 0) throw new InputError(missing);
  const { schedule, stopConditions, notices } = buildSchedule(fields.schedule, now);
  const name = fields.name as string;
  const part = built as Exclude<typeof built, { missing: InputProblem[] }>;
  if (part.kind === 'transfer' && part.body.label === undefined) {
    part.body.label = labelFromName(name);
  }
  const { timezone } = fields.schedule;
  const spec = {
    ...part,
    name,
    schedule,
    ...(timezone ? { timezone } : {}),
    ...(stopConditions ? { stopConditions } : {}),
  } as TimerSpec;
  return { spec, notices };
}

const required = (input: string): InputProblem => ({
  input,
  message: 'required to describe a timer',
});

type Part =
  | Omit<TransferTimerSpec, 'name' | 'schedule'>
  | Omit<FlowTimerSpec, 'name' | 'schedule'>
  | { missing: InputProblem[] };

function transferPart({ transfer }: TimerFields): Part {
  const { sourceEndpoint, destinationEndpoint, items } = transfer;
  const missing = (
    [
      ['source-endpoint', sourceEndpoint],
      ['destination-endpoint', destinationEndpoint],
      ['items', items],
    ] as const
  )
    .filter(([, value]) => value === undefined)
    .map(([input]) => required(input));
  if (missing.length > 0) return { missing };
  return {
    kind: 'transfer',
    body: {
      DATA_TYPE: 'transfer',
      source_endpoint: sourceEndpoint as string,
      destination_endpoint: destinationEndpoint as string,
      DATA: items ?? [],
      ...transfer.options,
    },
  };
}

function flowPart({ flow }: TimerFields): Part {
  if (flow.flowId === undefined) return { missing: [required('flow-id')] };
  const body: FlowStartDocument = { body: flow.input ?? {} };
  if (flow.tags?.length) body.tags = flow.tags;
  if (flow.managers?.length) body.run_managers = flow.managers;
  if (flow.monitors?.length) body.run_monitors = flow.monitors;
  return {
    kind: 'flow',
    flowId: flow.flowId,
    body,
    ...(flow.inputFrom ? { inputFrom: flow.inputFrom } : {}),
  };
}
