import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

const emulator = useEmulator();
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'hourly',
  'source-endpoint': gcsv4,
  'destination-endpoint': guest,
  items: '/in/, /out/, true',
  interval: '1h',
  ...overrides,
});

async function create(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, { ...timer(overrides), operation: 'create' });
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

const stored = (jobId: string) => emulator.state().timers.find((t) => t.job_id === jobId);
const writes = () => writeRequests(emulator).map((r) => `${r.method} ${r.path}`);

describe('update changing the name and something else', () => {
  it('replaces the timer, keeping both changes, rather than renaming it', async () => {
    const jobId = await create();
    emulator.clearRequests();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      name: 'hourly-v2',
      interval: '2h',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ result: 'replaced', changed: 'true' });
    const newId = core.outputs['job-id'] ?? '';
    expect(newId).not.toBe(jobId);
    expect(writes()).toEqual(['POST /v2/timer', `DELETE /jobs/${jobId}`]);
    expect(stored(newId)).toMatchObject({ name: 'hourly-v2', interval: 7200 });
    expect(JSON.parse(core.outputs.plan ?? '{}')).toMatchObject({
      action: 'replace',
      changes: [
        { field: 'name', live: 'hourly', desired: 'hourly-v2' },
        { field: 'interval', live: '1h', desired: '2h' },
      ],
    });
  });
});

describe('pause', () => {
  it('still pauses a timer that is inactive for authorization requirements', async () => {
    const jobId = await create({ 'source-endpoint': mapped, 'data-access': 'none' });
    emulator.advance(60); // the run lacks the data_access consent: inactive, not paused
    expect(stored(jobId)?.inactive_reason?.cause).toBe('globus_auth_requirements');
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    expect(writes()).toEqual([`POST /jobs/${jobId}/pause`]);
    expect(core.outputs).toMatchObject({ result: 'paused', changed: 'true', status: 'inactive' });
    expect(stored(jobId)?.inactive_reason?.cause).toBe('user');
  });

  it('sends nothing for a timer already paused by a user', async () => {
    const jobId = await create();
    await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    expect(core.outputs).toMatchObject({ result: 'paused', changed: 'false' });
    expect(writes()).toEqual([]);
  });
});

describe('list with several statuses', () => {
  it('sends them all in one filter and lists the timers in any of them', async () => {
    await create({ name: 'ci/active' });
    const paused = await create({ name: 'ci/paused' });
    await runInProcess(emulator, { operation: 'pause', 'job-id': paused });
    await create({ name: 'ci/once', interval: '', 'stop-after-runs': '1' });
    emulator.advance(60); // the run-once timer runs and ends
    emulator.clearRequests();
    const core = await runInProcess(emulator, {
      operation: 'list',
      'status-filter': 'active, ended',
    });
    const list = emulator.requests().find((r) => r.method === 'GET' && r.path === '/jobs/');
    expect(list?.query.filter_status).toEqual(['active,ended']);
    const names = JSON.parse(core.outputs.timers ?? '[]').map((t: { name: string }) => t.name);
    expect(names.sort()).toEqual(['ci/active', 'ci/once']);
  });
});
