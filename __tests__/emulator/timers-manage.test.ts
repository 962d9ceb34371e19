import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import {
  type Json,
  TRANSFER_SCOPE,
  call,
  createTimer,
  getJob,
  timerRequest,
  timersToken,
  tokens,
  transferToken,
} from './helpers.js';

const OTHER_CLIENT = { id: 'b0b00000-0000-4000-8000-000000000000', secret: 'bob-secret' };
const { gcsv4Host, guest } = SEEDED_COLLECTIONS;

let emulator: Emulator;
let token: string;

// A fresh emulator per test: the tests speak of absolute virtual times.
beforeEach(async () => {
  emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

const named = (name: string, timer: Record<string, unknown> = {}) =>
  timerRequest(gcsv4Host.id, guest.id, { name, ...timer });
const list = async (query = '') => {
  const reply = await call(emulator, 'GET', `/jobs/${query}`, { token });
  expect(reply.status).toBe(200);
  return (reply.body.jobs as Json[]).map((job) => job.name as string);
};

describe('GET /jobs/', () => {
  beforeEach(async () => {
    await createTimer(emulator, token, named('alpha nightly'));
    emulator.advance(60);
    const paused = await createTimer(emulator, token, named('Beta hourly'));
    emulator.advance(60);
    await createTimer(
      emulator,
      token,
      named('gamma', { schedule: { type: 'once', datetime: '2026-11-29T00:00:00Z' } }),
    );
    await call(emulator, 'POST', `/jobs/${paused}/pause`, { token });
    emulator.advance(86400); // gamma runs once and ends; alpha keeps running
  });

  it('lists job documents, oldest first by default', async () => {
    const reply = await call(emulator, 'GET', '/jobs/', { token });
    expect(reply.body.jobs.map((job: Json) => [job.name, job.status])).toEqual([
      ['alpha nightly', 'loaded'],
      ['Beta hourly', 'inactive'],
      ['gamma', 'ended'],
    ]);
    expect(reply.body.jobs[0]).toMatchObject({
      job_id: expect.any(String),
      results: { data: expect.any(Array) },
    });
  });

  it.each([
    ['?filter_status=active', ['alpha nightly']],
    ['?filter_status=inactive', ['Beta hourly']],
    ['?filter_status=ended', ['gamma']],
    ['?filter_status=active,ended', ['alpha nightly', 'gamma']],
    ['?filter_active=true', ['alpha nightly']],
    ['?filter_stopped=true', ['gamma']],
    ['?filter_name=HOUR', ['Beta hourly']],
    ['?filter_name=a', ['alpha nightly', 'Beta hourly', 'gamma']],
    ['?submitted_after=2026-11-28T19:00:30Z', ['Beta hourly', 'gamma']],
    ['?submitted_before=2026-11-28T19:01:30%2B00:00', ['alpha nightly', 'Beta hourly']],
    ['?order=name%20desc', ['gamma', 'Beta hourly', 'alpha nightly']],
    ['?order=submitted_at+desc', ['gamma', 'Beta hourly', 'alpha nightly']],
    ['?order=submitted_at%20asc', ['alpha nightly', 'Beta hourly', 'gamma']],
  ])('filters and orders: %s', async (query, expected) => {
    expect(await list(query)).toEqual(expected);
  });

  it('caps the results per job with result_count', async () => {
    const reply = await call(emulator, 'GET', '/jobs/?filter_name=alpha&result_count=2', { token });
    const alpha = reply.body.jobs[0];
    expect(alpha.n_runs).toBeGreaterThan(2);
    expect(alpha.results.data).toHaveLength(2);
    expect(alpha.results.page_next).toEqual(expect.any(String));
  });

  it.each([
    '?filter_status=running',
    '?order=colour',
    '?order=name%20sideways',
    '?result_count=many',
  ])('answers 422 to %s', async (query) => {
    const reply = await call(emulator, 'GET', `/jobs/${query}`, { token });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0].loc[0]).toBe('query');
  });

  it('redirects /jobs to /jobs/ with 307, keeping the query', async () => {
    const reply = await call(emulator, 'GET', '/jobs?filter_status=ended', {
      token,
      redirect: 'manual',
    });
    expect(reply.status).toBe(307);
    expect(reply.headers.get('location')).toBe(`${emulator.url}/jobs/?filter_status=ended`);
    const prefixed = await call(emulator, 'GET', '/timers/jobs?order=name', {
      token,
      redirect: 'manual',
    });
    expect(prefixed.headers.get('location')).toBe(`${emulator.url}/timers/jobs/?order=name`);
    expect(await list('?filter_status=ended')).toEqual(['gamma']);
    const followed = await call(emulator, 'GET', '/jobs?filter_status=ended', { token });
    expect(followed.body.jobs.map((job: Json) => job.name)).toEqual(['gamma']);
  });

  it('lists timers being deleted as active and never lists deleted ones', async () => {
    const [alpha] = (await call(emulator, 'GET', '/jobs/?filter_name=alpha', { token })).body.jobs;
    await call(emulator, 'DELETE', `/jobs/${alpha.job_id}`, { token });
    expect(await list('?filter_status=active')).toEqual(['alpha nightly']);
    emulator.advance(0);
    expect(await list()).toEqual(['Beta hourly', 'gamma']);
  });

  it('shows a client only its own timers', async () => {
    const bob = await timersToken(emulator, [], OTHER_CLIENT);
    const reply = await call(emulator, 'GET', '/jobs/', { token: bob });
    expect(reply.body).toEqual({ jobs: [] });
  });
});

describe('GET/PATCH/DELETE /jobs/{id}', () => {
  let id: string;
  beforeEach(async () => {
    id = await createTimer(emulator, token, named('original'));
  });

  it('shows the job document of GET /jobs/{id}', async () => {
    const job = await getJob(emulator, token, id);
    expect(job).toEqual({
      name: 'original',
      start: '2026-11-28T19:00:00+00:00',
      stop_after: { date: null, n_runs: null },
      interval: 3600,
      callback_url: 'https://transfer.actions.globus.org/transfer/run',
      callback_body: { body: expect.objectContaining({ source_endpoint: gcsv4Host.id }) },
      inactive_reason: null,
      scope: null,
      job_id: id,
      status: 'new',
      submitted_at: '2026-11-28T19:00:00+00:00',
      last_ran_at: null,
      next_run: '2026-11-28T19:00:00+00:00',
      n_runs: 0,
      n_errors: 0,
      results: { data: [], page_next: null },
      timer_type: 'transfer',
      schedule: { type: 'recurring', interval_seconds: 3600, start: '2026-11-28T19:00:00+00:00' },
      activity: { code: 'awaiting_next_run', next_run: '2026-11-28T19:00:00+00:00' },
    });
  });

  it('answers 404 NOT_FOUND for unknown ids and for other clients’ timers', async () => {
    const unknown = await call(emulator, 'GET', '/jobs/0f0f0f0f-0000-4000-8000-000000000000', {
      token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error: { code: 'NOT_FOUND', detail: expect.any(String), status: 404 },
    });
    const bob = await timersToken(emulator, [], OTHER_CLIENT);
    for (const [method, path] of [
      ['GET', `/jobs/${id}`],
      ['PATCH', `/jobs/${id}`],
      ['DELETE', `/jobs/${id}`],
      ['POST', `/jobs/${id}/pause`],
      ['POST', `/jobs/${id}/resume`],
    ] as const) {
      const reply = await call(emulator, method, path, { token: bob, json: { name: 'mine now' } });
      expect(reply.status).toBe(404);
    }
    expect((await getJob(emulator, token, id)).name).toBe('original');
  });

  it('answers 422 for an id that is not a UUID', async () => {
    const reply = await call(emulator, 'GET', '/jobs/not-a-uuid', { token });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({
      loc: ['path', 'job_id'],
      type: 'type_error.uuid',
    });
  });

  it('renames with PATCH and refuses anything but the name', async () => {
    const renamed = await call(emulator, 'PATCH', `/jobs/${id}`, {
      token,
      json: { name: 'renamed' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ job_id: id, name: 'renamed', status: 'new' });
    const refused = await call(emulator, 'PATCH', `/jobs/${id}`, {
      token,
      json: { name: 'x', schedule: { type: 'once' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toEqual([
      { loc: ['body', 'schedule'], msg: 'extra fields not permitted', type: 'value_error.extra' },
    ]);
    expect((await getJob(emulator, token, id)).name).toBe('renamed');
  });

  it('deletes asynchronously: delete_in_progress, then deleted at the next advance; deleting again is 200', async () => {
    const deleted = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      job_id: id,
      status: 'delete_in_progress',
      activity: null,
    });
    expect(emulator.advance(7200)).toEqual([]);
    expect((await getJob(emulator, token, id)).status).toBe('deleted');
    const again = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    expect(again).toMatchObject({ status: 200, body: { job_id: id, status: 'deleted' } });
    const paused = await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    expect(paused.status).toBe(409);
  });
});

describe('pause and resume', () => {
  let id: string;
  beforeEach(async () => {
    id = await createTimer(emulator, token, named('pausable'));
  });

  it('pauses: inactive, cause user, activity paused, and no runs', async () => {
    const reply = await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    expect(reply).toMatchObject({
      status: 200,
      body: { message: `Successfully paused job ${id}.` },
    });
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({
      status: 'inactive',
      inactive_reason: { cause: 'user', detail: null },
      activity: { code: 'paused', reason: 'user' },
    });
    expect(emulator.advance(3 * 3600)).toEqual([]);
  });

  it.each([
    ['the query parameter', `?update_credentials=false`, undefined],
    ['a JSON body', '', { update_credentials: false }],
    ['nothing', '', undefined],
  ])(
    'resumes with %s, and a run missed while paused runs once at the next advance',
    async (_case, query, json) => {
      await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
      emulator.advance(3 * 3600 + 60);
      const reply = await call(emulator, 'POST', `/jobs/${id}/resume${query}`, { token, json });
      expect(reply).toMatchObject({
        status: 200,
        body: { message: `Successfully resumed job ${id}.` },
      });
      expect(await getJob(emulator, token, id)).toMatchObject({
        status: 'new',
        inactive_reason: null,
      });
      const runs = emulator.advance(0);
      expect(runs).toEqual([
        expect.objectContaining({ job_id: id, ran_at: '2026-11-28T22:01:00+00:00' }),
      ]);
      expect(await getJob(emulator, token, id)).toMatchObject({
        status: 'loaded',
        n_runs: 1,
        next_run: '2026-11-28T23:00:00+00:00',
      });
    },
  );

  it('refuses an update_credentials that is not a boolean', async () => {
    const query = await call(emulator, 'POST', `/jobs/${id}/resume?update_credentials=maybe`, {
      token,
    });
    expect(query.status).toBe(422);
    const body = await call(emulator, 'POST', `/jobs/${id}/resume`, {
      token,
      json: { update_credentials: 'yes' },
    });
    expect(body.status).toBe(422);
  });

  it('cannot pause or resume an ended timer', async () => {
    const once = await createTimer(emulator, token, named('once', { schedule: { type: 'once' } }));
    emulator.advance(0);
    expect((await call(emulator, 'POST', `/jobs/${once}/pause`, { token })).status).toBe(409);
    expect((await call(emulator, 'POST', `/jobs/${once}/resume`, { token })).status).toBe(409);
  });
});

describe('authentication on Timers routes', () => {
  const routes = [
    ['POST', '/v2/timer'],
    ['GET', '/jobs/'],
    ['GET', '/jobs/0f0f0f0f-0000-4000-8000-000000000000'],
    ['POST', '/jobs/0f0f0f0f-0000-4000-8000-000000000000/pause'],
  ] as const;

  async function expectUnauthorized(bearer: string | undefined) {
    for (const [method, path] of routes) {
      const reply = await call(emulator, method, path, { token: bearer, json: named('x') });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({
        error: { code: 'AUTHENTICATION_ERROR', detail: expect.any(String), status: 401 },
      });
    }
  }

  it('answers 401 without a token', async () => {
    await expectUnauthorized(undefined);
  });

  it('answers 401 to an unknown token', async () => {
    await expectUnauthorized('made-up-token');
  });

  it('answers 401 to a revoked token', async () => {
    await call(emulator, 'POST', '/v2/oauth2/token/revoke', { form: { token } });
    await expectUnauthorized(token);
  });

  it('answers 401 to an expired token', async () => {
    emulator.advance(172800);
    await expectUnauthorized(token);
  });

  it('answers 401 to a Transfer token', async () => {
    await expectUnauthorized(await transferToken(emulator));
  });

  it('answers 401 to an Auth token', async () => {
    const auth = (await tokens(emulator, `openid ${TRANSFER_SCOPE}`))['auth.globus.org'];
    await expectUnauthorized(auth);
  });
});
