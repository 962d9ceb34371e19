import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

/*
 * wait: for a new run, for the run under way, and at its timeout — on the emulator's clock.
 */

const emulator = useEmulator();

const spec = (overrides: Record<string, string> = {}) => ({
  name: 'hourly',
  'source-endpoint': gcsv4,
  'destination-endpoint': guest,
  items: '/in/, /out/, true',
  interval: '1h',
  ...overrides,
});

async function createTimer(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, { ...spec(overrides), operation: 'create' });
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

describe('wait', () => {
  it('waits for a new run and its Transfer task to finish', async () => {
    emulator.configure({ task_active_seconds: 900 });
    const jobId = await createTimer({
      start: new Date(emulator.now().getTime() + 3600_000).toISOString(),
    });
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '2h',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ 'n-runs': '1', 'transfer-status': 'SUCCEEDED' });
    const looks = core.logs.filter((line) => line.includes('looking again'));
    // One sleep until the run is due, then polls with backoff while its task is ACTIVE.
    expect(looks[0]).toMatch(/^debug: No finished run yet; looking again in 360[45]s$/);
    expect(looks.length).toBeGreaterThan(3);
    expect(looks.slice(1).every((line) => /in (\d|[1-5]\d|60)s$/.test(line))).toBe(true);
  });

  it('waits for the run already under way when the step begins (a run-once timer)', async () => {
    emulator.configure({ task_active_seconds: 600 });
    const jobId = await createTimer({ interval: '', 'stop-after-runs': '1' });
    emulator.advance(5);
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '1h',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ 'n-runs': '1', 'transfer-status': 'SUCCEEDED' });
    expect(
      emulator.now().getTime() - Date.parse(core.outputs['last-run-at'] ?? ''),
    ).toBeGreaterThanOrEqual(600_000);
  });

  it('judges at once a run-once timer whose run finished before the step began', async () => {
    const jobId = await createTimer({ interval: '', 'stop-after-runs': '1' });
    emulator.advance(5);
    const before = emulator.now().getTime();
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '1h',
    });
    expect(core.outputs['transfer-status']).toBe('SUCCEEDED');
    expect(emulator.now().getTime()).toBe(before);
  });

  it('fails when the awaited run’s transfer fails', async () => {
    const jobId = await createTimer({
      start: new Date(emulator.now().getTime() + 600_000).toISOString(),
    });
    emulator.failNextRun(jobId, 'transfer');
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '1h',
    });
    expect(core.failed).toContain('transfer-failed');
  });

  it('takes a last look when the time is up, however long the backoff has grown', async () => {
    const jobId = await createTimer({
      start: new Date(emulator.now().getTime() + 590_000).toISOString(),
    });
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '10m',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['n-runs']).toBe('1');
  });

  it('gives up at the timeout, saying what it saw last', async () => {
    const jobId = await createTimer({
      interval: '1d',
      start: new Date(emulator.now().getTime() + 86400_000).toISOString(),
    });
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '10m',
    });
    expect(core.failed).toContain('timeout: waited 600s; no run has started');
    expect(emulator.now().getTime()).toBeLessThan(Date.parse(core.outputs['next-run'] ?? ''));
  });
});
