import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { createRequest, type TransferCreateFields } from '../../src/timer/create-request.js';
import {
  START_TOLERANCE_SECONDS,
  type RecurringSchedule,
  type Schedule,
} from '../../src/timer/schedule.js';
import type { TransferTimerSpec } from '../../src/timer/timer-spec.js';

/*
 * The schedule a create request carries, at the edges of "now": a start exactly now, one that
 * passed exactly the tolerance ago or just within it, one long past in another zone.
 */

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const HOUR = 3600;

const body = {
  DATA_TYPE: 'transfer' as const,
  source_endpoint: 'src',
  destination_endpoint: 'dst',
  DATA: [{ DATA_TYPE: 'transfer_item' as const, source_path: '/a', destination_path: '/b' }],
};
const kindFields: TransferCreateFields = { timer_type: 'transfer', body };

const scheduleSent = (schedule: Schedule) => {
  const spec: TransferTimerSpec = { kind: 'transfer', name: 't', schedule, body };
  return createRequest(spec, now, kindFields).timer.schedule;
};
const hourlyFrom = (start: string): RecurringSchedule => ({
  type: 'recurring',
  interval_seconds: HOUR,
  start,
});

describe('createRequest: the request', () => {
  it('carries the name, the schedule and the kind’s own fields', () => {
    const spec: TransferTimerSpec = {
      kind: 'transfer',
      name: 'nightly',
      schedule: { type: 'once' },
      body,
    };
    expect(createRequest(spec, now, kindFields)).toStrictEqual({
      timer: { name: 'nightly', schedule: { type: 'once' }, timer_type: 'transfer', body },
    });
  });
});

describe('createRequest: a run-once time', () => {
  it('keeps a time exactly now, as written', () => {
    expect(scheduleSent({ type: 'once', datetime: '2026-11-28T12:00:00Z' })).toStrictEqual({
      type: 'once',
      datetime: '2026-11-28T12:00:00Z',
    });
  });

  it('sends a time a second past as "now" (no time)', () => {
    expect(scheduleSent({ type: 'once', datetime: '2026-11-28T11:59:59Z' })).toStrictEqual({
      type: 'once',
    });
  });

  it('keeps a future time in its own offset', () => {
    expect(scheduleSent({ type: 'once', datetime: '2026-11-28T14:00:00+01:00' })).toStrictEqual({
      type: 'once',
      datetime: '2026-11-28T14:00:00+01:00',
    });
  });
});

describe('createRequest: a recurring start', () => {
  it('keeps a start exactly now as written', () => {
    expect(scheduleSent(hourlyFrom('2026-11-28T12:00:00Z'))).toStrictEqual(
      hourlyFrom('2026-11-28T12:00:00Z'),
    );
  });

  it('keeps a schedule with no start as it is', () => {
    expect(scheduleSent({ type: 'recurring', interval_seconds: HOUR })).toStrictEqual({
      type: 'recurring',
      interval_seconds: HOUR,
    });
  });

  it(`sends a start exactly ${START_TOLERANCE_SECONDS} s past as "now" (no start)`, () => {
    expect(
      scheduleSent({
        ...hourlyFrom('2026-11-28T11:59:00Z'),
        end: { condition: 'iterations', count: 2 },
      }),
    ).toStrictEqual({
      type: 'recurring',
      interval_seconds: HOUR,
      end: { condition: 'iterations', count: 2 },
    });
  });

  it('sends a start 30 s past as "now", with no end when there is none', () => {
    expect(scheduleSent(hourlyFrom('2026-11-28T11:59:30Z'))).toStrictEqual({
      type: 'recurring',
      interval_seconds: HOUR,
    });
  });

  it(`moves a start ${START_TOLERANCE_SECONDS + 1} s past to its next tick`, () => {
    expect(scheduleSent(hourlyFrom('2026-11-28T11:58:59Z'))).toStrictEqual(
      hourlyFrom('2026-11-28T12:58:59+00:00'),
    );
  });

  it('moves a start long past to its next tick in the offset it was written in', () => {
    expect(scheduleSent(hourlyFrom('2026-11-27T09:30:00+01:00'))).toStrictEqual(
      hourlyFrom('2026-11-28T13:30:00+01:00'),
    );
  });
});
