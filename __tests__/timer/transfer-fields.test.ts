import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTransferFields, TRANSFER_INPUTS } from '../../src/timer/transfer-fields.js';
import { InputReader, type ValuePlace } from '../../src/timer/input-reader.js';
import { ACTION_DEFAULT_OPTIONS } from '../../__fixtures__/inputs.js';
import { DESTINATION, SOURCE } from '../../__fixtures__/kinds.js';

const workspace = mkdtempSync(join(tmpdir(), 'gta-transfer-fields-'));
writeFileSync(join(workspace, 'items.csv'), '/a, /b\n/c, /d, true\n');
writeFileSync(join(workspace, 'control.csv'), '/a, /b\n/c\u0007, /d\n');
writeFileSync(join(workspace, 'bad.csv'), '/a\n');

async function read(inputs: Record<string, string>, place: ValuePlace = {}) {
  const reader = new InputReader((name) => inputs[name] ?? '', place);
  const fields = await readTransferFields(reader, workspace);
  return { fields, problems: reader.problems };
}

const ALL_DEFAULTED = [
  'verify_checksum',
  'encrypt_data',
  'preserve_timestamp',
  'delete_destination_extra',
  'skip_source_errors',
  'fail_on_quota_errors',
];

describe('transfer timer inputs', () => {
  it('none given: the booleans at action.yml’s defaults, all counted as defaulted', async () => {
    expect(await read({})).toEqual({
      fields: {
        options: ACTION_DEFAULT_OPTIONS,
        defaulted: ALL_DEFAULTED,
      },
      problems: [],
    });
    expect(TRANSFER_INPUTS).toEqual([
      'source-endpoint',
      'destination-endpoint',
      'items',
      'items-file',
    ]);
  });

  it('all given: endpoints, items and every option; a boolean set to its default still counts as defaulted', async () => {
    const { fields, problems } = await read({
      'source-endpoint': SOURCE.toUpperCase(),
      'destination-endpoint': DESTINATION,
      items: '/a, /b',
      'verify-checksum': 'false',
      'encrypt-data': 'TRUE',
      'preserve-timestamp': 'false',
      'delete-destination-extra': 'true',
      'skip-source-errors': 'True',
      'fail-on-quota-errors': 'true',
      label: 'nightly run',
      'sync-level': 'checksum',
      include: '*.h5',
      exclude: '*',
      notify: 'failed',
    });
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      sourceEndpoint: SOURCE,
      destinationEndpoint: DESTINATION,
      items: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
      options: {
        verify_checksum: false,
        encrypt_data: true,
        preserve_timestamp: false,
        delete_destination_extra: true,
        skip_source_errors: true,
        fail_on_quota_errors: true,
        label: 'nightly run',
        sync_level: 3,
        filter_rules: [
          { DATA_TYPE: 'filter_rule', name: '*.h5', method: 'include', type: 'file' },
          { DATA_TYPE: 'filter_rule', name: '*', method: 'exclude', type: 'file' },
        ],
        notify_on_succeeded: false,
        notify_on_failed: true,
        notify_on_inactive: false,
      },
      defaulted: ['preserve_timestamp'],
    });
  });

  it('sync level 0 and an exclude alone are kept', async () => {
    const { fields } = await read({ 'sync-level': 'exists', exclude: 'tmp' });
    expect(fields.options.sync_level).toBe(0);
    expect(fields.options.filter_rules).toEqual([
      { DATA_TYPE: 'filter_rule', name: 'tmp', method: 'exclude', type: 'file' },
    ]);
  });

  it('bad values are problems and are left out', async () => {
    const { fields, problems } = await read({
      'source-endpoint': 'not-a-uuid',
      'verify-checksum': 'maybe',
      label: 'a/b',
      'sync-level': 'fast',
    });
    expect(problems.map((p) => p.input)).toEqual([
      'verify-checksum',
      'label',
      'sync-level',
      'source-endpoint',
    ]);
    expect(fields).toEqual({
      options: ACTION_DEFAULT_OPTIONS,
      defaulted: ALL_DEFAULTED,
    });
  });
});

describe('items and items-file', () => {
  it('reads items from a workspace file', async () => {
    const { fields, problems } = await read({ 'items-file': 'items.csv' });
    expect(problems).toEqual([]);
    expect(fields.items).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' },
      { DATA_TYPE: 'transfer_item', source_path: '/c', destination_path: '/d', recursive: true },
    ]);
  });

  it('refuses both at once', async () => {
    const { fields, problems } = await read({ items: '/a, /b', 'items-file': 'items.csv' });
    expect(problems).toEqual([{ input: 'items', message: 'give items or items-file, not both' }]);
    expect(fields).not.toHaveProperty('items');
  });

  it('a file that cannot be read is a problem at items-file (with its line when known)', async () => {
    const place: ValuePlace = { nameOf: (name) => `timers[0].${name}` };
    const missing = await read({ 'items-file': 'none.csv' }, place);
    expect(missing.problems).toEqual([
      {
        input: 'timers[0].items-file',
        message: 'none.csv: not found (paths are relative to the workspace)',
      },
    ]);
    expect(missing.fields).not.toHaveProperty('items');
    const control = await read({ 'items-file': 'control.csv' });
    expect(control.problems).toEqual([
      {
        input: 'items-file',
        message: 'control.csv: holds a control character (U+0007); is it a text file?',
        file: 'control.csv',
        line: 2,
      },
    ]);
  });

  it('bad lines are problems at their input and line, and no items are kept', async () => {
    const place: ValuePlace = { nameOf: (name) => `timers[1].${name}` };
    const inFile = await read({ 'items-file': 'bad.csv' }, place);
    expect(inFile.problems).toEqual([
      {
        input: 'timers[1].items-file',
        message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
        line: 1,
        file: 'bad.csv',
      },
    ]);
    expect(inFile.fields).not.toHaveProperty('items');
    const inline = await read({ items: '/a, /b\n/c' }, place);
    expect(inline.problems).toEqual([
      {
        input: 'timers[1].items',
        message: 'expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found 1 field',
        line: 2,
      },
    ]);
    expect(inline.fields).not.toHaveProperty('items');
  });
});
