import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS, type FaultSpec } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv } from '../../__fixtures__/harness.js';
import { DEMO_BASIC_CREDENTIAL, expectNoCredential } from '../../__fixtures__/no-credentials.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A gateway that echoes every request — headers and body, credentials included — into its
 * error replies. Whatever the step prints or writes, no secret, no Basic credential and no
 * token may be in it, with step debug logging on or off. (`::add-mask::` lines carry them by
 * design: the runner consumes them and shows nothing.)
 */

const emulator = useEmulator();

/** A gateway echoing the request as a plain-text page: what a client would print as it is. */
const echo = (fault: Omit<FaultSpec, 'echo_request' | 'status'>): FaultSpec => ({
  status: 500,
  echo_request: true,
  echo_format: 'text',
  times: 50,
  ...fault,
});

const timer = {
  name: 'echoed',
  'source-endpoint': SEEDED_COLLECTIONS.mappedNonHa.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/, /backup/, true',
  interval: '1d',
  retries: '1',
};

const DEBUG_MODES: [string, Record<string, string>][] = [
  ['without step debug', {}],
  ['with step debug', { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }],
];

describe.each(DEBUG_MODES)('an echoing gateway, %s (dist/index.js)', (_mode, debugEnv) => {
  const action = (inputs: Record<string, string>) =>
    runAction(
      { ...ACTION_DEFAULTS, ...inputs },
      {
        ...emulatorEnv(emulator),
        GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
        GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
        ...debugEnv,
      },
    );

  it('shows no Basic credential when Auth echoes the token request', async () => {
    emulator.setFault(echo({ service: 'auth', path: '/v2/oauth2/token' }));
    const run = await action(timer);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Globus Auth POST \/v2\/oauth2\/token: HTTP 500: Upstream answered/);
    expect(run.stdout).toMatch(/authorization: \[redacted\]/i);
    expectNoCredential(run);
  });

  it('shows no token when Timers echoes the create and Auth echoes every revocation', async () => {
    emulator.setFault(echo({ service: 'timers', method: 'POST', path: '/v2/timer' }));
    emulator.setFault(echo({ service: 'auth', path: '/v2/oauth2/token/revoke' }));
    const run = await action(timer);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Could not revoke a token: .*authorization: \[redacted\]/i);
    expect(run.stdout).toMatch(/Could not revoke a token: .*token=\[redacted\]/);
    expect(run.summary).toMatch(/Globus Timers POST \/v2\/timer: HTTP 500: Upstream answered/);
    expectNoCredential(run);
  });

  it('shows no bearer token when Timers echoes a read', async () => {
    emulator.setFault(echo({ service: 'timers', method: 'GET', path: '/jobs/' }));
    const run = await action({ operation: 'list' });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toMatch(/authorization: \[redacted\]/i);
    expectNoCredential(run);
  });
});

describe('the check itself', () => {
  it('sees a credential when one is there', () => {
    const leaked: ActionRun = {
      exitCode: 1,
      stdout: `::error::echo: Authorization: Basic ${DEMO_BASIC_CREDENTIAL}`,
      stderr: '',
      outputs: {},
      summary: '',
      files: {},
    };
    expect(() => expectNoCredential(leaked)).toThrow();
    expect(() =>
      expectNoCredential({ ...leaked, stdout: '', files: { out: 'emulator-token-x' } }),
    ).toThrow();
  });
});
