import type { DateTime } from 'luxon';
import { firstRun } from './create-request.js';
import { formatWireDateTime } from './datetime.js';
import * as fields from './fields.js';
import type { InputReader } from './input-reader.js';
import { parseItems, type TransferItem } from './items.js';
import type { ScheduleRequest } from './schedule.js';
import type { TimerFields } from './timer-spec.js';
import type { TransferOptions } from './transfer-document.js';
import { readWorkspaceFile } from './workspace-file.js';

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
  const read = readWorkspaceFile(file, workspace);
  if ('problem' in read) {
    reader.add([
      {
        input: reader.nameOf('items-file'),
        message: read.problem,
        ...(read.line === undefined ? {} : { file, line: read.line }),
      },
    ]);
    return undefined;
  }
  return keepItems(reader, parseItems(read.text, { input: reader.nameOf('items-file'), file }));
}

function keepItems(
  reader: InputReader,
  parsed: ReturnType<typeof parseItems>,
): TransferItem[] | undefined {
  reader.add(parsed.problems);
  return parsed.problems.length === 0 ? parsed.items : undefined;
}

const ONE_YEAR_SECONDS = 365 * 86400;

/**
 * The schedule inputs, with every check that needs no network made now: a run-once start or a
 * stop date that has passed, a stop date before the start or before the first run.
 */
function readSchedule(reader: InputReader, now: DateTime): ScheduleRequest {
  const zone = reader.optional('timezone', fields.timezone) ?? 'UTC';
  const request: ScheduleRequest = {};
  const intervalSeconds = reader.optional('interval', fields.interval);
  if (intervalSeconds !== undefined) request.intervalSeconds = intervalSeconds;
  const runs = reader.optional('stop-after-runs', fields.positiveInteger);
  if (runs !== undefined) request.stopAfterRuns = runs;
  const start = reader.optional('start', fields.dateTime(zone));
  if (start && start.diff(now).as('seconds') > ONE_YEAR_SECONDS) {
    reader.problem('start', 'must be within one year from now (Timers limit)');
  } else if (start && runs === 1 && start < now) {
    reader.problem(
      'start',
      `${formatWireDateTime(start)} has passed; a run-once timer needs a future start (or no start, to run now)`,
    );
  } else if (start) {
    request.start = start;
  }
  const date = reader.optional('stop-after-date', fields.dateTime(zone));
  const problem = date && stopDateProblem(date, request, now);
  if (problem) reader.problem('stop-after-date', problem);
  else if (date) request.stopAfterDate = date;
  return request;
}

/** Why a stop date would stop the timer before it ever runs; undefined when it would not. */
function stopDateProblem(date: DateTime, request: ScheduleRequest, now: DateTime) {
  const { start, intervalSeconds } = request;
  if (date <= now) return `${formatWireDateTime(date)} has passed; the timer would never run`;
  if (start && date <= start) return 'must be after start';
  if (start && intervalSeconds !== undefined) {
    const first = firstRun(start, intervalSeconds, now);
    if (date < first) {
      return `comes before the first run (${formatWireDateTime(first)}); the timer would never run`;
    }
  }
  return undefined;
}
