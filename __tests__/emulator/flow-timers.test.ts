import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  startEmulator,
} from '../../emulator/index.js';
import {
  type Json,
  call,
  configure,
  createTimer,
  flowTimerRequest,
  flowTimersToken,
  flowUserScope,
  getJob,
  timerFlowScope,
  timerRequest,
  timersToken,
} from './helpers.js';

const { echo, noInput, pipeline, hidden } = SEEDED_FLOWS;
const { gcsv4Host, guest } = SEEDED_COLLECTIONS;
const MANAGER = 'urn:globus:auth:identity:5b08acc2-13a5-4f07-9a1b-195060c40eb7';

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  token = await flowTimersToken(emulator, [echo.id, noInput.id, pipeline.id]);
});

const create = (request: Json, withToken = token) =>
  call(emulator, 'POST', '/v2/timer', { token: withToken, json: request });

describe('POST /v2/timer with timer_type "flow"', () => {
  it("answers 201 with V2FlowTimerRead, the body echoed, and keeps the caller's flows", async () => {
    const start = { body: { echo_string: 'hello' }, tags: ['nightly'], run_managers: [MANAGER] };
    const reply = await create(flowTimerRequest(echo.id, start, { name: 'echo hourly' }));
    expect(reply.status).toBe(201);
    expect(reply.body.timer).toEqual({
      body: { body: { echo_string: 'hello' }, run_managers: [MANAGER], tags: ['nightly'] },
      inactive_reason: null,
      job_id: expect.any(String),
      last_ran_at: null,
      name: 'echo hourly',
      next_run: '2026-11-28T19:00:00+00:00',
      number_of_errors: 0,
      number_of_runs: 0,
      schedule: { type: 'recurring', interval_seconds: 3600, start: '2026-11-28T19:00:00+00:00' },
      status: 'new',
      submitted_at: '2026-11-28T19:00:00+00:00',
      timer_type: 'flow',
      flow_id: echo.id,
      activity: { code: 'awaiting_next_run', next_run: '2026-11-28T19:00:00+00:00' },
    });
    const [stored] = emulator.state().timers;
    expect(stored?.credentials).toEqual({
      data_access: [],
      flows: [echo.id, noInput.id, pipeline.id],
    });
  });

  it('does not read the input: Flows checks it when a run starts', async () => {
    // The official CLI created a timer of the echo flow with `{"body": {}}`.
    expect((await create(flowTimerRequest(echo.id, { body: {} }))).status).toBe(201);
  });

  it('takes the flow id in any case and writes it canonically', async () => {
    const reply = await create(flowTimerRequest(echo.id.toUpperCase()));
    expect(reply.body.timer.flow_id).toBe(echo.id);
  });

  it.each([
    ['no flow_id', { flow_id: undefined }, ['flow_id'], 'value_error.missing'],
    ['a flow_id that is not a UUID', { flow_id: 'echo' }, ['flow_id'], 'type_error.uuid'],
    [
      'a transfer-only field',
      { resource_server: 'transfer.api.globus.org' },
      ['resource_server'],
      'value_error.extra',
    ],
    ['no body', { body: undefined }, ['body'], 'value_error.missing'],
    ['a body without body', { body: { tags: ['x'] } }, ['body', 'body'], 'value_error.missing'],
    [
      'an input that is not an object',
      { body: { body: ['x'] } },
      ['body', 'body'],
      'type_error.dict',
    ],
    [
      'an unknown body field',
      { body: { body: {}, label: 'x' } },
      ['body', 'label'],
      'value_error.extra',
    ],
    [
      'tags that are not strings',
      { body: { body: {}, tags: [1] } },
      ['body', 'tags', 0],
      'type_error.str',
    ],
    [
      'run_monitors not a list',
      { body: { body: {}, run_monitors: MANAGER } },
      ['body', 'run_monitors'],
      'type_error.list',
    ],
  ])('refuses %s with 422', async (_case, overrides, loc, type) => {
    const reply = await create(flowTimerRequest(echo.id, { body: {} }, overrides));
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toEqual(
      expect.arrayContaining([{ loc: ['body', 'timer', ...loc], msg: expect.any(String), type }]),
    );
    expect(emulator.state().timers).toHaveLength(0);
  });

  it('refuses a flow nobody has, and one the caller may not see, as a bad flow_id', async () => {
    for (const flowId of ['0f000000-0000-4000-8000-000000000000', hidden.id]) {
      const reply = await create(flowTimerRequest(flowId));
      expect(reply.status).toBe(422);
      expect(reply.body.detail).toEqual([
        {
          loc: ['body', 'timer', 'flow_id'],
          msg: expect.stringContaining(flowId),
          type: 'value_error',
        },
      ]);
    }
    expect(emulator.state().timers).toHaveLength(0);
  });

  it("accepts the caller's own private flow", async () => {
    const mine = emulator.addFlow({ title: 'mine', visibility: 'private', owner: DEMO_CLIENT.id });
    expect((await create(flowTimerRequest(mine.id))).status).toBe(201);
  });

  it('answers 403 ConsentRequired without the flow under create_requires_flow_consent', async () => {
    await configure(emulator, { create_requires_flow_consent: true });
    const withoutFlow = await timersToken(emulator);
    const refused = await create(flowTimerRequest(echo.id), withoutFlow);
    expect(refused).toMatchObject({
      status: 403,
      body: {
        code: 'ConsentRequired',
        authorization_parameters: { required_scopes: [timerFlowScope(echo.id)] },
      },
    });
    expect((await create(flowTimerRequest(echo.id))).status).toBe(201);
  });

  it('answers the captured job-style document under flow_create_shape: job', async () => {
    await configure(emulator, { flow_create_shape: 'job' });
    const start = { body: { input_key: 'input_value' }, run_managers: [MANAGER] };
    const once = { type: 'once', datetime: '2026-11-29T05:00:00+00:00' };
    const reply = await create(flowTimerRequest(echo.id, start, { schedule: once }));
    expect(reply.status).toBe(201);
    expect(reply.body.timer).toMatchObject({
      callback_body: start,
      callback_url: `https://flows.automate.globus.org/flows/${echo.id}/run`,
      interval: null,
      n_runs: 0,
      n_errors: 0,
      results: [],
      scope: flowUserScope(echo.id),
      stop_after: { date: null, n_runs: 1 },
      timer_type: 'flow',
    });
    expect(reply.body.timer).not.toHaveProperty('activity');
    expect(reply.body.timer).not.toHaveProperty('flow_id');
  });
});

describe('flow timers under /jobs/', () => {
  it('shows a flow timer as FlowTimerRead: the flow run callback, its body and scope', async () => {
    const start = { body: { echo_string: 'hi' }, run_monitors: [MANAGER] };
    const id = await createTimer(emulator, token, flowTimerRequest(echo.id, start));
    expect(await getJob(emulator, token, id)).toMatchObject({
      job_id: id,
      timer_type: 'flow',
      flow_id: echo.id,
      callback_url: `https://flows.automate.globus.org/flows/${echo.id}/run`,
      callback_body: start,
      scope: flowUserScope(echo.id),
      status: 'new',
      n_runs: 0,
      n_errors: 0,
      interval: 3600,
      results: { data: [], page_next: null },
    });
  });

  it('lists flow timers beside transfer timers, and filters them alike', async () => {
    const transfer = await createTimer(
      emulator,
      token,
      timerRequest(gcsv4Host.id, guest.id, { name: 'copy' }),
    );
    const flow = await createTimer(
      emulator,
      token,
      flowTimerRequest(noInput.id, undefined, { name: 'flow' }),
    );
    const all = await call(emulator, 'GET', '/jobs/?order=submitted_at asc', { token });
    expect(all.body.jobs.map((job: Json) => [job.job_id, job.timer_type])).toEqual([
      [transfer, 'transfer'],
      [flow, 'flow'],
    ]);
    const named = await call(emulator, 'GET', '/jobs/?filter_name=flo', { token });
    expect(named.body.jobs.map((job: Json) => job.job_id)).toEqual([flow]);
  });

  it('pauses, resumes, renames and deletes a flow timer as a transfer timer', async () => {
    const id = await createTimer(emulator, token, flowTimerRequest(noInput.id));
    expect((await call(emulator, 'POST', `/jobs/${id}/pause`, { token })).status).toBe(200);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'inactive',
      inactive_reason: { cause: 'user' },
    });
    expect((await call(emulator, 'POST', `/jobs/${id}/resume`, { token })).status).toBe(200);
    const renamed = await call(emulator, 'PATCH', `/jobs/${id}`, { token, json: { name: 'new' } });
    expect(renamed.body).toMatchObject({ name: 'new', status: 'new', timer_type: 'flow' });
    const deleted = await call(emulator, 'DELETE', `/jobs/${id}`, { token });
    expect(deleted.body).toMatchObject({ status: 'delete_in_progress', flow_id: noInput.id });
    emulator.advance(0);
    expect((await getJob(emulator, token, id)).status).toBe('deleted');
  });

  it("renews the stored flows from the caller's token on resume with update_credentials", async () => {
    const before = await flowTimersToken(emulator, [noInput.id]);
    const id = await createTimer(emulator, before, flowTimerRequest(echo.id));
    const stored = () => emulator.state().timers.find((timer) => timer.job_id === id)?.credentials;
    expect(stored()).toEqual({ data_access: [], flows: [noInput.id] });
    await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    await call(emulator, 'POST', `/jobs/${id}/resume`, {
      token,
      json: { update_credentials: false },
    });
    expect(stored()?.flows).toEqual([noInput.id]);
    await call(emulator, 'POST', `/jobs/${id}/pause`, { token });
    await call(emulator, 'POST', `/jobs/${id}/resume?update_credentials=true`, { token });
    expect(stored()?.flows).toEqual([echo.id, noInput.id, pipeline.id]);
  });
});
