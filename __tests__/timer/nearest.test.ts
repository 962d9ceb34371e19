import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import { editDistance, nearest } from '../../src/timer/nearest.js';
import { yamlErrorText } from '../../src/timer/yaml-error.js';

const KEYS = ['name', 'interval', 'items', 'source-endpoint', 'destination-endpoint', 'sync-level'];

describe('nearest', () => {
  it.each([
    ['destinaton-endpoint', 'destination-endpoint'],
    ['intervall', 'interval'],
    ['itmes', 'items'],
    ['sync_level', 'sync-level'],
    ['Interval', 'interval'],
    ['src-endpoint', 'source-endpoint'],
  ])('takes %s for %s', (typed, meant) => {
    expect(nearest(typed, KEYS)).toBe(meant);
  });

  it.each([['colour'], ['dest'], ['nm'], ['x']])('suggests nothing for %s', (typed) => {
    expect(nearest(typed, KEYS)).toBeUndefined();
  });

  it('takes the closest of several close candidates', () => {
    expect(nearest('itemz', ['items', 'itemzzz'])).toBe('items');
    expect(nearest('abcd', ['abce', 'abcd'])).toBe('abcd');
  });
});

describe('editDistance', () => {
  it('counts inserts, deletes, changes and swaps of neighbours as one edit each', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('abc', 'ab')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('yamlErrorText', () => {
  it('keeps the first line of the parser’s message without a dangling colon, and its place', () => {
    const [error] = parseDocument('a: 1\na: 2\n').errors;
    expect(error && yamlErrorText(error)).toEqual({
      message: 'Map keys must be unique (column 1)',
      line: 2,
    });
  });

  it('does without a place when the parser gives none', () => {
    const [error] = parseDocument('a: 1\na: 2\n').errors;
    if (!error) throw new Error('expected an error');
    error.linePos = undefined;
    error.message = 'Something is wrong:';
    expect(yamlErrorText(error)).toEqual({ message: 'Something is wrong' });
  });
});
