import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { formatWireDateTime, parseDateTime } from '../../src/timer/datetime.js';
import { formatDuration, parseDuration } from '../../src/timer/duration.js';

describe('parseDuration: exact results and messages', () => {
  it('trims the value first', () => {
    expect(parseDuration(' 600 ')).toBe(600);
    expect(parseDuration('\tPT1H\n')).toBe(3600);
  });

  it('rejects P1X as an invalid ISO 8601 duration', () => {
    expect(() => parseDuration('P1X')).toThrow(
      new Error('is not a valid ISO 8601 duration (e.g. PT8H, P1D, P1W)'),
    );
  });

  it('reads a value as ISO 8601 only when it starts with P', () => {
    expect(() => parseDuration('every P1D')).toThrow(
      new Error(
        'is not a duration; use seconds (3600), compact units (1h30m, 1d, 2w) or ISO 8601 (PT1H)',
      ),
    );
  });

  it('names months and years as having no fixed length', () => {
    expect(() => parseDuration('P1Y')).toThrow(
      new Error('uses months or years, which have no fixed length; use days (P30D)'),
    );
  });
});

describe('formatDuration', () => {
  it('writes zero as 0s', () => {
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('parseDateTime', () => {
  it('trims the value and reads a space between date and time', () => {
    expect(parseDateTime('  2026-12-01 02:00  ', 'UTC').toISO()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('reads the space as T only after a leading four-digit-year date', () => {
    // ISO 8601's six-digit years are valid with a T; with a space they are not one of our forms.
    expect(parseDateTime('+002026-12-01T02:00', 'UTC').toISO()).toBe('2026-12-01T02:00:00.000Z');
    expect(() => parseDateTime('+002026-12-01 02:00', 'UTC')).toThrow('is not a date or date-time');
  });

  it('keeps an offset given in the value over the zone', () => {
    expect(formatWireDateTime(parseDateTime('2026-12-01T02:00+02:00', 'UTC'))).toBe(
      '2026-12-01T02:00:00+02:00',
    );
  });

  it('says what is accepted', () => {
    expect(() => parseDateTime('12/01/2026', 'UTC')).toThrow(
      new Error(
        'is not a date or date-time; use ISO 8601 such as 2026-12-01, 2026-12-01T02:00 or 2026-12-01T02:00:00+02:00',
      ),
    );
  });

  it('writes the wire form in whole seconds with the offset', () => {
    const value = DateTime.fromISO('2026-12-01T02:00:30.999', { zone: 'America/Chicago' });
    expect(formatWireDateTime(value)).toBe('2026-12-01T02:00:30-06:00');
  });
});
