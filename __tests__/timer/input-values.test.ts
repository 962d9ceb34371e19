import { describe, expect, it } from '@jest/globals';
import { flowValues } from '../../src/timer/flow-values.js';
import { formatTime, itemLine, scheduleValues } from '../../src/timer/input-values.js';
import { parseItems } from '../../src/timer/items.js';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import { transferValues } from '../../src/timer/transfer-values.js';

/*
 * A timer written as the inputs that make it: what plans compare and show. Every value is
 * written as its input takes it, and two documents that differ never write the same.
 */

const SRC = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const DST = '31d6a2a8-a8b3-4a8e-bd97-3b5f6a2f9d4e';
const body = (raw: Record<string, unknown> = {}) =>
  normalizeTransferDocument({
    source_endpoint: SRC,
    destination_endpoint: DST,
    DATA: [{ source_path: '/a', destination_path: '/b' }],
    ...raw,
  });

describe('itemLine', () => {
  it.each([
    [{ source_path: '/a', destination_path: '/b' }, '/a, /b'],
    [{ source_path: '/a', destination_path: '/b', recursive: true }, '/a, /b, true'],
    [{ source_path: '/a', destination_path: '/b', recursive: false }, '/a, /b, false'],
    [{ source_path: '/a,b', destination_path: ' /c' }, '"/a,b", " /c"'],
    [{ source_path: 'say "hi"', destination_path: '/d ' }, '"say ""hi""", "/d "'],
  ])('writes %j as %s, which reads back as the same item', async (fields, line) => {
    const item = { DATA_TYPE: 'transfer_item' as const, ...fields };
    expect(itemLine(item)).toBe(line);
    expect((await parseItems(line, { input: 'items' })).items).toEqual([item]);
  });
});

describe('formatTime', () => {
  it('writes a time in the zone given, to the minute, seconds only when there are some', () => {
    expect(formatTime('2026-12-01T08:00:00+00:00')).toBe('2026-12-01T08:00 UTC');
    expect(formatTime('2026-12-01T08:00:00+00:00', 'America/Chicago')).toBe(
      '2026-12-01T02:00 America/Chicago',
    );
    expect(formatTime('2026-12-01T08:00:30.503+00:00')).toBe('2026-12-01T08:00:30 UTC');
    // A time without an offset is UTC, as Timers and the comparison read it.
    expect(formatTime('2026-12-01T08:00:00', 'Europe/Berlin')).toBe(
      '2026-12-01T09:00 Europe/Berlin',
    );
  });

  it('leaves a time it cannot read as it is', () => {
    expect(formatTime('soon')).toBe('soon');
  });
});

describe('scheduleValues', () => {
  it('writes a recurring schedule as interval, start and its end', () => {
    expect(
      scheduleValues({
        type: 'recurring',
        interval_seconds: 43200,
        start: '2026-12-01T02:00:00+00:00',
        end: { condition: 'iterations', count: 3 },
      }),
    ).toEqual({ interval: '12h', start: '2026-12-01T02:00 UTC', 'stop-after-runs': '3' });
    expect(
      scheduleValues(
        {
          type: 'recurring',
          interval_seconds: 90000,
          end: { condition: 'time', datetime: '2027-01-01T06:00:00Z' },
        },
        'America/Chicago',
      ),
    ).toEqual({ interval: '1d1h', 'stop-after-date': '2027-01-01T00:00 America/Chicago' });
  });

  it('writes a run-once schedule as stop-after-runs 1, with its time when it has one', () => {
    expect(scheduleValues({ type: 'once' })).toEqual({ 'stop-after-runs': '1' });
    expect(scheduleValues({ type: 'once', datetime: '2026-12-01T02:00:00Z' })).toEqual({
      'stop-after-runs': '1',
      start: '2026-12-01T02:00 UTC',
    });
    expect(scheduleValues(undefined)).toEqual({});
  });
});

describe('transferValues', () => {
  it('writes every option by its input, with the service defaults filled in', () => {
    expect(transferValues(body({ label: 'L', sync_level: 3 }))).toEqual({
      'source-endpoint': SRC,
      'destination-endpoint': DST,
      items: ['/a, /b'],
      label: 'L',
      'sync-level': 'checksum',
      'verify-checksum': 'false',
      'encrypt-data': 'false',
      'preserve-timestamp': 'false',
      'delete-destination-extra': 'false',
      'skip-source-errors': 'false',
      'fail-on-quota-errors': 'false',
      notify: 'default',
    });
  });

  it.each([
    [0, 'exists'],
    [1, 'size'],
    [2, 'mtime'],
    [3, 'checksum'],
  ])('writes sync level %i as %s', (level, name) => {
    expect(transferValues(body({ sync_level: level }))['sync-level']).toBe(name);
  });

  it('writes the notifications as notify does: default, none, or the events left on', () => {
    const notify = (on: [boolean, boolean, boolean]) =>
      transferValues(
        body({ notify_on_succeeded: on[0], notify_on_failed: on[1], notify_on_inactive: on[2] }),
      ).notify;
    expect(notify([true, true, true])).toBe('default');
    expect(notify([false, false, false])).toBe('none');
    expect(notify([false, true, false])).toBe('failed');
    expect(notify([true, false, true])).toBe('succeeded,inactive');
  });

  it('writes file rules in input order as include and exclude', () => {
    const rule = (method: string, name: string, type?: string) => ({
      DATA_TYPE: 'filter_rule',
      method,
      name,
      ...(type ? { type } : {}),
    });
    const values = transferValues(
      body({ filter_rules: [rule('include', '*.h5', 'file'), rule('exclude', '*', 'file')] }),
    );
    expect([values.include, values.exclude]).toEqual([['*.h5'], ['*']]);
    expect(
      transferValues(body({ filter_rules: [rule('exclude', '*.tmp', 'file')] })),
    ).not.toHaveProperty('include');
  });

  it('writes rules no input makes as filter_rules, so they never look like ones it does', () => {
    const rule = (method: string, name: string, type?: string) => ({
      DATA_TYPE: 'filter_rule',
      method,
      name,
      ...(type ? { type } : {}),
    });
    const values = transferValues(
      body({ filter_rules: [rule('exclude', '*.tmp', 'file'), rule('include', 'keep', 'dir')] }),
    );
    expect(values.filter_rules).toEqual(['exclude *.tmp (file)', 'include keep (dir)']);
    expect(values).not.toHaveProperty('exclude');
    expect(transferValues(body({ filter_rules: [rule('exclude', 'x')] })).filter_rules).toEqual([
      'exclude x',
    ]);
  });

  it('writes what no input sets by Transfer’s name, and leaves out what is not there', () => {
    const values = transferValues(
      body({
        store_base_path_info: true,
        source_local_user: 'alice',
        destination_local_user: 'bob',
      }),
    );
    expect(values).toMatchObject({
      store_base_path_info: 'true',
      source_local_user: 'alice',
      destination_local_user: 'bob',
    });
    const bare = transferValues(normalizeTransferDocument({}));
    expect(Object.keys(bare)).not.toEqual(
      expect.arrayContaining(['source-endpoint', 'items', 'store_base_path_info', 'label']),
    );
    expect(bare).not.toHaveProperty('source-endpoint');
    expect(bare).not.toHaveProperty('items');
  });
});

describe('flowValues', () => {
  it('writes the flow, its input and the run lists by their inputs', () => {
    expect(
      flowValues('f-1', { body: { a: 1 }, tags: ['t'], run_managers: ['m'], run_monitors: ['o'] }),
    ).toEqual({
      'flow-id': 'f-1',
      'flow-input': { a: 1 },
      'run-tags': ['t'],
      'run-managers': ['m'],
      'run-monitors': ['o'],
    });
    expect(flowValues(undefined, { body: {} })).toEqual({ 'flow-input': {} });
  });
});
