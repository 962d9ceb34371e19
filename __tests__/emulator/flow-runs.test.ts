import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type Emulator,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  startEmulator,
} from '../../emulator/index.js';
import {
  type Json,
  call,
  createTimer,
  flowTimerRequest,
  flowTimersToken,
  flowsToken,
  getJob,
  timerFlowScope,
  timerRequest,
  timersToken,
} from './helpers.js';
import { stalledRunFixture } from '../../__fixtures__/stalled-runs.js';

const { echo, noInput } = SEEDED_FLOWS;
const ECHO_INPUT = { body: { echo_string: 'hello' } };

let emulator: Emulator;
let token: string;

// A fresh emulator per test: the tests speak of absolute virtual times.
beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await flowTimersToken(emulator, [echo.id, noInput.id]);
});
afterEach(async () => {
  await emulator.close();
});

const hourlyEcho = (schedule: Record<string, unknown> = {}, start: Json = ECHO_INPUT) =>
  flowTimerRequest(echo.id, start, {
    name: 'echo hourly',
    schedule: { type: 'recurring', interval_seconds: 3600, ...schedule },
  });

async function getRun(runId: string | undefined): Promise<Json> {
  const reply = await call(emulator, 'GET', `/runs/${runId}`, {
    token: await flowsToken(emulator),
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe("the flow's consent at run time", () => {
  it('makes a timer without the flow inactive at its first run, asking for timer[<flow scope>]', async () => {
    const withoutFlow = await timersToken(emulator);
    const id = await createTimer(emulator, withoutFlow, hourlyEcho());
    expect(emulator.advance(0)).toEqual([
      { job_id: id, ran_at: '2026-11-28T19:00:00+00:00', outcome: 'auth_required' },
    ]);
    const job = await getJob(emulator, withoutFlow, id);
    expect(job).toMatchObject({
      status: 'inactive',
      inactive_reason: {
        cause: 'globus_auth_requirements',
        detail: {
          code: 'ConsentRequired',
          authorization_parameters: { required_scopes: [timerFlowScope(echo.id)] },
        },
      },
      n_runs: 0,
      n_errors: 1,
      activity: { code: 'paused', reason: 'globus_auth_requirements' },
    });
    expect(job.results.data[0]).toMatchObject({
      run_status: 'FAILED',
      resource_id: null,
      data: null,
      errors: { code: 'ConsentRequired' },
    });
    expect(emulator.state().runs).toEqual([]);
    expect(emulator.advance(7200)).toEqual([]);
  });

  it('runs the flow after a resume with a token carrying the flow', async () => {
    const withoutFlow = await timersToken(emulator);
    const id = await createTimer(emulator, withoutFlow, hourlyEcho());
    emulator.advance(0);
    // No update_credentials: a timer stopped for auth requirements renews them anyway.
    expect((await call(emulator, 'POST', `/jobs/${id}/resume`, { token })).status).toBe(200);
    const [run] = emulator.advance(0);
    expect(run).toEqual({
      job_id: id,
      ran_at: '2026-11-28T19:00:00+00:00',
      outcome: 'submitted',
      run_id: expect.any(String),
    });
    expect(await getRun(run?.run_id)).toMatchObject({ status: 'SUCCEEDED', flow_id: echo.id });
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'loaded',
      n_runs: 1,
      n_errors: 1,
    });
  });

  it('stops for auth when the next run was made to fail for auth', async () => {
    const id = await createTimer(emulator, token, hourlyEcho());
    emulator.failNextRun(id, 'auth');
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'auth_required' })]);
  });
});

describe('a Flows run on the virtual clock', () => {
  it('is ACTIVE for run_active_seconds, then SUCCEEDED, in Flows and in the timer results', async () => {
    emulator.configure({ run_active_seconds: 600 });
    const start = { ...ECHO_INPUT, tags: ['t1'], run_monitors: ['urn:globus:auth:identity:x'] };
    const id = await createTimer(emulator, token, hourlyEcho({}, start));
    const [run] = emulator.advance(0);
    const runId = run?.run_id;
    expect(await getRun(runId)).toMatchObject({
      run_id: runId,
      action_id: runId,
      flow_id: echo.id,
      flow_title: echo.title,
      status: 'ACTIVE',
      display_status: 'ACTIVE',
      start_time: '2026-11-28T19:00:00+00:00',
      completion_time: null,
      label: 'echo hourly',
      tags: ['t1'],
      run_monitors: ['urn:globus:auth:identity:x'],
      run_managers: [],
      user_role: 'run_owner',
      details: { code: 'FlowStarting', details: { input: { echo_string: 'hello' } } },
    });
    const active = await getJob(emulator, token, id);
    expect(active.activity).toMatchObject({ code: 'run_in_progress' });
    expect(active.results.data[0]).toMatchObject({
      run_status: 'ACTIVE',
      resource_id: runId,
      end_timestamp: null,
      http_status_submission: 201,
      data: { run_id: runId, action_id: runId, status: 'ACTIVE' },
    });

    emulator.advance(600);
    expect(await getRun(runId)).toMatchObject({
      status: 'SUCCEEDED',
      completion_time: '2026-11-28T19:10:00+00:00',
      details: { code: 'FlowSucceeded' },
    });
    expect((await getJob(emulator, token, id)).results.data[0]).toMatchObject({
      run_status: 'SUCCEEDED',
      end_timestamp: '2026-11-28T19:10:00+00:00',
      next_check_timestamp: null,
      data: { status: 'SUCCEEDED', display_status: 'SUCCEEDED' },
    });
  });

  it('FAILS when the run was made to fail, a run but no error, and the next run succeeds', async () => {
    const id = await createTimer(emulator, token, hourlyEcho());
    emulator.failNextRun(id, 'flow');
    const [failed] = emulator.advance(0);
    expect(failed).toMatchObject({ outcome: 'flow_failed', run_id: expect.any(String) });
    expect(await getRun(failed?.run_id)).toMatchObject({
      status: 'FAILED',
      details: { code: 'FlowFailed' },
    });
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({ status: 'loaded', n_runs: 1, n_errors: 0 });
    expect(job.results.data[0]).toMatchObject({ run_status: 'FAILED', errors: null });
    expect(emulator.advance(3600)).toEqual([expect.objectContaining({ outcome: 'submitted' })]);
  });

  it('stays INACTIVE when made to, and the timer waits for it', async () => {
    const id = await createTimer(emulator, token, hourlyEcho());
    emulator.failNextRun(id, 'flow_inactive');
    const [run] = emulator.advance(0);
    expect(run?.outcome).toBe('flow_inactive');
    expect(await getRun(run?.run_id)).toMatchObject({ status: 'INACTIVE', completion_time: null });
    expect(emulator.advance(3 * 3600)).toEqual([]);
    expect((await getJob(emulator, token, id)).results.data[0].run_status).toBe('INACTIVE');
  });

  it('says what an INACTIVE run waits for in the shape the official CLI captured', async () => {
    const id = await createTimer(emulator, token, hourlyEcho());
    emulator.failNextRun(id, 'flow_inactive');
    const [run] = emulator.advance(0);
    const { details } = await getRun(run?.run_id);
    const captured = stalledRunFixture<Json>('flows_run_inactive_consent_required.json').details;
    expect(Object.keys(details).sort()).toEqual(Object.keys(captured).sort());
    expect(Object.keys(details.action_statuses[0]).sort()).toEqual(
      Object.keys(captured.action_statuses[0]).sort(),
    );
    expect(details).toMatchObject({
      code: 'ConsentRequired',
      required_scope: `https://auth.globus.org/scopes/${echo.id}/flow_${echo.id.replaceAll('-', '_')}_user[urn:globus:auth:scope:transfer.api.globus.org:all]`,
      action_statuses: [{ status: 'INACTIVE', details: { code: 'ConsentRequired' } }],
    });
  });

  it('skips a tick while the previous run is still ACTIVE, and runs at the one after', async () => {
    emulator.configure({ run_active_seconds: 5400 });
    const id = await createTimer(emulator, token, hourlyEcho());
    expect(emulator.advance(0)).toHaveLength(1);
    expect(emulator.advance(3600)).toEqual([]);
    expect(emulator.advance(3600)).toEqual([
      expect.objectContaining({ ran_at: '2026-11-28T21:00:00+00:00', outcome: 'submitted' }),
    ]);
    expect(await getJob(emulator, token, id)).toMatchObject({ n_runs: 2 });
  });
});

describe('starts Flows refuses', () => {
  it('records input the flow refuses as a 400 submission error, and starts no run', async () => {
    const id = await createTimer(emulator, token, hourlyEcho({}, { body: {} }));
    expect(emulator.advance(0)).toEqual([expect.objectContaining({ outcome: 'submission_error' })]);
    const job = await getJob(emulator, token, id);
    expect(job).toMatchObject({ status: 'loaded', n_runs: 1, n_errors: 1 });
    expect(job.results.data[0]).toMatchObject({
      run_status: 'FAILED',
      http_status_submission: 400,
      resource_id: null,
      errors: {
        error: {
          code: 'FLOW_INPUT_ERROR',
          detail: [{ loc: ['$'], msg: "'echo_string' is a required property" }],
        },
      },
    });
    expect(emulator.state().runs).toEqual([]);
  });

  it("answers an injected submission failure with 503 in Flows' error shape", async () => {
    const id = await createTimer(emulator, token, flowTimerRequest(noInput.id));
    emulator.failNextRun(id, 'submission');
    emulator.advance(0);
    const [result] = (await getJob(emulator, token, id)).results.data;
    expect(result).toMatchObject({
      http_status_submission: 503,
      errors: { error: { code: 'SERVICE_UNAVAILABLE' }, debug_id: expect.any(String) },
    });
  });

  it("refuses failure kinds that are not a flow timer's, and flow kinds on transfer timers", async () => {
    const id = await createTimer(emulator, token, flowTimerRequest(noInput.id));
    const failNext = (kind: string) =>
      call(emulator, 'POST', `/_emulator/timers/${id}/fail-next-run`, { json: { kind } });
    expect((await failNext('transfer')).status).toBe(400);
    expect((await failNext('flow_inactive')).status).toBe(200);
    expect(() => emulator.failNextRun(id, 'flow')).not.toThrow();
    const transfer = await createTimer(
      emulator,
      token,
      timerRequest(SEEDED_COLLECTIONS.gcsv4Host.id, SEEDED_COLLECTIONS.guest.id),
    );
    expect(() => emulator.failNextRun(transfer, 'flow')).toThrow('for a transfer timer');
  });
});

describe('end conditions of flow timers', () => {
  it('ends after `count` runs', async () => {
    const id = await createTimer(
      emulator,
      token,
      hourlyEcho({ end: { condition: 'iterations', count: 2 } }),
    );
    expect(emulator.advance(5 * 3600)).toHaveLength(2);
    expect(await getJob(emulator, token, id)).toMatchObject({
      status: 'ended',
      next_run: null,
      n_runs: 2,
      activity: null,
    });
  });

  it('ends when the next tick would pass the end time, keeping its status under next_run_null', async () => {
    emulator.configure({ ended_shape: 'next_run_null' });
    const end = { condition: 'time', datetime: '2026-11-28T20:30:00+00:00' };
    const id = await createTimer(emulator, token, hourlyEcho({ end }));
    expect(emulator.advance(5 * 3600)).toHaveLength(2);
    expect(await getJob(emulator, token, id)).toMatchObject({ status: 'loaded', next_run: null });
  });

  it('runs a once timer once', async () => {
    const id = await createTimer(
      emulator,
      token,
      flowTimerRequest(noInput.id, undefined, { schedule: { type: 'once' } }),
    );
    expect(emulator.advance(0)).toHaveLength(1);
    expect(await getJob(emulator, token, id)).toMatchObject({ status: 'ended', n_runs: 1 });
  });
});
