import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Settings } from 'luxon';
import { DEMO_CLIENT } from '../emulator/index.js';
import type { Transport } from '../src/globus/transport.js';
import { run, type RunDeps } from '../src/main.js';
import { basicCredential } from '../src/redactor.js';
import { FakeCore } from '../__fixtures__/core.js';
import { FakeTime } from '../__fixtures__/time.js';

/*
 * run() up to its first request, without Globus: where the client secret comes from and which
 * forms of it are masked, what run() uses for what a caller leaves out, how a failure before any
 * operation ends the step — one clean line, never a stack trace — and the step's clock in UTC.
 */

/** Every request is refused before it is sent: the step gets no further than its inputs. */
const refused: Transport = async () => {
  throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
};

/** What the redactor registers for a secret: the secret and its URL-encoded form. */
const forms = (secret: string) => [...new Set([secret, encodeURIComponent(secret)])];

function step(inputs: Record<string, string>, deps: Partial<RunDeps> = {}) {
  const core = new FakeCore({ operation: 'list', retries: '0', ...inputs });
  const time = new FakeTime();
  const done = run({
    core,
    env: {},
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    transport: refused,
    ...deps,
  });
  return done.then(() => core);
}

describe('the client secret', () => {
  it('is masked before anything else, then the Basic credential Auth is sent', async () => {
    const core = await step({ 'client-id': DEMO_CLIENT.id, 'client-secret': DEMO_CLIENT.secret });
    expect(core.secrets).toEqual([
      ...forms(DEMO_CLIENT.secret),
      ...forms(basicCredential(DEMO_CLIENT.id, DEMO_CLIENT.secret)),
    ]);
  });

  it('comes from GLOBUS_CLIENT_SECRET when the input is empty, masked without its padding', async () => {
    // A secret pasted with a trailing newline is sent trimmed; the mask must match what is sent.
    const core = await step(
      { 'client-id': DEMO_CLIENT.id },
      { env: { GLOBUS_CLIENT_SECRET: '  env-secret-value\n' } },
    );
    expect(core.secrets).toEqual([
      ...forms('env-secret-value'),
      ...forms(basicCredential(DEMO_CLIENT.id, 'env-secret-value')),
    ]);
  });

  it('comes from the input when both are given', async () => {
    const core = await step(
      { 'client-id': DEMO_CLIENT.id, 'client-secret': 'input-secret-value' },
      { env: { GLOBUS_CLIENT_SECRET: 'env-secret-value' } },
    );
    expect(core.secrets).toEqual([
      ...forms('input-secret-value'),
      ...forms(basicCredential(DEMO_CLIENT.id, 'input-secret-value')),
    ]);
  });

  it('missing, masks nothing and fails on the inputs before any request', async () => {
    const core = await step({ 'client-id': DEMO_CLIENT.id });
    expect(core.secrets).toEqual([]);
    expect(core.failed).toBe(
      'Invalid inputs; nothing was sent to Globus:\n- client-secret: required (or set GLOBUS_CLIENT_SECRET)',
    );
  });
});

describe('an error outside any operation', () => {
  it('is one "Unexpected error" line, its stack only at debug level', async () => {
    const error = new Error('the clock stopped');
    const core = await step(
      { 'client-id': DEMO_CLIENT.id, 'client-secret': DEMO_CLIENT.secret },
      {
        clock: () => {
          throw error;
        },
      },
    );
    expect(core.failed).toBe('Unexpected error: the clock stopped');
    expect(core.logs).toEqual([`debug: ${error.stack}`]);
  });

  it('without a stack, logs nothing at debug level', async () => {
    const core = await step(
      { 'client-id': DEMO_CLIENT.id, 'client-secret': DEMO_CLIENT.secret },
      {
        clock: () => {
          throw Object.assign(new Error('no trace'), { stack: '' });
        },
      },
    );
    expect(core.failed).toBe('Unexpected error: no trace');
    expect(core.logs).toEqual([]);
  });

  it('that is not an Error is shown as it is', async () => {
    const core = await step(
      { 'client-id': DEMO_CLIENT.id, 'client-secret': DEMO_CLIENT.secret },
      {
        clock: () => {
          throw 'a string, not an Error';
        },
      },
    );
    expect(core.failed).toBe('Unexpected error: a string, not an Error');
    expect(core.logs).toEqual([]);
  });
});

describe('what a caller leaves out', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('the clock, sleep and randomness are the real ones', async () => {
    // Only a core and an environment: the step still reads the clock and reports on its inputs.
    const core = new FakeCore({ operation: 'list', 'client-id': DEMO_CLIENT.id });
    await run({ core, env: {} });
    expect(core.failed).toBe(
      'Invalid inputs; nothing was sent to Globus:\n- client-secret: required (or set GLOBUS_CLIENT_SECRET)',
    );
  });

  it('the environment is the process’s', async () => {
    const saved = process.env.GLOBUS_CLIENT_SECRET;
    process.env.GLOBUS_CLIENT_SECRET = 'process-env-secret';
    try {
      const core = new FakeCore({ operation: 'no-such-operation' });
      await run({ core });
      expect(core.secrets).toEqual(forms('process-env-secret'));
      expect(core.failed).toMatch(/^Invalid inputs; nothing was sent to Globus:\n- operation: /);
    } finally {
      if (saved === undefined) delete process.env.GLOBUS_CLIENT_SECRET;
      else process.env.GLOBUS_CLIENT_SECRET = saved;
    }
  });
});

describe('the step’s clock', () => {
  const transferTimer = {
    'client-id': DEMO_CLIENT.id,
    'client-secret': DEMO_CLIENT.secret,
    operation: 'apply',
    name: 'clock/check',
    'source-endpoint': '00000000-0000-4000-8000-000000000001',
    'destination-endpoint': '00000000-0000-4000-8000-000000000002',
    items: '/a, /b',
    interval: '1h',
  };

  it('is what the inputs are checked against, not the machine’s', async () => {
    // FakeTime stands at 2026-11-28T12:00:00Z: an hour before is past for this step.
    const core = await step({ ...transferTimer, 'stop-after-date': '2026-11-28T11:00:00Z' });
    expect(core.failed).toBe(
      'Invalid inputs; nothing was sent to Globus:\n- stop-after-date: "2026-11-28T11:00:00Z" has passed; the timer would never run',
    );
  });

  it('is read in UTC on a runner whose own time zone is not', async () => {
    // A self-hosted runner may keep local time; what the step reports stays in UTC.
    const saved = Settings.defaultZone;
    Settings.defaultZone = 'America/Chicago';
    try {
      const core = await step({
        ...transferTimer,
        'stop-after-runs': '3',
        'stop-after-date': '2026-12-31T00:00:00Z',
      });
      expect(core.visibleText()).toContain(
        'stop-after-runs 3 ends the timer first: its 3 runs (from now to 2026-11-28T14:00:00+00:00) all come before stop-after-date 2026-12-31T00:00:00+00:00',
      );
    } finally {
      Settings.defaultZone = saved;
    }
  });
});
