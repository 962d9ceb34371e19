import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { fixture } from '../../__fixtures__/globus-fixtures.js';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import {
  type Json,
  call,
  createTimer,
  getJob,
  timerRequest,
  timerScope,
  timersToken,
  transferToken,
} from './helpers.js';

const { mappedNonHa, mappedNonHa2, mappedHa, guest, gcsv4Host } = SEEDED_COLLECTIONS;
const loadedFixture = fixture<Json>('timers_job_get_loaded_with_results.json');

let emulator: Emulator;
let token: string;

// A fresh emulator per test: the tests speak of absolute virtual times.
beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

const hourly = (source: string, destination: string, schedule: Record<string, unknown> = {}) =>
  timerRequest(source, destination, {
    schedule: { type: 'recurring', interval_seconds: 3600, ...schedule },
  });

describe('the data_access rule at run time', () => {
  it('makes a mapped-collection timer without data_access inactive at its first run', async () => {
    const id = await createTimer(emulator, token, hourly(mappedNonHa.id, guest.id));
    expect(emulator.advance(0)).toEqual([
      { job_id: id, ran_at: '2026-11-28T19:00:00+00:00', outcome: 'auth_required' },
    ]);
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({
      status: 'inactive',
      inactive_reason: {
        cause: 'globus_auth_requirements',
        detail: {
          code: 'ConsentRequired',
          authorization_parameters: {
            session_message: expect.any(String),
            required_scopes: [
              `https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mappedNonHa.id}/data_access]]`,
            ],
          },
        },
      },
      n_errors: 1,
      n_runs: 0,
      last_ran_at: '2026-11-28T19:00:00+00:00',
      activity: { code: 'paused', reason: 'globus_auth_requirements' },
    });
    expect(job.results.data[0]).toMatchObject({
      run_status: 'FAILED',
      resource_id: null,
      data: null,
    });
    expect(job.results.data[0].errors).toMatchObject({ code: 'ConsentRequired' });
    expect(emulator.state().tasks).toEqual([]);
    expect(emulator.advance(7200)).toEqual([]);
  });

  it('runs the same timer created with data_access and creates a SUCCEEDED task', async () => {
    const withAccess = await timersToken(emulator, [mappedNonHa.id]);
    const id = await createTimer(emulator, withAccess, hourly(mappedNonHa.id, guest.id));
    const [run] = emulator.advance(0);
    expect(run).toEqual({
      job_id: id,
      ran_at: '2026-11-28T19:00:00+00:00',
      outcome: 'submitted',
      task_id: expect.any(String),
    });
    const job = await getJob(emulator, withAccess, id);
    expect(job).toMatchObject({
      status: 'loaded',
      n_runs: 1,
      n_errors: 0,
      last_ran_at: '2026-11-28T19:00:00+00:00',
      next_run: '2026-11-28T20:00:00+00:00',
      inactive_reason: null,
    });
    const [result] = job.results.data;
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(Object.keys(loadedFixture.results.data[0])),
    );
    expect(Object.keys(result.data).sort()).toEqual(
      Object.keys(loadedFixture.results.data[0].data).sort(),
    );
    expect(result).toMatchObject({
      ran_at: '2026-11-28T19:00:00+00:00',
      run_status: 'SUCCEEDED',
      start_timestamp: '2026-11-28T19:00:00+00:00',
      end_timestamp: '2026-11-28T19:00:00+00:00',
      http_status_submission: 202,
      http_status_polled: 200,
      resource_id: run?.task_id,
      status: 202,
      errors: null,
      data: {
        status: 'SUCCEEDED',
        display_status: 'SUCCEEDED',
        details: { task_id: run?.task_id },
      },
    });
    const task = await call(emulator, 'GET', `/v0.10/task/${run?.task_id}`, {
      token: await transferToken(emulator),
    });
    expect(task.body).toMatchObject({
      task_id: run?.task_id,
      status: 'SUCCEEDED',
      source_endpoint_id: mappedNonHa.id,
    });
  });

  it('needs no data_access for a high-assurance mapped collection', async () => {
    const id = await createTimer(emulator, token, hourly(mappedHa.id, gcsv4Host.id));
    expect(emulator.advance(0)).toEqual([
      expect.objectContaining({ job_id: id, outcome: 'submitted' }),
    ]);
  });

  it('asks for every collection of the timer, and a token with only one is not enough', async () => {
    const partial = await timersToken(emulator, [mappedNonHa.id]);
    const id = await createTimer(emulator, partial, hourly(mappedNonHa.id, mappedNonHa2.id));
    emulator.advance(0);
    const job = await getJob(emulator, token, id);
    expect(job.inactive_reason.detail.authorization_parameters.required_scopes).toEqual([
      timerScope([mappedNonHa.id, mappedNonHa2.id]),
    ]);
  });

  it('runs again after the scope is requested and the timer resumed with update_credentials', async () => {
    const id = await createTimer(emulator, token, hourly(mappedNonHa.id, guest.id));
    emulator.advance(0);
    const required = (await getJob(emulator, token, id)).inactive_reason.detail
      .authorization_parameters.required_scopes as string[];
    const renewed = await timersToken(emulator, [mappedNonHa.id]);
    expect(required).toEqual([timerScope([mappedNonHa.id])]);

    const resumed = await call(emulator, 'POST', `/jobs/${id}/resume?update_credentials=true`, {
      token: renewed,
    });
    expect(resumed.status).toBe(200);
    expect(await getJob(emulator, renewed, id)).toMatchObject({
      status: 'new',
      inactive_reason: null,
    });
    expect(emulator.advance(0)).toEqual([
      expect.objectContaining({ job_id: id, outcome: 'submitted' }),
    ]);
    expect(await getJob(emulator, renewed, id)).toMatchObject({
      status: 'loaded',
      n_runs: 1,
      n_errors: 1,
    });
  });

  it('renews credentials on resume when update_credentials is omitted after an auth stop', async () => {
    const id = await createTimer(emulator, token, hourly(mappedNonHa.id, guest.id));
    emulator.advance(0);
    const renewed = await timersToken(emulator, [mappedNonHa.id]);
    await call(emulator, 'POST', `/jobs/${id}/resume`, { token: renewed });
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'submitted' })]);
  });

  it('keeps the old credentials with update_credentials=false, so the next run stops again', async () => {
    const id = await createTimer(emulator, token, hourly(mappedNonHa.id, guest.id));
    emulator.advance(0);
    const renewed = await timersToken(emulator, [mappedNonHa.id]);
    await call(emulator, 'POST', `/jobs/${id}/resume`, {
      token: renewed,
      json: { update_credentials: false },
    });
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'auth_required' })]);
  });
});

describe('schedules and end conditions', () => {
  it('ends after 3 runs with an iterations end condition', async () => {
    const id = await createTimer(
      emulator,
      token,
      hourly(gcsv4Host.id, guest.id, { end: { condition: 'iterations', count: 3 } }),
    );
    const runs = emulator.advance(10 * 3600);
    expect(runs.map((run) => run.ran_at)).toEqual([
      '2026-11-28T19:00:00+00:00',
      '2026-11-28T20:00:00+00:00',
      '2026-11-28T21:00:00+00:00',
    ]);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'ended',
      next_run: null,
      n_runs: 3,
      stop_after: { date: null, n_runs: 3 },
      activity: null,
    });
  });

  it('ends when the next tick falls after the end time', async () => {
    const id = await createTimer(
      emulator,
      token,
      hourly(gcsv4Host.id, guest.id, {
        start: '2026-11-28T19:30:00Z',
        end: { condition: 'time', datetime: '2026-11-28T21:45:00Z' },
      }),
    );
    expect(emulator.advance(0)).toEqual([]);
    const runs = emulator.advance(86400);
    expect(runs.map((run) => run.ran_at)).toEqual([
      '2026-11-28T19:30:00+00:00',
      '2026-11-28T20:30:00+00:00',
      '2026-11-28T21:30:00+00:00',
    ]);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'ended',
      next_run: null,
      stop_after: { date: '2026-11-28T21:45:00+00:00', n_runs: null },
    });
  });

  it('runs a once timer at its datetime and then ends it', async () => {
    const id = await createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, {
        schedule: { type: 'once', datetime: '2026-11-29T08:00:00Z' },
      }),
    );
    expect(emulator.advance(12 * 3600)).toEqual([]);
    expect(emulator.advance(3600)).toEqual([
      expect.objectContaining({ ran_at: '2026-11-29T08:00:00+00:00' }),
    ]);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'ended',
      interval: null,
      stop_after: { date: null, n_runs: 1 },
    });
  });

  it('skips ticks while the previous run is still in progress', async () => {
    emulator.configure({ task_active_seconds: 90 });
    await createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, {
        schedule: { type: 'recurring', interval_seconds: 60 },
      }),
    );
    const runs = emulator.advance(600);
    expect(runs.map((run) => run.ran_at.slice(11, 19))).toEqual([
      '19:00:00',
      '19:02:00',
      '19:04:00',
      '19:06:00',
      '19:08:00',
      '19:10:00',
    ]);
  });
});

describe('results paging', () => {
  it('pages results newest first with page_size, page_next and results_pt', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    emulator.advance(4 * 3600); // 5 runs
    const first = await getJob(emulator, token, id, '?page_size=2');
    expect(first.results.data.map((result: Json) => result.ran_at.slice(11, 16))).toEqual([
      '23:00',
      '22:00',
    ]);
    const second = await getJob(
      emulator,
      token,
      id,
      `?page_size=2&results_pt=${first.results.page_next}`,
    );
    expect(second.results.data.map((result: Json) => result.ran_at.slice(11, 16))).toEqual([
      '21:00',
      '20:00',
    ]);
    const last = await getJob(
      emulator,
      token,
      id,
      `?page_size=2&results_pt=${second.results.page_next}`,
    );
    expect(last.results).toEqual({
      data: [expect.objectContaining({ ran_at: '2026-11-28T19:00:00+00:00' })],
      page_next: null,
    });
  });

  it('uses results_page_size as the default page size', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    emulator.advance(11 * 3600);
    expect((await getJob(emulator, token, id)).results.data).toHaveLength(10);
    emulator.configure({ results_page_size: 3 });
    const job = await getJob(emulator, token, id);
    expect(job.results.data).toHaveLength(3);
    expect(job.results.page_next).toEqual(expect.any(String));
  });

  it('can page results oldest first, as the unspecified order allows', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    emulator.advance(3 * 3600);
    emulator.configure({ results_order: 'oldest_first', results_page_size: 2 });
    const first = await getJob(emulator, token, id);
    const times = first.results.data.map((result: { ran_at: string }) => result.ran_at);
    expect(times).toEqual([...times].sort());
    expect(first.results.page_next).toEqual(expect.any(String));
  });

  it('refuses a page token it did not issue', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    const reply = await call(emulator, 'GET', `/jobs/${id}?results_pt=bogus`, { token });
    expect(reply.status).toBe(422);
  });
});

describe('activity', () => {
  it('goes awaiting_next_run → run_in_progress (task ACTIVE) → awaiting_next_run → paused → null', async () => {
    emulator.configure({ task_active_seconds: 600 });
    const transfer = await transferToken(emulator);
    const id = await createTimer(
      emulator,
      token,
      hourly(gcsv4Host.id, guest.id, { end: { condition: 'iterations', count: 2 } }),
    );
    expect((await getJob(emulator, token, id)).activity).toEqual({
      code: 'awaiting_next_run',
      next_run: '2026-11-28T19:00:00+00:00',
    });

    const [run] = emulator.advance(120);
    const running = await getJob(emulator, token, id);
    expect(running.activity).toEqual({
      code: 'run_in_progress',
      start_timestamp: '2026-11-28T19:00:00+00:00',
      duration_seconds: 120,
    });
    expect(running.results.data[0]).toMatchObject({ run_status: 'ACTIVE', end_timestamp: null });
    const active = await call(emulator, 'GET', `/v0.10/task/${run?.task_id}`, { token: transfer });
    expect(active.body).toMatchObject({
      status: 'ACTIVE',
      nice_status: 'OK',
      completion_time: null,
    });

    emulator.advance(600);
    expect((await getJob(emulator, token, id)).activity).toEqual({
      code: 'awaiting_next_run',
      next_run: '2026-11-28T20:00:00+00:00',
    });
    const done = await call(emulator, 'GET', `/v0.10/task/${run?.task_id}`, { token: transfer });
    expect(done.body).toMatchObject({
      status: 'SUCCEEDED',
      completion_time: '2026-11-28T19:10:00+00:00',
    });

    await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    expect((await getJob(emulator, token, id)).activity).toEqual({
      code: 'paused',
      reason: 'user',
    });
    await call(emulator, 'POST', `/jobs/${id}/resume`, { token });
    emulator.advance(3600 + 600);
    expect(await getJob(emulator, token, id)).toMatchObject({ status: 'ended', activity: null });
  });
});

describe('failures on request', () => {
  it('fails the next run at submission: an error result, no task, and the timer runs on', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    emulator.failNextRun(id, 'submission');
    expect(emulator.advance(3600).map((run) => run.outcome)).toEqual([
      'submission_error',
      'submitted',
    ]);
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({ status: 'loaded', n_runs: 2, n_errors: 1 });
    expect(job.results.data[1]).toMatchObject({
      status: 503,
      http_status_submission: 503,
      run_status: 'FAILED',
      resource_id: null,
      data: null,
      errors: {
        code: 'ServiceUnavailable',
        message: expect.any(String),
        request_id: expect.any(String),
      },
    });
  });

  it('fails the next run for auth: inactive for globus_auth_requirements', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    emulator.failNextRun(id, 'auth');
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'auth_required' })]);
    expect((await getJob(emulator, token, id)).inactive_reason.cause).toBe(
      'globus_auth_requirements',
    );
  });

  it('makes a timer inactive naming any scopes, and a resume brings it back', async () => {
    const id = await createTimer(emulator, token, hourly(gcsv4Host.id, guest.id));
    const scope =
      'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer[urn:globus:auth:scope:transfer.api.globus.org:all]';
    emulator.makeInactive(id, [scope], 'AuthorizationRequired');
    expect((await getJob(emulator, token, id)).inactive_reason).toEqual({
      cause: 'globus_auth_requirements',
      detail: {
        code: 'AuthorizationRequired',
        authorization_parameters: { session_message: expect.any(String), required_scopes: [scope] },
      },
    });
    await call(emulator, 'POST', `/jobs/${id}/resume`, {
      token,
      json: { update_credentials: true },
    });
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'submitted' })]);
  });

  it('fails runs on unknown collections with EndpointNotFound', async () => {
    const unknown = '0f0f0f0f-0000-4000-8000-000000000000';
    const id = await createTimer(emulator, token, hourly(unknown, guest.id));
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'submission_error' })]);
    const job = await getJob(emulator, token, id);
    expect(job.results.data[0]).toMatchObject({
      status: 404,
      errors: { code: 'EndpointNotFound' },
    });
  });
});
