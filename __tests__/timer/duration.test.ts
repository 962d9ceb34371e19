import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDuration } from '../../src/timer/duration.js';

describe('parseDuration', () => {
  it.each([
    ['28800', 28800],
    ['600', 600],
    ['1h30m', 5400],
    ['1d 12h', 129600],
    ['2h3m4s', 7384],
    ['4w 1d', 2505600],
    ['2w', 1209600],
    ['1D', 86400],
    ['PT8H', 28800],
    ['P1DT2H', 93600],
    ['pt90m', 5400],
    ['P1W', 604800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '1h 2d', '1.5h', '-60', 'P1M', 'P1Y'])('rejects %p', (text) => {
    expect(() => parseDuration(text)).toThrow(/duration|months|ISO/);
  });

  it('explains months have no fixed length', () => {
    expect(() => parseDuration('P1M')).toThrow('use days');
  });
});

describe('formatDuration', () => {
  it.each([
    [90000, '1d1h'],
    [5400, '1h30m'],
    [604800, '1w'],
    [61, '1m1s'],
  ])('writes %i as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds);
  });
});
