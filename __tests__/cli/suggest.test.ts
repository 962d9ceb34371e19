import { describe, expect, it } from '@jest/globals';
import { editDistance, nearest } from '../../src/cli/suggest.js';

describe('editDistance', () => {
  it.each([
    ['interval', 'interval', 0],
    ['intreval', 'interval', 1], // two letters swapped
    ['inteval', 'interval', 1], // one dropped
    ['intervals', 'interval', 1], // one added
    ['intarval', 'interval', 1], // one changed
    ['', 'name', 4],
    ['job-di', 'job-id', 1],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearest', () => {
  const flags = [
    'interval',
    'items',
    'items-file',
    'destination-endpoint',
    'delete-destination-extra',
  ];

  it('picks the candidate a few edits away, or the one the typed word begins', () => {
    expect(nearest('intreval', flags)).toBe('interval');
    expect(nearest('ITEMS-FIEL', flags)).toBe('items-file');
    expect(nearest('dest', flags)).toBe('destination-endpoint');
  });

  it('suggests nothing too far from every candidate, or a prefix shared by several', () => {
    expect(nearest('schedule', flags)).toBeUndefined();
    expect(nearest('item', flags)).toBe('items'); // one edit, though two begin with it
    expect(nearest('de', flags)).toBeUndefined();
  });
});
