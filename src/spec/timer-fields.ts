import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { DateTime } from 'luxon';
import * as fields from './fields.js';
import type { InputReader } from './input-reader.js';
import { parseItems, type TransferItem } from './items.js';
import type { ScheduleRequest } from './schedule.js';
import type { TimerFields } from './timer-spec.js';
import type { TransferOptions } from './transfer-document.js';

/** Boolean inputs → body options, with the defaults action.yml declares. */
const BOOLEAN_INPUTS = [
  ['verify-checksum', 'verify_checksum', true],
  ['encrypt-data', 'encrypt_data', false],
  ['preserve-timestamp', 'preserve_timestamp', false],
  ['delete-destination-extra', 'delete_destination_extra', false],
  ['skip-source-errors', 'skip_source_errors', false],
  ['fail-on-quota-errors', 'fail_on_quota_errors', false],
] as const;

export type BooleanOption = (typeof BOOLEAN_INPUTS)[number][1];

/** Timer fields plus which boolean options were left at their default (for `update`). */
export interface ReadTimerFields extends TimerFields {
  defaulted: BooleanOption[];
}

export interface TimerFieldsContext {
  workspace: string;
  now: DateTime;
}

/**
 * Reads the inputs that describe a timer (shared by the action's inputs and spec-file entries).
 * Bad values become problems in `reader`; what is fine is returned.
 */
export function readTimerFields(reader: InputReader, context: TimerFieldsContext): ReadTimerFields {
  const options: TransferOptions = {};
  const defaulted: BooleanOption[] = [];
  for (const [input, option, fallback] of BOOLEAN_INPUTS) {
    const value = reader.optional(input, fields.boolean);
    options[option] = value ?? fallback;
    if (options[option] === fallback) defaulted.push(option);
  }
  const label = reader.optional('label', fields.label);
  if (label !== undefined) options.label = label;
  const syncLevel = reader.optional('sync-level', fields.syncLevel);
  if (syncLevel !== undefined) options.sync_level = syncLevel;
  const rules = fields.filterRules(reader.raw('include'), reader.raw('exclude'));
  if (rules.length > 0) options.filter_rules = rules;
  Object.assign(options, reader.optional('notify', fields.notify));

  const name = reader.raw('name') || undefined;
  if (name !== undefined && /[\r\n]/.test(name)) reader.problem('name', 'must be a single line');
  return {
    ...(name === undefined ? {} : { name }),
    ...defined('sourceEndpoint', reader.optional('source-endpoint', fields.uuid)),
    ...defined('destinationEndpoint', reader.optional('destination-endpoint', fields.uuid)),
    ...defined('items', readItemsInput(reader, context.workspace)),
    options,
    defaulted,
    schedule: readSchedule(reader, context.now),
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readItemsInput(reader: InputReader, workspace: string): TransferItem[] | undefined {
  const inline = reader.raw('items');
  const file = reader.raw('items-file');
  if (inline && file) {
    reader.problem('items', 'give items or items-file, not both');
    return undefined;
  }
  if (inline) return keepItems(reader, parseItems(inline, reader.itemsSource('items')));
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(isAbsolute(file) ? file : resolve(workspace, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'unreadable';
    reader.problem('items-file', `${file}: ${reason} (paths are relative to the workspace)`);
    return undefined;
  }
  return keepItems(reader, parseItems(text, { input: reader.nameOf('items-file'), file }));
}

function keepItems(
  reader: InputReader,
  parsed: ReturnType<typeof parseItems>,
): TransferItem[] | undefined {
  reader.add(parsed.problems);
  return parsed.problems.length === 0 ? parsed.items : undefined;
}

const ONE_YEAR_SECONDS = 365 * 86400;

function readSchedule(reader: InputReader, now: DateTime): ScheduleRequest {
  const zone = reader.optional('timezone', fields.timezone) ?? 'UTC';
  const request: ScheduleRequest = {};
  const intervalSeconds = reader.optional('interval', fields.interval);
  if (intervalSeconds !== undefined) request.intervalSeconds = intervalSeconds;
  const start = reader.optional('start', fields.dateTime(zone));
  if (start && start.diff(now).as('seconds') > ONE_YEAR_SECONDS) {
    reader.problem('start', 'must be within one year from now (Timers limit)');
  } else if (start) {
    request.start = start;
  }
  const runs = reader.optional('stop-after-runs', fields.positiveInteger);
  if (runs !== undefined) request.stopAfterRuns = runs;
  const date = reader.optional('stop-after-date', fields.dateTime(zone));
  if (date && request.start && date <= request.start) {
    reader.problem('stop-after-date', 'must be after start');
  } else if (date) {
    request.stopAfterDate = date;
  }
  return request;
}
