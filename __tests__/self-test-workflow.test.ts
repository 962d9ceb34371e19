import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CLIENT } from '../emulator/index.js';
import { runWorkflow, type WorkflowRun } from '../scripts/workflow-interpreter.js';
import { emulatorEnv } from '../__fixtures__/harness.js';
import { useEmulator } from '../__fixtures__/use-emulator.js';

/*
 * .github/workflows/self-test.yml, run here step by step: each `uses: ./` through dist/index.js
 * as the runner runs it, each `run:` in bash with the outputs of earlier steps substituted.
 * This is what proves the workflow before GitHub runs it.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOW = readFileSync(join(root, '.github/workflows/self-test.yml'), 'utf8');
const emulator = useEmulator();

const options = {
  workspace: root,
  replace: {
    // The test runs in an installed checkout, with the emulator in this process.
    install: async () => ({}),
    emulator: async () => ({
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
    }),
    'emulator-log': async () => ({}),
  },
};

const outcomes = (run: WorkflowRun) => run.steps.map((step) => [step.name, step.outcome]);
const failures = (run: WorkflowRun) =>
  run.steps.filter((step) => step.outcome === 'failure').map((step) => `${step.name}\n${step.log}`);

// The run steps are bash, as on the ubuntu runner the workflow uses; Windows has no bash to rely on.
const describeWithBash = process.platform === 'win32' ? describe.skip : describe;

describeWithBash('.github/workflows/self-test.yml, run locally', () => {
  it('passes: apply, apply again, check, plan a spec file, delete', async () => {
    const run = await runWorkflow(WORKFLOW, options);
    expect(failures(run)).toEqual([]);
    expect(run.ok).toBe(true);
    expect(outcomes(run)).toEqual([
      ['actions/checkout@v5', 'skipped'],
      ['actions/setup-node@v5', 'skipped'],
      ['npm ci --no-audit --no-fund', 'success'],
      ['Start the Globus emulator', 'success'],
      ['Apply a timer', 'success'],
      ['It was created', 'success'],
      ['Apply the same inputs again', 'success'],
      ['Nothing changed, same timer', 'success'],
      ['Check it', 'success'],
      ['It is healthy and has not run yet', 'success'],
      ['Plan a spec file', 'success'],
      ['The plan keeps the applied timer and creates the new one, writing nothing', 'success'],
      ['Delete the timer', 'success'],
      ['It was deleted', 'success'],
      ["The emulator's log", 'skipped'],
    ]);
    const jobId = run.steps.find((step) => step.id === 'apply')?.outputs['job-id'];
    expect(emulator.state().timers).toEqual([
      expect.objectContaining({ job_id: jobId, status: 'delete_in_progress' }),
    ]);
  });

  it('fails when an assertion fails, and skips the steps after it', async () => {
    const wrong = WORKFLOW.replace(
      'test "${{ steps.apply.outputs.result }}" = created',
      'test "${{ steps.apply.outputs.result }}" = replaced',
    );
    expect(wrong).not.toBe(WORKFLOW);
    const run = await runWorkflow(wrong, options);
    expect(run.ok).toBe(false);
    expect(outcomes(run).slice(4, 8)).toEqual([
      ['Apply a timer', 'success'],
      ['It was created', 'failure'],
      ['Apply the same inputs again', 'skipped'],
      ['Nothing changed, same timer', 'skipped'],
    ]);
    expect(outcomes(run).at(-1)).toEqual(["The emulator's log", 'success']);
  });

  it.each([
    ['an expression it does not know', ['${{ env.TIMER_NAME }}', '${{ github.sha }}']],
    ['a condition it does not know', ['if: failure()', 'if: success()']],
    ['an action other than this one', ['        uses: ./\n', '        uses: ./other\n']],
    ['a second job', ['jobs:\n', 'jobs:\n  other:\n    steps: []\n']],
  ])('refuses %s before running anything', async (_, [from = '', to = '']) => {
    let ran = false;
    const replace = { ...options.replace, install: async () => ((ran = true), {}) };
    await expect(runWorkflow(WORKFLOW.replace(from, to), { ...options, replace })).rejects.toThrow(
      /unsupported|exactly one job/,
    );
    expect(ran).toBe(false);
  });
});
