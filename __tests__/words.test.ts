import { describe, expect, it } from '@jest/globals';
import { plural, quoted } from '../src/words.js';

/* The words a count and a value are shown in: one helper each, used wherever they meet a noun. */

describe('plural', () => {
  it.each([
    [0, 'run', '0 runs'],
    [1, 'run', '1 run'],
    [2, 'run', '2 runs'],
    [1, 'error', '1 error'],
    [31, 'fault', '31 faults'],
    [1, 'timer', '1 timer'],
    [1_000, 'file', '1000 files'],
  ])('%i %s → %s', (count, noun, words) => {
    expect(plural(count, noun)).toBe(words);
  });

  it('takes the plural form a noun needs when adding s will not do', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});

describe('quoted', () => {
  it('repeats a value in double quotes', () => {
    expect(quoted('30s')).toBe('"30s"');
  });

  it('shows quotes, line breaks and tabs inside the value as escapes, so it stays one line', () => {
    expect(quoted('a "b"\nc\td')).toBe('"a \\"b\\"\\nc\\td"');
  });

  it('cuts a long value short, saying so, within the limit given', () => {
    const shown = quoted('x'.repeat(200), 20);
    expect(shown).toBe(`"${'x'.repeat(19)}…"`);
    expect(shown.length).toBe(22);
  });

  it('keeps a value exactly at the limit whole', () => {
    expect(quoted('y'.repeat(20), 20)).toBe(`"${'y'.repeat(20)}"`);
  });
});
