/**
 * The emulator's settings: where the real services' behaviour is unknown (docs/globus-variants.md)
 * the emulator can serve every plausible reading, and tests pick one. Each setting is declared
 * once, in `SETTINGS`, so the control API, the in-process handle and the command line accept
 * and refuse the same values with the same messages.
 */

/** Where a run result keeps its Transfer task id (docs/globus-variants.md). */
export type TaskIdLocation = 'resource_id' | 'details_only' | 'no_resource_id' | 'data_task_id';

/**
 * How much a task that stands still shows of its error — all of it, an empty event list, no
 * `nice_status`, or no `is_ok` — each a reading of the service the action must survive.
 */
export type StalledTaskShape = 'full' | 'no_events' | 'no_nice_status' | 'no_is_ok';

/** Where a Timers error reply keeps its authorization requirements (docs/globus-variants.md). */
export type AuthRequirementsLocation = 'top_level' | 'error_wrapper' | 'errors_array';

export interface EmulatorConfig {
  /** Answer `POST /v2/timer` with 403 ConsentRequired when data_access is missing. */
  create_requires_data_access: boolean;
  /** Virtual seconds a run's Transfer task stays ACTIVE before it ends. */
  task_active_seconds: number;
  /** Virtual seconds a flow timer's Flows run stays ACTIVE before it ends. */
  run_active_seconds: number;
  /**
   * How every Transfer task a run submits ends: SUCCEEDED, or FAILED as a task the destination
   * refused (a whole service whose transfers fail, for the live test's failing half).
   */
  transfer_outcome: 'SUCCEEDED' | 'FAILED';
  /** Default `page_size` of a timer's results. */
  results_page_size: number;
  /**
   * The order results are paged in. The service does not specify it; clients
   * must cope with either, so the emulator can serve both.
   */
  results_order: 'newest_first' | 'oldest_first';
  task_id_location: TaskIdLocation;
  auth_requirements_location: AuthRequirementsLocation;
  /** Whether Auth still grants the legacy Transfer Action Provider scope. */
  legacy_scope: 'accepted' | 'rejected';
  /** How a timer that reached its end condition shows it. */
  ended_shape: 'status' | 'next_run_null';
  /** What another client's timer answers. */
  foreign_timer_status: 404 | 403;
  /** What deleting a timer already being deleted answers. */
  repeated_delete: 'ok' | 'not_found' | 'conflict';
  /** Whether a timer whose deletion finished still answers, or is gone (docs/globus-variants.md). */
  deleted_timers: 'kept' | 'gone';
  /** Whether Transfer refuses labels outside letters, digits, space, `-_,` (docs/globus-variants.md). */
  label_rule: 'any' | 'strict';
  /** How far in the past a schedule's start may lie at create ("close to the current time"). */
  start_tolerance_seconds: number;
  /** Real milliseconds every service reply waits before it is sent (for benchmarks). */
  latency_ms: number;
  /** What `GET /flows/{id}` answers for a flow the caller may not see (Flows' OpenAPI gives both). */
  hidden_flow_status: 404 | 403;
  /**
   * What `POST /v2/timer` answers for a flow timer: the spec's `V2FlowTimerRead`, or the
   * job-style document of the only captured flow-timer create.
   */
  flow_create_shape: 'v2' | 'job';
  /** Answer a flow timer's create with 403 ConsentRequired when the token lacks the flow. */
  create_requires_flow_consent: boolean;
  /** How much a task made to stand still shows of its error. */
  stalled_task_shape: StalledTaskShape;
}

export const defaultConfig = (): EmulatorConfig => ({
  create_requires_data_access: false,
  task_active_seconds: 0,
  run_active_seconds: 0,
  transfer_outcome: 'SUCCEEDED',
  results_page_size: 10,
  results_order: 'newest_first',
  task_id_location: 'resource_id',
  auth_requirements_location: 'top_level',
  legacy_scope: 'accepted',
  ended_shape: 'status',
  foreign_timer_status: 404,
  repeated_delete: 'ok',
  deleted_timers: 'kept',
  label_rule: 'any',
  start_tolerance_seconds: 300,
  latency_ms: 0,
  hidden_flow_status: 404,
  flow_create_shape: 'v2',
  create_requires_flow_consent: false,
  stalled_task_shape: 'full',
});

type Rule =
  | { kind: 'boolean' }
  | { kind: 'choice'; values: readonly (string | number)[] }
  | { kind: 'number'; minimum: number; integer: boolean };

interface Setting {
  rule: Rule;
  /** One line for `npm run emulator -- --help`. */
  help: string;
}

const choice = (...values: (string | number)[]): Rule => ({ kind: 'choice', values });
const number = (minimum: number, integer = false): Rule => ({ kind: 'number', minimum, integer });

const SETTINGS: { [K in keyof EmulatorConfig]: Setting } = {
  create_requires_data_access: {
    rule: { kind: 'boolean' },
    help: 'POST /v2/timer answers 403 ConsentRequired when data_access is missing',
  },
  task_active_seconds: {
    rule: number(0),
    help: "virtual seconds a run's Transfer task stays ACTIVE",
  },
  run_active_seconds: {
    rule: number(0),
    help: "virtual seconds a flow timer's Flows run stays ACTIVE",
  },
  transfer_outcome: {
    rule: choice('SUCCEEDED', 'FAILED'),
    help: 'how every Transfer task a run submits ends (FAILED: permission denied on the destination)',
  },
  results_page_size: { rule: number(1, true), help: "default page_size of a timer's results" },
  results_order: {
    rule: choice('newest_first', 'oldest_first'),
    help: "the order a timer's results are paged in",
  },
  task_id_location: {
    rule: choice('resource_id', 'details_only', 'no_resource_id', 'data_task_id'),
    help: 'where a run result keeps its Transfer task id',
  },
  auth_requirements_location: {
    rule: choice('top_level', 'error_wrapper', 'errors_array'),
    help: 'where a Timers error reply keeps its authorization requirements (GARE)',
  },
  legacy_scope: {
    rule: choice('accepted', 'rejected'),
    help: 'whether a token request may name the legacy Transfer Action Provider scope',
  },
  ended_shape: {
    rule: choice('status', 'next_run_null'),
    help: 'an ended timer shows status "ended", or keeps its status with next_run null',
  },
  foreign_timer_status: {
    rule: choice(404, 403),
    help: "what GET/PATCH/DELETE/pause/resume of another client's timer answer",
  },
  repeated_delete: {
    rule: choice('ok', 'not_found', 'conflict'),
    help: 'what DELETE of a timer already delete_in_progress or deleted answers: 200, 404, 409',
  },
  deleted_timers: {
    rule: choice('kept', 'gone'),
    help: 'whether GET/PATCH/pause/resume of a deleted timer answer as usual (kept) or 404 (gone)',
  },
  label_rule: {
    rule: choice('any', 'strict'),
    help: 'strict: a run whose label has characters outside [A-Za-z0-9 _,-] fails at submission',
  },
  start_tolerance_seconds: {
    rule: number(0),
    help: 'how far in the past schedule.start / schedule.datetime may lie at create; 0: not at all',
  },
  latency_ms: {
    rule: number(0),
    help: 'real milliseconds added before every service reply (not control routes)',
  },
  hidden_flow_status: {
    rule: choice(404, 403),
    help: 'what Flows answers for a flow the caller may not see: 404 NOT_FOUND or 403 FORBIDDEN',
  },
  flow_create_shape: {
    rule: choice('v2', 'job'),
    help: 'POST /v2/timer of a flow timer answers V2FlowTimerRead (v2) or the captured job shape',
  },
  create_requires_flow_consent: {
    rule: { kind: 'boolean' },
    help: "POST /v2/timer of a flow timer answers 403 ConsentRequired when the token lacks the flow's scope",
  },
  stalled_task_shape: {
    rule: choice('full', 'no_events', 'no_nice_status', 'no_is_ok'),
    help: 'what a stalled task shows of its error: all, an empty event list, no nice_status, no is_ok',
  },
};

export const CONFIG_KEYS = Object.keys(SETTINGS) as (keyof EmulatorConfig)[];

export class InvalidConfigError extends Error {}

function problemWith(key: keyof EmulatorConfig, value: unknown): string | undefined {
  const { rule } = SETTINGS[key];
  switch (rule.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${key} must be true or false`;
    case 'choice':
      return rule.values.includes(value as string | number)
        ? undefined
        : `${key} must be one of ${rule.values.join(', ')}`;
    case 'number': {
      const fits =
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= rule.minimum &&
        (!rule.integer || Number.isInteger(value));
      return fits
        ? undefined
        : `${key} must be ${rule.integer ? 'an integer' : 'a number'} ≥ ${rule.minimum}`;
    }
  }
}

/** `current` with `changes` applied, or InvalidConfigError naming every bad setting at once. */
export function applyConfig(current: EmulatorConfig, changes: unknown): EmulatorConfig {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new InvalidConfigError('the configuration must be an object');
  }
  const unknown = Object.keys(changes).filter((key) => !Object.hasOwn(SETTINGS, key));
  const problems = unknown.length > 0 ? [`unknown setting(s): ${unknown.join(', ')}`] : [];
  const next = { ...current, ...(changes as Partial<EmulatorConfig>) };
  for (const key of CONFIG_KEYS) {
    const problem = problemWith(key, next[key]);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new InvalidConfigError(problems.join('; '));
  return next;
}

/** A setting's value from command-line text: numbers and booleans are typed as JSON would be. */
export function parseSetting(key: keyof EmulatorConfig, text: string): unknown {
  const { rule } = SETTINGS[key];
  if (rule.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  const numeric = rule.kind === 'number' || rule.values.every((value) => typeof value === 'number');
  return numeric && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Two lines per setting for `--help`: the flag, its values and default; what it does. */
export function settingsHelp(): string[] {
  const defaults = defaultConfig();
  return CONFIG_KEYS.map((key) => {
    const { rule, help } = SETTINGS[key];
    const values =
      rule.kind === 'boolean'
        ? 'true|false'
        : rule.kind === 'choice'
          ? rule.values.join('|')
          : `N≥${rule.minimum}`;
    return `  --${flagName(key)} ${values}  (default ${String(defaults[key])})\n      ${help}`;
  });
}

export const flagName = (key: keyof EmulatorConfig): string => key.replaceAll('_', '-');
