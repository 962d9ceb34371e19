import type { FilterRule, TransferDocument } from './transfer-document.js';
import { BOOLEAN_INPUTS } from './transfer-fields.js';
import { itemLine, type InputValues } from './input-values.js';

/** sync_level 0–3 by the names the `sync-level` input takes. */
const SYNC_LEVEL_NAMES = ['exists', 'size', 'mtime', 'checksum'];

/**
 * A transfer body (normalised: see normalizeTransferDocument) as the inputs that write it. Every
 * body maps to its own values, so two bodies compare equal exactly when their values do. What no
 * input sets (a timer made by another tool) keeps Transfer's name: `store_base_path_info`.
 */
export function transferValues(body: TransferDocument): InputValues {
  const values: InputValues = {};
  if (body.source_endpoint) values['source-endpoint'] = body.source_endpoint;
  if (body.destination_endpoint) values['destination-endpoint'] = body.destination_endpoint;
  if (body.DATA.length > 0) values.items = body.DATA.map(itemLine);
  if (body.label !== undefined) values.label = body.label;
  if (body.sync_level !== undefined) {
    values['sync-level'] = SYNC_LEVEL_NAMES[body.sync_level] ?? String(body.sync_level);
  }
  for (const [input, option] of BOOLEAN_INPUTS) {
    const value = body[option];
    if (value !== undefined) values[input] = String(value);
  }
  const notify = notifyValue(body);
  if (notify !== undefined) values.notify = notify;
  Object.assign(values, filterValues(body.filter_rules ?? []));
  if (body.store_base_path_info) values.store_base_path_info = 'true';
  if (body.source_local_user !== undefined) values.source_local_user = body.source_local_user;
  if (body.destination_local_user !== undefined) {
    values.destination_local_user = body.destination_local_user;
  }
  return values;
}

/** The three notification options as `notify` says them: default (all on), none, or a list. */
function notifyValue(body: TransferDocument): string | undefined {
  const events = [
    ['succeeded', body.notify_on_succeeded],
    ['failed', body.notify_on_failed],
    ['inactive', body.notify_on_inactive],
  ] as const;
  if (events.every(([, on]) => on === undefined)) return undefined;
  const on = events.filter(([, value]) => value !== false).map(([event]) => event);
  if (on.length === events.length) return 'default';
  return on.length === 0 ? 'none' : on.join(',');
}

/**
 * Filter rules as `include` and `exclude` (patterns of files, includes first: what those inputs
 * make); rules in another order or of another type, which no input makes, as `filter_rules`.
 */
function filterValues(rules: readonly FilterRule[]): InputValues {
  if (rules.length === 0) return {};
  const firstExclude = rules.findIndex((rule) => rule.method === 'exclude');
  const inputsMakeThem =
    rules.every((rule) => rule.type === 'file') &&
    (firstExclude === -1 || rules.slice(firstExclude).every((rule) => rule.method === 'exclude'));
  if (!inputsMakeThem) {
    return {
      filter_rules: rules.map(
        (rule) => `${rule.method} ${rule.name}${rule.type ? ` (${rule.type})` : ''}`,
      ),
    };
  }
  const names = (method: FilterRule['method']) =>
    rules.filter((rule) => rule.method === method).map((rule) => rule.name);
  const include = names('include');
  const exclude = names('exclude');
  return {
    ...(include.length > 0 ? { include } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
  };
}
