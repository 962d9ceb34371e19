import { describe, expect, it } from '@jest/globals';
import { jsonPath, validateFlowInput } from '../../src/kinds/flow/input-schema.js';

describe('a flow input against its schema: every problem, exactly', () => {
  it('lists all problems, not just the first', async () => {
    const schema = {
      type: 'object',
      required: ['a', 'b'],
      additionalProperties: false,
      properties: {
        a: { type: 'string' },
        b: { type: 'string' },
        nested: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: { path: { type: 'string' } },
        },
      },
    };
    expect(await validateFlowInput(schema, { a: 1, nested: { extra: true } })).toEqual([
      { path: '$.b', message: 'is required' },
      { path: '$.a', message: 'must be string' },
      { path: '$.nested.path', message: 'is required' },
      { path: '$.nested.extra', message: 'is not a property the flow takes' },
    ]);
  });

  it('shows an enum’s values as JSON', async () => {
    const schema = { properties: { mode: { enum: [1, 'copy', null, { a: 1 }] } } };
    expect(await validateFlowInput(schema, { mode: 'teleport' })).toEqual([
      { path: '$.mode', message: 'must be one of 1, "copy", null, {"a":1}' },
    ]);
  });

  it('takes keywords ajv’s strict mode would refuse, as Flows does', async () => {
    const schema = {
      type: 'object',
      'x-ui-hint': 'wide',
      properties: { a: { type: 'string', widget: 'x' } },
    };
    expect(await validateFlowInput(schema, { a: 'ok' })).toEqual([]);
    expect(await validateFlowInput(schema, { a: 2 })).toEqual([
      { path: '$.a', message: 'must be string' },
    ]);
  });

  it('a schema that is not an object, or an empty one, checks nothing', async () => {
    for (const schema of [null, 'object', 7, true, {}, []]) {
      expect(await validateFlowInput(schema, { any: 1 })).toEqual([]);
    }
  });

  it('validates by draft 2019-09 when the schema says so', async () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      type: 'object',
      dependentRequired: { a: ['b'] },
    };
    expect(await validateFlowInput(schema, { a: 1, b: 2 })).toEqual([]);
    expect(await validateFlowInput(schema, { a: 1 })).toEqual([
      { path: '$', message: 'must have property b when property a is present' },
    ]);
  });

  it('validates by draft-07 when the schema says so, or says nothing', async () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      properties: { when: { type: 'string', format: 'date-time' } },
    };
    expect(await validateFlowInput(schema, { when: 'yesterday' })).toEqual([
      { path: '$.when', message: 'must match format "date-time"' },
    ]);
    expect(await validateFlowInput(schema, { when: '2026-12-01T02:00:00Z' })).toEqual([]);
  });
});

describe('JSON pointers written as JSON paths', () => {
  it.each([
    ['/0', '$[0]'],
    ['/12/a', '$[12].a'],
    ['/a1', '$.a1'],
    ['/1a', '$["1a"]'],
    ['/_a$', '$._a$'],
    ['/$x', '$.$x'],
    ['/-ab', '$["-ab"]'],
    ['/ab-', '$["ab-"]'],
    ['/a b', '$["a b"]'],
    ['/', '$[""]'],
    // ~1 is read before ~0, so ~01 is a literal "~1" (RFC 6901).
    ['/~01', '$["~1"]'],
    ['/a~1b~1c', '$["a/b/c"]'],
    ['/a~0b~0c', '$["a~b~c"]'],
  ])('%s → %s', (pointer, path) => {
    expect(jsonPath(pointer)).toBe(path);
  });
});
