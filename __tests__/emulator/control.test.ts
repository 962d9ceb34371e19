import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  startEmulator,
} from '../../emulator/index.js';
import {
  type Json,
  TRANSFER_SCOPE,
  call,
  createTimer,
  getJob,
  timerRequest,
  timerScope,
  timersToken,
  tokens,
  transferToken,
} from './helpers.js';

const { gcsv4Host, guest, mappedNonHa } = SEEDED_COLLECTIONS;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

const control = (method: string, path: string, json?: unknown) =>
  call(emulator, method, `/_emulator${path}`, { json });
const newTimer = () => createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));

describe('the control API', () => {
  it('lists the seeded collections', async () => {
    const reply = await control('GET', '/collections');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(expect.arrayContaining(Object.values(SEEDED_COLLECTIONS)));
  });

  it('reads and advances the clock, answering the runs it made', async () => {
    const id = await newTimer();
    expect((await control('GET', '/clock')).body).toEqual({ now: '2026-11-28T19:00:00+00:00' });
    const reply = await control('POST', '/clock/advance', { seconds: 3600 });
    expect(reply.body).toEqual({
      now: '2026-11-28T20:00:00+00:00',
      runs: [
        {
          job_id: id,
          ran_at: '2026-11-28T19:00:00+00:00',
          outcome: 'submitted',
          task_id: expect.any(String),
        },
        {
          job_id: id,
          ran_at: '2026-11-28T20:00:00+00:00',
          outcome: 'submitted',
          task_id: expect.any(String),
        },
      ],
    });
    expect((await control('POST', '/clock/advance', { seconds: -1 })).status).toBe(400);
  });

  it('fails the next run on request, of each kind', async () => {
    const id = await newTimer();
    expect(
      (await control('POST', `/timers/${id}/fail-next-run`, { kind: 'transfer' })).status,
    ).toBe(200);
    const { body } = await control('POST', '/clock/advance', { seconds: 0 });
    expect(body.runs[0].outcome).toBe('transfer_failed');
    expect(
      (await control('POST', `/timers/${id}/fail-next-run`, { kind: 'sometimes' })).status,
    ).toBe(400);
    const unknown = '0f0f0f0f-0000-4000-8000-000000000000';
    expect(
      (await control('POST', `/timers/${unknown}/fail-next-run`, { kind: 'auth' })).status,
    ).toBe(404);
  });

  it('inactivates a timer naming scopes', async () => {
    const id = await newTimer();
    const reply = await control('POST', `/timers/${id}/inactivate`, {
      required_scopes: [timerScope([mappedNonHa.id])],
    });
    expect(reply.status).toBe(200);
    const job = await getJob(emulator, token, id);
    expect(job.inactive_reason.detail).toEqual({
      code: 'ConsentRequired',
      authorization_parameters: {
        session_message: expect.any(String),
        required_scopes: [timerScope([mappedNonHa.id])],
      },
    });
    expect(
      (await control('POST', `/timers/${id}/inactivate`, { required_scopes: 'x' })).status,
    ).toBe(400);
  });

  it('reads and changes the configuration', async () => {
    expect((await control('GET', '/config')).body).toEqual({
      create_requires_data_access: false,
      task_active_seconds: 0,
      run_active_seconds: 0,
      transfer_outcome: 'SUCCEEDED',
      results_page_size: 10,
      results_order: 'newest_first',
      task_id_location: 'resource_id',
      auth_requirements_location: 'top_level',
      legacy_scope: 'accepted',
      ended_shape: 'status',
      foreign_timer_status: 404,
      repeated_delete: 'ok',
      deleted_timers: 'kept',
      label_rule: 'any',
      start_tolerance_seconds: 300,
      latency_ms: 0,
      hidden_flow_status: 404,
      flow_create_shape: 'v2',
      create_requires_flow_consent: false,
      stalled_task_shape: 'full',
    });
    const changed = await control('POST', '/config', {
      task_active_seconds: 30,
      results_page_size: 5,
      results_order: 'oldest_first',
    });
    expect(changed.body).toEqual({
      create_requires_data_access: false,
      task_active_seconds: 30,
      run_active_seconds: 0,
      transfer_outcome: 'SUCCEEDED',
      results_page_size: 5,
      results_order: 'oldest_first',
      task_id_location: 'resource_id',
      auth_requirements_location: 'top_level',
      legacy_scope: 'accepted',
      ended_shape: 'status',
      foreign_timer_status: 404,
      repeated_delete: 'ok',
      deleted_timers: 'kept',
      label_rule: 'any',
      start_tolerance_seconds: 300,
      latency_ms: 0,
      hidden_flow_status: 404,
      flow_create_shape: 'v2',
      create_requires_flow_consent: false,
      stalled_task_shape: 'full',
    });
    expect(emulator.config().task_active_seconds).toBe(30);
    expect((await control('POST', '/config', { colour: 'red' })).status).toBe(400);
    expect((await control('POST', '/config', { results_page_size: 0 })).status).toBe(400);
    expect((await control('POST', '/config', { results_order: 'random' })).status).toBe(400);
  });

  it('names every bad setting in one 400 and changes nothing', async () => {
    const reply = await control('POST', '/config', {
      create_requires_data_access: 'yes',
      task_active_seconds: -1,
      results_page_size: 2.5,
      colour: 'red',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe(
      'unknown setting(s): colour; create_requires_data_access must be true or false; ' +
        'task_active_seconds must be a number ≥ 0; results_page_size must be an integer ≥ 1',
    );
    expect(emulator.config().results_page_size).toBe(10);
    const inherited = await control('POST', '/config', { toString: 'x' });
    expect(inherited.body.error).toBe('unknown setting(s): toString');
    expect(() => emulator.configure({ results_order: 'random' as never })).toThrow(
      'results_order must be one of newest_first, oldest_first',
    );
  });

  it('starts with the given settings and goes back to them on reset', async () => {
    const configured = await startEmulator({ config: { results_page_size: 3 } });
    try {
      expect(configured.config().results_page_size).toBe(3);
      configured.configure({ results_page_size: 5 });
      await call(configured, 'POST', '/_emulator/reset');
      expect(configured.config()).toMatchObject({
        results_page_size: 3,
        results_order: 'newest_first',
      });
    } finally {
      await configured.close();
    }
    await expect(startEmulator({ config: { results_page_size: 0 } })).rejects.toThrow(
      'results_page_size must be an integer ≥ 1',
    );
  });

  it('dumps the state without any secret', async () => {
    await newTimer();
    const reply = await control('GET', '/state');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      clock: '2026-11-28T19:00:00+00:00',
      clients: [{ id: DEMO_CLIENT.id }],
      tokens: [
        {
          client_id: DEMO_CLIENT.id,
          resource_server: '524230d7-ea86-4a52-8312-86065a9e0417',
          revoked: false,
        },
      ],
      timers: [
        { status: 'new', owner_client_id: DEMO_CLIENT.id, credentials: { data_access: [] } },
      ],
      tasks: [],
      config: { create_requires_data_access: false },
      faults: [],
    });
    const text = JSON.stringify(reply.body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(DEMO_CLIENT.secret);
  });

  it('resets to the seeded start, keeping clients and clock', async () => {
    await newTimer();
    await control('POST', '/clock/advance', { seconds: 60 });
    emulator.setFault({ status: 503 });
    expect((await control('POST', '/reset')).status).toBe(200);
    const state = (await control('GET', '/state')).body;
    expect(state).toMatchObject({
      clock: '2026-11-28T19:01:00+00:00',
      tokens: [],
      timers: [],
      tasks: [],
      faults: [],
    });
    expect((await call(emulator, 'GET', '/jobs/', { token })).status).toBe(401);
    await timersToken(emulator);
  });

  it('registers more clients', async () => {
    const client = { id: 'ci-client', secret: 'ci-secret' };
    expect((await control('POST', '/clients', client)).status).toBe(200);
    await timersToken(emulator, [], client);
  });

  it('answers 404 for unknown control routes and 400 for bodies that are not JSON objects', async () => {
    expect((await control('GET', '/nothing')).status).toBe(404);
    expect((await call(emulator, 'POST', '/_emulator/config', { rawBody: '[1' })).status).toBe(400);
  });
});

describe('the request log', () => {
  it('records requests with the service, the unprefixed path and redacted credentials', async () => {
    emulator.clearRequests();
    await tokens(emulator, TRANSFER_SCOPE);
    await call(emulator, 'GET', '/timers/jobs/?order=submitted_at%20asc', { token });
    await call(emulator, 'POST', '/auth/v2/oauth2/token/revoke', {
      form: { token, client_id: DEMO_CLIENT.id },
    });
    await control('GET', '/clock');

    const { body: log } = await control('GET', '/requests');
    expect(log).toEqual([
      {
        seq: expect.any(Number),
        at: '2026-11-28T19:00:00+00:00',
        service: 'auth',
        method: 'POST',
        path: '/v2/oauth2/token',
        query: {},
        headers: expect.objectContaining({ Authorization: 'Basic <redacted>' }),
        body: { grant_type: 'client_credentials', scope: TRANSFER_SCOPE },
        received_ms: expect.any(Number),
        answered_ms: expect.any(Number),
      },
      expect.objectContaining({
        service: 'timers',
        method: 'GET',
        path: '/jobs/',
        query: { order: ['submitted_at asc'] },
        headers: expect.objectContaining({ Authorization: 'Bearer <redacted>' }),
        body: null,
      }),
      expect.objectContaining({
        service: 'auth',
        path: '/v2/oauth2/token/revoke',
        body: { token: '<redacted>', client_id: DEMO_CLIENT.id },
      }),
    ]);
    expect(JSON.stringify(log)).not.toContain(token);
    expect(emulator.requests()).toEqual(log);

    await control('DELETE', '/requests');
    expect(emulator.requests()).toEqual([]);
  });

  it('redacts a client secret sent in the form', async () => {
    await call(emulator, 'POST', '/v2/oauth2/token', {
      form: {
        grant_type: 'client_credentials',
        scope: TRANSFER_SCOPE,
        client_id: DEMO_CLIENT.id,
        client_secret: DEMO_CLIENT.secret,
      },
    });
    expect(JSON.stringify(emulator.requests())).not.toContain(DEMO_CLIENT.secret);
  });
});

describe('fault injection', () => {
  it('answers 503 for the next matching request, then handles the retry', async () => {
    await control('POST', '/faults', {
      service: 'timers',
      method: 'GET',
      path: '/jobs/',
      status: 503,
    });
    const failed = await call(emulator, 'GET', '/jobs/', { token });
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({
      error: { code: 'ERROR', detail: expect.any(String), status: 503 },
    });
    expect((await call(emulator, 'GET', '/jobs/', { token })).status).toBe(200);
  });

  it('answers 429 with Retry-After, as many times as asked', async () => {
    emulator.setFault({ service: 'transfer', status: 429, retry_after: 7, times: 2 });
    const transfer = await transferToken(emulator);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const reply = await call(emulator, 'GET', `/v0.10/endpoint/${guest.id}`, { token: transfer });
      expect(reply.status).toBe(429);
      expect(reply.headers.get('retry-after')).toBe('7');
      expect(reply.body.code).toEqual(expect.any(String));
    }
    expect(
      (await call(emulator, 'GET', `/v0.10/endpoint/${guest.id}`, { token: transfer })).status,
    ).toBe(200);
  });

  it('matches only the given service, method and path prefix', async () => {
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', status: 500 });
    expect((await call(emulator, 'GET', '/jobs/', { token })).status).toBe(200);
    expect((await call(emulator, 'POST', '/timers/v2/timer', { token, json: {} })).status).toBe(
      500,
    );
  });

  it('drops the connection before handling: nothing is created or logged', async () => {
    emulator.clearRequests();
    emulator.setFault({ service: 'timers', path: '/v2/timer', drop: 'before' });
    await expect(
      call(emulator, 'POST', '/v2/timer', { token, json: timerRequest(gcsv4Host.id, guest.id) }),
    ).rejects.toThrow();
    expect(emulator.state().timers).toEqual([]);
    expect(emulator.requests()).toEqual([]);
  });

  it('drops the connection after handling: the timer IS created', async () => {
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'after' });
    await expect(
      call(emulator, 'POST', '/v2/timer', { token, json: timerRequest(gcsv4Host.id, guest.id) }),
    ).rejects.toThrow();
    const jobs = (await call(emulator, 'GET', '/jobs/', { token })).body.jobs as Json[];
    expect(jobs.map((job) => job.name)).toEqual(['emulator test timer']);
  });

  it('delays the answer by real milliseconds', async () => {
    emulator.setFault({ service: 'timers', delay_ms: 150 });
    const started = performance.now();
    expect((await call(emulator, 'GET', '/jobs/', { token })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('lists, clears and validates faults', async () => {
    await control('POST', '/faults', { status: 502, times: 3 });
    expect((await control('GET', '/faults')).body).toEqual([{ status: 502, times: 3 }]);
    await control('DELETE', '/faults');
    expect((await control('GET', '/faults')).body).toEqual([]);
    expect((await control('POST', '/faults', { status: 200 })).status).toBe(400);
    expect((await control('POST', '/faults', { path: '/jobs/' })).status).toBe(400);
    expect((await control('POST', '/faults', { drop: 'sideways' })).status).toBe(400);
  });
});

describe('routing: prefixes and the root give the same answers', () => {
  it.each([
    ['/transfer', `/v0.10/endpoint/${guest.id}`, 'transfer'],
    ['/timers', '/jobs/', 'timers'],
  ])('%s%s', async (prefix, path, kind) => {
    const bearer = kind === 'transfer' ? await transferToken(emulator) : token;
    const root = await call(emulator, 'GET', path, { token: bearer });
    const prefixed = await call(emulator, 'GET', `${prefix}${path}`, { token: bearer });
    expect(root.status).toBe(200);
    expect(prefixed).toEqual(expect.objectContaining({ status: root.status, body: root.body }));
  });

  it('serves tokens at /auth/v2/oauth2/token and /v2/oauth2/token', async () => {
    for (const path of ['/v2/oauth2/token', '/auth/v2/oauth2/token']) {
      const reply = await call(emulator, 'POST', path, {
        basic: DEMO_CLIENT,
        form: { grant_type: 'client_credentials', scope: TRANSFER_SCOPE },
      });
      expect(reply.body.resource_server).toBe('transfer.api.globus.org');
    }
  });

  it('creates timers under both, and a timer made at one address is seen at the other', async () => {
    const request = timerRequest(gcsv4Host.id, guest.id);
    const prefixed = await call(emulator, 'POST', '/timers/v2/timer', { token, json: request });
    expect(prefixed.status).toBe(201);
    const id = prefixed.body.timer.job_id;
    expect((await call(emulator, 'GET', `/jobs/${id}`, { token })).body.job_id).toBe(id);
  });

  it('keeps each service to its own paths under a prefix', async () => {
    expect((await call(emulator, 'GET', '/auth/jobs/', { token })).status).toBe(404);
    expect((await call(emulator, 'GET', '/nowhere', { token })).status).toBe(404);
  });
});
