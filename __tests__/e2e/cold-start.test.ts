import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runAction } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * What keeps a cold step quick (issue 11), held on dist/index.js: what a `check` leaves out of
 * its start-up, and the compile cache that later steps of a job reuse.
 */

const emulator = useEmulator();
const NO_INTL_DATES = pathToFileURL(join(process.cwd(), '__fixtures__/no-intl-dates.mjs')).href;

async function timerWithRun(): Promise<string> {
  const created = await step({
    operation: 'create',
    name: 'nightly',
    'source-endpoint': SEEDED_COLLECTIONS.guest.id,
    'destination-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
    items: '/data/, /backup/, true',
    interval: '1d',
  });
  expect(created.exitCode).toBe(0);
  emulator.advance(60);
  return created.outputs['job-id'] ?? '';
}

function step(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction(
    { ...ACTION_DEFAULTS, ...inputs },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
      ...env,
    },
  );
}

describe('a cold step (dist/index.js)', () => {
  it('checks a timer by id without starting Intl date formatting (no DateTime is made)', async () => {
    const jobId = await timerWithRun();
    const checked = await step(
      { operation: 'check', 'job-id': jobId },
      { NODE_OPTIONS: `--import ${NO_INTL_DATES}` },
    );
    expect(checked.stdout).not.toContain('Intl.DateTimeFormat was used');
    expect(checked.exitCode).toBe(0);
    expect(checked.outputs).toMatchObject({ status: 'loaded', 'transfer-status': 'SUCCEEDED' });
  });

  it('would notice a step that does start it (the preload works)', async () => {
    const jobId = await timerWithRun();
    const checked = await step(
      { operation: 'check', 'job-id': jobId, timezone: 'Europe/Berlin' },
      { NODE_OPTIONS: `--import ${NO_INTL_DATES}` },
    );
    expect(checked.exitCode).toBe(1);
  });
});

describe('the compile cache (dist/index.js)', () => {
  it('is left in RUNNER_TEMP by one step for the next, and nothing is written in the workspace', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'gta-runner-temp-'));
    const workspace = mkdtempSync(join(tmpdir(), 'gta-workspace-'));
    const env = { RUNNER_TEMP: temp, GITHUB_WORKSPACE: workspace };
    const jobId = await timerWithRun();
    for (let run = 0; run < 2; run += 1) {
      const checked = await step({ operation: 'check', 'job-id': jobId }, env);
      expect(checked.exitCode).toBe(0);
      expect(checked.stderr).toBe('');
    }
    // Node 22.1 and later have the cache (the runner's node24 does); under older Node, no cache.
    const cached = existsSync(join(temp, 'globus-timer-action-compile-cache'));
    expect(cached).toBe(
      typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function',
    );
    expect(readdirSync(workspace)).toEqual([]);
  });

  it('never fails a step: a RUNNER_TEMP that cannot hold it is passed over', async () => {
    const jobId = await timerWithRun();
    const checked = await step(
      { operation: 'check', 'job-id': jobId },
      { RUNNER_TEMP: '/dev/null/cannot-be-a-directory' },
    );
    expect(checked.exitCode).toBe(0);
    expect(checked.stderr).toBe('');
    expect(checked.outputs).toMatchObject({ status: 'loaded' });
  });
});
