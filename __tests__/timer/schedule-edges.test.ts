import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { buildSchedule, describeSchedule } from '../../src/timer/schedule.js';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

describe('buildSchedule: edges', () => {
  it('makes stop-after-runs 1 with no interval a run-once timer, saying nothing', () => {
    expect(buildSchedule({ stopAfterRuns: 1 }, now)).toStrictEqual({
      schedule: { type: 'once' },
      notices: [],
    });
  });

  it('sends no end when neither stop condition is given', () => {
    expect(buildSchedule({ intervalSeconds: 60 }, now)).toStrictEqual({
      schedule: { type: 'recurring', interval_seconds: 60 },
      notices: [],
    });
  });

  it('sends the run count when the last run falls exactly on the stop date', () => {
    expect(
      buildSchedule(
        {
          intervalSeconds: 3600,
          start: at('2026-12-01T02:00:00Z'),
          stopAfterRuns: 3,
          stopAfterDate: at('2026-12-01T04:00:00Z'),
        },
        now,
      ),
    ).toStrictEqual({
      schedule: {
        type: 'recurring',
        interval_seconds: 3600,
        start: '2026-12-01T02:00:00+00:00',
        end: { condition: 'iterations', count: 3 },
      },
      notices: [
        'stop-after-runs 3 ends the timer first (run 3 is at 2026-12-01T04:00:00+00:00, before stop-after-date): sending the run count',
      ],
    });
  });

  it('sends the date alone when no run count is given', () => {
    expect(
      buildSchedule({ intervalSeconds: 60, stopAfterDate: at('2026-12-01T00:00:00Z') }, now),
    ).toStrictEqual({
      schedule: {
        type: 'recurring',
        interval_seconds: 60,
        end: { condition: 'time', datetime: '2026-12-01T00:00:00+00:00' },
      },
      notices: [],
    });
  });
});

describe('describeSchedule', () => {
  it('leaves out a start that is not given', () => {
    expect(describeSchedule({ type: 'recurring', interval_seconds: 3600 })).toBe('every 1h');
  });

  it('names a time end', () => {
    expect(
      describeSchedule({
        type: 'recurring',
        interval_seconds: 86400,
        start: '2026-12-01T02:00:00+00:00',
        end: { condition: 'time', datetime: '2026-12-31T00:00:00+00:00' },
      }),
    ).toBe('every 1d, from 2026-12-01T02:00:00+00:00, until 2026-12-31T00:00:00+00:00');
  });

  it('says now for a run-once timer with no time', () => {
    expect(describeSchedule({ type: 'once' })).toBe('once, now');
  });
});
