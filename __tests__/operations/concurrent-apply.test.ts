import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { requestBarrier } from '../../__fixtures__/barrier.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * Two workflow runs applying the same name at the same moment (two quick pushes): both read
 * before either writes, so both create. They must settle on one timer, and both succeed.
 */

const emulator = useEmulator();

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'nightly',
  'source-endpoint': SEEDED_COLLECTIONS.guest.id,
  'destination-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  items: '/data/, /backup/, true',
  interval: '1d',
  ...overrides,
});

const creates = () => requestBarrier(2, (r) => r.method === 'POST' && r.url.endsWith('/v2/timer'));

function liveTimers() {
  return emulator
    .state()
    .timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status));
}

async function applyTwice(inputs: Record<string, string>) {
  const barrier = creates();
  const runs = await Promise.all([
    runInProcess(emulator, inputs, {}, { transport: barrier }),
    runInProcess(emulator, inputs, {}, { transport: barrier }),
  ]);
  return runs;
}

describe('two applies of one name at the same moment', () => {
  it('leave exactly one timer, and both report it', async () => {
    const [first, second] = await applyTwice(timer());
    expect(
      emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v2/timer'),
    ).toHaveLength(2);
    expect(first?.failed).toBeUndefined();
    expect(second?.failed).toBeUndefined();
    const [survivor] = liveTimers();
    expect(liveTimers()).toHaveLength(1);
    expect(first?.outputs['job-id']).toBe(survivor?.job_id);
    expect(second?.outputs['job-id']).toBe(survivor?.job_id);
    const notices = [first, second].flatMap((run) => run?.annotations ?? []);
    expect(notices.filter((a) => /Another run created timer/.test(a.message))).toHaveLength(1);
  });

  it('leave exactly one timer when both replace the same old one', async () => {
    const old = await runInProcess(emulator, timer());
    const [first, second] = await applyTwice(timer({ interval: '12h' }));
    expect([first?.outputs.result, second?.outputs.result]).toEqual(['replaced', 'replaced']);
    expect(first?.failed ?? second?.failed).toBeUndefined();
    const live = liveTimers();
    expect(live).toHaveLength(1);
    expect(live[0]?.job_id).not.toBe(old.outputs['job-id']);
    expect(live[0]?.interval).toBe(43200);
  });

  it('keep both and warn when the two runs apply different specs', async () => {
    const barrier = creates();
    const runs = await Promise.all([
      runInProcess(emulator, timer(), {}, { transport: barrier }),
      runInProcess(emulator, timer({ interval: '12h' }), {}, { transport: barrier }),
    ]);
    expect(liveTimers()).toHaveLength(2);
    for (const run of runs) {
      expect(run.annotations.map((a) => a.message).join('\n')).toMatch(/different spec/);
    }
  });

  it('costs one more read and nothing else when no other run interferes', async () => {
    const core = await runInProcess(emulator, timer());
    expect(core.outputs.result).toBe('created');
    const timers = emulator.requests().filter((r) => r.service === 'timers');
    expect(timers.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /jobs/',
      'POST /v2/timer',
      'GET /jobs/',
    ]);
  });
});
