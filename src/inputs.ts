import { z } from 'zod';
import type { DateTime } from 'luxon';
import { ENVIRONMENTS, checkEnvironment, type GlobusEnvironment } from './globus/environments.js';
import { MAX_HISTORY, OPERATIONS, SPEC_FILE_KEYS, STATUS_FILTERS } from './input-catalog.js';
import { DEFAULT_FAIL_REASONS, FAIL_REASONS, type FailReason } from './timer/fail-reasons.js';
import * as fields from './timer/fields.js';
import type { DataAccess } from './timer/fields.js';
import { InputReader } from './timer/input-reader.js';
import { InputError } from './timer/problems.js';
import type { SpecFile } from './timer/spec-file.js';
import { readTimerFields, requireWholeTimer } from './timer/timer-fields.js';
import type { TimerFields } from './timer/timer-spec.js';
import { FLOW_INPUTS } from './timer/flow-fields.js';
import { TRANSFER_INPUTS } from './timer/transfer-fields.js';

export { OPERATIONS, STATUS_FILTERS } from './input-catalog.js';
export type Operation = (typeof OPERATIONS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

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
  timer: TimerFields;
  dataAccess: DataAccess;
  failOn: FailReason[];
  staleAfterSeconds?: number;
  /** check/wait: how many of the timer's newest runs to follow and show (0: none). */
  history: number;
  statusFilter: StatusFilter[];
  /** apply/plan: the timers of a spec file instead of the timer inputs. */
  specFile?: SpecFile;
  /** How many of a spec file's timers are written at a time. */
  concurrency: number;
  githubToken: string;
  comment: boolean;
  summary: boolean;
}

export interface InputContext {
  /** core.getInput: the raw value of an action input ('' when not set). */
  getInput: (name: string) => string;
  env: Record<string, string | undefined>;
  workspace: string;
  /** The step's start, made when a date needs it (see TimerFieldsContext). */
  now: () => DateTime;
}

const operation = z.enum(OPERATIONS, {
  error: `must be one of ${OPERATIONS.join(', ')}`,
});
const environment = z.enum(ENVIRONMENTS, {
  error: `must be one of ${ENVIRONMENTS.join(', ')}`,
});
const retries = fields.integerBetween(0, 10);
const concurrency = fields.integerBetween(1, 32);
const history = fields.integerBetween(0, MAX_HISTORY);

/** Reads and validates every input; throws one InputError listing every problem. */
export async function readInputs(context: InputContext): Promise<ActionInputs> {
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
    timer: await readTimerFields(reader, context),
    dataAccess: reader.optional('data-access', fields.dataAccess) ?? 'auto',
    failOn: reader.optional(
      'fail-on',
      fields.choiceList(FAIL_REASONS, ['a fail-on reason', 'fail-on reasons'], 'none'),
    ) ?? [...DEFAULT_FAIL_REASONS],
    ...optionalKey('staleAfterSeconds', reader.optional('stale-after', fields.duration)),
    history: reader.optional('history', history) ?? 5,
    statusFilter:
      reader.optional(
        'status-filter',
        fields.choiceList(STATUS_FILTERS, ['a timer status', 'timer statuses']),
      ) ?? [],
    ...optionalKey('specFile', await readSpecFileInput(reader, context)),
    concurrency: reader.optional('concurrency', concurrency) ?? 8,
    githubToken: reader.raw('github-token'),
    comment: reader.optional('comment', fields.boolean) ?? false,
    summary: reader.optional('summary', fields.boolean) ?? true,
  };
  if (!inputs.clientSecret)
    reader.problem('client-secret', 'required (or set GLOBUS_CLIENT_SECRET)');
  for (const { variable, message } of checkEnvironment(env)) reader.problem(variable, message);
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
  const specFile = reader.raw('spec-file') !== '';
  if (specFile && operation !== 'apply' && operation !== 'plan') {
    reader.problem('spec-file', 'is read by apply and plan only');
  }
  const timerInputs = TIMER_INPUTS.filter((name) => reader.raw(name) !== '');
  if (specFile && timerInputs.length > 0) {
    reader.problem(
      'spec-file',
      `describe timers in the spec file or with inputs, not both (also given: ${timerInputs.join(', ')})`,
    );
  }
  switch (operation) {
    case 'apply':
    case 'plan':
      if (!specFile) requireTimer(reader, timer);
      break;
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

/** Inputs that describe a timer, which a spec file replaces. */
const TIMER_INPUTS = [...TRANSFER_INPUTS, ...FLOW_INPUTS, 'interval'];

/** The spec file, read and validated now so its problems come with every other input's. */
async function readSpecFileInput(
  reader: InputReader,
  context: InputContext,
): Promise<SpecFile | undefined> {
  const path = reader.raw('spec-file');
  if (!path) return undefined;
  // The spec-file reader brings YAML along: loaded only by steps that name a spec file.
  const { readSpecFile } = await import('./timer/spec-file.js');
  const { specFile, problems } = await readSpecFile(path, { ...context, keys: SPEC_FILE_KEYS });
  reader.add(problems);
  return specFile;
}

/** apply/plan/create describe a whole timer. */
function requireTimer(reader: InputReader, timer: TimerFields): void {
  if (!timer.name && !reader.raw('name')) reader.problem('name', 'required to identify the timer');
  requireWholeTimer(reader, timer);
}
