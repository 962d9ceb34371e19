import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * dist/index.js, as the runner runs it, checking a timer whose transfer Globus keeps retrying
 * on an error after three good nights: the default check fails with the error in words, and the
 * summary and the history output show the nights side by side.
 */

const emulator = useEmulator();
const DAY = 86_400;

function action(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { ...ACTION_DEFAULTS, ...inputs },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
    },
  );
}

describe('a check of a transfer stalled on an error (dist/index.js)', () => {
  it('fails by default in words, passes with fail-on none, and shows the recent nights', async () => {
    const created = await action({
      operation: 'create',
      name: 'nightly/stalled',
      'source-endpoint': SEEDED_COLLECTIONS.guest.id,
      'destination-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
      items: '/data/, /backup/, true',
      interval: '1d',
    });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.advance(60);
    emulator.advance(DAY);
    emulator.advance(DAY);
    emulator.failNextRun(jobId, 'transfer_stalled', 'ENDPOINT_ERROR');
    emulator.advance(DAY + 3600);

    const failed = await action({ operation: 'check', 'job-id': jobId });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(
      /^::error::transfer-stalled: Transfer task \S+ is ACTIVE but retrying on an error: ENDPOINT_ERROR \(Endpoint error\), 7 faults so far; latest error .*; fix: the collection's endpoint cannot be reached or is failing/m,
    );
    expect(failed.outputs).toMatchObject({
      result: 'checked',
      'transfer-status': 'ACTIVE',
      'transfer-nice-status': 'ENDPOINT_ERROR',
      'transfer-faults': '7',
    });
    expect(failed.summary).toContain('**Recent runs:** 1 of the last 4 runs stalled.');

    const quiet = await action({ operation: 'check', 'job-id': jobId, 'fail-on': 'none' });
    expect(quiet.exitCode).toBe(0);
    const history = JSON.parse(quiet.outputs.history ?? '') as { outcome: string }[];
    expect(history.map((run) => run.outcome)).toEqual([
      'stalled',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect(quiet.summary).toMatch(/\| ⚠️ stalled \| 0 of 2 \| `▁▁▁▁▁▁▁▁▁▁` 0 B \| — \|/);
    expect(quiet.summary).toMatch(/\| ✅ succeeded \| 2 of 2 \| `▇▇▇▇▇▇▇▇▇▇` 2\.0 MiB \| 0s \|/);
  });
});
