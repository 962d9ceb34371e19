import * as fields from './fields.js';
import type { InputReader } from './input-reader.js';
import { parseItems, type TransferItem } from './items.js';
import { readWorkspaceFile } from './workspace-file.js';
import type { TransferOptions } from './transfer-document.js';

/** Boolean inputs → body options, with the defaults action.yml declares. */
export const BOOLEAN_INPUTS = [
  ['verify-checksum', 'verify_checksum', true],
  ['encrypt-data', 'encrypt_data', false],
  ['preserve-timestamp', 'preserve_timestamp', false],
  ['delete-destination-extra', 'delete_destination_extra', false],
  ['skip-source-errors', 'skip_source_errors', false],
  ['fail-on-quota-errors', 'fail_on_quota_errors', false],
] as const;

export type BooleanOption = (typeof BOOLEAN_INPUTS)[number][1];

/** The inputs that say "this is a transfer timer" (the options have defaults; these do not). */
export const TRANSFER_INPUTS = ['source-endpoint', 'destination-endpoint', 'items', 'items-file'];

/**
 * Every input only a transfer timer reads: those above and the transfer's options (a spec
 * file's `defaults:` gives a flow timer none of them).
 */
export const TRANSFER_ONLY_INPUTS = [
  ...TRANSFER_INPUTS,
  'label',
  'sync-level',
  ...BOOLEAN_INPUTS.map(([input]) => input),
  'include',
  'exclude',
  'notify',
  'data-access',
];

/** What the inputs say about a transfer timer; undefined = not given. */
export interface TransferFields {
  sourceEndpoint?: string;
  destinationEndpoint?: string;
  items?: TransferItem[];
  options: TransferOptions;
  /** Boolean options left at their default (update keeps the timer's own value for these). */
  defaulted: BooleanOption[];
}

/** Reads the transfer inputs; bad values become problems in `reader`. */
export async function readTransferFields(
  reader: InputReader,
  workspace: string,
): Promise<TransferFields> {
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
  return {
    ...defined('sourceEndpoint', reader.optional('source-endpoint', fields.uuid)),
    ...defined('destinationEndpoint', reader.optional('destination-endpoint', fields.uuid)),
    ...defined('items', await readItemsInput(reader, workspace)),
    options,
    defaulted,
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function readItemsInput(
  reader: InputReader,
  workspace: string,
): Promise<TransferItem[] | undefined> {
  const inline = reader.raw('items');
  const file = reader.raw('items-file');
  if (inline && file) {
    reader.problem('items', 'give items or items-file, not both');
    return undefined;
  }
  if (inline) return keepItems(reader, await parseItems(inline, reader.itemsSource('items')));
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
  return keepItems(
    reader,
    await parseItems(read.text, { input: reader.nameOf('items-file'), file }),
  );
}

function keepItems(
  reader: InputReader,
  parsed: Awaited<ReturnType<typeof parseItems>>,
): TransferItem[] | undefined {
  reader.add(parsed.problems);
  return parsed.problems.length === 0 ? parsed.items : undefined;
}
