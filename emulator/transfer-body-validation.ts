/**
 * Validation of the transfer body a timer carries (Timers OpenAPI `TransferTaskDocument`),
 * pydantic style: extra fields refused, `null` accepted for optional fields. A valid body comes
 * back the way Timers echoes it: defaults filled in, nulls dropped, keys sorted.
 */
import type { TransferBody, TransferItem } from './state.js';
import type { Checker, Loc } from './validation-checker.js';

const MAX_LABEL_LENGTH = 128;

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

export function checkBody(check: Checker, value: unknown, loc: Loc): TransferBody | undefined {
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
