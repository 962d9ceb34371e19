import { describe, expect, it } from '@jest/globals';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import { DESTINATION, SOURCE } from '../../__fixtures__/kinds.js';

/** Every boolean option at the service's default (notifications on, the rest off). */
const DEFAULTS = {
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

describe('a transfer body in one form, whatever wrote it', () => {
  it('an empty body: no endpoints, no items, the service’s defaults and nothing else', () => {
    expect(normalizeTransferDocument({})).toEqual({
      DATA_TYPE: 'transfer',
      source_endpoint: '',
      destination_endpoint: '',
      DATA: [],
      ...DEFAULTS,
    });
  });

  it('keeps every option given, in its own type', () => {
    const options = {
      verify_checksum: true,
      encrypt_data: true,
      preserve_timestamp: true,
      delete_destination_extra: true,
      skip_source_errors: true,
      fail_on_quota_errors: true,
      notify_on_succeeded: false,
      notify_on_failed: false,
      notify_on_inactive: false,
      store_base_path_info: true,
    };
    expect(
      normalizeTransferDocument({
        source_endpoint: SOURCE,
        destination_endpoint: DESTINATION,
        DATA: [{ source_path: '/a', destination_path: '/b', recursive: true }],
        label: 'nightly',
        sync_level: 0,
        source_local_user: 'alice',
        destination_local_user: 'bob',
        filter_rules: [{ name: '*.h5', method: 'include', type: 'file' }],
        ...options,
        // What the service adds is left out.
        DATA_TYPE: 'transfer',
        submission_id: 'sub-1',
      }),
    ).toEqual({
      DATA_TYPE: 'transfer',
      source_endpoint: SOURCE,
      destination_endpoint: DESTINATION,
      DATA: [
        { DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b', recursive: true },
      ],
      label: 'nightly',
      sync_level: 0,
      source_local_user: 'alice',
      destination_local_user: 'bob',
      filter_rules: [{ DATA_TYPE: 'filter_rule', name: '*.h5', method: 'include', type: 'file' }],
      ...options,
    });
  });

  it('reads the legacy Transfer-Action-Provider spelling', () => {
    expect(
      normalizeTransferDocument({
        source_endpoint_id: SOURCE,
        destination_endpoint_id: DESTINATION,
        transfer_items: [{ source_path: '/x', destination_path: '/y' }],
      }),
    ).toMatchObject({
      source_endpoint: SOURCE,
      destination_endpoint: DESTINATION,
      DATA: [{ DATA_TYPE: 'transfer_item', source_path: '/x', destination_path: '/y' }],
    });
    // The current spelling wins where both are present.
    expect(
      normalizeTransferDocument({
        source_endpoint: 's',
        source_endpoint_id: 'old-s',
        destination_endpoint: 'd',
        destination_endpoint_id: 'old-d',
        DATA: [],
        transfer_items: [{ source_path: '/x', destination_path: '/y' }],
      }),
    ).toMatchObject({ source_endpoint: 's', destination_endpoint: 'd', DATA: [] });
  });

  it('drops what is empty or of the wrong type, and falls back to the defaults', () => {
    expect(
      normalizeTransferDocument({
        label: '',
        sync_level: '3',
        verify_checksum: 'true',
        notify_on_failed: null,
        source_local_user: 7,
        destination_local_user: null,
        filter_rules: [],
        DATA: 'not a list',
      }),
    ).toEqual(normalizeTransferDocument({}));
    expect(normalizeTransferDocument({ filter_rules: 'x', label: 5 })).toEqual(
      normalizeTransferDocument({}),
    );
  });

  it('reads items and rules tolerantly: missing paths empty, recursive only when a boolean', () => {
    const read = normalizeTransferDocument({
      DATA: [{}, { source_path: '/a', destination_path: '/b', recursive: 'yes' }],
      filter_rules: [
        { name: 'tmp', method: 'exclude', type: 'dir' },
        { name: 'core', method: 'unknown', type: 'link' },
        {},
        { name: 'a', method: 'include' },
      ],
    });
    expect(read.DATA).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '', destination_path: '' },
      { DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' },
    ]);
    expect(read.filter_rules).toEqual([
      { DATA_TYPE: 'filter_rule', name: 'tmp', method: 'exclude', type: 'dir' },
      { DATA_TYPE: 'filter_rule', name: 'core', method: 'exclude' },
      { DATA_TYPE: 'filter_rule', name: '', method: 'exclude' },
      { DATA_TYPE: 'filter_rule', name: 'a', method: 'include' },
    ]);
    expect(normalizeTransferDocument({ DATA: [{ recursive: false }] }).DATA).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '', destination_path: '', recursive: false },
    ]);
  });
});
