import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  START_TOLERANCE_SECONDS,
  buildSchedule,
  describeSchedule,
  firstRun,
} from '../../src/timer/schedule.js';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const HOUR = 3600;

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
      stopConditions: [
        { condition: 'iterations', count: 3 },
        { condition: 'time', datetime: '2026-12-01T04:00:00+00:00' },
      ],
      notices: [
        'stop-after-runs 3 ends the timer first: its 3 runs (from 2026-12-01T02:00:00+00:00 to 2026-12-01T04:00:00+00:00) all come before stop-after-date 2026-12-01T04:00:00+00:00',
      ],
    });
  });

  // Timers counts runs from the first one it makes; a start that has passed makes none before
  // its next tick (create-request.ts moves it there), so runs are counted from that tick.
  describe('with a start that has passed', () => {
    const daily = (stopAfterRuns: number, stopAfterDate: string) =>
      buildSchedule(
        {
          intervalSeconds: 86400,
          start: at('2026-11-18T13:00:00Z'), // ten days ago; next tick 2026-11-28T13:00
          stopAfterRuns,
          stopAfterDate: at(stopAfterDate),
        },
        now,
      );

    it('sends the date when it comes before the runs counted from the first real run', () => {
      // Counted from the given start, run 5 was on 2026-11-22: the run count looked first.
      expect(daily(5, '2026-12-01T12:00:00Z')).toStrictEqual({
        schedule: {
          type: 'recurring',
          interval_seconds: 86400,
          start: '2026-11-18T13:00:00+00:00',
          end: { condition: 'time', datetime: '2026-12-01T12:00:00+00:00' },
        },
        stopConditions: [
          { condition: 'iterations', count: 5 },
          { condition: 'time', datetime: '2026-12-01T12:00:00+00:00' },
        ],
        notices: [
          'stop-after-date 2026-12-01T12:00:00+00:00 ends the timer first: the timer runs 3 times (from 2026-11-28T13:00:00+00:00 to 2026-11-30T13:00:00+00:00), not 5 (stop-after-runs)',
        ],
      });
    });

    it('sends the run count when its last run, counted from the first real run, comes first', () => {
      expect(daily(2, '2026-12-01T12:00:00Z')).toMatchObject({
        schedule: { end: { condition: 'iterations', count: 2 } },
        notices: [
          'stop-after-runs 2 ends the timer first: its 2 runs (from 2026-11-28T13:00:00+00:00 to 2026-11-29T13:00:00+00:00) all come before stop-after-date 2026-12-01T12:00:00+00:00',
        ],
      });
    });

    it('counts from now when the start passed moments ago (it is sent as now)', () => {
      const built = buildSchedule(
        {
          intervalSeconds: 3600,
          start: now.minus({ seconds: 30 }),
          stopAfterRuns: 3,
          stopAfterDate: at('2026-11-28T14:00:00Z'),
        },
        now,
      );
      expect(built.notices).toEqual([
        'stop-after-runs 3 ends the timer first: its 3 runs (from now to 2026-11-28T14:00:00+00:00) all come before stop-after-date 2026-11-28T14:00:00+00:00',
      ]);
    });
  });

  it('says so when the date comes before the first run (update weighs a live start)', () => {
    const built = buildSchedule(
      {
        intervalSeconds: 86400,
        start: at('2026-11-27T18:00:00Z'), // next tick 2026-11-28T18:00
        stopAfterRuns: 3,
        stopAfterDate: at('2026-11-28T15:00:00Z'),
      },
      now,
    );
    expect(built.notices).toEqual([
      "stop-after-date 2026-11-28T15:00:00+00:00 ends the timer first: it comes before the timer's first run (2026-11-28T18:00:00+00:00); the timer will not run",
    ]);
  });

  it('says "once" when the date lets the timer run a single time', () => {
    const built = buildSchedule(
      { intervalSeconds: 3600, stopAfterRuns: 4, stopAfterDate: at('2026-11-28T12:30:00Z') },
      now,
    );
    expect(built.notices).toEqual([
      'stop-after-date 2026-11-28T12:30:00+00:00 ends the timer first: the timer runs once (now), not 4 times (stop-after-runs)',
    ]);
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

describe('firstRun', () => {
  const first = (start: string, interval = HOUR) => firstRun(at(start), interval, now).toISO();

  it('is the start itself when it is now or later', () => {
    expect(first('2026-11-28T12:00:00Z')).toBe('2026-11-28T12:00:00.000Z');
    expect(first('2026-11-28T14:30:00Z')).toBe('2026-11-28T14:30:00.000Z');
  });

  it(`is now for a start up to ${START_TOLERANCE_SECONDS} s past`, () => {
    expect(first('2026-11-28T11:59:00Z')).toBe('2026-11-28T12:00:00.000Z');
    expect(first('2026-11-28T11:59:59Z')).toBe('2026-11-28T12:00:00.000Z');
  });

  it('is the next tick for a start further past', () => {
    expect(first('2026-11-28T11:58:59Z')).toBe('2026-11-28T12:58:59.000Z');
    expect(first('2026-11-28T09:00:00Z', 2 * HOUR)).toBe('2026-11-28T13:00:00.000Z');
    expect(first('2026-11-28T10:00:00Z', 2 * HOUR)).toBe('2026-11-28T12:00:00.000Z');
  });
});
