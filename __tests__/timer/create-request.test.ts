import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readInputs } from '../../src/inputs.js';
import { kindOf } from '../../src/kinds/index.js';
import { createRequest } from '../../src/timer/create-request.js';
import { InputError } from '../../src/timer/problems.js';
import { buildTimerSpec } from '../../src/timer/timer-spec.js';
import { ACTION_DEFAULT_OPTIONS } from '../../__fixtures__/inputs.js';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';

/** The exact POST /v2/timer body for action inputs (action.yml defaults included). */
async function requestFor(inputs: Record<string, string>, at = now) {
  const all: Record<string, string> = {
    'client-id': '6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
    'client-secret': 's',
    'source-endpoint': SRC,
    'destination-endpoint': DST,
    'verify-checksum': 'true',
    notify: 'default',
    timezone: 'UTC',
    ...inputs,
  };
  const read = await readInputs({
    getInput: (n) => all[n] ?? '',
    env: {},
    workspace: '.',
    now: () => now,
  });
  const { spec } = buildTimerSpec(read.timer, now);
  return createRequest(spec, at, kindOf(spec).createFields(spec));
}

describe('createRequest', () => {
  it('builds a recurring timer as the official CLI would send it', async () => {
    expect(
      await requestFor({
        name: 'nightly',
        items: '/share/godata/file1.txt, ~/file1.txt, false\n/share/dir/, /backup/, true',
        interval: '1d',
        start: '2026-12-01T02:00',
        'stop-after-runs': '3',
      }),
    ).toEqual({
      timer: {
        timer_type: 'transfer',
        name: 'nightly',
        schedule: {
          type: 'recurring',
          interval_seconds: 86400,
          start: '2026-12-01T02:00:00+00:00',
          end: { condition: 'iterations', count: 3 },
        },
        body: {
          DATA_TYPE: 'transfer',
          source_endpoint: SRC,
          destination_endpoint: DST,
          DATA: [
            {
              DATA_TYPE: 'transfer_item',
              source_path: '/share/godata/file1.txt',
              destination_path: '~/file1.txt',
              recursive: false,
            },
            {
              DATA_TYPE: 'transfer_item',
              source_path: '/share/dir/',
              destination_path: '/backup/',
              recursive: true,
            },
          ],
          label: 'nightly',
          ...ACTION_DEFAULT_OPTIONS,
        },
      },
    });
  });

  it('builds a run-once timer with a time end in a named zone', async () => {
    const body = await requestFor({
      name: 'ci/one shot: results',
      items: '/a, /b',
      'stop-after-runs': '1',
      start: '2026-12-24T18:00',
      timezone: 'Europe/Berlin',
    });
    expect(body.timer.schedule).toEqual({ type: 'once', datetime: '2026-12-24T18:00:00+01:00' });
    expect(body.timer.body).toMatchObject({ label: 'ci-one shot- results' });
  });

  it('sends the time end condition with an offset', async () => {
    const body = await requestFor({
      name: 'n',
      items: '/a, /b',
      interval: 'PT8H',
      'stop-after-date': '2027-01-31',
      'sync-level': 'mtime',
      include: '*.h5',
      exclude: '*',
      notify: 'failed',
      label: 'Custom label',
    });
    expect(body.timer.schedule).toEqual({
      type: 'recurring',
      interval_seconds: 28800,
      end: { condition: 'time', datetime: '2027-01-31T00:00:00+00:00' },
    });
    expect(body.timer.body).toMatchObject({
      label: 'Custom label',
      sync_level: 2,
      notify_on_succeeded: false,
      notify_on_failed: true,
      notify_on_inactive: false,
      filter_rules: [
        { DATA_TYPE: 'filter_rule', name: '*.h5', method: 'include', type: 'file' },
        { DATA_TYPE: 'filter_rule', name: '*', method: 'exclude', type: 'file' },
      ],
    });
  });

  it('moves a recurring start that has passed to its next tick', async () => {
    const later = now.plus({ days: 10, hours: 1 });
    const body = await requestFor(
      { name: 'n', items: '/a, /b', interval: '1d', start: '2026-12-01T02:00' },
      later,
    );
    expect(body.timer.schedule).toMatchObject({ start: '2026-12-09T02:00:00+00:00' });
  });

  it('refuses a run-once start that has passed when the inputs are read, naming start', async () => {
    const inputs = {
      name: 'n',
      items: '/a, /b',
      'stop-after-runs': '1',
      start: '2026-11-28T11:59',
    };
    await expect(requestFor(inputs)).rejects.toThrow(InputError);
    await expect(requestFor(inputs)).rejects.toThrow(/^start: "2026-11-28T11:59" has passed/);
  });

  it('runs a run-once timer now when its time passed while the step ran', async () => {
    const inputs = {
      name: 'n',
      items: '/a, /b',
      'stop-after-runs': '1',
      start: '2026-11-28T12:00:20',
    };
    expect((await requestFor(inputs)).timer.schedule).toEqual({
      type: 'once',
      datetime: '2026-11-28T12:00:20+00:00',
    });
    expect((await requestFor(inputs, now.plus({ seconds: 21 }))).timer.schedule).toEqual({
      type: 'once',
    });
  });

  it('sends a recurring start that passed moments ago as "now" (no start), keeping the end', async () => {
    const inputs = {
      name: 'n',
      items: '/a, /b',
      interval: '1d',
      start: '2026-11-28T12:00:00',
      'stop-after-runs': '3',
    };
    expect((await requestFor(inputs, now.plus({ seconds: 30 }))).timer.schedule).toEqual({
      type: 'recurring',
      interval_seconds: 86400,
      end: { condition: 'iterations', count: 3 },
    });
    expect((await requestFor(inputs, now.plus({ seconds: 61 }))).timer.schedule).toMatchObject({
      start: '2026-11-29T12:00:00+00:00',
    });
  });

  it('sends a start exactly at the moment of creating as it is', async () => {
    const inputs = { name: 'n', items: '/a, /b', interval: '1h', start: '2026-11-28T12:00:00' };
    expect((await requestFor(inputs)).timer.schedule).toMatchObject({
      start: '2026-11-28T12:00:00+00:00',
    });
  });
});
