import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { readInputs } from '../../src/inputs.js';
import { compareTimers, kindOf } from '../../src/kinds/index.js';
import { normalizeFlowStart } from '../../src/timer/flow-document.js';
import { jsonPath, validateFlowInput } from '../../src/kinds/flow/input-schema.js';
import { toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';
import { flowUserScope } from '../../src/globus/scopes.js';
import { InputError, type InputProblem } from '../../src/timer/problems.js';
import { buildTimerSpec, type FlowTimerSpec } from '../../src/timer/timer-spec.js';

const FLOW = '88718c96-6f3d-48f7-b4b1-b64633be40f5';
const MANAGER = 'urn:globus:auth:identity:5b08acc2-13a5-4f07-9a1b-195060c40eb7';
const GROUP = 'urn:globus:groups:id:3e5b3b64-8e5d-4b0c-9e6e-1a2b3c4d5e6f';
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const workspace = mkdtempSync(join(tmpdir(), 'gta-flow-'));
writeFileSync(join(workspace, 'input.yml'), 'echo_string: hello\nitems:\n  - 1\n  - 2\n');
writeFileSync(join(workspace, 'broken.json'), '{"echo_string": ');

const base = {
  operation: 'apply',
  'client-id': '6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
  'client-secret': 's',
  name: 'pipeline',
  interval: '1d',
  'flow-id': FLOW,
};

function read(inputs: Record<string, string>) {
  const all: Record<string, string> = { ...base, ...inputs };
  return readInputs({ getInput: (n) => all[n] ?? '', env: {}, workspace, now: () => now });
}

async function problemsOf(inputs: Record<string, string>): Promise<InputProblem[]> {
  try {
    await read(inputs);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
}

const spec = async (inputs: Record<string, string>) =>
  buildTimerSpec((await read(inputs)).timer, now).spec as FlowTimerSpec;

describe('flow timer inputs', () => {
  it('make a flow timer from flow-id, the input, tags, managers and monitors', async () => {
    const made = await spec({
      'flow-input': '{"echo_string": "hi", "n": 2}',
      'run-tags': 'nightly, ci\nnightly',
      'run-managers': MANAGER,
      'run-monitors': `${GROUP}, ${MANAGER}`,
    });
    expect(made).toEqual({
      kind: 'flow',
      name: 'pipeline',
      flowId: FLOW,
      inputFrom: 'flow-input',
      schedule: { type: 'recurring', interval_seconds: 86400 },
      body: {
        body: { echo_string: 'hi', n: 2 },
        tags: ['nightly', 'ci'],
        run_managers: [MANAGER],
        run_monitors: [GROUP, MANAGER],
      },
    });
  });

  it('read the input as YAML, inline or from a workspace file, and default it to {}', async () => {
    expect((await spec({ 'flow-input': 'echo_string: hi' })).body.body).toEqual({
      echo_string: 'hi',
    });
    const fromFile = await spec({ 'flow-input-file': 'input.yml' });
    expect(fromFile.body.body).toEqual({ echo_string: 'hello', items: [1, 2] });
    expect(fromFile.inputFrom).toBe('input.yml');
    expect((await spec({})).body).toEqual({ body: {} });
  });

  it.each([
    [
      'flow-id with transfer inputs',
      { 'source-endpoint': FLOW, items: '/a, /b' },
      'flow-id',
      /a flow timer takes no transfer inputs, but source-endpoint, items are given/,
    ],
    [
      'both kinds of input',
      { 'flow-input': '{}', 'flow-input-file': 'input.yml' },
      'flow-input',
      /not both/,
    ],
    [
      'an input that is not an object',
      { 'flow-input': '[1, 2]' },
      'flow-input',
      /must be a JSON object/,
    ],
    [
      'an input that does not parse',
      { 'flow-input': '{"a": ' },
      'flow-input',
      /not valid JSON or YAML/,
    ],
    [
      'an input file that does not parse',
      { 'flow-input-file': 'broken.json' },
      'flow-input-file',
      /not valid JSON or YAML \(line 1\)/,
    ],
    ['a missing input file', { 'flow-input-file': 'none.json' }, 'flow-input-file', /not found/],
    [
      'a manager that is not a URN',
      { 'run-managers': 'someone@example.org' },
      'run-managers',
      /"someone@example.org" is not a principal URN/,
    ],
    [
      'a monitor id without its URN',
      { 'run-monitors': '5b08acc2-13a5-4f07-9a1b-195060c40eb7' },
      'run-monitors',
      /not a principal URN/,
    ],
    ['a flow id that is not a UUID', { 'flow-id': 'my-flow' }, 'flow-id', /must be a UUID/],
    [
      'a flow input without a flow',
      { 'flow-id': '', 'flow-input': '{}' },
      'flow-id',
      /required: the flow/,
    ],
  ])('refuse %s before any request', async (_case, inputs, input, message) => {
    const problems = await problemsOf(inputs);
    expect(problems.find((problem) => problem.input === input)?.message).toMatch(message);
  });
});

describe('the flow kind', () => {
  const document = (extra: Record<string, unknown>) =>
    toLiveTimer(
      timerDocumentSchema.parse({ job_id: 'j', status: 'new', name: 'pipeline', ...extra }),
    );

  it('reads flow timers from job documents (callback_body) and v2 documents (body)', async () => {
    const job = document({
      timer_type: 'flow',
      flow_id: FLOW,
      callback_body: { body: { a: 1 }, run_managers: [MANAGER], tags: [] },
    });
    expect(job).toMatchObject({
      kind: 'flow',
      flowId: FLOW,
      body: { body: { a: 1 }, run_managers: [MANAGER] },
    });
    expect(job.kind === 'flow' && job.body).not.toHaveProperty('tags');
    const v2 = document({ flow_id: FLOW, body: { body: { a: 1 } } });
    expect(v2).toMatchObject({ kind: 'flow', body: { body: { a: 1 } } });
    expect(document({ timer_type: 'transfer' }).kind).toBe('transfer');
  });

  it('sees no change between a flow timer and its echo, whatever the key and list order', async () => {
    const wanted = await spec({
      'flow-input': '{"b": 1, "a": {"y": 2, "x": 1}}',
      'run-tags': 'z, a',
    });
    const live = document({
      flow_id: FLOW,
      schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-11-28T12:00:00+00:00' },
      body: { body: { a: { x: 1, y: 2 }, b: 1 }, tags: ['a', 'z'] },
    });
    expect(compareTimers(wanted, live)).toEqual([]);
  });

  it('sees a changed input, flow, tag or kind', async () => {
    const live = document({
      flow_id: FLOW,
      schedule: { type: 'recurring', interval_seconds: 86400 },
      body: { body: { a: 1 } },
    });
    const fields = async (inputs: Record<string, string>) =>
      compareTimers(await spec(inputs), live).map((change) => change.field);
    expect(await fields({ 'flow-input': '{"a": 2}' })).toEqual(['flow-input']);
    expect(await fields({ 'flow-input': '{"a": 1}', 'run-tags': 'x' })).toEqual(['run-tags']);
    expect(
      await fields({ 'flow-input': '{"a": 1}', 'flow-id': '4a894db7-e48f-42b9-aa5d-670af9a3638e' }),
    ).toEqual(['flow-id']);
    const transfer = document({ timer_type: 'transfer', schedule: live.schedule });
    expect(
      compareTimers(await spec({ 'flow-input': '{"a": 1}' }), transfer).map((c) => c.field),
    ).toEqual([
      'kind',
      'flow-id',
      'flow-input',
      'verify-checksum',
      'encrypt-data',
      'preserve-timestamp',
      'delete-destination-extra',
      'skip-source-errors',
      'fail-on-quota-errors',
      'notify',
    ]);
  });

  it('creates with timer_type flow, the flow id and the start document', async () => {
    const made = await spec({ 'flow-input': '{"a": 1}', 'run-tags': 't' });
    expect(kindOf(made).createFields(made)).toEqual({
      timer_type: 'flow',
      flow_id: FLOW,
      body: { body: { a: 1 }, tags: ['t'] },
    });
  });

  it('normalises start documents: lists as sets, empty lists dropped', async () => {
    expect(normalizeFlowStart({ body: { a: 1 }, tags: ['b', 'a', 'b'], run_monitors: [] })).toEqual(
      {
        body: { a: 1 },
        tags: ['a', 'b'],
      },
    );
    expect(normalizeFlowStart(null)).toEqual({ body: {} });
  });

  it('builds the flow scope from the flow id', async () => {
    expect(flowUserScope(FLOW)).toBe(
      `https://auth.globus.org/scopes/${FLOW}/flow_88718c96_6f3d_48f7_b4b1_b64633be40f5_user`,
    );
  });
});

describe('flow input against the flow’s schema', () => {
  const schema = {
    type: 'object',
    required: ['echo_string', 'source'],
    additionalProperties: false,
    properties: {
      echo_string: { type: 'string' },
      source: {
        type: 'object',
        properties: { id: { type: 'string', format: 'uuid' }, path: { type: 'string' } },
      },
      items: { type: 'array', items: { type: 'integer' } },
      mode: { enum: ['copy', 'move'] },
    },
  };

  it('accepts a matching input, and anything when the flow has no schema', async () => {
    const input = { echo_string: 'hi', source: { id: FLOW, path: '/a' }, items: [1], mode: 'copy' };
    expect(await validateFlowInput(schema, input)).toEqual([]);
    expect(await validateFlowInput(undefined, { any: 1 })).toEqual([]);
    expect(await validateFlowInput({}, { any: 1 })).toEqual([]);
  });

  it('names every problem at its JSON path', async () => {
    const input = { source: { id: 'nope' }, items: [1, 'two'], mode: 'teleport', extra: true };
    expect(await validateFlowInput(schema, input)).toEqual(
      expect.arrayContaining([
        { path: '$.echo_string', message: 'is required' },
        { path: '$.extra', message: 'is not a property the flow takes' },
        { path: '$.source.id', message: 'must match format "uuid"' },
        { path: '$.items[1]', message: 'must be integer' },
        { path: '$.mode', message: 'must be one of "copy", "move"' },
      ]),
    );
  });

  it('validates by the draft the schema declares', async () => {
    const draft2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      prefixItems: [{ type: 'string' }],
      properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }] } },
    };
    expect(await validateFlowInput(draft2020, { pair: [1] })).toEqual([
      { path: '$.pair[0]', message: 'must be string' },
    ]);
  });

  it.each([
    ['', '$'],
    ['/a', '$.a'],
    ['/a/0/b', '$.a[0].b'],
    ['/with space', '$["with space"]'],
    ['/a~1b/c~0d', '$["a/b"]["c~d"]'],
  ])('writes the pointer %j as %s', async (pointer, path) => {
    expect(jsonPath(pointer)).toBe(path);
  });
});
