import { describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  type StalledTaskShape,
} from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A check sees what Globus sees: the emulator keeps a run's Transfer task ACTIVE, retrying on
 * an error (or INACTIVE), as Transfer does, and a flow timer's Flows run INACTIVE. The default
 * check fails on them in words, `fail-on: none` passes, and wait judges them at once.
 */

const emulator = useEmulator();
const { guest, gcsv4Host } = SEEDED_COLLECTIONS;
const IDENTITY = `${DEMO_CLIENT.id}@clients.auth.globus.org`;
const MINUTE = 60;

const TIMER = {
  name: 'nightly/results',
  'source-endpoint': guest.id,
  'destination-endpoint': gcsv4Host.id,
  items: '/data/, /backup/, true',
  interval: '1d',
};

/** A timer whose first run's task stands still, 30 minutes into its retries. */
async function stalledTimer(
  kind: 'transfer_stalled' | 'transfer_inactive',
  code?: string,
  interval = TIMER.interval,
) {
  const created = await runInProcess(emulator, { ...TIMER, interval });
  const jobId = created.outputs['job-id'] ?? '';
  emulator.failNextRun(jobId, kind, code);
  const [run] = emulator.advance(MINUTE);
  emulator.advance(30 * MINUTE);
  emulator.clearRequests();
  return { jobId, taskId: run?.task_id ?? '' };
}

const calls = () =>
  emulator
    .requests()
    .filter((r) => r.path !== '/v2/oauth2/token/revoke')
    .map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '<id>')}`);

describe('a Transfer task kept ACTIVE retrying on an error', () => {
  it('fails the default check with its error, faults, latest event and fix', async () => {
    const { jobId, taskId } = await stalledTimer('transfer_stalled');
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toMatch(
      new RegExp(
        `^transfer-stalled: Transfer task ${taskId} is ACTIVE but retrying on an error: PERMISSION_DENIED \\(Permission denied\\), 4 faults so far; ` +
          `latest error \\(\\S+\\): permission denied — "Error \\(transfer\\) Endpoint: ${gcsv4Host.display_name} \\(${gcsv4Host.id}\\) .*Path not allowed.*"; ` +
          `fix: grant the client identity ${IDENTITY} the permission it needs on the collection .*; ` +
          'Transfer retries it until its deadline \\(\\S+\\) and the timer skips its runs meanwhile$',
      ),
    );
    expect(core.outputs).toMatchObject({
      result: 'checked',
      'transfer-task-id': taskId,
      'transfer-status': 'ACTIVE',
      'transfer-nice-status': 'PERMISSION_DENIED',
      'transfer-faults': '4',
    });
    // The event list is read once, and only because the task stands still.
    expect(calls()).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/<id>',
      'GET /v0.10/task/<id>',
      'GET /v0.10/task/<id>/event_list',
    ]);
    expect(emulator.requests().find((r) => r.path.endsWith('/event_list'))?.query).toEqual({
      limit: ['20'],
      offset: ['0'],
    });
  });

  it('passes what Transfer says through the redactor, cut short', async () => {
    const { jobId, taskId } = await stalledTimer('transfer_stalled');
    const secret = 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.dG9rZW4';
    const details = `${secret}\n${'y'.repeat(1000)}`;
    emulator.setFault({
      service: 'transfer',
      path: `/v0.10/task/${taskId}/event_list`,
      status: 200,
      content_type: 'application/json',
      raw_body: JSON.stringify({
        DATA_TYPE: 'event_list',
        DATA: [
          { code: 'PERMISSION_DENIED', description: 'permission denied', details, is_error: true },
        ],
      }),
    });
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.visibleText()).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    // The redactor takes everything after "Authorization:" up to the quote that ends the details.
    expect(core.failed).toContain(
      'latest error: permission denied — "Authorization: [redacted]"; fix: grant the client identity',
    );
  });

  it('passes with fail-on: none, still reporting the task as it is', async () => {
    const { jobId } = await stalledTimer('transfer_stalled');
    const core = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'none',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['transfer-nice-status']).toBe('PERMISSION_DENIED');
    expect(core.summaries[0]).toContain('| ⚠️ stalled |');
  });

  it.each([
    ['ENDPOINT_ERROR', "fix: the collection's endpoint cannot be reached or is failing"],
    ['QUOTA_EXCEEDED', 'fix: the destination is over its quota'],
  ])('retrying on %s, gives that error’s fix', async (code, fix) => {
    const { jobId } = await stalledTimer('transfer_stalled', code);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toContain(`retrying on an error: ${code}`);
    expect(core.failed).toContain(fix);
  });

  /** Each reading of what a stalled task shows (emulator setting stalled_task_shape). */
  it.each([
    [
      'no_events',
      /PERMISSION_DENIED \(Permission denied\), 4 faults so far; Transfer lists no error event for it; fix: grant/,
    ],
    [
      'no_nice_status',
      /retrying on an error, 4 faults so far; latest error .*; fix: grant the client identity/,
    ],
    [
      'no_is_ok',
      /retrying on an error: PERMISSION_DENIED \(Permission denied\), 4 faults so far; latest error .*; fix: grant/,
    ],
  ] as [StalledTaskShape, RegExp][])(
    'showing it as %s still fails it in words',
    async (shape, words) => {
      emulator.configure({ stalled_task_shape: shape });
      const { jobId } = await stalledTimer('transfer_stalled');
      const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
      expect(core.failed).toMatch(/^transfer-stalled: /);
      expect(core.failed).toMatch(words);
    },
  );

  it('once past its deadline, it FAILED and is transfer-failed, no longer stalled', async () => {
    // Its deadline is a day after it started; the timer's next run comes a day later.
    const { jobId, taskId } = await stalledTimer('transfer_stalled', undefined, '2d');
    emulator.advance(24 * 60 * MINUTE);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    // One fault at the start and one every ten minutes of its day.
    expect(core.failed?.split('\n')).toContain(
      `transfer-failed: Transfer task ${taskId} FAILED: EXPIRED the task did not complete before its deadline (145 faults)`,
    );
    expect(core.failed).not.toContain('transfer-stalled');
    expect(calls()).not.toContain('GET /v0.10/task/<id>/event_list');
  });

  it('wait judges it at once instead of waiting out its timeout, and says so', async () => {
    const created = await runInProcess(emulator, { ...TIMER, interval: '1h' });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.advance(MINUTE);
    emulator.failNextRun(jobId, 'transfer_stalled');
    const started = emulator.now().getTime();
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '6h',
    });
    expect(core.failed).toMatch(/^transfer-stalled: Transfer task \S+ is ACTIVE but retrying/);
    // It slept until the next run was due and looked once more, not six hours.
    expect(emulator.now().getTime() - started).toBeLessThan(2 * 3600 * 1000);
    expect(core.logs).toContainEqual(
      expect.stringMatching(
        /^Transfer task \S+ is stalled \(ACTIVE: 0 of 2 files, 0 B, 1 fault; retrying on PERMISSION_DENIED\): it will not finish soon, so it is judged now instead of waited for$/,
      ),
    );
  });
});

describe('a Transfer task INACTIVE', () => {
  it('fails the default check as transfer-stalled, in its own words', async () => {
    const { jobId, taskId } = await stalledTimer('transfer_inactive');
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toMatch(
      new RegExp(
        `^transfer-stalled: Transfer task ${taskId} is INACTIVE: Globus suspended it \\(its credentials expired or a consent was lost\\): NO_CREDENTIALS \\(No credentials\\), 4 faults so far; ` +
          'latest error .*; it will not go on by itself: cancel it in the web app so the timer can run again, and resume the timer \\(operation: resume\\) if it lost its consents too$',
      ),
    );
    expect(core.outputs['transfer-status']).toBe('INACTIVE');
  });
});

describe('a Flows run INACTIVE', () => {
  it('fails the default check as flow-stalled, naming the consent it waits for; none passes', async () => {
    const flow = SEEDED_FLOWS.echo;
    const created = await runInProcess(emulator, {
      name: 'pipeline/nightly',
      'flow-id': flow.id,
      'flow-input': '{"echo_string": "hello"}',
      interval: '1h',
    });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.failNextRun(jobId, 'flow_inactive');
    const [run] = emulator.advance(MINUTE);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    const scope = `https://auth.globus.org/scopes/${flow.id}/flow_${flow.id.replace(/-/g, '_')}_user[urn:globus:auth:scope:transfer.api.globus.org:all]`;
    expect(core.failed).toMatch(
      new RegExp(
        `^flow-stalled: Flows run ${run?.run_id} is INACTIVE: it waits at state \\S+ for a consent \\(ConsentRequired: "State \\S+ needs a consent the run does not have"\\); ` +
          `it needs consent for ${scope.replace(/[.[\]]/g, '\\$&')}; fix: resume the run with that consent: globus flows run resume ${run?.run_id} asks for it`,
      ),
    );
    expect(core.outputs['flow-run-status']).toBe('INACTIVE');
    const quiet = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'none',
    });
    expect(quiet.failed).toBeUndefined();
  });
});
