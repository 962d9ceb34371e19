import { z } from 'zod';
import type { DateTime } from 'luxon';
import { ENVIRONMENTS, type GlobusEnvironment } from './globus/environments.js';
import * as fields from './spec/fields.js';
import { InputReader } from './spec/input-reader.js';
import { InputError } from './spec/problems.js';
import { readTimerFields, type ReadTimerFields } from './spec/timer-fields.js';

export const OPERATIONS = [
  'apply',
  'plan',
  'create',
  'update',
  'check',
  'wait',
  'list',
  'pause',
  'resume',
  'delete',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const FAIL_REASONS = ['run-error', 'transfer-failed', 'inactive', 'ended', 'stale'] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

export const STATUS_FILTERS = ['active', 'inactive', 'ended'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** `auto`: look collections up; `none`; or exactly these collection ids. */
export type DataAccess = 'auto' | 'none' | string[];

/** Which timer an operation acts on, when it acts on an existing one. */
export interface TimerTarget {
  jobId?: string;
  name?: string;
}

/** Everything the action was asked to do, validated. */
export interface ActionInputs {
  operation: Operation;
  clientId: string;
  clientSecret: string;
  environment: GlobusEnvironment;
  timeoutSeconds: number;
  retries: number;
  target: TimerTarget;
  timer: ReadTimerFields;
  dataAccess: DataAccess;
  failOn: FailReason[];
  staleAfterSeconds?: number;
  statusFilter: StatusFilter[];
  specFile?: string;
  githubToken: string;
  comment: boolean;
  summary: boolean;
}

export interface InputContext {
  /** core.getInput: the raw value of an action input ('' when not set). */
  getInput: (name: string) => string;
  env: Record<string, string | undefined>;
  workspace: string;
  now: DateTime;
}

const operation = z.enum(OPERATIONS, {
  error: `must be one of ${OPERATIONS.join(', ')}`,
});
const environment = z.enum(ENVIRONMENTS, {
  error: `must be one of ${ENVIRONMENTS.join(', ')}`,
});
const retries = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .refine((value) => value <= 10, 'must be between 0 and 10');
const dataAccess = z.string().transform((text, ctx): DataAccess => {
  const value = text.trim().toLowerCase();
  if (value === 'auto' || value === 'none') return value;
  const ids = fields.list(value);
  const bad = ids.filter((id) => !fields.uuid.safeParse(id).success);
  if (bad.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be auto, none or a list of collection ids; not a UUID: ${bad.join(', ')}`,
    });
    return z.NEVER;
  }
  return [...new Set(ids)];
});

/** Reads and validates every input; throws one InputError listing every problem. */
export function readInputs(context: InputContext): ActionInputs {
  const { env } = context;
  const fallback: Record<string, string | undefined> = {
    'client-id': env.GLOBUS_CLIENT_ID,
    'client-secret': env.GLOBUS_CLIENT_SECRET,
    environment: env.GLOBUS_SDK_ENVIRONMENT,
  };
  const reader = new InputReader(
    (name) => context.getInput(name).trim() || (fallback[name] ?? '').trim(),
  );
  const inputs: ActionInputs = {
    operation: reader.optional('operation', operation) ?? 'apply',
    clientId: reader.required('client-id', fields.uuid, 'required (or set GLOBUS_CLIENT_ID)') ?? '',
    clientSecret: reader.raw('client-secret'),
    environment: reader.optional('environment', environment) ?? 'production',
    timeoutSeconds: reader.optional('timeout', fields.duration) ?? 600,
    retries: reader.optional('retries', retries) ?? 4,
    target: {
      ...optionalKey('jobId', reader.optional('job-id', fields.uuid)),
      ...optionalKey('name', reader.raw('name') || undefined),
    },
    timer: readTimerFields(reader, context),
    dataAccess: reader.optional('data-access', dataAccess) ?? 'auto',
    failOn:
      reader.optional('fail-on', fields.choiceList(FAIL_REASONS, 'none')) ??
      (['run-error', 'transfer-failed', 'inactive'] as FailReason[]),
    ...optionalKey('staleAfterSeconds', reader.optional('stale-after', fields.duration)),
    statusFilter: reader.optional('status-filter', fields.choiceList(STATUS_FILTERS)) ?? [],
    ...optionalKey('specFile', reader.raw('spec-file') || undefined),
    githubToken: reader.raw('github-token'),
    comment: reader.optional('comment', fields.boolean) ?? false,
    summary: reader.optional('summary', fields.boolean) ?? true,
  };
  if (!inputs.clientSecret)
    reader.problem('client-secret', 'required (or set GLOBUS_CLIENT_SECRET)');
  checkCombination(inputs, reader);
  if (reader.problems.length > 0) throw new InputError(reader.problems);
  return inputs;
}

function optionalKey<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** What each operation needs, checked together so every problem is reported at once. */
function checkCombination(inputs: ActionInputs, reader: InputReader): void {
  const { operation, target, timer } = inputs;
  if (inputs.specFile) {
    reader.problem('spec-file', 'is not implemented yet; describe the timer with inputs');
  }
  switch (operation) {
    case 'apply':
    case 'plan':
    case 'create':
      requireTimer(reader, timer);
      break;
    case 'update':
      if (!target.jobId && !reader.raw('job-id')) reader.problem('job-id', 'required by update');
      break;
    case 'check':
    case 'wait':
    case 'pause':
    case 'resume':
    case 'delete':
      if (!reader.raw('job-id') && !target.name) {
        reader.problem('job-id', `${operation} needs job-id or name`);
      }
      if (reader.raw('job-id') && target.name) {
        reader.problem('name', `give job-id or name to ${operation}, not both`);
      }
      break;
    case 'list':
      break;
  }
}

/** apply/plan/create describe a whole timer. */
function requireTimer(reader: InputReader, timer: ReadTimerFields): void {
  const given = (name: string) => reader.raw(name) !== '';
  if (!timer.name && !given('name')) reader.problem('name', 'required to identify the timer');
  for (const name of ['source-endpoint', 'destination-endpoint']) {
    if (!given(name)) reader.problem(name, 'required');
  }
  if (!given('items') && !given('items-file')) {
    reader.problem('items', 'required (or items-file): what to transfer');
  }
  const runsUnreadable = given('stop-after-runs') && timer.schedule.stopAfterRuns === undefined;
  if (!given('interval') && timer.schedule.stopAfterRuns !== 1 && !runsUnreadable) {
    reader.problem('interval', 'required unless stop-after-runs is 1');
  }
}
