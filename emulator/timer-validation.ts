/**
 * Validation of `POST /v2/timer` the way the real service (FastAPI + pydantic) does it: every
 * problem is collected and reported at once as a 422 `detail` list of `{loc, msg, type}`, with
 * pydantic's messages. Models forbid extra fields, except that `null` is accepted wherever a
 * field is optional (the official CLI sends `"label": null`).
 *
 * A valid request comes back normalised the way the service echoes it: schedule datetimes in
 * UTC, and the transfer body with its defaults filled in and nulls dropped.
 */
import { isRecord } from './http.js';
import type { EndCondition, Schedule, TransferBody, TransferItem } from './state.js';
import { DAY, MINUTE, SECOND, parseZonedDatetime } from './time.js';

export type Loc = (string | number)[];

export interface ValidationIssue {
  loc: Loc;
  msg: string;
  type: string;
}

export interface ValidTimer {
  name: string | null;
  schedule: Schedule;
  body: TransferBody;
}

export type TimerValidation =
  { ok: true; timer: ValidTimer } | { ok: false; issues: ValidationIssue[] };

export const MIN_INTERVAL_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = (365 * DAY) / SECOND;
/** "In the future or close to the current time": how far in the past a start may lie. */
const START_TOLERANCE = 5 * MINUTE;
const MAX_START_AHEAD = 365 * DAY;
const MAX_LABEL_LENGTH = 128;

const TIMER_FIELDS = ['timer_type', 'name', 'schedule', 'resource_server', 'body'];
const BODY_BOOLEAN_DEFAULTS: Record<string, boolean> = {
  delete_destination_extra: false,
  encrypt_data: false,
  fail_on_quota_errors: false,
  notify_on_failed: true,
  notify_on_inactive: true,
  notify_on_succeeded: true,
  preserve_timestamp: false,
  skip_source_errors: false,
  store_base_path_info: false,
  verify_checksum: false,
};
const BODY_OPTIONAL_STRINGS = ['source_local_user', 'destination_local_user'];
const BODY_FIELDS = [
  'DATA_TYPE',
  'source_endpoint',
  'destination_endpoint',
  'DATA',
  'deadline',
  'label',
  'sync_level',
  'filter_rules',
  ...BODY_OPTIONAL_STRINGS,
  ...Object.keys(BODY_BOOLEAN_DEFAULTS),
];
const ITEM_FIELDS = [
  'DATA_TYPE',
  'source_path',
  'destination_path',
  'recursive',
  'external_checksum',
  'checksum_algorithm',
];
const FILTER_RULE_FIELDS = ['DATA_TYPE', 'name', 'method', 'type'];

/** Collects problems; each check returns the value it accepted, or undefined. */
class Checker {
  readonly issues: ValidationIssue[] = [];

  add(loc: Loc, msg: string, type: string): undefined {
    this.issues.push({ loc, msg, type });
    return undefined;
  }

  /** An object with only the allowed keys. */
  object(
    value: unknown,
    loc: Loc,
    allowed: readonly string[],
  ): Record<string, unknown> | undefined {
    if (!isRecord(value)) return this.add(loc, 'value is not a valid dict', 'type_error.dict');
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.add([...loc, key], 'extra fields not permitted', 'value_error.extra');
      }
    }
    return value;
  }

  /**
   * The field's value when present. A missing required field is reported; `null` counts as
   * absent for optional fields and is refused for required ones.
   */
  field(object: Record<string, unknown>, key: string, loc: Loc, required: boolean): unknown {
    const value = object[key];
    if (value === undefined) {
      if (required) this.add([...loc, key], 'field required', 'value_error.missing');
      return undefined;
    }
    if (value === null && required) {
      return this.add([...loc, key], 'none is not an allowed value', 'type_error.none.not_allowed');
    }
    return value ?? undefined;
  }

  string(value: unknown, loc: Loc): string | undefined {
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : this.add(loc, 'str type expected', 'type_error.str');
  }

  boolean(value: unknown, loc: Loc): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    return this.add(loc, 'value could not be parsed to a boolean', 'type_error.bool');
  }

  integer(value: unknown, loc: Loc, minimum: number, maximum = Infinity): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return this.add(loc, 'value is not a valid integer', 'type_error.integer');
    }
    if (value < minimum) {
      return this.add(
        loc,
        `ensure this value is greater than or equal to ${minimum}`,
        'value_error.number.not_ge',
      );
    }
    if (value > maximum) {
      return this.add(
        loc,
        `ensure this value is less than or equal to ${maximum}`,
        'value_error.number.not_le',
      );
    }
    return value;
  }

  literal<T extends string>(value: unknown, loc: Loc, permitted: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (permitted.includes(value as T)) return value as T;
    const list = permitted.map((option) => `'${option}'`).join(', ');
    return this.add(loc, `unexpected value; permitted: ${list}`, 'value_error.const');
  }

  datetime(value: unknown, loc: Loc): number | undefined {
    const text = this.string(value, loc);
    if (text === undefined) return undefined;
    const parsed = parseZonedDatetime(text);
    if (parsed.ok) return parsed.ms;
    if (parsed.reason === 'naive') {
      return this.add(
        loc,
        'datetime must include a UTC offset (e.g. "Z" or "+00:00")',
        'value_error.datetime',
      );
    }
    return this.add(loc, 'invalid datetime format', 'value_error.datetime');
  }

  /** Ticks must be "in the future or close to the current time", and within a year. */
  startWindow(ms: number | undefined, loc: Loc, now: number): number | undefined {
    if (ms === undefined) return undefined;
    if (ms < now - START_TOLERANCE) {
      return this.add(loc, 'must be in the future or close to the current time', 'value_error');
    }
    if (ms > now + MAX_START_AHEAD) {
      return this.add(loc, 'must be within one year of the current time', 'value_error');
    }
    return ms;
  }

  discriminator<T extends string>(value: unknown, loc: Loc, key: string, permitted: readonly T[]) {
    if (value === undefined) {
      return this.add([...loc, key], 'field required', 'value_error.missing');
    }
    if (permitted.includes(value as T)) return value as T;
    const allowed = permitted.map((option) => `'${option}'`).join(', ');
    return this.add(
      [...loc, key],
      `No match for discriminator '${key}' and value ${JSON.stringify(value)} (allowed values: ${allowed})`,
      'value_error.discriminated_union.invalid_discriminator',
    );
  }
}

export function validateTimerCreate(payload: unknown, now: number): TimerValidation {
  const check = new Checker();
  const envelope = check.object(payload, ['body'], ['timer']);
  const timer = envelope && check.field(envelope, 'timer', ['body'], true);
  const result = timer === undefined ? undefined : checkTimer(check, timer, ['body', 'timer'], now);
  if (check.issues.length > 0 || !result) return { ok: false, issues: check.issues };
  return { ok: true, timer: result };
}

function checkTimer(check: Checker, value: unknown, loc: Loc, now: number): ValidTimer | undefined {
  const timer = check.object(value, loc, TIMER_FIELDS);
  if (!timer) return undefined;
  check.literal(check.field(timer, 'timer_type', loc, true), [...loc, 'timer_type'], ['transfer']);
  const name = check.string(check.field(timer, 'name', loc, false), [...loc, 'name']);
  const resourceServer = check.field(timer, 'resource_server', loc, false);
  check.literal(resourceServer, [...loc, 'resource_server'], ['transfer.api.globus.org']);
  const scheduleValue = check.field(timer, 'schedule', loc, true);
  const schedule =
    scheduleValue === undefined
      ? undefined
      : checkSchedule(check, scheduleValue, [...loc, 'schedule'], now);
  const bodyValue = check.field(timer, 'body', loc, true);
  const body = bodyValue === undefined ? undefined : checkBody(check, bodyValue, [...loc, 'body']);
  return schedule && body ? { name: name ?? null, schedule, body } : undefined;
}

function checkSchedule(
  check: Checker,
  value: unknown,
  loc: Loc,
  now: number,
): Schedule | undefined {
  if (!isRecord(value)) return check.add(loc, 'value is not a valid dict', 'type_error.dict');
  const type = check.discriminator(value.type, loc, 'type', ['once', 'recurring']);
  if (type === 'once') {
    const schedule = check.object(value, loc, ['type', 'datetime']);
    if (!schedule) return undefined;
    const at = check.datetime(check.field(schedule, 'datetime', loc, false), [...loc, 'datetime']);
    return { type, datetime: check.startWindow(at, [...loc, 'datetime'], now) ?? now };
  }
  if (type !== 'recurring') return undefined;
  const schedule = check.object(value, loc, ['type', 'interval_seconds', 'start', 'end']);
  if (!schedule) return undefined;
  const interval = check.integer(
    check.field(schedule, 'interval_seconds', loc, true),
    [...loc, 'interval_seconds'],
    MIN_INTERVAL_SECONDS,
    MAX_INTERVAL_SECONDS,
  );
  const startValue = check.datetime(check.field(schedule, 'start', loc, false), [...loc, 'start']);
  const start = check.startWindow(startValue, [...loc, 'start'], now);
  const endValue = check.field(schedule, 'end', loc, false);
  const end =
    endValue === undefined ? undefined : checkEnd(check, endValue, [...loc, 'end'], start ?? now);
  if (interval === undefined || (startValue !== undefined && start === undefined)) return undefined;
  if (endValue !== undefined && end === undefined) return undefined;
  return { type, interval_seconds: interval, start: start ?? now, ...(end ? { end } : {}) };
}

function checkEnd(
  check: Checker,
  value: unknown,
  loc: Loc,
  start: number,
): EndCondition | undefined {
  if (!isRecord(value)) return check.add(loc, 'value is not a valid dict', 'type_error.dict');
  const condition = check.discriminator(value.condition, loc, 'condition', ['time', 'iterations']);
  if (condition === 'time') {
    const end = check.object(value, loc, ['condition', 'datetime']);
    const at = end && check.datetime(check.field(end, 'datetime', loc, true), [...loc, 'datetime']);
    if (at === undefined) return undefined;
    if (at <= start) {
      return check.add(
        [...loc, 'datetime'],
        'end datetime must be after the start of the timer',
        'value_error',
      );
    }
    return { condition, datetime: at };
  }
  if (condition !== 'iterations') return undefined;
  const end = check.object(value, loc, ['condition', 'count']);
  const count = end && check.integer(check.field(end, 'count', loc, true), [...loc, 'count'], 1);
  return count === undefined ? undefined : { condition, count };
}

function checkBody(check: Checker, value: unknown, loc: Loc): TransferBody | undefined {
  const body = check.object(value, loc, BODY_FIELDS);
  if (!body) return undefined;
  const at = (key: string): Loc => [...loc, key];
  check.literal(check.field(body, 'DATA_TYPE', loc, false), at('DATA_TYPE'), ['transfer']);
  const source = check.string(
    check.field(body, 'source_endpoint', loc, true),
    at('source_endpoint'),
  );
  const destination = check.string(
    check.field(body, 'destination_endpoint', loc, true),
    at('destination_endpoint'),
  );
  const items = checkList(check, check.field(body, 'DATA', loc, true), at('DATA'), 1, checkItem);
  const echo: Record<string, unknown> = { DATA_TYPE: 'transfer' };
  for (const [key, fallback] of Object.entries(BODY_BOOLEAN_DEFAULTS)) {
    echo[key] = check.boolean(check.field(body, key, loc, false), at(key)) ?? fallback;
  }
  for (const key of BODY_OPTIONAL_STRINGS) {
    echo[key] = check.string(check.field(body, key, loc, false), at(key));
  }
  echo.label = checkLabel(check, check.field(body, 'label', loc, false), at('label'));
  echo.sync_level = checkSyncLevel(
    check,
    check.field(body, 'sync_level', loc, false),
    at('sync_level'),
  );
  const deadline = check.field(body, 'deadline', loc, false);
  if (check.datetime(deadline, at('deadline')) !== undefined) echo.deadline = deadline;
  const rules = check.field(body, 'filter_rules', loc, false);
  if (rules !== undefined) {
    echo.filter_rules = checkList(check, rules, at('filter_rules'), 0, checkFilterRule);
  }
  if (source === undefined || destination === undefined || items === undefined) return undefined;
  return sortedWithoutUndefined({
    ...echo,
    source_endpoint: source,
    destination_endpoint: destination,
    DATA: items,
  }) as TransferBody;
}

function checkList<T>(
  check: Checker,
  value: unknown,
  loc: Loc,
  minItems: number,
  checkElement: (check: Checker, element: unknown, loc: Loc) => T | undefined,
): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return check.add(loc, 'value is not a valid list', 'type_error.list');
  if (value.length < minItems) {
    return check.add(
      loc,
      `ensure this value has at least ${minItems} items`,
      'value_error.list.min_items',
    );
  }
  const elements = value.map((element, index) => checkElement(check, element, [...loc, index]));
  return elements.every((element) => element !== undefined) ? (elements as T[]) : undefined;
}

function checkItem(check: Checker, value: unknown, loc: Loc): TransferItem | undefined {
  const item = check.object(value, loc, ITEM_FIELDS);
  if (!item) return undefined;
  check.literal(
    check.field(item, 'DATA_TYPE', loc, false),
    [...loc, 'DATA_TYPE'],
    ['transfer_item'],
  );
  const strings = ['source_path', 'destination_path', 'external_checksum', 'checksum_algorithm'];
  const echo: Record<string, unknown> = { DATA_TYPE: 'transfer_item' };
  for (const key of strings) {
    const required = key.endsWith('_path');
    echo[key] = check.string(check.field(item, key, loc, required), [...loc, key]);
  }
  echo.recursive = check.boolean(check.field(item, 'recursive', loc, false), [...loc, 'recursive']);
  if (echo.source_path === undefined || echo.destination_path === undefined) return undefined;
  return sortedWithoutUndefined(echo) as TransferItem;
}

function checkFilterRule(
  check: Checker,
  value: unknown,
  loc: Loc,
): Record<string, unknown> | undefined {
  const rule = check.object(value, loc, FILTER_RULE_FIELDS);
  if (!rule) return undefined;
  check.literal(check.field(rule, 'DATA_TYPE', loc, false), [...loc, 'DATA_TYPE'], ['filter_rule']);
  const name = check.string(check.field(rule, 'name', loc, true), [...loc, 'name']);
  const method = check.field(rule, 'method', loc, false);
  const type = check.field(rule, 'type', loc, false);
  const echo = {
    DATA_TYPE: 'filter_rule',
    method: check.literal(method, [...loc, 'method'], ['include', 'exclude']) ?? 'exclude',
    name,
    type: check.literal(type, [...loc, 'type'], ['file', 'dir']),
  };
  return name === undefined ? undefined : sortedWithoutUndefined(echo);
}

function checkLabel(check: Checker, value: unknown, loc: Loc): string | undefined {
  const label = check.string(value, loc);
  if (label === undefined) return undefined;
  if (label.length > MAX_LABEL_LENGTH) {
    return check.add(
      loc,
      `ensure this value has at most ${MAX_LABEL_LENGTH} characters`,
      'value_error.any_str.max_length',
    );
  }
  if (/[\r\n]/.test(label)) return check.add(loc, 'label must not contain newlines', 'value_error');
  return label;
}

function checkSyncLevel(check: Checker, value: unknown, loc: Loc): number | undefined {
  if (value === undefined) return undefined;
  if (value === 0 || value === 1 || value === 2 || value === 3) return value;
  return check.add(
    loc,
    'value is not a valid enumeration member; permitted: 0, 1, 2, 3',
    'type_error.enum',
  );
}

/** Keys sorted as the service serialises them, absent optional fields left out. */
function sortedWithoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** `PATCH /jobs/{id}`: only the name can change. */
export function validateTimerUpdate(
  payload: unknown,
): { ok: true; name: string | undefined } | { ok: false; issues: ValidationIssue[] } {
  const check = new Checker();
  const update = check.object(payload, ['body'], ['name']);
  const name =
    update && check.string(check.field(update, 'name', ['body'], false), ['body', 'name']);
  return check.issues.length > 0 ? { ok: false, issues: check.issues } : { ok: true, name };
}
