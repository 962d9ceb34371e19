import { describe, expect, it } from '@jest/globals';
import { describeChanges, jsonHead } from '../../src/operations/plan.js';

/** The line as it was written before jsonHead: the whole value stringified, then cut. */
function before(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

const item = (n: number) => ({
  DATA_TYPE: 'transfer_item',
  source_path: `/data/${'x'.repeat(n % 50)}`,
  destination_path: `/backup/${n}`,
  ...(n % 3 === 0 ? { recursive: n % 2 === 0 } : {}),
});

describe('describeChanges', () => {
  // Arrays of every length around the cut (and one of 100,000 items), plus other values.
  const values: unknown[] = [
    ...Array.from({ length: 40 }, (_, length) => Array.from({ length }, (_, n) => item(n))),
    Array.from({ length: 100_000 }, (_, n) => item(n)),
    Array.from({ length: 60 }, (_, n) => n),
    [undefined, () => 1, null, 'a'],
    [],
    { every: 'key', of: [1, 2, 3] },
    'a string',
    'x'.repeat(200),
    42,
    null,
    undefined,
  ];

  it.each(values.map((value, index) => [index, value]))(
    'shows value %i as before, cut at 120 characters',
    (_, value) => {
      const [line] = describeChanges([{ field: 'body.DATA', live: undefined, desired: value }]);
      expect(line).toBe(`body.DATA: (none) → ${before(value)}`);
    },
  );

  it('writes only the head of a long array', () => {
    const long = Array.from({ length: 100_000 }, (_, n) => item(n));
    expect(jsonHead(long, 120).length).toBeLessThan(300);
    expect(JSON.stringify(long).startsWith(jsonHead(long, 120))).toBe(true);
  });
});
