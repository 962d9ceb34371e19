import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readInputs } from '../src/inputs.js';
import { InputError, type InputProblem } from '../src/timer/problems.js';
import { ACTION_DEFAULTS } from '../__fixtures__/harness.js';
import { BAD_INPUTS, VALID_APPLY, badInputWorkspace } from '../__fixtures__/bad-inputs.js';

/*
 * The bad-input corpus read in process (the e2e suite runs it through dist/index.js): each
 * case is refused by readInputs — which runs before any client exists — with a problem naming
 * its input, and the valid apply it starts from is accepted.
 */

const workspace = badInputWorkspace();
const BASE = {
  ...ACTION_DEFAULTS,
  ...VALID_APPLY,
  'client-id': 'de300000-c1e0-4000-8000-00000000c11e',
  'client-secret': 'secret',
};

async function problemsOf(inputs: Record<string, string>, env: Record<string, string> = {}) {
  try {
    await readInputs({
      getInput: (name) => (inputs[name] ?? '').trim(),
      env,
      workspace,
      now: () => DateTime.utc(),
    });
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [] as InputProblem[];
}

describe('the bad-input corpus, in process', () => {
  it('starts from inputs that are valid', async () => {
    expect(await problemsOf(BASE)).toEqual([]);
  });

  it.each(BAD_INPUTS.map((c) => [c.title, c] as const))(
    '%s is refused',
    async (_title, badCase) => {
      const problems = await problemsOf({ ...BASE, ...badCase.inputs }, badCase.env);
      expect(problems.map((problem) => problem.input)).toContain(badCase.names);
    },
  );
});
