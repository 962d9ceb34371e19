import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * Operations that find a timer by its name: what they read once they have found it, and which
 * timers they count — a timer being deleted is still listed for a while, and must not count.
 */

const emulator = useEmulator();
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;
const guest = SEEDED_COLLECTIONS.guest.id;

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'hourly',
  'source-endpoint': gcsv4,
  'destination-endpoint': guest,
  items: '/in/, /out/, true',
  interval: '1h',
  ...overrides,
});

const HOUR = 3600;

/** The emulator's timer, as it stands now. */
const stored = (jobId: string) => emulator.state().timers.find((t) => t.job_id === jobId);

const timersReads = () =>
  emulator
    .requests()
    .filter((r) => r.service === 'timers')
    .map((r) => `${r.method} ${r.path}`);

/**
 * A list entry that differs from the full timer: results paged oldest first, two a page, so the
 * list shows the first two runs and only the timer's own pages reach the newest.
 */
function pageResultsOldestFirst() {
  emulator.configure({ results_order: 'oldest_first', results_page_size: 2 });
}

describe('check and wait by name', () => {
  it('check reads the full timer it found, not its list entry', async () => {
    const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
    emulator.advance(3 * HOUR + 60); // four good runs
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(HOUR); // the fifth fails
    pageResultsOldestFirst();
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'check', name: 'hourly' });
    expect(timersReads().slice(0, 2)).toEqual(['GET /jobs/', `GET /jobs/${jobId}`]);
    expect(core.outputs).toMatchObject({
      'job-id': jobId,
      'n-runs': '5',
      'transfer-status': 'FAILED',
    });
    expect(core.failed).toContain('transfer-failed');
  });

  it('wait reads the full timer first, and so waits for the run already under way', async () => {
    emulator.configure({ task_active_seconds: 600 });
    const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
    emulator.advance(3 * HOUR + 5); // runs at 0, 1 h, 2 h and 3 h; the last one's task is ACTIVE
    const underWay = stored(jobId)?.last_ran_at;
    const nextTick = Date.parse(stored(jobId)?.next_run ?? '');
    pageResultsOldestFirst();
    emulator.clearRequests();
    const core = await runInProcess(emulator, {
      operation: 'wait',
      name: 'hourly',
      timeout: '2h',
    });
    expect(timersReads().slice(0, 2)).toEqual(['GET /jobs/', `GET /jobs/${jobId}`]);
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ 'n-runs': '4', 'transfer-status': 'SUCCEEDED' });
    expect(Date.parse(core.outputs['last-run-at'] ?? '')).toBe(Date.parse(underWay ?? ''));
    expect(emulator.now().getTime()).toBeLessThan(nextTick);
  });
});

describe('apply of a name whose timer is being deleted', () => {
  it('creates a new timer right after the old one was deleted', async () => {
    const old = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
    await runInProcess(emulator, { operation: 'delete', name: 'hourly' });
    expect(stored(old)?.status).toBe('delete_in_progress');
    const listed = await runInProcess(emulator, { operation: 'list' });
    expect(listed.logs.join('\n')).not.toContain(old);
    emulator.clearRequests();
    const core = await runInProcess(emulator, timer());
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ result: 'created', changed: 'true' });
    expect(core.outputs['job-id']).not.toBe(old);
    expect(writeRequests(emulator).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/timer']);
  });

  it('replaces the replacement, never adopting the dying timer that matches', async () => {
    const first = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
    const second = await runInProcess(emulator, timer({ interval: '2h' }));
    expect(second.outputs.result).toBe('replaced');
    expect(stored(first)?.status).toBe('delete_in_progress');
    const secondId = second.outputs['job-id'] ?? '';
    // Back to the first spec: the dying first timer matches it, the live one does not.
    emulator.clearRequests();
    const third = await runInProcess(emulator, timer());
    expect(third.failed).toBeUndefined();
    expect(third.outputs.result).toBe('replaced');
    expect(third.outputs['job-id']).not.toBe(first);
    expect(writeRequests(emulator).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/timer',
      `DELETE /jobs/${secondId}`,
    ]);
    const again = await runInProcess(emulator, timer());
    expect(again.outputs).toMatchObject({ result: 'unchanged', 'job-id': third.outputs['job-id'] });
  });

  it('check by name does not count the dying timer either', async () => {
    await runInProcess(emulator, timer());
    const second = await runInProcess(emulator, timer({ interval: '2h' }));
    const core = await runInProcess(emulator, { operation: 'check', name: 'hourly' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['job-id']).toBe(second.outputs['job-id']);
  });
});
