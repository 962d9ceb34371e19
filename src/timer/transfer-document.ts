import type { TransferItem } from './items.js';

/** Timers' `FilterRule`. */
export interface FilterRule {
  DATA_TYPE: 'filter_rule';
  name: string;
  method: 'include' | 'exclude';
  type?: 'file' | 'dir';
}

export type SyncLevel = 0 | 1 | 2 | 3;

/** The Transfer options a timer body carries besides endpoints and items (Timers OpenAPI). */
export interface TransferOptions {
  label?: string;
  sync_level?: SyncLevel;
  verify_checksum?: boolean;
  encrypt_data?: boolean;
  preserve_timestamp?: boolean;
  delete_destination_extra?: boolean;
  skip_source_errors?: boolean;
  fail_on_quota_errors?: boolean;
  notify_on_succeeded?: boolean;
  notify_on_failed?: boolean;
  notify_on_inactive?: boolean;
  store_base_path_info?: boolean;
  source_local_user?: string;
  destination_local_user?: string;
  filter_rules?: FilterRule[];
}

/** Timers' `TransferTaskDocument`: what every run of a transfer timer submits to Transfer. */
export interface TransferDocument extends TransferOptions {
  DATA_TYPE: 'transfer';
  source_endpoint: string;
  destination_endpoint: string;
  DATA: TransferItem[];
}

export const BOOLEAN_OPTIONS = [
  'verify_checksum',
  'encrypt_data',
  'preserve_timestamp',
  'delete_destination_extra',
  'skip_source_errors',
  'fail_on_quota_errors',
  'notify_on_succeeded',
  'notify_on_failed',
  'notify_on_inactive',
  'store_base_path_info',
] as const;

/** Service-side defaults of the boolean options (Timers schema; notifications default on). */
const SERVICE_DEFAULTS: Record<(typeof BOOLEAN_OPTIONS)[number], boolean> = {
  verify_checksum: false,
  encrypt_data: false,
  preserve_timestamp: false,
  delete_destination_extra: false,
  skip_source_errors: false,
  fail_on_quota_errors: false,
  notify_on_succeeded: true,
  notify_on_failed: true,
  notify_on_inactive: true,
  store_base_path_info: false,
};

/**
 * The document with the service's defaults filled in and nothing else, so a body we would send
 * and a body Globus echoes back compare equal exactly when they mean the same transfer. Reads
 * the legacy Transfer-Action-Provider spelling (`source_endpoint_id`, `transfer_items`) too.
 */
export function normalizeTransferDocument(raw: Record<string, unknown>): TransferDocument {
  const document: TransferDocument = {
    DATA_TYPE: 'transfer',
    source_endpoint: String(raw.source_endpoint ?? raw.source_endpoint_id ?? ''),
    destination_endpoint: String(raw.destination_endpoint ?? raw.destination_endpoint_id ?? ''),
    DATA: readItems(raw.DATA ?? raw.transfer_items),
  };
  if (typeof raw.label === 'string' && raw.label !== '') document.label = raw.label;
  if (typeof raw.sync_level === 'number') document.sync_level = raw.sync_level as SyncLevel;
  for (const option of BOOLEAN_OPTIONS) {
    const value = raw[option];
    document[option] = typeof value === 'boolean' ? value : SERVICE_DEFAULTS[option];
  }
  for (const key of ['source_local_user', 'destination_local_user'] as const) {
    if (typeof raw[key] === 'string') document[key] = raw[key];
  }
  const rules = readFilterRules(raw.filter_rules);
  if (rules.length > 0) document.filter_rules = rules;
  return document;
}

function readItems(value: unknown): TransferItem[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: Record<string, unknown>) => {
    const item: TransferItem = {
      DATA_TYPE: 'transfer_item',
      source_path: String(raw.source_path ?? ''),
      destination_path: String(raw.destination_path ?? ''),
    };
    if (typeof raw.recursive === 'boolean') item.recursive = raw.recursive;
    return item;
  });
}

function readFilterRules(value: unknown): FilterRule[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw: Record<string, unknown>) => {
    const rule: FilterRule = {
      DATA_TYPE: 'filter_rule',
      name: String(raw.name ?? ''),
      method: raw.method === 'include' ? 'include' : 'exclude',
    };
    if (raw.type === 'file' || raw.type === 'dir') rule.type = raw.type;
    return rule;
  });
}
