import { describe, expect, it } from '@jest/globals';
import { formatProblem, InputError } from '../../src/timer/problems.js';

describe('InputError', () => {
  it('is named InputError and lists each problem on its own line', () => {
    const error = new InputError([
      { input: 'interval', message: 'required' },
      { input: 'timers[0].items', message: 'holds no items', file: 'timers.yml', line: 4 },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe('interval: required\ntimers[0].items (line 4): holds no items');
    expect(error.problems).toHaveLength(2);
  });
});

describe('formatProblem', () => {
  it('names the line only when there is one', () => {
    expect(formatProblem({ input: 'name', message: 'must be a single line' })).toBe(
      'name: must be a single line',
    );
    expect(formatProblem({ input: 'spec-file', message: 'x', line: 1 })).toBe(
      'spec-file (line 1): x',
    );
  });
});
