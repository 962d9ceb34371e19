import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runAction } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv, runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A step that runs out of time still revokes every token it was issued (dist/index.js): Globus
 * hangs past the step's `timeout`, and the revocations, which get their own short deadline, are
 * still sent and reach Globus Auth. The step's time runs out on the wall clock (the bundle has
 * no virtual one): `timeout: 1s` keeps that short.
 */

const emulator = useEmulator();

const HANG = { delay_ms: 4000, times: 10 };

/** A timer of this client with one finished run, made in-process (its own tokens revoked). */
async function timerWithRun(): Promise<string> {
  const created = await runInProcess(emulator, {
    operation: 'create',
    name: 'deadline',
    'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
    'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
    items: '/in/, /out/, true',
    interval: '1h',
  });
  emulator.advance(3600);
  return created.outputs['job-id'] ?? '';
}

describe('a step past its deadline (dist/index.js)', () => {
  it.each([
    ['Timers', { service: 'timers', method: 'GET', path: '/jobs/' }],
    ['Transfer', { service: 'transfer', method: 'GET', path: '/v0.10/task/' }],
  ] as const)('revokes every token it was issued when %s hangs', async (service, where) => {
    const jobId = await timerWithRun();
    const before = emulator.state().tokens.length;
    emulator.clearRequests();
    emulator.setFault({ ...where, ...HANG });

    const run = await runAction(
      { ...ACTION_DEFAULTS, operation: 'check', 'job-id': jobId, timeout: '1s' },
      {
        ...emulatorEnv(emulator),
        GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
        GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
      },
    );

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`::error::Globus ${service} GET \\S+: no answer`));
    const issued = emulator.state().tokens.slice(before);
    expect(issued.length).toBeGreaterThanOrEqual(2); // Timers, and Transfer to follow the run
    expect(issued.filter((token) => !token.revoked)).toEqual([]);
    const revocations = emulator
      .requests()
      .filter((request) => request.path === '/v2/oauth2/token/revoke');
    expect(revocations).toHaveLength(issued.length);
    expect(run.stdout).not.toContain('Could not revoke a token');
  });
});
