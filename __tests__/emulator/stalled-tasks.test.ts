import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type Emulator,
  SEEDED_COLLECTIONS,
  type StalledTaskShape,
  startEmulator,
} from '../../emulator/index.js';
import { stalledRunFixture } from '../../__fixtures__/stalled-runs.js';
import {
  type Json,
  call,
  createTimer,
  getJob,
  timerRequest,
  timersToken,
  transferToken,
} from './helpers.js';

/*
 * Tasks that stand still as Transfer keeps them (Transfer's Task Behavior documentation): ACTIVE retrying on an error
 * with `is_ok: false`, the error's code as `nice_status` and a fault every retry, or INACTIVE —
 * until the deadline, when they fail. Their event list has the captured shape. Meanwhile the
 * timer skips its runs.
 */

const { guest, gcsv4Host } = SEEDED_COLLECTIONS;
const MINUTE = 60;
let emulator: Emulator;
let timers: string;
let transfer: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  timers = await timersToken(emulator);
  transfer = await transferToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

/** A timer (daily unless said) whose first run's task is made to stand still; its ids. */
async function stalled(
  kind: 'transfer_stalled' | 'transfer_inactive',
  code?: string,
  interval = 86_400,
) {
  const schedule = { type: 'recurring', interval_seconds: interval };
  const id = await createTimer(
    emulator,
    timers,
    timerRequest(guest.id, gcsv4Host.id, { schedule }),
  );
  emulator.failNextRun(id, kind, code);
  const [run] = emulator.advance(0);
  return { id, run, taskId: run?.task_id ?? '' };
}

const getTask = async (taskId: string): Promise<Json> =>
  (await call(emulator, 'GET', `/transfer/v0.10/task/${taskId}`, { token: transfer })).body;
const getEvents = async (taskId: string, query = ''): Promise<Json> =>
  (
    await call(emulator, 'GET', `/transfer/v0.10/task/${taskId}/event_list${query}`, {
      token: transfer,
    })
  ).body;

describe('a task retrying on an error', () => {
  it('is ACTIVE, not OK, with the error code and a fault every ten minutes', async () => {
    const { run, taskId } = await stalled('transfer_stalled');
    expect(run?.outcome).toBe('transfer_stalled');
    expect(await getTask(taskId)).toMatchObject({
      status: 'ACTIVE',
      is_ok: false,
      is_paused: false,
      nice_status: 'PERMISSION_DENIED',
      nice_status_short_description: 'Permission denied',
      faults: 1,
      files_transferred: 0,
      completion_time: null,
      deadline: '2026-11-29T19:00:00+00:00',
    });
    emulator.advance(35 * MINUTE);
    expect((await getTask(taskId)).faults).toBe(4);
  });

  it('lists its events in the captured shape, newest first, paged', async () => {
    const { taskId } = await stalled('transfer_stalled', 'ENDPOINT_ERROR');
    emulator.advance(25 * MINUTE);
    const list = await getEvents(taskId);
    const captured = stalledRunFixture<Json>('task_event_list.json');
    // The same keys as the captured list and its events.
    expect(Object.keys(list).sort()).toEqual(Object.keys(captured).sort());
    expect(Object.keys(list.DATA[0]).sort()).toEqual(Object.keys(captured.DATA[0]).sort());
    expect(list).toMatchObject({
      DATA_TYPE: 'event_list',
      length: 4,
      limit: 10,
      offset: 0,
      total: 4,
    });
    expect(list.DATA.map((event: Json) => [event.code, event.is_error, event.time])).toEqual([
      ['ENDPOINT_ERROR', true, '2026-11-28T19:20:00+00:00'],
      ['ENDPOINT_ERROR', true, '2026-11-28T19:10:00+00:00'],
      ['ENDPOINT_ERROR', true, '2026-11-28T19:00:00+00:00'],
      ['STARTED', false, '2026-11-28T19:00:00+00:00'],
    ]);
    expect(list.DATA[0].details).toContain(`Endpoint: Emulator GCSv4 Host (${gcsv4Host.id})`);
    const page = await getEvents(taskId, '?limit=2&offset=1');
    expect(page).toMatchObject({ length: 2, limit: 2, offset: 1, total: 4 });
    expect(page.DATA.map((event: Json) => event.time)).toEqual([
      '2026-11-28T19:10:00+00:00',
      '2026-11-28T19:00:00+00:00',
    ]);
    const refused = await call(
      emulator,
      'GET',
      `/transfer/v0.10/task/${taskId}/event_list?limit=0`,
      {
        token: transfer,
      },
    );
    expect(refused.status).toBe(400);
  });

  it('holds the timer: its next runs are skipped until the task ends', async () => {
    const { id } = await stalled('transfer_stalled', undefined, 3600);
    // 23 hourly ticks while it retries: none runs.
    expect(emulator.advance(86_400 - 1)).toEqual([]);
    const job = await getJob(emulator, timers, id);
    expect(job.number_of_runs ?? job.n_runs).toBe(1);
    // At its deadline it fails, and the tick then runs.
    expect(emulator.advance(1)).toEqual([expect.objectContaining({ outcome: 'submitted' })]);
  });

  it('fails at its deadline as expired, every subtask expired', async () => {
    const { taskId } = await stalled('transfer_stalled');
    emulator.advance(86_400);
    expect(await getTask(taskId)).toMatchObject({
      status: 'FAILED',
      is_ok: null,
      nice_status: null,
      fatal_error: {
        code: 'EXPIRED',
        description: 'the task did not complete before its deadline',
      },
      faults: 145,
      subtasks_expired: 1,
      completion_time: '2026-11-29T19:00:00+00:00',
    });
    expect((await getEvents(taskId)).DATA[0]).toMatchObject({ code: 'EXPIRED', is_error: true });
  });

  it.each([
    ['no_events', { nice_status: 'PERMISSION_DENIED', is_ok: false }, 0],
    ['no_nice_status', { nice_status: null, nice_status_short_description: null, is_ok: false }, 2],
    ['no_is_ok', { nice_status: 'PERMISSION_DENIED' }, 2],
  ] as [StalledTaskShape, Json, number][])(
    'under stalled_task_shape %s shows less',
    async (shape, shown, events) => {
      emulator.configure({ stalled_task_shape: shape });
      const { taskId } = await stalled('transfer_stalled');
      const task = await getTask(taskId);
      expect(task).toMatchObject(shown);
      expect('is_ok' in task).toBe(shape !== 'no_is_ok');
      expect((await getEvents(taskId)).DATA).toHaveLength(events);
    },
  );
});

describe('a task INACTIVE', () => {
  it('is INACTIVE and keeps the timer waiting, a run in progress', async () => {
    const { id, taskId } = await stalled('transfer_inactive');
    expect(await getTask(taskId)).toMatchObject({
      status: 'INACTIVE',
      is_ok: false,
      nice_status: 'NO_CREDENTIALS',
      completion_time: null,
    });
    const job = await getJob(emulator, timers, id);
    expect(job.results.data[0]).toMatchObject({ run_status: 'INACTIVE', end_timestamp: null });
  });
});

describe('the events of a task that went well or failed', () => {
  it('are STARTED and SUCCEEDED, or STARTED and the error that failed it', async () => {
    const id = await createTimer(emulator, timers, timerRequest(guest.id, gcsv4Host.id));
    const [good] = emulator.advance(0);
    expect((await getEvents(good?.task_id ?? '')).DATA.map((e: Json) => e.code)).toEqual([
      'SUCCEEDED',
      'STARTED',
    ]);
    emulator.failNextRun(id, 'transfer');
    const [bad] = emulator.advance(86_400);
    expect((await getEvents(bad?.task_id ?? '')).DATA.map((e: Json) => e.code)).toEqual([
      'PERMISSION_DENIED',
      'STARTED',
    ]);
  });

  it('are not shown to another client, as the task is not', async () => {
    const { taskId } = await stalled('transfer_stalled');
    emulator.addClient({ id: 'other', secret: 'other-secret' });
    const other = await transferToken(emulator, { id: 'other', secret: 'other-secret' });
    const reply = await call(emulator, 'GET', `/transfer/v0.10/task/${taskId}/event_list`, {
      token: other,
    });
    expect(reply.status).toBe(404);
  });
});

describe('the control API', () => {
  const failNext = (id: string, body: Json) =>
    call(emulator, 'POST', `/_emulator/timers/${id}/fail-next-run`, { json: body });

  it('takes a stalled task’s error code, and refuses a code it does not know or a kind without one', async () => {
    const id = await createTimer(emulator, timers, timerRequest(guest.id, gcsv4Host.id));
    const ok = await failNext(id, { kind: 'transfer_stalled', code: 'QUOTA_EXCEEDED' });
    expect(ok).toMatchObject({
      status: 200,
      body: { job_id: id, next_run_failure: 'transfer_stalled', code: 'QUOTA_EXCEEDED' },
    });
    const [run] = emulator.advance(0);
    expect((await getTask(run?.task_id ?? '')).nice_status).toBe('QUOTA_EXCEEDED');
    const unknown = await failNext(id, { kind: 'transfer_stalled', code: 'NOPE' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/^code must be one of PERMISSION_DENIED, /);
    expect((await failNext(id, { kind: 'transfer', code: 'QUOTA_EXCEEDED' })).status).toBe(400);
  });
});
