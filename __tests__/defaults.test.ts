import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readActionYml } from '../scripts/action-yml.js';
import { readInputs, type ActionInputs } from '../src/inputs.js';
import { ACTION_DEFAULTS } from '../__fixtures__/harness.js';

/*
 * The runner passes action.yml's default for every input a workflow leaves out, but the code
 * also runs without them (local runs, tests, an empty value given on purpose). Either way the
 * step must do the same thing: the fallbacks in the code are the defaults action.yml declares.
 */

const action = readActionYml();
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

/** A whole timer, with a start without an offset so that `timezone` matters. */
const TIMER: Record<string, string> = {
  'client-id': '6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
  'client-secret': 'secret',
  name: 'nightly',
  'source-endpoint': '515c6123-6c88-1537-bcf3-bd58da60fb1c',
  'destination-endpoint': 'eb7a7995-9588-132d-8242-aadbc8f429a4',
  items: '/a, /b',
  interval: '1d',
  start: '2026-12-01T02:00',
};

/** Defaults the runner works out itself (`${{ github.token }}`): the code cannot share them. */
const isExpression = (value: string) => value.includes('${{');

/** Every input whose default is a value, with that value. */
const declared = Object.entries(action.inputs)
  .map(([name, input]) => [name, String(input.default ?? '')] as const)
  .filter(([, value]) => value !== '' && !isExpression(value));

function read(inputs: Record<string, string>): Promise<ActionInputs> {
  return readInputs({
    getInput: (name) => inputs[name] ?? '',
    env: {},
    workspace: '.',
    now: () => now,
  });
}

describe('the defaults', () => {
  it('are declared for the inputs expected, so none is silently left out below', () => {
    expect(declared.map(([name]) => name).sort()).toEqual(
      [
        'comment',
        'concurrency',
        'data-access',
        'delete-destination-extra',
        'encrypt-data',
        'fail-on',
        'fail-on-quota-errors',
        'history',
        'notify',
        'operation',
        'preserve-timestamp',
        'retries',
        'skip-source-errors',
        'summary',
        'timeout',
        'timezone',
        'verify-checksum',
      ].sort(),
    );
  });

  it.each(declared)(
    'an empty %s reads as its action.yml default %p',
    async (name, defaultValue) => {
      const leftOut = await read(TIMER);
      const given = await read({ ...TIMER, [name]: defaultValue });
      expect(leftOut).toEqual(given);
    },
  );

  it('tell apart what they should: a value other than the default reads differently', async () => {
    // Guards the test above against comparing two things that never differ.
    const others: Record<string, string> = {
      operation: 'plan',
      timeout: '5m',
      retries: '2',
      'verify-checksum': 'false',
      'encrypt-data': 'true',
      'preserve-timestamp': 'true',
      'delete-destination-extra': 'true',
      'skip-source-errors': 'true',
      'fail-on-quota-errors': 'true',
      notify: 'none',
      'data-access': 'none',
      timezone: 'Europe/Berlin',
      concurrency: '3',
      'fail-on': 'ended',
      history: '0',
      comment: 'true',
      summary: 'false',
    };
    expect(Object.keys(others).sort()).toEqual(declared.map(([name]) => name).sort());
    const leftOut = await read(TIMER);
    for (const [name, value] of Object.entries(others)) {
      expect([name, await read({ ...TIMER, [name]: value })]).not.toEqual([name, leftOut]);
    }
  });

  it('are what the test harness passes as "the runner’s defaults"', () => {
    const harness = Object.entries(ACTION_DEFAULTS);
    expect(harness.length).toBeGreaterThan(10);
    expect(harness.filter(([name, value]) => action.inputs[name]?.default !== value)).toEqual([]);
  });
});
