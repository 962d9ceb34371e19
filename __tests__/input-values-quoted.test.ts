import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readInputs } from '../src/inputs.js';
import { InputError, formatProblem, type InputProblem } from '../src/timer/problems.js';
import { quoted } from '../src/words.js';
import { ACTION_DEFAULTS } from '../__fixtures__/harness.js';
import { BAD_INPUTS, VALID_APPLY, badInputWorkspace } from '../__fixtures__/bad-inputs.js';

/*
 * A value check repeats the value the user gave, quoted, so a log read out of context still
 * shows what was wrong (`interval: "30s" is below the 60-second minimum`) — and never a secret,
 * even given by mistake in an input that is checked.
 */

const workspace = badInputWorkspace();
const SECRET = 'Zq8-this-is-the-client-secret-0000';
const TOKEN = 'ghs_TheGitHubTokenOfTheJob1234567890';
const BASE = {
  ...ACTION_DEFAULTS,
  ...VALID_APPLY,
  'client-id': 'de300000-c1e0-4000-8000-00000000c11e',
  'client-secret': SECRET,
  'github-token': TOKEN,
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

/**
 * Cases whose problem is not a check of one value: a path (the message starts with the path
 * itself), a value of many lines (its problems point at a line), or two inputs that clash.
 */
const NOT_ONE_VALUE = new Set(['items', 'items-file', 'spec-file', 'flow-input', 'flow-id']);
const cases = BAD_INPUTS.flatMap((badCase) => {
  const value = badCase.inputs[badCase.names] ?? badCase.env?.[badCase.names];
  const oneLine = value !== undefined && value.trim() !== '' && !/\n/.test(value);
  return oneLine && !NOT_ONE_VALUE.has(badCase.names) ? [{ ...badCase, value: value.trim() }] : [];
});

describe('a value check repeats the value given', () => {
  it('covers most of the corpus', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', async (_title, badCase) => {
    const problems = await problemsOf({ ...BASE, ...badCase.inputs }, badCase.env);
    const problem = problems.find((p) => p.input === badCase.names);
    expect(problem && formatProblem(problem)).toContain(
      `${badCase.names}: ${quoted(badCase.value)} `,
    );
  });

  it('an interval under the minimum says so in the units written', async () => {
    const [problem] = await problemsOf({ ...BASE, interval: '30s' });
    expect(problem && formatProblem(problem)).toBe(
      'interval: "30s" is below the 60-second minimum (a Globus Timers limit)',
    );
  });

  it('a flow id that is not a UUID, beside transfer inputs it clashes with', async () => {
    const problems = await problemsOf({ ...BASE, 'flow-id': 'my-flow' });
    expect(problems.map(formatProblem)).toContainEqual(
      'flow-id: "my-flow" must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc',
    );
  });

  it('a flow input that is not an object is named, not repeated: it may run to many lines', async () => {
    const problems = await problemsOf({ ...BASE, 'flow-input': '[1, 2]' });
    expect(problems.map(formatProblem)).toContainEqual(
      'flow-input: must be a JSON object (or a YAML mapping): the flow’s input',
    );
  });

  it('a long value is cut short', async () => {
    const [problem] = await problemsOf({ ...BASE, 'sync-level': 'x'.repeat(500) });
    expect(problem?.message.length).toBeLessThan(150);
    expect(problem?.message).toContain('…"');
  });
});

describe('a secret is never repeated', () => {
  it.each([
    ['the client secret', SECRET],
    ['the GitHub token', TOKEN],
  ])('%s given as the client id is refused without being shown', async (_what, secret) => {
    const problems = await problemsOf({ ...BASE, 'client-id': secret });
    const text = problems.map(formatProblem).join('\n');
    expect(problems.map((p) => p.input)).toContain('client-id');
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, 20));
    expect(text).toContain('client-id: the value given must be a UUID');
  });

  it('nor is one given where a duration or a list is expected', async () => {
    const problems = await problemsOf({ ...BASE, timeout: SECRET, 'fail-on': TOKEN });
    const text = problems.map(formatProblem).join('\n');
    expect(problems.map((p) => p.input)).toEqual(['timeout', 'fail-on']);
    expect(text).not.toContain(SECRET.slice(0, 20));
    expect(text).not.toContain(TOKEN.slice(0, 20));
  });
});
