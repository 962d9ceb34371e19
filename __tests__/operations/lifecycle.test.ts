import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests, tokenScopes } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

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

const check = (jobId: string, inputs: Record<string, string> = {}) =>
  runInProcess(emulator, { operation: 'check', 'job-id': jobId, ...inputs });

describe('update', () => {
  it('renames in place when only the name changes', async () => {
    const jobId = await createTimer();
    emulator.clearRequests();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      name: 'hourly-v2',
    });
    expect(core.outputs).toMatchObject({ result: 'renamed', changed: 'true', 'job-id': jobId });
    expect(writeRequests(emulator).map((r) => [r.method, r.body])).toEqual([
      ['PATCH', { name: 'hourly-v2' }],
    ]);
  });

  it('replaces for any other change and keeps what was not given', async () => {
    const jobId = await createTimer({ 'sync-level': 'size', 'encrypt-data': 'true' });
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      interval: '2h',
    });
    expect(core.outputs.result).toBe('replaced');
    const replacement = emulator.state().timers.find((t) => t.job_id === core.outputs['job-id']);
    expect(replacement?.interval).toBe(7200);
    expect(replacement?.callback_body.body).toMatchObject({
      source_endpoint: gcsv4,
      destination_endpoint: guest,
      sync_level: 1,
      encrypt_data: true,
      label: 'hourly',
    });
    expect(emulator.state().timers.find((t) => t.job_id === jobId)?.status).toMatch(/delete/);
    expect(core.summaries.join('')).toContain(`Replaced timer \`${jobId}\``);
  });

  it('changes nothing when the inputs match', async () => {
    const jobId = await createTimer();
    emulator.clearRequests();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      interval: '60m',
    });
    expect(core.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
    expect(writeRequests(emulator)).toEqual([]);
  });
});

describe('plan', () => {
  it('plans a create, an unchanged and a replace without writing anything', async () => {
    const missing = await runInProcess(emulator, { ...spec(), operation: 'plan' });
    expect(missing.outputs).toMatchObject({ result: 'planned', changed: 'false', 'job-id': '' });
    expect(JSON.parse(missing.outputs.plan ?? '')).toMatchObject({
      action: 'create',
      job_id: null,
    });

    const jobId = await createTimer();
    emulator.clearRequests();
    const same = await runInProcess(emulator, { ...spec(), operation: 'plan' });
    expect(JSON.parse(same.outputs.plan ?? '')).toEqual({
      action: 'unchanged',
      name: 'hourly',
      job_id: jobId,
      changes: [],
    });
    const changed = await runInProcess(emulator, {
      ...spec({ items: '/in/, /out/, true\n/extra.txt, /extra.txt' }),
      operation: 'plan',
    });
    expect(JSON.parse(changed.outputs.plan ?? '')).toMatchObject({
      action: 'replace',
      changes: [{ field: 'items' }],
    });
    expect(changed.logs.join('\n')).toContain('apply would replace timer "hourly"');
    expect(changed.summaries.join('')).toContain('**Plan: replace**');
    expect(writeRequests(emulator)).toEqual([]);
  });
});

describe('check', () => {
  it('passes a healthy timer and reports its last run and Transfer task', async () => {
    const jobId = await createTimer();
    emulator.advance(60);
    emulator.clearRequests();
    const core = await check(jobId);
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({
      result: 'checked',
      'n-runs': '1',
      'n-errors': '0',
      'transfer-status': 'SUCCEEDED',
      'timer-url': `https://app.globus.org/activity/timers/${jobId}`,
    });
    expect(core.outputs['transfer-task-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(core.outputs['last-run-at']).not.toBe('');
    expect(core.logs.join('\n')).toMatch(
      /Transfer task [0-9a-f-]{36} SUCCEEDED: 2 of 2 files, 2\.0 MiB, 0 faults/,
    );
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('fails on run-error when the run could not submit its task', async () => {
    const jobId = await createTimer();
    emulator.failNextRun(jobId, 'submission');
    emulator.advance(60);
    const core = await check(jobId);
    expect(core.failed).toContain('run-error: the last run');
    expect(core.outputs['n-errors']).toBe('1');
  });

  it('fails on transfer-failed with the task and its fatal error', async () => {
    const jobId = await createTimer();
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const core = await check(jobId, { 'fail-on': 'transfer-failed' });
    expect(core.outputs['transfer-status']).toBe('FAILED');
    expect(core.failed).toContain(
      `transfer-failed: Transfer task ${core.outputs['transfer-task-id']} FAILED`,
    );
  });

  it('fails on inactive and names the consent a mapped collection lacks', async () => {
    const jobId = await createTimer({ 'source-endpoint': mapped, 'data-access': 'none' });
    emulator.advance(60);
    const core = await check(jobId);
    expect(core.outputs.status).toBe('inactive');
    expect(core.failed).toContain('Globus Auth requirements are not met');
    expect(core.failed).toContain(`data_access on collection ${mapped}`);
    expect(core.failed).toContain('operation: resume');
  });

  it('fails on ended only when asked to', async () => {
    const jobId = await createTimer({ 'stop-after-runs': '2' });
    emulator.advance(3 * 3600);
    expect((await check(jobId)).failed).toBeUndefined();
    const ended = await check(jobId, { 'fail-on': 'ended' });
    expect(ended.outputs).toMatchObject({ status: 'ended', 'n-runs': '2', 'next-run': '' });
    expect(ended.failed).toContain('ended: timer');
  });

  it('fails on stale when nothing succeeded within twice the interval', async () => {
    const jobId = await createTimer();
    emulator.advance(60);
    await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    emulator.advance(3 * 3600);
    const core = await check(jobId, { 'fail-on': 'stale' });
    expect(core.failed).toContain('stale: no successful run within 2h');
    expect(
      (await check(jobId, { 'fail-on': 'stale', 'stale-after': '1d' })).failed,
    ).toBeUndefined();
  });

  it('finds the newest run on a later page when results come oldest first', async () => {
    const jobId = await createTimer();
    emulator.advance(4 * 3600);
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(3600);
    emulator.configure({ results_order: 'oldest_first', results_page_size: 2 });
    const core = await check(jobId);
    expect(core.outputs['n-runs']).toBe('6');
    expect(core.outputs['transfer-status']).toBe('FAILED');
    expect(core.failed).toContain('transfer-failed');
  });

  it('reports but never fails with fail-on none', async () => {
    const jobId = await createTimer();
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const core = await check(jobId, { 'fail-on': 'none' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['transfer-status']).toBe('FAILED');
  });

  it('finds a timer by exact name, and fails clearly on none or several', async () => {
    await createTimer();
    expect(
      (await runInProcess(emulator, { operation: 'check', name: 'hourly' })).failed,
    ).toBeUndefined();
    const none = await runInProcess(emulator, { operation: 'check', name: 'hour' });
    expect(none.failed).toContain('no timer named exactly "hour"; similar names: "hourly"');
    await createTimer();
    const two = await runInProcess(emulator, { operation: 'check', name: 'hourly' });
    expect(two.failed).toContain('2 timers are named "hourly"');
  });
});

describe('pause and resume', () => {
  it('pauses, shows the timer inactive by user, and resumes it plainly', async () => {
    const jobId = await createTimer();
    const paused = await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    expect(paused.outputs).toMatchObject({ result: 'paused', changed: 'true', status: 'inactive' });
    expect((await check(jobId)).failed).toContain('is paused; resume it');
    emulator.clearRequests();
    const resumed = await runInProcess(emulator, { operation: 'resume', name: 'hourly' });
    expect(resumed.outputs).toMatchObject({ result: 'resumed', changed: 'true' });
    const resume = writeRequests(emulator).find((r) => r.path.endsWith('/resume'));
    expect(resume?.query).toEqual({ update_credentials: ['false'] });
    expect((await check(jobId)).failed).toBeUndefined();
  });

  it('re-requests the scopes an inactive timer names and resumes with new credentials', async () => {
    const jobId = await createTimer({ 'source-endpoint': mapped, 'data-access': 'none' });
    emulator.advance(60);
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    // Exactly the scope the timer's ConsentRequired names: the timer's chain to this collection.
    expect(tokenScopes(emulator).at(-1)).toBe(
      `https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mapped}/data_access]]`,
    );
    const resume = emulator.requests().find((r) => r.path.endsWith('/resume'));
    expect(resume?.query).toEqual({ update_credentials: ['true'] });
    emulator.advance(3600);
    const after = await check(jobId);
    expect(after.outputs['transfer-status']).toBe('SUCCEEDED');
    expect(after.failed).toBeUndefined();
  });

  it("rebuilds a legacy required chain in today's, without the retired Action Provider scope", async () => {
    const jobId = await createTimer({ 'source-endpoint': mapped });
    const legacy = `https://auth.globus.org/scopes/actions.globus.org/transfer/transfer[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mapped}/data_access]]`;
    emulator.makeInactive(jobId, [legacy]);
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
    const scopes = tokenScopes(emulator);
    expect(scopes.at(-1)).toBe(
      `https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mapped}/data_access]]`,
    );
    expect(scopes.join(' ')).not.toContain('actions.globus.org');
    expect(core.outputs.result).toBe('resumed');
  });
});

describe('delete', () => {
  it('deletes, then treats a second delete as a notice', async () => {
    const jobId = await createTimer();
    const first = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
    expect(first.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
    emulator.advance(60); // Globus finishes deleting in the background
    const second = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
    expect(second.failed).toBeUndefined();
    expect(second.outputs).toMatchObject({ result: 'deleted', changed: 'false' });
    expect(second.annotations.map((a) => a.message).join('\n')).toContain('nothing to delete');
    const byName = await runInProcess(emulator, { operation: 'delete', name: 'hourly' });
    expect(byName.outputs.changed).toBe('false');
  });

  it('treats an unknown id as already gone', async () => {
    const core = await runInProcess(emulator, {
      operation: 'delete',
      'job-id': '00000000-0000-4000-8000-000000000000',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs.changed).toBe('false');
  });
});

describe('list', () => {
  it('lists by name substring and status', async () => {
    const a = await createTimer({ name: 'ci/a' });
    await createTimer({ name: 'ci/b' });
    await createTimer({ name: 'other' });
    await runInProcess(emulator, { operation: 'pause', 'job-id': a });
    const all = await runInProcess(emulator, { operation: 'list', name: 'CI/' });
    expect(JSON.parse(all.outputs.timers ?? '[]').map((t: { name: string }) => t.name)).toEqual([
      'ci/a',
      'ci/b',
    ]);
    const inactive = await runInProcess(emulator, {
      operation: 'list',
      'status-filter': 'inactive',
    });
    expect(JSON.parse(inactive.outputs.timers ?? '[]')).toEqual([
      expect.objectContaining({
        job_id: a,
        status: 'inactive',
        timer_url: expect.stringContaining(a),
      }),
    ]);
    expect(all.outputs.result).toBe('listed');
    expect(all.summaries.join('')).toContain('| Timer | Schedule |');
  });
});
