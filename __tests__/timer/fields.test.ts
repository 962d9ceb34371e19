import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import * as fields from '../../src/timer/fields.js';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '../../src/timer/schedule.js';

/** The value a schema reads from `text`, or the messages of its issues. */
function parse<T>(schema: z.ZodType<T, string>, text: string): { value: T } | { issues: string[] } {
  const result = schema.safeParse(text);
  return result.success
    ? { value: result.data }
    : { issues: result.error.issues.map((issue) => issue.message) };
}

const ID_A = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const ID_B = 'eb7a7995-9588-132d-8242-aadbc8f429a4';

describe('duration and interval', () => {
  it('refuses a duration of zero', () => {
    expect(parse(fields.duration, '0')).toStrictEqual({ issues: ['must be longer than zero'] });
    expect(parse(fields.interval, 'PT0S')).toStrictEqual({ issues: ['must be longer than zero'] });
  });

  it('passes on the parser’s message for what is not a duration', () => {
    expect(parse(fields.interval, 'P1X')).toStrictEqual({
      // The reader puts the value in front: `"P1X" is not …`.
      issues: ['is not a valid ISO 8601 duration (e.g. PT8H, P1D, P1W)'],
    });
  });

  const below = 'is below the 60-second minimum (a Globus Timers limit)';
  const above = 'is above the 365-day maximum (a Globus Timers limit)';

  it(`takes exactly ${MIN_INTERVAL_SECONDS} s and exactly 365 days`, () => {
    expect(parse(fields.interval, '60')).toStrictEqual({ value: 60 });
    expect(parse(fields.interval, '1m')).toStrictEqual({ value: MIN_INTERVAL_SECONDS });
    expect(parse(fields.interval, '365d')).toStrictEqual({ value: MAX_INTERVAL_SECONDS });
    expect(parse(fields.interval, String(MAX_INTERVAL_SECONDS))).toStrictEqual({
      value: 31536000,
    });
  });

  it('refuses 59 s and 365 days and a second', () => {
    expect(parse(fields.interval, '59s')).toStrictEqual({ issues: [below] });
    expect(parse(fields.interval, '365d 1s')).toStrictEqual({ issues: [above] });
    expect(parse(fields.interval, 'P366D')).toStrictEqual({ issues: [above] });
  });
});

describe('whole numbers', () => {
  it('takes a whole number within the bounds, both ends included', () => {
    const between = fields.integerBetween(2, 5);
    expect(parse(between, '2')).toStrictEqual({ value: 2 });
    expect(parse(between, '5')).toStrictEqual({ value: 5 });
    expect(parse(between, '1')).toStrictEqual({ issues: ['must be between 2 and 5'] });
    expect(parse(between, '6')).toStrictEqual({ issues: ['must be between 2 and 5'] });
    expect(parse(between, '2.5')).toStrictEqual({ issues: ['must be a whole number'] });
    expect(parse(fields.integerBetween(1, 100), '42')).toStrictEqual({ value: 42 });
  });

  it('takes 1 or more as a positive integer', () => {
    expect(parse(fields.positiveInteger, '1')).toStrictEqual({ value: 1 });
    expect(parse(fields.positiveInteger, '0')).toStrictEqual({ issues: ['must be 1 or more'] });
    expect(parse(fields.positiveInteger, 'x1')).toStrictEqual({
      issues: ['must be a whole number'],
    });
  });
});

describe('lines and lists', () => {
  it('keeps the non-blank lines, trimmed, of LF and CRLF text', () => {
    expect(fields.lines('  *.tmp  \r\n\r\n   \n*.swp\n')).toStrictEqual(['*.tmp', '*.swp']);
  });

  it('splits a list on commas and newlines, trimmed, dropping empty members', () => {
    expect(fields.list(' a , b,,\n c ,\n')).toStrictEqual(['a', 'b', 'c']);
    expect(fields.list(' , \n')).toStrictEqual([]);
  });
});

describe('filterRules', () => {
  it('puts every include before every exclude, each a file rule', () => {
    expect(fields.filterRules('*.h5\n  *.nc  ', '*\n\n')).toStrictEqual([
      { DATA_TYPE: 'filter_rule', name: '*.h5', method: 'include', type: 'file' },
      { DATA_TYPE: 'filter_rule', name: '*.nc', method: 'include', type: 'file' },
      { DATA_TYPE: 'filter_rule', name: '*', method: 'exclude', type: 'file' },
    ]);
  });

  it('gives no rules for blank inputs', () => {
    expect(fields.filterRules('', ' \n ')).toStrictEqual([]);
  });
});

describe('notify', () => {
  it('leaves Globus’s defaults for default or an empty value, in any case and spacing', () => {
    expect(parse(fields.notify, '  Default ')).toStrictEqual({ value: undefined });
    expect(parse(fields.notify, '   ')).toStrictEqual({ value: undefined });
  });

  it('turns every notice off for none', () => {
    expect(parse(fields.notify, ' NONE ')).toStrictEqual({
      value: { notify_on_succeeded: false, notify_on_failed: false, notify_on_inactive: false },
    });
  });

  it('turns on exactly the events listed', () => {
    expect(parse(fields.notify, 'succeeded')).toStrictEqual({
      value: { notify_on_succeeded: true, notify_on_failed: false, notify_on_inactive: false },
    });
    expect(parse(fields.notify, 'Failed,\ninactive')).toStrictEqual({
      value: { notify_on_succeeded: false, notify_on_failed: true, notify_on_inactive: true },
    });
  });

  it('names every unknown event', () => {
    expect(parse(fields.notify, 'failed, started, done')).toStrictEqual({
      issues: [
        'holds started, done, which are not events; use default, none, or a list of succeeded, failed, inactive',
      ],
    });
  });
});

describe('choiceList', () => {
  const withNone = fields.choiceList(['red', 'green'] as const, ['a colour', 'colours'], 'none');
  const plain = fields.choiceList(['red', 'green'] as const, ['a colour', 'colours']);

  it('reads a list of allowed values, lower-cased', () => {
    expect(parse(withNone, 'Red, GREEN')).toStrictEqual({ value: ['red', 'green'] });
  });

  it('reads none alone as no values', () => {
    expect(parse(withNone, ' None ')).toStrictEqual({ value: [] });
  });

  it('refuses none among other values', () => {
    expect(parse(withNone, 'none, red')).toStrictEqual({
      issues: ['holds none, which is not a colour; use red, green, none'],
    });
  });

  it('names every unknown value and every choice', () => {
    expect(parse(withNone, 'blue, red, pink')).toStrictEqual({
      issues: ['holds blue, pink, which are not colours; use red, green, none'],
    });
  });

  it('offers no none where there is none', () => {
    expect(parse(plain, 'none')).toStrictEqual({ issues: ['is not a colour; use red, green'] });
    expect(parse(plain, 'green')).toStrictEqual({ value: ['green'] });
  });
});

describe('dataAccess', () => {
  it('reads auto and none in any case', () => {
    expect(parse(fields.dataAccess, ' AUTO ')).toStrictEqual({ value: 'auto' });
    expect(parse(fields.dataAccess, 'None')).toStrictEqual({ value: 'none' });
  });

  it('reads a list of collection ids, lower-cased, each once, in order', () => {
    expect(parse(fields.dataAccess, `${ID_B.toUpperCase()}, ${ID_A}\n${ID_B}`)).toStrictEqual({
      value: [ID_B, ID_A],
    });
  });

  it('names every id that is not a UUID', () => {
    expect(parse(fields.dataAccess, `${ID_A}, abc, auto`)).toStrictEqual({
      issues: [
        'holds abc, auto, which are not collection ids (UUIDs); use auto, none or a list of collection ids',
      ],
    });
  });
});

describe('single values', () => {
  it('reads a UUID lower-cased and refuses anything else', () => {
    expect(parse(fields.uuid, ID_A.toUpperCase())).toStrictEqual({ value: ID_A });
    expect(parse(fields.uuid, `${ID_A}0`)).toStrictEqual({
      issues: ['must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc'],
    });
  });

  it('reads the YAML core booleans only', () => {
    expect(parse(fields.boolean, 'True')).toStrictEqual({ value: true });
    expect(parse(fields.boolean, 'FALSE')).toStrictEqual({ value: false });
    expect(parse(fields.boolean, 'yes')).toStrictEqual({ issues: ['must be true or false'] });
  });

  it('reads sync levels by name or number', () => {
    expect(parse(fields.syncLevel, 'Checksum')).toStrictEqual({ value: 3 });
    expect(parse(fields.syncLevel, '0')).toStrictEqual({ value: 0 });
    expect(parse(fields.syncLevel, '4')).toStrictEqual({
      issues: ['must be exists, size, mtime or checksum (or 0-3)'],
    });
  });

  it('takes a label of 128 characters and refuses 129', () => {
    expect(parse(fields.label, 'a'.repeat(128))).toStrictEqual({ value: 'a'.repeat(128) });
    expect(parse(fields.label, 'a'.repeat(129))).toStrictEqual({
      issues: ['must be at most 128 characters (Transfer label rules)'],
    });
    expect(parse(fields.label, 'a/b')).toStrictEqual({
      issues: ['may hold only letters, digits, spaces and - _ , (Transfer label rules)'],
    });
  });

  it('reads a time zone by its IANA name', () => {
    expect(parse(fields.timezone, 'Europe/Berlin')).toStrictEqual({ value: 'Europe/Berlin' });
    expect(parse(fields.timezone, 'Mars/Olympus')).toStrictEqual({
      issues: ['is not an IANA time zone (e.g. UTC, Europe/Berlin, America/Chicago)'],
    });
  });

  it('reads a date-time in the zone given, and passes on why one is refused', () => {
    const read = parse(fields.dateTime('Europe/Berlin'), '2026-12-01 02:00');
    expect('value' in read && read.value.toISO()).toBe('2026-12-01T02:00:00.000+01:00');
    expect(parse(fields.dateTime('UTC'), 'tomorrow')).toStrictEqual({
      issues: [
        'is not a date or date-time; use ISO 8601 such as 2026-12-01, 2026-12-01T02:00 or 2026-12-01T02:00:00+02:00',
      ],
    });
  });
});
