import { describe, expect, it } from '@jest/globals';
import * as fields from '../../src/timer/fields.js';
import { InputReader } from '../../src/timer/input-reader.js';

const values: Record<string, string> = {
  interval: '  2h  ',
  runs: 'x',
  items: '/a, /b\n/c',
};
const source = (name: string) => values[name] ?? '';

describe('InputReader', () => {
  it('trims raw values', () => {
    const reader = new InputReader(source);
    expect(reader.raw('interval')).toBe('2h');
    expect(reader.optional('interval', fields.interval)).toBe(7200);
    expect(reader.problems).toStrictEqual([]);
  });

  it('reads an empty value as not given, and a required one as a problem', () => {
    const reader = new InputReader(source);
    expect(reader.optional('timezone', fields.timezone)).toBeUndefined();
    expect(reader.required('timezone', fields.timezone)).toBeUndefined();
    expect(reader.required('name', fields.label, 'required: a timer needs a name')).toBeUndefined();
    expect(reader.problems).toStrictEqual([
      { input: 'timezone', message: 'required' },
      { input: 'name', message: 'required: a timer needs a name' },
    ]);
  });

  it('names, places and lines each problem as its place says', () => {
    const reader = new InputReader(source, {
      nameOf: (name) => `timers[1].${name}`,
      file: 'timers.yml',
      lineOf: (name) => (name === 'runs' ? 7 : undefined),
    });
    expect(reader.required('runs', fields.positiveInteger)).toBeUndefined();
    reader.problem('interval', 'odd');
    expect(reader.problems).toStrictEqual([
      {
        input: 'timers[1].runs',
        message: '"x" must be a whole number',
        file: 'timers.yml',
        line: 7,
      },
      { input: 'timers[1].interval', message: 'odd', file: 'timers.yml' },
    ]);
  });

  it('repeats a bad value, quoted, but never a secret input’s, nor a value holding a secret', () => {
    const secrets: Record<string, string> = {
      'client-secret': 'the-secret-1234',
      'github-token': 'ghs_token5678',
      'client-id': 'x-the-secret-1234',
      'job-id': 'ghs_token5678',
      retries: 'many',
    };
    const reader = new InputReader((name) => secrets[name] ?? '');
    reader.valueProblem('client-secret', 'is odd');
    reader.valueProblem('client-id', 'must be a UUID');
    reader.valueProblem('job-id', 'must be a UUID');
    reader.valueProblem('retries', 'must be a whole number');
    expect(reader.problems.map((p) => `${p.input}: ${p.message}`)).toStrictEqual([
      'client-secret: the value given is odd',
      'client-id: the value given must be a UUID',
      'job-id: the value given must be a UUID',
      'retries: "many" must be a whole number',
    ]);
  });

  it('keeps problems added from elsewhere', () => {
    const reader = new InputReader(source);
    reader.add([{ input: 'items', message: 'holds no items' }]);
    expect(reader.problems).toStrictEqual([{ input: 'items', message: 'holds no items' }]);
  });

  it('gives items a source with no file or lines when it has none', () => {
    expect(new InputReader(source).itemsSource('items')).toStrictEqual({ input: 'items' });
  });

  it('gives items a source that maps each line into the file', () => {
    const items = new InputReader(source, {
      nameOf: (name) => `timers[0].${name}`,
      file: 'timers.yml',
      lineWithin: (name, n) => (name === 'items' && n === 1 ? 20 : undefined),
    }).itemsSource('items');
    expect(items.input).toBe('timers[0].items');
    expect(items.file).toBe('timers.yml');
    expect(items.lineOf?.(1)).toBe(20);
    expect(items.lineOf?.(2)).toBe(2);
  });
});
