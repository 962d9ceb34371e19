import { describe, expect, it } from '@jest/globals';
import { compareCommon, compareInputValues, deepEqual } from '../../src/timer/compare.js';
import { formatTime } from '../../src/timer/input-values.js';
import {
  START_TOLERANCE_SECONDS,
  type EndCondition,
  type Schedule,
} from '../../src/timer/schedule.js';

/*
 * The common part of comparing a timer with its spec, called directly: the start-time
 * tolerance, the spellings of a time zone, end conditions, and deepEqual's rules. Changes are
 * named by input and written as a user writes them: times in the timer's zone (UTC here).
 */

/** A time as a plan shows it (formatTime is tested on its own in input-values.test.ts). */
const shown = (wire: string | undefined) => (wire === undefined ? undefined : formatTime(wire));

const BASE = Date.parse('2026-12-01T02:00:00Z');
/** The instant `seconds` after 2026-12-01T02:00:00Z, as Timers writes it (`+00:00`). */
const at = (seconds: number) =>
  new Date(BASE + seconds * 1000).toISOString().replace('Z', '+00:00');

const once = (datetime?: string): Schedule =>
  datetime === undefined ? { type: 'once' } : { type: 'once', datetime };
const hourly = (start?: string, end?: EndCondition): Schedule => ({
  type: 'recurring',
  interval_seconds: 3600,
  ...(start === undefined ? {} : { start }),
  ...(end === undefined ? {} : { end }),
});

const compare = (desired: Schedule, live: Schedule | undefined) =>
  compareCommon(
    { name: 't', schedule: desired },
    { name: 't', ...(live ? { schedule: live } : {}) },
  );

describe('compareCommon: name and schedule type', () => {
  it('reports a rename with both names', () => {
    expect(
      compareCommon({ name: 'new', schedule: once() }, { name: 'old', schedule: once() }),
    ).toStrictEqual([{ field: 'name', live: 'old', desired: 'new' }]);
  });

  it('reports a live timer with no schedule as every schedule input the spec has', () => {
    expect(compare(hourly(), undefined)).toStrictEqual([
      { field: 'interval', live: undefined, desired: '1h' },
    ]);
  });

  it('reports once against recurring as stop-after-runs 1 against an interval', () => {
    expect(compare(once(at(0)), hourly(at(0)))).toStrictEqual([
      { field: 'stop-after-runs', live: undefined, desired: '1' },
      { field: 'interval', live: '1h', desired: undefined },
    ]);
    expect(compare(hourly(undefined, { condition: 'iterations', count: 3 }), once())).toStrictEqual(
      [
        { field: 'interval', live: undefined, desired: '1h' },
        { field: 'stop-after-runs', live: '1', desired: '3' },
      ],
    );
  });

  it('leaves the live start out of a change of type when the spec gives none', () => {
    expect(compare(once(), hourly(at(0)))).toStrictEqual([
      { field: 'stop-after-runs', live: undefined, desired: '1' },
      { field: 'interval', live: '1h', desired: undefined },
    ]);
    expect(compare(once(at(0)), hourly(at(60)))).toContainEqual({
      field: 'start',
      live: shown(at(60)),
      desired: shown(at(0)),
    });
  });

  it('puts the name change before the schedule changes', () => {
    const changes = compareCommon(
      { name: 'new', schedule: hourly() },
      { name: 'old', schedule: { type: 'recurring', interval_seconds: 60 } },
    );
    expect(changes.map((c) => c.field)).toStrictEqual(['name', 'interval']);
  });
});

describe('compareCommon: a run-once time', () => {
  it('ignores the live time when the spec gives none', () => {
    expect(compare(once(), once(at(0)))).toStrictEqual([]);
  });

  it('counts the same instant as equal', () => {
    expect(compare(once(at(0)), once(at(0)))).toStrictEqual([]);
  });

  it(`counts a time ${START_TOLERANCE_SECONDS - 1} s off as equal, either way`, () => {
    expect(compare(once(at(0)), once(at(START_TOLERANCE_SECONDS - 1)))).toStrictEqual([]);
    expect(compare(once(at(START_TOLERANCE_SECONDS - 1)), once(at(0)))).toStrictEqual([]);
  });

  it(`reports a time exactly ${START_TOLERANCE_SECONDS} s off`, () => {
    expect(compare(once(at(0)), once(at(START_TOLERANCE_SECONDS)))).toStrictEqual([
      { field: 'start', live: shown(at(START_TOLERANCE_SECONDS)), desired: shown(at(0)) },
    ]);
  });

  it('reports a live timer that holds no time when the spec names one', () => {
    expect(compare(once(at(0)), once())).toStrictEqual([
      { field: 'start', live: shown(undefined), desired: shown(at(0)) },
    ]);
  });

  it('reports a live time that cannot be read', () => {
    expect(compare(once(at(0)), once('soon'))).toStrictEqual([
      { field: 'start', live: shown('soon'), desired: shown(at(0)) },
    ]);
  });
});

describe('compareCommon: time zone suffixes', () => {
  const desired = once('2026-12-01T02:00:00Z');

  it.each([
    ['Z', '2026-12-01T02:00:00Z'],
    ['lower-case z', '2026-12-01T02:00:00z'],
    ['+hh:mm', '2026-12-01T03:00:00+01:00'],
    ['+hhmm', '2026-12-01T03:00:00+0100'],
    ['-hh:mm', '2026-12-01T00:00:00-02:00'],
    ['-hhmm', '2026-12-01T00:00:00-0200'],
    ['no suffix (read as UTC)', '2026-12-01T02:00:00'],
    ['milliseconds and no suffix', '2026-12-01T02:00:00.000'],
  ])('reads %s as the same instant', (_spelling, live) => {
    expect(compare(desired, once(live))).toStrictEqual([]);
  });

  it('reads a time with no suffix as UTC, not as an hour off', () => {
    expect(compare(once('2026-12-01T03:00:00'), once('2026-12-01T03:00:00+01:00'))).toStrictEqual([
      { field: 'start', live: '2026-12-01T02:00 UTC', desired: '2026-12-01T03:00 UTC' },
    ]);
  });

  it('tells +hhmm apart from the same clock time in UTC', () => {
    expect(compare(desired, once('2026-12-01T02:00:00+0100'))).toStrictEqual([
      { field: 'start', live: '2026-12-01T01:00 UTC', desired: '2026-12-01T02:00 UTC' },
    ]);
  });
});

describe('compareCommon: a recurring start on the live timer’s ticks', () => {
  const desired = hourly(at(0));
  const startChange = (live: string) => [
    { field: 'start', live: shown(live), desired: shown(at(0)) },
  ];

  it('ignores the live start when the spec gives none', () => {
    expect(compare(hourly(), hourly(at(1234)))).toStrictEqual([]);
  });

  it('counts a start whole intervals away, later or earlier, as the same', () => {
    expect(compare(desired, hourly(at(5 * 3600)))).toStrictEqual([]);
    expect(compare(desired, hourly(at(-2 * 3600)))).toStrictEqual([]);
  });

  it(`counts a start ${START_TOLERANCE_SECONDS - 1} s after a tick as the same`, () => {
    expect(compare(desired, hourly(at(3600 + START_TOLERANCE_SECONDS - 1)))).toStrictEqual([]);
  });

  it(`reports a start exactly ${START_TOLERANCE_SECONDS} s after a tick`, () => {
    const live = at(3600 + START_TOLERANCE_SECONDS);
    expect(compare(desired, hourly(live))).toStrictEqual(startChange(live));
  });

  it(`counts a start ${START_TOLERANCE_SECONDS - 1} s before a tick as the same`, () => {
    expect(compare(desired, hourly(at(3600 - (START_TOLERANCE_SECONDS - 1))))).toStrictEqual([]);
    expect(compare(desired, hourly(at(-(START_TOLERANCE_SECONDS - 1))))).toStrictEqual([]);
  });

  it(`reports a start exactly ${START_TOLERANCE_SECONDS} s before a tick`, () => {
    const live = at(3600 - START_TOLERANCE_SECONDS);
    expect(compare(desired, hourly(live))).toStrictEqual(startChange(live));
  });

  it('counts a start 30 s in the past (sent as "now") as the same', () => {
    expect(compare(desired, hourly(at(30)))).toStrictEqual([]);
  });

  it('reports a start half an interval off', () => {
    expect(compare(desired, hourly(at(1800)))).toStrictEqual(startChange(at(1800)));
  });

  it('reports a live timer with no start, or one that cannot be read', () => {
    expect(compare(desired, hourly())).toStrictEqual([
      { field: 'start', live: shown(undefined), desired: shown(at(0)) },
    ]);
    expect(compare(desired, hourly('later'))).toStrictEqual(startChange('later'));
  });

  it('reports a spec start that cannot be read', () => {
    expect(compare(hourly('later'), hourly(at(0)))).toStrictEqual([
      { field: 'start', live: shown(at(0)), desired: shown('later') },
    ]);
  });

  it('measures ticks by the spec’s interval', () => {
    const daily: Schedule = { type: 'recurring', interval_seconds: 86400, start: at(0) };
    const live: Schedule = { type: 'recurring', interval_seconds: 3600, start: at(3 * 3600) };
    expect(compare(daily, live)).toStrictEqual([
      { field: 'interval', live: '1h', desired: '1d' },
      { field: 'start', live: shown(at(3 * 3600)), desired: shown(at(0)) },
    ]);
  });
});

describe('compareCommon: end conditions', () => {
  const runs = (count: number) => ({ condition: 'iterations' as const, count });
  const until = (datetime: string) => ({ condition: 'time' as const, datetime });

  it('counts two absent ends, and equal counts, as the same', () => {
    expect(compare(hourly(), hourly())).toStrictEqual([]);
    expect(compare(hourly(undefined, runs(3)), hourly(undefined, runs(3)))).toStrictEqual([]);
  });

  it('reports a different count', () => {
    expect(compare(hourly(undefined, runs(3)), hourly(undefined, runs(4)))).toStrictEqual([
      { field: 'stop-after-runs', live: '4', desired: '3' },
    ]);
  });

  it('reports an end on one side only', () => {
    expect(compare(hourly(undefined, runs(3)), hourly())).toStrictEqual([
      { field: 'stop-after-runs', live: undefined, desired: '3' },
    ]);
    expect(compare(hourly(), hourly(undefined, runs(3)))).toStrictEqual([
      { field: 'stop-after-runs', live: '3', desired: undefined },
    ]);
  });

  it('compares end times within the tolerance, in any spelling', () => {
    const desired = hourly(undefined, until('2026-12-31T00:00:00Z'));
    expect(compare(desired, hourly(undefined, until('2026-12-31T01:00:30+01:00')))).toStrictEqual(
      [],
    );
    const later = until('2026-12-31T00:01:00Z');
    expect(compare(desired, hourly(undefined, later))).toStrictEqual([
      { field: 'stop-after-date', live: '2026-12-31T00:01 UTC', desired: '2026-12-31T00:00 UTC' },
    ]);
  });

  it('reports a count against a time, whichever side holds which', () => {
    const time = until('2026-12-31T00:00:00Z');
    expect(compare(hourly(undefined, runs(3)), hourly(undefined, time))).toStrictEqual([
      { field: 'stop-after-runs', live: undefined, desired: '3' },
      { field: 'stop-after-date', live: '2026-12-31T00:00 UTC', desired: undefined },
    ]);
    expect(compare(hourly(undefined, time), hourly(undefined, runs(3)))).toStrictEqual([
      { field: 'stop-after-date', live: undefined, desired: '2026-12-31T00:00 UTC' },
      { field: 'stop-after-runs', live: '3', desired: undefined },
    ]);
  });

  it('writes times in the timer’s zone', () => {
    const changes = compareCommon(
      {
        name: 't',
        schedule: hourly(undefined, until('2026-12-31T06:00:00Z')),
        timezone: 'America/Chicago',
      },
      { name: 't', schedule: hourly(undefined, until('2026-12-31T07:00:00Z')) },
    );
    expect(changes).toStrictEqual([
      {
        field: 'stop-after-date',
        live: '2026-12-31T01:00 America/Chicago',
        desired: '2026-12-31T00:00 America/Chicago',
      },
    ]);
  });
});

describe('compareInputValues', () => {
  it('reports each differing input, the desired timer’s order first, then the live-only ones', () => {
    expect(
      compareInputValues(
        { zeta: '1', alpha: ['a'], same: 'x' },
        { alpha: ['b'], same: 'x', omega: '2', zeta: '2' },
      ),
    ).toStrictEqual([
      { field: 'zeta', live: '2', desired: '1' },
      { field: 'alpha', live: ['b'], desired: ['a'] },
      { field: 'omega', live: '2', desired: undefined },
    ]);
  });

  it('finds nothing between values that differ only in key order', () => {
    expect(
      compareInputValues({ a: { x: [1, { b: 2 }], c: 3 } }, { a: { c: 3, x: [1, { b: 2 }] } }),
    ).toStrictEqual([]);
  });
});

describe('deepEqual', () => {
  it('takes equal primitives and the same object as equal', () => {
    const object = { a: 1 };
    expect(deepEqual(object, object)).toBe(true);
    expect(deepEqual('x', 'x')).toBe(true);
    expect(deepEqual(null, null)).toBe(true);
  });

  it('tells apart primitives, null and objects', () => {
    expect(deepEqual(1, '1')).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual({}, null)).toBe(false);
    expect(deepEqual(1, {})).toBe(false);
  });

  it('tells an array from an object with the same entries', () => {
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({}, [])).toBe(false);
    expect(deepEqual(['a'], { 0: 'a' })).toBe(false);
  });

  it('compares arrays by position and length', () => {
    expect(deepEqual([1, 2], [1, 2])).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual([1, 2, 3], [1, 2])).toBe(false);
  });

  it('compares objects by key count, then every key', () => {
    expect(deepEqual({ a: 1, b: { c: [1] } }, { b: { c: [1] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 0, b: 2 })).toBe(false);
  });

  it('treats a key holding undefined as absent, on either side', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
  });
});
