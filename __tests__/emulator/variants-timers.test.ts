/**
 * The readings of Timers' answers that docs/globus-variants.md leaves open: where authorization
 * requirements sit in an error, what another client's timer answers, what a repeated delete
 * answers, whether a deleted timer still answers, and how far in the past a start may lie.
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
  timerScope,
  timersToken,
} from './helpers.js';

const OTHER_CLIENT = { id: 'b0b00000-0000-4000-8000-000000000000', secret: 'bob-secret' };
const { gcsv4Host, guest, mappedNonHa } = SEEDED_COLLECTIONS;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

describe('auth_requirements_location', () => {
  const authorizationParameters = {
    session_message: expect.any(String),
    required_scopes: [timerScope([mappedNonHa.id])],
  };
  const createNeedingConsent = async (location: string): Promise<Json> => {
    await configure(emulator, {
      create_requires_data_access: true,
      auth_requirements_location: location,
    });
    const reply = await call(emulator, 'POST', '/v2/timer', {
      token,
      json: timerRequest(mappedNonHa.id, guest.id),
    });
    expect(reply.status).toBe(403);
    return reply.body;
  };

  it('top_level (default): the GARE is the whole body', async () => {
    expect(emulator.config().auth_requirements_location).toBe('top_level');
    expect(await createNeedingConsent('top_level')).toEqual({
      code: 'ConsentRequired',
      message: expect.any(String),
      authorization_parameters: authorizationParameters,
    });
  });

  it("error_wrapper: inside Timers' own error wrapper", async () => {
    expect(await createNeedingConsent('error_wrapper')).toEqual({
      error: {
        code: 'ConsentRequired',
        detail: expect.any(String),
        status: 403,
        authorization_parameters: authorizationParameters,
      },
    });
  });

  it('errors_array: inside an errors[] entry', async () => {
    expect(await createNeedingConsent('errors_array')).toEqual({
      errors: [
        {
          code: 'ConsentRequired',
          detail: expect.any(String),
          status: '403',
          authorization_parameters: authorizationParameters,
        },
      ],
    });
  });

  it('refuses an unknown location and creates nothing under any of them', async () => {
    const bad = await call(emulator, 'POST', '/_emulator/config', {
      json: { auth_requirements_location: 'header' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'auth_requirements_location must be one of top_level, error_wrapper, errors_array',
    );
    for (const location of ['top_level', 'error_wrapper', 'errors_array']) {
      await createNeedingConsent(location);
    }
    expect(emulator.state().timers).toEqual([]);
  });
});

describe('foreign_timer_status', () => {
  const operations: [string, string, unknown?][] = [
    ['GET', ''],
    ['PATCH', '', { name: 'taken over' }],
    ['DELETE', ''],
    ['POST', '/pause'],
    ['POST', '/resume'],
  ];
  /** Another client's timer, and what each operation on it answers to the demo client. */
  async function tryForeignTimer(): Promise<{ id: string; replies: Json[] }> {
    const otherToken = await timersToken(emulator, [], OTHER_CLIENT);
    const id = await createTimer(emulator, otherToken, timerRequest(gcsv4Host.id, guest.id));
    const replies = [];
    for (const [method, suffix, json] of operations) {
      replies.push(await call(emulator, method, `/jobs/${id}${suffix}`, { token, json }));
    }
    const untouched = await getJob(emulator, otherToken, id);
    expect(untouched).toMatchObject({ status: 'new', name: 'emulator test timer' });
    return { id, replies };
  }

  it('404 (default): as if the timer did not exist', async () => {
    expect(emulator.config().foreign_timer_status).toBe(404);
    const { id, replies } = await tryForeignTimer();
    for (const reply of replies) {
      expect(reply).toMatchObject({
        status: 404,
        body: { error: { code: 'NOT_FOUND', detail: expect.stringContaining(id), status: 404 } },
      });
    }
  });

  it("403: refused in Timers' error shape; an unknown id is still 404", async () => {
    await configure(emulator, { foreign_timer_status: 403 });
    const { id, replies } = await tryForeignTimer();
    for (const reply of replies) {
      expect(reply).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN', detail: expect.stringContaining(id), status: 403 } },
      });
    }
    const unknown = '0f0f0f0f-0000-4000-8000-000000000000';
    expect((await call(emulator, 'GET', `/jobs/${unknown}`, { token })).status).toBe(404);
  });

  it('refuses any other value, a string "403" included', async () => {
    for (const value of ['403', 401, 200]) {
      const reply = await call(emulator, 'POST', '/_emulator/config', {
        json: { foreign_timer_status: value },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('foreign_timer_status must be one of 404, 403');
    }
  });
});

describe('repeated_delete', () => {
  /** Deletes a timer, then deletes it again while in progress and once it is deleted. */
  async function deleteTwice(): Promise<{ inProgress: Json; deleted: Json }> {
    const id = await createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));
    const first = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    expect(first).toMatchObject({ status: 200, body: { status: 'delete_in_progress' } });
    const inProgress = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    emulator.advance(0);
    const deleted = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    expect((await getJob(emulator, token, id)).status).toBe('deleted');
    return { inProgress, deleted };
  }

  it('ok (default): 200 with the job document each time', async () => {
    expect(emulator.config().repeated_delete).toBe('ok');
    const { inProgress, deleted } = await deleteTwice();
    expect(inProgress).toMatchObject({ status: 200, body: { status: 'delete_in_progress' } });
    expect(deleted).toMatchObject({ status: 200, body: { status: 'deleted' } });
  });

  it('not_found: 404 NOT_FOUND once a delete has begun', async () => {
    await configure(emulator, { repeated_delete: 'not_found' });
    const { inProgress, deleted } = await deleteTwice();
    for (const reply of [inProgress, deleted]) {
      expect(reply).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    }
  });

  it('conflict: 409 CONFLICT naming the status', async () => {
    await configure(emulator, { repeated_delete: 'conflict' });
    const { inProgress, deleted } = await deleteTwice();
    expect(inProgress).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(inProgress.body.error.detail).toContain("'delete_in_progress'");
    expect(deleted).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(deleted.body.error.detail).toContain("'deleted'");
  });

  it('refuses an unknown value', async () => {
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { repeated_delete: 'gone' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('repeated_delete must be one of ok, not_found, conflict');
  });
});

describe('deleted_timers', () => {
  const operations: [string, string, unknown?][] = [
    ['GET', ''],
    ['PATCH', '', { name: 'renamed' }],
    ['POST', '/pause'],
    ['POST', '/resume'],
  ];
  /** A timer whose delete is in progress, what each operation answers, then once it is deleted. */
  async function readWhileAndAfterDelete(): Promise<{ during: Json[]; after: Json[] }> {
    const id = await createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));
    await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    const each = async () => {
      const replies = [];
      for (const [method, suffix, json] of operations) {
        replies.push(await call(emulator, method, `/jobs/${id}${suffix}`, { token, json }));
      }
      return replies;
    };
    const during = await each();
    emulator.advance(0);
    return { during, after: await each() };
  }

  it('kept (default): a deleted timer still reads, and refuses changes with 409', async () => {
    expect(emulator.config().deleted_timers).toBe('kept');
    const { after } = await readWhileAndAfterDelete();
    expect(after.map((reply) => reply.status)).toEqual([200, 409, 409, 409]);
    expect(after[0]?.body.status).toBe('deleted');
  });

  it('gone: once deleted, 404 NOT_FOUND as if it never existed; while being deleted, as kept', async () => {
    await configure(emulator, { deleted_timers: 'gone' });
    const { during, after } = await readWhileAndAfterDelete();
    expect(during.map((reply) => reply.status)).toEqual([200, 409, 409, 409]);
    expect(during[0]?.body.status).toBe('delete_in_progress');
    for (const reply of after) {
      expect(reply).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    }
  });

  it('gone: a DELETE of a deleted timer still answers as repeated_delete says', async () => {
    await configure(emulator, { deleted_timers: 'gone', repeated_delete: 'conflict' });
    const id = await createTimer(emulator, token, timerRequest(gcsv4Host.id, guest.id));
    await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    emulator.advance(0);
    expect((await call(emulator, 'DELETE', `/jobs/${id}`, { token })).status).toBe(409);
    expect((await call(emulator, 'GET', `/jobs/${id}`, { token })).status).toBe(404);
  });

  it('refuses an unknown value', async () => {
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { deleted_timers: 'hidden' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('deleted_timers must be one of kept, gone');
  });
});

describe('start_tolerance_seconds', () => {
  // The clock stands at 2026-11-28T19:00:00Z.
  const createStartingAt = (start: string, type = 'recurring') => {
    const schedule =
      type === 'once' ? { type, datetime: start } : { type, interval_seconds: 3600, start };
    return call(emulator, 'POST', '/v2/timer', {
      token,
      json: timerRequest(gcsv4Host.id, guest.id, { schedule }),
    });
  };
  const pastStart = (field: string) => ({
    detail: [
      {
        loc: ['body', 'timer', 'schedule', field],
        msg: 'must be in the future or close to the current time',
        type: 'value_error',
      },
    ],
  });

  it('300 (default): a start 5 minutes ago is accepted, one a second earlier is not', async () => {
    expect(emulator.config().start_tolerance_seconds).toBe(300);
    expect((await createStartingAt('2026-11-28T18:55:00Z')).status).toBe(201);
    const refused = await createStartingAt('2026-11-28T18:54:59Z');
    expect(refused).toMatchObject({ status: 422, body: pastStart('start') });
  });

  it('0: any past start or once datetime is refused; now itself is accepted', async () => {
    await configure(emulator, { start_tolerance_seconds: 0 });
    const refused = await createStartingAt('2026-11-28T18:59:59Z');
    expect(refused).toMatchObject({ status: 422, body: pastStart('start') });
    const once = await createStartingAt('2026-11-28T18:59:59Z', 'once');
    expect(once).toMatchObject({ status: 422, body: pastStart('datetime') });
    expect((await createStartingAt('2026-11-28T19:00:00Z')).status).toBe(201);
  });

  it('another tolerance, e.g. 3600: an hour back is accepted', async () => {
    await configure(emulator, { start_tolerance_seconds: 3600 });
    expect((await createStartingAt('2026-11-28T18:00:00Z', 'once')).status).toBe(201);
    expect((await createStartingAt('2026-11-28T17:59:59Z', 'once')).status).toBe(422);
  });

  it('refuses a negative or non-numeric tolerance', async () => {
    for (const value of [-1, '300']) {
      const reply = await call(emulator, 'POST', '/_emulator/config', {
        json: { start_tolerance_seconds: value },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('start_tolerance_seconds must be a number ≥ 0');
    }
  });
});
