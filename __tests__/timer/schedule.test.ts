import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { parseDateTime } from '../../src/timer/datetime.js';
import { InputError } from '../../src/timer/problems.js';
import { buildSchedule, describeSchedule } from '../../src/timer/schedule.js';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

describe('parseDateTime', () => {
  it.each([
    ['2026-12-01', 'UTC', '2026-12-01T00:00:00+00:00'],
    ['2026-12-01T02:00', 'UTC', '2026-12-01T02:00:00+00:00'],
    ['2026-12-01 02:00:00', 'UTC', '2026-12-01T02:00:00+00:00'],
    ['2026-12-01T02:00', 'Europe/Berlin', '2026-12-01T02:00:00+01:00'],
    ['2026-07-01T02:00', 'America/Chicago', '2026-07-01T02:00:00-05:00'],
    ['2026-12-01T02:00:00+02:00', 'America/Chicago', '2026-12-01T02:00:00+02:00'],
    ['2026-12-01T02:00:00Z', 'Europe/Berlin', '2026-12-01T02:00:00+00:00'],
    ['2026-12-01T02:00:00.123456-03:00', 'UTC', '2026-12-01T02:00:00-03:00'],
  ])('reads %s in %s', (text, zone, wire) => {
    expect(parseDateTime(text, zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")).toBe(wire);
  });

  it.each(['tomorrow', '12/01/2026', '2026-13-01', '2026-12-01T25:00'])('rejects %p', (text) => {
    expect(() => parseDateTime(text, 'UTC')).toThrow('ISO 8601');
  });
});

describe('buildSchedule', () => {
  it('makes a recurring schedule with an offset-carrying start', () => {
    const { schedule } = buildSchedule(
      { intervalSeconds: 86400, start: parseDateTime('2026-12-01T02:00', 'UTC') },
      now,
    );
    expect(schedule).toEqual({
      type: 'recurring',
      interval_seconds: 86400,
      start: '2026-12-01T02:00:00+00:00',
    });
  });

  it('omits start when none was given (the service starts now)', () => {
    expect(buildSchedule({ intervalSeconds: 3600 }, now).schedule).toEqual({
      type: 'recurring',
      interval_seconds: 3600,
    });
  });

  it('spells the iterations end condition with count, as the spec does', () => {
    const { schedule } = buildSchedule({ intervalSeconds: 3600, stopAfterRuns: 3 }, now);
    expect(schedule).toEqual({
      type: 'recurring',
      interval_seconds: 3600,
      end: { condition: 'iterations', count: 3 },
    });
  });

  it('makes stop-after-runs 1 a run-once timer and says the interval is ignored', () => {
    const start = parseDateTime('2026-12-24T18:00', 'UTC');
    const built = buildSchedule({ intervalSeconds: 3600, stopAfterRuns: 1, start }, now);
    expect(built.schedule).toEqual({ type: 'once', datetime: '2026-12-24T18:00:00+00:00' });
    expect(built.notices).toEqual([expect.stringContaining('interval is ignored')]);
  });

  it('sends the run count when it ends the timer before the date', () => {
    const built = buildSchedule(
      {
        intervalSeconds: 86400,
        start: parseDateTime('2026-12-01', 'UTC'),
        stopAfterRuns: 3,
        stopAfterDate: parseDateTime('2026-12-10', 'UTC'),
      },
      now,
    );
    expect(built.schedule).toMatchObject({ end: { condition: 'iterations', count: 3 } });
    expect(built.notices[0]).toContain(
      '(from 2026-12-01T00:00:00+00:00 to 2026-12-03T00:00:00+00:00)',
    );
  });

  it('sends the date when it comes before the last run', () => {
    const built = buildSchedule(
      {
        intervalSeconds: 86400,
        start: parseDateTime('2026-12-01', 'UTC'),
        stopAfterRuns: 30,
        stopAfterDate: parseDateTime('2026-12-10', 'UTC'),
      },
      now,
    );
    expect(built.schedule).toMatchObject({
      end: { condition: 'time', datetime: '2026-12-10T00:00:00+00:00' },
    });
    expect(built.notices[0]).toContain('stop-after-date');
  });

  it('counts from now when no start is given', () => {
    const built = buildSchedule(
      { intervalSeconds: 3600, stopAfterRuns: 5, stopAfterDate: now.plus({ hours: 3 }) },
      now,
    );
    expect(built.schedule).toMatchObject({ end: { condition: 'time' } });
  });

  it('needs an interval for a recurring timer', () => {
    expect(() => buildSchedule({ stopAfterRuns: 2 }, now)).toThrow(
      new InputError([{ input: 'interval', message: 'required unless stop-after-runs is 1' }]),
    );
  });
});

describe('describeSchedule', () => {
  it('reads like a sentence', () => {
    expect(
      describeSchedule({
        type: 'recurring',
        interval_seconds: 5400,
        start: '2026-12-01T02:00:00+00:00',
        end: { condition: 'iterations', count: 3 },
      }),
    ).toBe('every 1h30m, from 2026-12-01T02:00:00+00:00, 3 runs');
    expect(describeSchedule({ type: 'once' })).toBe('once, now');
  });
});
