import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/inputs.js';
import {
  ACTION_DEFAULT_OPTIONS,
  APPLY as base,
  CLIENT,
  DST,
  SRC,
  inputContext as context,
  inputsWorkspace as workspace,
  problemsOf,
} from '../__fixtures__/inputs.js';

describe('readInputs', () => {
  it('reads a complete apply', async () => {
    const inputs = await readInputs(context(base));
    expect(inputs).toMatchObject({
      operation: 'apply',
      clientId: CLIENT,
      environment: 'production',
      timeoutSeconds: 600,
      retries: 4,
      dataAccess: 'auto',
      failOn: ['run-error', 'transfer-failed', 'inactive'],
    });
    expect(inputs.timer).toMatchObject({
      name: 'nightly',
      kind: 'transfer',
      transfer: {
        sourceEndpoint: SRC,
        destinationEndpoint: DST,
        items: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
        options: ACTION_DEFAULT_OPTIONS,
      },
      schedule: { intervalSeconds: 86400 },
    });
    expect(inputs.timer.transfer.options).not.toHaveProperty('notify_on_succeeded');
  });

  it('falls back to the GLOBUS_* environment variables', async () => {
    const { 'client-id': _id, 'client-secret': _secret, ...rest } = base;
    const inputs = await readInputs(
      context(rest, {
        GLOBUS_CLIENT_ID: CLIENT,
        GLOBUS_CLIENT_SECRET: 's',
        GLOBUS_SDK_ENVIRONMENT: 'sandbox',
      }),
    );
    expect(inputs).toMatchObject({ clientId: CLIENT, clientSecret: 's', environment: 'sandbox' });
  });

  it('reads the transfer options', async () => {
    const inputs = await readInputs(
      context({
        ...base,
        'sync-level': 'checksum',
        'encrypt-data': 'True',
        notify: 'failed, inactive',
        include: '*.h5\n\n*.json',
        exclude: '*',
        label: 'Nightly backup',
      }),
    );
    expect(inputs.timer.transfer.options).toMatchObject({
      sync_level: 3,
      encrypt_data: true,
      label: 'Nightly backup',
      notify_on_succeeded: false,
      notify_on_failed: true,
      notify_on_inactive: true,
      filter_rules: [
        { DATA_TYPE: 'filter_rule', name: '*.h5', method: 'include', type: 'file' },
        { DATA_TYPE: 'filter_rule', name: '*.json', method: 'include', type: 'file' },
        { DATA_TYPE: 'filter_rule', name: '*', method: 'exclude', type: 'file' },
      ],
    });
    expect(
      (await readInputs(context({ ...base, 'sync-level': '2' }))).timer.transfer.options.sync_level,
    ).toBe(2);
    expect(
      (await readInputs(context({ ...base, notify: 'none' }))).timer.transfer.options,
    ).toMatchObject({
      notify_on_succeeded: false,
      notify_on_failed: false,
      notify_on_inactive: false,
    });
  });

  it('reads an items file relative to the workspace', async () => {
    writeFileSync(join(workspace(), 'items.csv'), '# list\n/x, /y, true\n');
    const { items: _items, ...rest } = base;
    const inputs = await readInputs(context({ ...rest, 'items-file': 'items.csv' }));
    expect(inputs.timer.transfer.items).toEqual([
      { DATA_TYPE: 'transfer_item', source_path: '/x', destination_path: '/y', recursive: true },
    ]);
  });

  it.each([
    [{ 'source-endpoint': 'not-a-uuid' }, 'source-endpoint', 'must be a UUID'],
    [{ interval: '30' }, 'interval', '"30" is below the 60-second minimum'],
    [{ interval: '400d' }, 'interval', '"400d" is above the 365-day maximum'],
    [{ interval: 'often' }, 'interval', 'is not a duration'],
    [{ start: '2028-12-01' }, 'start', 'within one year'],
    [{ start: 'next tuesday' }, 'start', 'ISO 8601'],
    [{ 'items-file': 'items.csv' }, 'items', 'not both'],
    [{ 'sync-level': 'newer' }, 'sync-level', 'exists, size, mtime or checksum'],
    [{ timezone: 'Mars/Olympus' }, 'timezone', 'IANA'],
    [{ 'encrypt-data': 'yes' }, 'encrypt-data', 'true or false'],
    [{ notify: 'always' }, 'notify', '"always" is not an event'],
    [{ 'data-access': 'some' }, 'data-access', '"some" is not auto, none or a collection id'],
    [{ 'stop-after-runs': '0' }, 'stop-after-runs', '1 or more'],
    [{ operation: 'destroy' }, 'operation', 'must be one of apply'],
    [{ environment: 'prod' }, 'environment', 'must be one of production'],
    [{ retries: '99' }, 'retries', 'between 0 and 10'],
    [{ 'fail-on': 'run-error,boom' }, 'fail-on', 'holds boom, which is not a fail-on reason'],
    [{ history: '21' }, 'history', 'between 0 and 20'],
    [{ history: 'five' }, 'history', 'must be a whole number'],
    [{ label: 'x'.repeat(129) }, 'label', '128'],
    [{ 'client-id': '' }, 'client-id', 'required'],
    [{ 'client-secret': '' }, 'client-secret', 'required'],
    [{ 'stop-after-date': '2026-11-30', start: '2026-12-01' }, 'stop-after-date', 'after start'],
  ])('rejects %p naming %s', async (change, input, message) => {
    expect(await problemsOf({ ...base, ...change })).toEqual([
      expect.objectContaining({ input, message: expect.stringContaining(message) }),
    ]);
  });

  it('points at the line of a bad items line', async () => {
    expect(await problemsOf({ ...base, items: '/a, /b\n/c' })).toEqual([
      expect.objectContaining({ input: 'items', line: 2 }),
    ]);
  });

  it('reports every problem at once', async () => {
    const problems = await problemsOf({
      ...base,
      'source-endpoint': 'x',
      interval: '30s',
      timezone: 'Nowhere',
      'sync-level': '7',
    });
    expect(problems.map((p) => p.input).sort()).toEqual([
      'interval',
      'source-endpoint',
      'sync-level',
      'timezone',
    ]);
  });

  it('knows what each operation needs', async () => {
    const auth = { 'client-id': CLIENT, 'client-secret': 's' };
    const inputsOf = (names: string[]) => names.sort();
    expect(
      inputsOf((await problemsOf({ ...auth, operation: 'apply' })).map((p) => p.input)),
    ).toEqual(inputsOf(['name', 'source-endpoint', 'destination-endpoint', 'items', 'interval']));
    expect(await problemsOf({ ...auth, operation: 'update' })).toEqual([
      expect.objectContaining({ input: 'job-id' }),
    ]);
    expect(await problemsOf({ ...auth, operation: 'check' })).toEqual([
      expect.objectContaining({ input: 'job-id', message: 'check needs job-id or name' }),
    ]);
    expect(await problemsOf({ ...auth, operation: 'delete', name: 'x', 'job-id': CLIENT })).toEqual(
      [expect.objectContaining({ input: 'name', message: expect.stringContaining('not both') })],
    );
    expect(await problemsOf({ ...auth, operation: 'list' })).toEqual([]);
    expect(
      await problemsOf({
        ...auth,
        operation: 'create',
        name: 'x',
        'source-endpoint': SRC,
        'destination-endpoint': DST,
        items: '/a,/b',
        'stop-after-runs': '1',
      }),
    ).toEqual([]);
  });

  it('reads a spec file instead of the timer inputs, for apply and plan only', async () => {
    writeFileSync(
      join(workspace(), 'timers.yml'),
      `timers:\n  - name: a\n    source-endpoint: ${SRC}\n    destination-endpoint: ${DST}\n    items: /a, /b\n    interval: 1h\n`,
    );
    const auth = { 'client-id': CLIENT, 'client-secret': 's', 'spec-file': 'timers.yml' };
    const inputs = await readInputs(context({ ...auth, operation: 'plan' }));
    expect(inputs.specFile?.entries.map((entry) => entry.timer.name)).toEqual(['a']);
    expect(await problemsOf({ ...auth, operation: 'check', name: 'a' })).toEqual([
      expect.objectContaining({ input: 'spec-file', message: 'is read by apply and plan only' }),
    ]);
    expect(await problemsOf({ ...auth, operation: 'apply', interval: '1d' })).toEqual([
      expect.objectContaining({
        input: 'spec-file',
        message: expect.stringContaining('not both (also given: interval)'),
      }),
    ]);
  });
});
