import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * wait, when a run of a recurring timer is under way as the step begins: that run is the one
 * waited for. Once it finishes it is judged — not dropped for having started before the step,
 * which would wait on until the next tick and report another run.
 */

const emulator = useEmulator();

const timer = {
  name: 'hourly',
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/in/, /out/, true',
  interval: '1h',
};

const stored = (jobId: string) => emulator.state().timers.find((t) => t.job_id === jobId);

describe('wait on a recurring timer whose run is under way', () => {
  it.each([
    ['succeeds', undefined, 'SUCCEEDED'],
    ['fails', 'transfer', 'FAILED'],
  ] as const)('judges that run once it %s', async (_outcome, failure, status) => {
    emulator.configure({ task_active_seconds: 600 });
    const jobId = (await runInProcess(emulator, timer)).outputs['job-id'] ?? '';
    if (failure) emulator.failNextRun(jobId, failure);
    emulator.advance(5); // the first run is due at once; its task stays ACTIVE for 10 minutes
    const underWay = stored(jobId)?.last_ran_at ?? '';
    const nextTick = Date.parse(stored(jobId)?.next_run ?? '');
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '2h',
    });
    expect(core.outputs['transfer-status']).toBe(status);
    expect(Date.parse(core.outputs['last-run-at'] ?? '')).toBe(Date.parse(underWay));
    expect(emulator.now().getTime()).toBeLessThan(nextTick);
  });
});
