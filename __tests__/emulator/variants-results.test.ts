/**
 * The readings of a run result and of a timer's lifecycle that Globus leaves open
 * (docs/globus-variants.md): where the Transfer task id sits, how an ended timer looks, and whether
 * Transfer refuses labels outside the strict character set.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import {
  type Json,
  call,
  configure,
  createTimer,
  getJob,
  timerRequest,
  timersToken,
  transferToken,
} from './helpers.js';

const { gcsv4Host, guest } = SEEDED_COLLECTIONS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

/** One run that created a task, and the newest result as the timer shows it. */
async function runOnce(): Promise<{ taskId: string; result: Json }> {
  const id = await createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));
  const [run] = emulator.advance(0);
  const job = await getJob(emulator, token, id);
  return { taskId: run?.task_id ?? '', result: job.results.data[0] };
}

async function taskExists(taskId: string): Promise<boolean> {
  const transfer = await transferToken(emulator);
  return (await call(emulator, 'GET', `/v0.10/task/${taskId}`, { token: transfer })).status === 200;
}

describe('task_id_location', () => {
  it('resource_id (default): resource_id and data.details.task_id are the task id', async () => {
    const { taskId, result } = await runOnce();
    expect(emulator.config().task_id_location).toBe('resource_id');
    expect(taskId).toMatch(UUID);
    expect(result.resource_id).toBe(taskId);
    expect(result.data.details.task_id).toBe(taskId);
    expect(result.data).not.toHaveProperty('task_id');
    expect(await taskExists(result.resource_id)).toBe(true);
  });

  it('details_only: resource_id is the action id, the task id only in data.details', async () => {
    await configure(emulator, { task_id_location: 'details_only' });
    const { taskId, result } = await runOnce();
    expect(result.resource_id).toMatch(/^[A-Za-z0-9]{13}$/);
    expect(result.resource_id).toBe(result.data.action_id);
    expect(result.resource_id).not.toBe(taskId);
    expect(result.data.details.task_id).toBe(taskId);
    expect(result.data).not.toHaveProperty('task_id');
    expect(await taskExists(result.resource_id)).toBe(false);
    expect(await taskExists(result.data.details.task_id)).toBe(true);
  });

  it('no_resource_id: resource_id is null, the task id in data.details', async () => {
    await configure(emulator, { task_id_location: 'no_resource_id' });
    const { taskId, result } = await runOnce();
    expect(result).toHaveProperty('resource_id', null);
    expect(result.data.details.task_id).toBe(taskId);
  });

  it('data_task_id: no details and no resource_id, the task id at data.task_id', async () => {
    await configure(emulator, { task_id_location: 'data_task_id' });
    const { taskId, result } = await runOnce();
    expect(result).not.toHaveProperty('resource_id');
    expect(result.data).not.toHaveProperty('details');
    expect(result.data).toMatchObject({ task_id: taskId, action_id: expect.any(String) });
    expect(await taskExists(result.data.task_id)).toBe(true);
  });

  it.each([
    ['resource_id', null],
    ['details_only', null],
    ['no_resource_id', null],
    ['data_task_id', undefined],
  ])('%s: a run that made no task names none', async (location, resourceId) => {
    await configure(emulator, { task_id_location: location });
    const id = await createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));
    emulator.failNextRun(id, 'submission');
    emulator.advance(0);
    const [result] = (await getJob(emulator, token, id)).results.data;
    expect(result).toMatchObject({ run_status: 'FAILED', data: null });
    expect(result.resource_id).toBe(resourceId);
    expect('resource_id' in result).toBe(resourceId !== undefined);
  });

  it('refuses an unknown location', async () => {
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { task_id_location: 'somewhere' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe(
      'task_id_location must be one of resource_id, details_only, no_resource_id, data_task_id',
    );
  });
});

describe('ended_shape', () => {
  /** A timer that ends after its second run, run to its end. */
  async function endedTimer(): Promise<string> {
    const id = await createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, {
        schedule: {
          type: 'recurring',
          interval_seconds: 3600,
          end: { condition: 'iterations', count: 2 },
        },
      }),
    );
    expect(emulator.advance(3600)).toHaveLength(2);
    return id;
  }
  const listed = async (filter: string) => {
    const reply = await call(emulator, 'GET', `/jobs/?filter_status=${filter}`, { token });
    return (reply.body.jobs as Json[]).map((job) => [job.job_id, job.status]);
  };

  it('status (default): the timer says ended', async () => {
    expect(emulator.config().ended_shape).toBe('status');
    const id = await endedTimer();
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'ended',
      next_run: null,
      activity: null,
      n_runs: 2,
    });
    expect(await listed('ended')).toEqual([[id, 'ended']]);
  });

  it('next_run_null: the status stays loaded; next_run and activity are null', async () => {
    await configure(emulator, { ended_shape: 'next_run_null' });
    const id = await endedTimer();
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'loaded',
      next_run: null,
      activity: null,
      n_runs: 2,
    });
    expect(emulator.advance(86400)).toEqual([]);
    expect(await listed('ended')).toEqual([[id, 'loaded']]);
    expect(await listed('active')).toEqual([]);
    const pause = await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    expect(pause.status).toBe(409);
    expect(pause.body.error.detail).toContain('it has ended');
  });

  it('next_run_null: a once timer that ran also keeps its status', async () => {
    await configure(emulator, { ended_shape: 'next_run_null' });
    const id = await createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, { schedule: { type: 'once' } }),
    );
    expect(emulator.advance(0)).toHaveLength(1);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'loaded',
      next_run: null,
      activity: null,
    });
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { ended_shape: 'ended' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('ended_shape must be one of status, next_run_null');
  });
});

describe('label_rule', () => {
  const labelled = (label?: string) =>
    createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, {}, label === undefined ? {} : { label }),
    );

  it('any (default): any label reaches Transfer', async () => {
    expect(emulator.config().label_rule).toBe('any');
    const id = await labelled('nightly: data/ → backup (ü)');
    const [run] = emulator.advance(0);
    expect(run).toMatchObject({ job_id: id, outcome: 'submitted' });
    const transfer = await transferToken(emulator);
    const task = await call(emulator, 'GET', `/v0.10/task/${run?.task_id}`, { token: transfer });
    expect(task.body.label).toBe('nightly: data/ → backup (ü)');
  });

  it('strict: a label outside [A-Za-z0-9 _,-] fails at submission with 400 Invalid label', async () => {
    await configure(emulator, { label_rule: 'strict' });
    const id = await labelled('nightly: data/backup');
    expect(emulator.advance(3600).map((run) => run.outcome)).toEqual([
      'submission_error',
      'submission_error',
    ]);
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({ status: 'loaded', n_runs: 2, n_errors: 2 });
    expect(job.results.data[0]).toMatchObject({
      run_status: 'FAILED',
      status: 400,
      http_status_submission: 400,
      data: null,
      errors: { code: 'BadRequest', message: 'Invalid label', resource: '/v0.10/transfer' },
    });
    expect(emulator.state().tasks).toEqual([]);
  });

  it.each([['nightly backup_1,a-b'], [undefined]])(
    'strict: the label %p is submitted',
    async (label) => {
      await configure(emulator, { label_rule: 'strict' });
      await labelled(label);
      expect(emulator.advance(0).map((run) => run.outcome)).toEqual(['submitted']);
    },
  );

  it('refuses an unknown rule', async () => {
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { label_rule: 'ascii' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('label_rule must be one of any, strict');
  });
});
