import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../emulator/index.js';
import { undiciConnections, type Transport } from '../src/globus/transport.js';
import { run } from '../src/main.js';
import { FakeCore } from '../__fixtures__/core.js';
import { ACTION_DEFAULTS, emulatorEnv, runInProcess } from '../__fixtures__/harness.js';
import { useEmulator } from '../__fixtures__/use-emulator.js';

/*
 * Where a step acts, said in its first line and never "(production)" while it talks to the
 * emulator; a service URL left on Globus while others are overridden warned about before any
 * request; and the times Globus gives compared with Globus's clock (the Date of its answers),
 * whatever the runner's clock says.
 */

const emulator = useEmulator();
const IDENTITY = `${DEMO_CLIENT.id}@clients.auth.globus.org`;
const HOUR = 3_600_000;

describe('the first line says where the step acts', () => {
  it('the emulator’s address when every service URL points at it', async () => {
    const core = await runInProcess(emulator, { operation: 'list' });
    expect(core.logs[0]).toBe(
      `Acting as ${IDENTITY} on ${emulator.url} (service URLs from GLOBUS_SDK_SERVICE_URL_*)`,
    );
    expect(core.annotations).toEqual([]);
  });
});

describe('a service URL left on Globus while others are overridden', () => {
  it('is a warning naming its variable, before any request', async () => {
    const core = new FakeCore({
      ...ACTION_DEFAULTS,
      'client-id': DEMO_CLIENT.id,
      'client-secret': DEMO_CLIENT.secret,
      operation: 'list',
    });
    const send = undiciConnections({
      env: {},
      connectTimeoutMs: 5000,
      responseTimeoutMs: 5000,
    }).send;
    // How many warnings the step had given when each request left.
    const warningsAtRequest: number[] = [];
    const transport: Transport = (request) => {
      warningsAtRequest.push(core.annotations.length);
      return send(request);
    };
    await run({
      core,
      env: { ...emulatorEnv(emulator), GLOBUS_SDK_SERVICE_URL_FLOWS: '' },
      clock: () => emulator.now().getTime(),
      sleep: async () => {},
      random: () => 0.5,
      transport,
    });
    expect(core.failed).toBeUndefined();
    expect(core.annotations).toEqual([
      {
        level: 'warning',
        message:
          'GLOBUS_SDK_SERVICE_URL_FLOWS is not set while other service URLs are: Flows requests go to Globus production (https://flows.automate.globus.org/). Set it too, or none of them',
      },
    ]);
    expect(core.logs[0]).toBe(
      `Acting as ${IDENTITY} on ${emulator.url}, Flows on Globus production`,
    );
    expect(warningsAtRequest.length).toBeGreaterThan(0);
    expect(warningsAtRequest.every((count) => count === 1)).toBe(true);
  });
});

describe('times from Globus, on Globus’s clock', () => {
  const timer = {
    name: 'clock-skew',
    'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
    'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
    items: '/in/, /out/, true',
    interval: '1h',
  };

  it('a runner a day ahead does not find an hour-old run stale after 2h, and says the clocks differ', async () => {
    const created = await runInProcess(emulator, { ...timer, operation: 'create' });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.advance(3600 + 60);
    const ahead = () => emulator.now().getTime() + 24 * HOUR;
    const core = await runInProcess(
      emulator,
      { operation: 'check', 'job-id': jobId, 'fail-on': 'stale', 'stale-after': '2h' },
      {},
      { clock: ahead },
    );
    expect(core.failed).toBeUndefined();
    expect(core.logs).toContain(
      "Globus's clock is 1d behind this machine's: times Globus gives are compared with its clock",
    );
  });

  it('a step stopped by Ctrl-C says nothing of clocks: a stopped step is not a change of time', async () => {
    const core = new FakeCore({
      ...ACTION_DEFAULTS,
      'client-id': DEMO_CLIENT.id,
      'client-secret': DEMO_CLIENT.secret,
      operation: 'list',
    });
    const stop = new AbortController();
    const send = undiciConnections({
      env: {},
      connectTimeoutMs: 5000,
      responseTimeoutMs: 5000,
    }).send;
    // Stopped once its first answer is in: what follows (the revocations) is answered later.
    const transport: Transport = async (request) => {
      const answer = await send(request);
      stop.abort('SIGINT');
      return answer;
    };
    await run({
      core,
      env: emulatorEnv(emulator),
      clock: () => emulator.now().getTime(),
      sleep: async () => {},
      random: () => 0.5,
      transport,
      signal: stop.signal,
    });
    expect(stop.signal.aborted).toBe(true);
    expect(core.visibleText()).not.toMatch(/clock is/);
  });
});
