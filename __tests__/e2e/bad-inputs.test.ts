import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, startEmulator, type Emulator } from '../../emulator/index.js';
import { runAction } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv } from '../../__fixtures__/harness.js';
import { BAD_INPUTS, VALID_APPLY, badInputWorkspace } from '../../__fixtures__/bad-inputs.js';

/*
 * Every case of the bad-input corpus through dist/index.js, as the runner runs it: the step
 * fails (exit 1) with an error naming the input, prints no stack trace, and not one request
 * reaches Globus. Each case has its own emulator, so a stray request is pinned on its case.
 */

let workspace: string;
const emulators: Emulator[] = [];

beforeAll(() => {
  workspace = badInputWorkspace();
});
afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the bad-input corpus (dist/index.js)', () => {
  it('holds at least 60 cases, each with its own title', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD_INPUTS.map((c) => c.title)).size).toBe(BAD_INPUTS.length);
  });

  it.concurrent.each(BAD_INPUTS.map((c) => [c.title, c] as const))(
    '%s fails before any request',
    async (_title, badCase) => {
      const emulator = await startEmulator();
      emulators.push(emulator);
      const run = await runAction(
        { ...ACTION_DEFAULTS, ...VALID_APPLY, ...badCase.inputs },
        {
          ...emulatorEnv(emulator),
          GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
          GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
          ...badCase.env,
        },
        { workspace },
      );
      const named = new RegExp(`%0A- ${escape(badCase.names)}( \\(line \\d+\\))?:`);
      expect(run.stdout).toMatch(/::error::Invalid inputs; nothing was sent to Globus:/);
      expect(run.stdout).toMatch(named);
      expect(run.exitCode).toBe(1);
      expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(emulator.requests()).toEqual([]);
    },
  );
});
