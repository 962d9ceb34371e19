import { describe, expect, it } from '@jest/globals';
import type { LiveTimer } from '../../src/timer/live-timer.js';
import { compareTimers } from '../../src/kinds/index.js';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import type { TimerSpec, TransferTimerSpec } from '../../src/timer/timer-spec.js';

const desired: TransferTimerSpec = {
  kind: 'transfer',
  name: 'nightly',
  schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-12-01T02:00:00+00:00' },
  body: {
    DATA_TYPE: 'transfer',
    source_endpoint: 'src',
    destination_endpoint: 'dst',
    DATA: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
    label: 'nightly',
    verify_checksum: true,
    encrypt_data: false,
  },
};

/** What Timers echoes: defaults filled in, its own key order and spelling of times. */
const echoed: LiveTimer = {
  kind: 'transfer',
  jobId: 'j',
  status: 'new',
  runs: 0,
  errors: 0,
  results: [],
  resultsOldestFirst: false,
  ended: false,
  name: 'nightly',
  schedule: {
    type: 'recurring' as const,
    interval_seconds: 86400,
    start: '2026-12-01T03:00:00+01:00',
  },
  body: normalizeTransferDocument({
    DATA: [{ DATA_TYPE: 'transfer_item', destination_path: '/b', source_path: '/a' }],
    DATA_TYPE: 'transfer',
    delete_destination_extra: false,
    destination_endpoint: 'dst',
    encrypt_data: false,
    fail_on_quota_errors: false,
    label: 'nightly',
    notify_on_failed: true,
    notify_on_inactive: true,
    notify_on_succeeded: true,
    preserve_timestamp: false,
    skip_source_errors: false,
    source_endpoint: 'src',
    store_base_path_info: false,
    verify_checksum: true,
  }),
};

describe('compareTimers', () => {
  it('sees no change between a spec and its echo with defaults filled in', () => {
    expect(compareTimers(desired, echoed)).toEqual([]);
  });

  it('treats a start a whole number of intervals later as the same start', () => {
    const startingAt = (start: string): LiveTimer => ({
      ...echoed,
      schedule: { ...(echoed.schedule as TimerSpec['schedule']), start } as TimerSpec['schedule'],
    });
    const later = startingAt('2026-12-05T02:00:00Z');
    expect(compareTimers(desired, later)).toEqual([]);
    const shifted = startingAt('2026-12-05T03:00:00Z');
    expect(compareTimers(desired, shifted)).toEqual([expect.objectContaining({ field: 'start' })]);
  });

  it('ignores the live start when the user gave none', () => {
    const { start: _start, ...schedule } = desired.schedule as { start: string };
    expect(
      compareTimers({ ...desired, schedule: schedule as TimerSpec['schedule'] }, echoed),
    ).toEqual([]);
  });

  it('reports each changed field', () => {
    const changed: TransferTimerSpec = {
      ...desired,
      name: 'renamed',
      schedule: { ...desired.schedule, interval_seconds: 3600 } as TimerSpec['schedule'],
      body: {
        ...desired.body,
        DATA: [
          ...desired.body.DATA,
          { DATA_TYPE: 'transfer_item', source_path: '/c', destination_path: '/d' },
        ],
        encrypt_data: true,
      },
    };
    expect(compareTimers(changed, echoed).map((change) => change.field)).toEqual([
      'name',
      'interval',
      'items',
      'encrypt-data',
    ]);
  });

  it('keeps item order significant and recursive-absent distinct from false', () => {
    const swapped = {
      ...desired,
      body: {
        ...desired.body,
        DATA: [
          {
            DATA_TYPE: 'transfer_item' as const,
            source_path: '/a',
            destination_path: '/b',
            recursive: false,
          },
        ],
      },
    };
    expect(compareTimers(swapped, echoed)).toEqual([
      { field: 'items', live: ['/a, /b'], desired: ['/a, /b, false'] },
    ]);
  });

  it('compares end conditions, whichever spelling the service echoes', () => {
    const withEnd: TimerSpec = {
      ...desired,
      schedule: {
        ...desired.schedule,
        end: { condition: 'iterations', count: 2 },
      } as TimerSpec['schedule'],
    };
    const liveEnd = {
      ...echoed,
      schedule: {
        ...(echoed.schedule as TimerSpec['schedule']),
        end: { condition: 'iterations' as const, count: 2 },
      } as TimerSpec['schedule'],
    };
    expect(compareTimers(withEnd, liveEnd)).toEqual([]);
    expect(compareTimers(withEnd, echoed)).toEqual([
      { field: 'stop-after-runs', live: undefined, desired: '2' },
    ]);
  });
});
