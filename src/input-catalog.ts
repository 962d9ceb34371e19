import { ENVIRONMENTS } from './globus/environments.js';
import { FAIL_REASONS } from './timer/fail-reasons.js';
import { NOTIFY_EVENTS } from './timer/fields.js';

/*
 * What each input is for, beside what action.yml says about it: the operations that read it,
 * whether a spec-file timer may hold it, and the kind of value it takes. The README's inputs
 * table, the spec-file JSON Schema and the keys a spec file accepts are all derived from here;
 * action.yml stays the runner's contract (names, descriptions, defaults), and a test keeps the
 * two declaring the same inputs.
 */

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

export const STATUS_FILTERS = ['active', 'inactive', 'ended'] as const;
export const SYNC_LEVEL_NAMES = ['exists', 'size', 'mtime', 'checksum'] as const;

/** The kind of value an input takes, as precisely as a JSON Schema can say it. */
export type ValueKind =
  | { type: 'text'; maxLength?: number; singleLine?: boolean; pattern?: string }
  | { type: 'path' }
  | { type: 'uuid' }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max?: number }
  /** Seconds, compact units (1h30m) or ISO 8601 (PT1H). */
  | { type: 'duration'; minSeconds?: number; maxSeconds?: number }
  | { type: 'date-time' }
  | { type: 'time-zone' }
  | { type: 'choice'; choices: readonly string[]; numbers?: readonly number[] }
  /** A comma (or newline) list drawn from `choices`, or one of `keywords` alone. */
  | { type: 'choice-list'; choices: readonly string[]; keywords?: readonly string[] }
  /** Collection ids, comma or newline separated, or one of `keywords` alone. */
  | { type: 'uuid-list'; keywords: readonly string[] }
  /** One value a line (a list in a spec file). */
  | { type: 'lines' }
  /** Transfer items: CSV lines, or in a spec file a list of lines or {source, destination}. */
  | { type: 'items' }
  /** A JSON object: inline JSON or YAML text, or in a spec file a mapping. */
  | { type: 'json-object' };

export interface InputDefinition {
  /** The operations that read the input. */
  operations: 'all' | readonly Operation[];
  /** A timer in a spec file (and its `defaults:`) may hold this key. */
  specFile: boolean;
  kind: ValueKind;
}

const TIMER: readonly Operation[] = ['apply', 'plan', 'create', 'update'];
const EXISTING: readonly Operation[] = ['update', 'check', 'wait', 'pause', 'resume', 'delete'];
const HEALTH: readonly Operation[] = ['check', 'wait'];
/** The most runs `history` shows: they are followed all at once, in one round. */
export const MAX_HISTORY = 20;

/** A timer input: read by the operations that describe a timer, and allowed in spec files. */
const timer = (kind: ValueKind): InputDefinition => ({ operations: TIMER, specFile: true, kind });
const everywhere = (kind: ValueKind): InputDefinition => ({
  operations: 'all',
  specFile: false,
  kind,
});
const BOOLEAN: ValueKind = { type: 'boolean' };

/** In action.yml's order, so the README lists inputs as action.yml does. */
export const INPUT_CATALOG = {
  operation: everywhere({ type: 'choice', choices: OPERATIONS }),
  'client-id': everywhere({ type: 'uuid' }),
  'client-secret': everywhere({ type: 'text' }),
  environment: everywhere({ type: 'choice', choices: ENVIRONMENTS }),
  timeout: everywhere({ type: 'duration' }),
  retries: everywhere({ type: 'integer', min: 0, max: 10 }),

  name: { operations: 'all', specFile: true, kind: { type: 'text', singleLine: true } },
  'job-id': { operations: EXISTING, specFile: false, kind: { type: 'uuid' } },

  'source-endpoint': timer({ type: 'uuid' }),
  'destination-endpoint': timer({ type: 'uuid' }),
  items: timer({ type: 'items' }),
  'items-file': timer({ type: 'path' }),
  label: timer({ type: 'text', maxLength: 128, pattern: '^[A-Za-z0-9 _,-]*$' }),
  'sync-level': timer({ type: 'choice', choices: SYNC_LEVEL_NAMES, numbers: [0, 1, 2, 3] }),
  'verify-checksum': timer(BOOLEAN),
  'encrypt-data': timer(BOOLEAN),
  'preserve-timestamp': timer(BOOLEAN),
  'delete-destination-extra': timer(BOOLEAN),
  'skip-source-errors': timer(BOOLEAN),
  'fail-on-quota-errors': timer(BOOLEAN),
  include: timer({ type: 'lines' }),
  exclude: timer({ type: 'lines' }),
  notify: timer({ type: 'choice-list', choices: NOTIFY_EVENTS, keywords: ['default', 'none'] }),
  // Only the operations that create a timer ask for consents.
  'data-access': {
    operations: ['apply', 'create', 'update'],
    specFile: true,
    kind: { type: 'uuid-list', keywords: ['auto', 'none'] },
  },

  'flow-id': timer({ type: 'uuid' }),
  'flow-input': timer({ type: 'json-object' }),
  'flow-input-file': timer({ type: 'path' }),
  'run-tags': timer({ type: 'lines' }),
  'run-managers': timer({ type: 'lines' }),
  'run-monitors': timer({ type: 'lines' }),

  interval: timer({ type: 'duration', minSeconds: 60, maxSeconds: 365 * 86400 }),
  start: timer({ type: 'date-time' }),
  timezone: timer({ type: 'time-zone' }),
  'stop-after-runs': timer({ type: 'integer', min: 1 }),
  'stop-after-date': timer({ type: 'date-time' }),

  'spec-file': { operations: ['apply', 'plan'], specFile: false, kind: { type: 'path' } },
  concurrency: {
    operations: ['apply'],
    specFile: false,
    kind: { type: 'integer', min: 1, max: 32 },
  },

  'fail-on': {
    operations: HEALTH,
    specFile: false,
    kind: { type: 'choice-list', choices: FAIL_REASONS, keywords: ['none'] },
  },
  'stale-after': { operations: HEALTH, specFile: false, kind: { type: 'duration' } },
  history: {
    operations: HEALTH,
    specFile: false,
    kind: { type: 'integer', min: 0, max: MAX_HISTORY },
  },
  'status-filter': {
    operations: ['list'],
    specFile: false,
    kind: { type: 'choice-list', choices: STATUS_FILTERS },
  },

  'github-token': everywhere({ type: 'text' }),
  comment: everywhere(BOOLEAN),
  summary: everywhere(BOOLEAN),
} satisfies Record<string, InputDefinition>;

export type InputName = keyof typeof INPUT_CATALOG;

/** Keys a spec-file timer may hold that are not inputs of the action. */
export const SPEC_FILE_ONLY_KEYS: Record<string, ValueKind> = {
  // The name the timer has now, to rename it in place.
  'previous-name': { type: 'text', singleLine: true },
};

/** Every key a spec-file timer may hold: the timer inputs, plus `previous-name`. */
export const SPEC_FILE_KEYS: readonly string[] = [
  ...Object.entries(INPUT_CATALOG as Record<string, InputDefinition>)
    .filter(([, input]) => input.specFile)
    .map(([name]) => name),
  ...Object.keys(SPEC_FILE_ONLY_KEYS),
];
