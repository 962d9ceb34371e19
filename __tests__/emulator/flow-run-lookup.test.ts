import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, type Emulator, SEEDED_FLOWS, startEmulator } from '../../emulator/index.js';
import {
  FLOWS_SCOPE,
  type Json,
  call,
  createTimer,
  flowTimerRequest,
  flowTimersToken,
  flowsToken,
  getJob,
  transferToken,
} from './helpers.js';

const { noInput } = SEEDED_FLOWS;
const MONITOR = { id: 'f10e0000-0000-4000-8000-0000000000d3', secret: 'monitor-secret' };
const STRANGER = { id: 'f10e0000-0000-4000-8000-0000000000d4', secret: 'stranger-secret' };
const FLOWS_BASE = 'https://auth.globus.org/scopes/eec9b274-0c81-4334-bdc2-54e90e689b9a';

let emulator: Emulator;
let timers: string;
let flows: string;
let jobId: string;
let runId: string;

beforeAll(async () => {
  emulator = await startEmulator({ clients: [MONITOR, STRANGER], now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  timers = await flowTimersToken(emulator, [noInput.id]);
  flows = await flowsToken(emulator);
  const start = {
    body: {},
    run_monitors: [`urn:globus:auth:identity:${MONITOR.id}`],
    run_managers: ['urn:globus:auth:identity:f10e0000-0000-4000-8000-0000000000d5'],
  };
  jobId = await createTimer(emulator, timers, flowTimerRequest(noInput.id, start));
  runId = emulator.advance(0)[0]?.run_id ?? '';
});

const getRun = (id: string, token?: string, path = `/runs/${id}`) =>
  call(emulator, 'GET', path, { token });

describe('GET /runs/{run_id}', () => {
  it('answers the run to its owner, at the root and under the /flows prefix', async () => {
    const root = await getRun(runId, flows);
    expect(root).toMatchObject({
      status: 200,
      body: {
        run_id: runId,
        run_owner: `urn:globus:auth:identity:${DEMO_CLIENT.id}`,
        created_by: `urn:globus:auth:identity:${DEMO_CLIENT.id}`,
        run_monitors: [`urn:globus:auth:identity:${MONITOR.id}`],
        user_roles: ['run_owner'],
        blocking_web_input_id: null,
      },
    });
    const prefixed = await getRun(runId, flows, `/flows/runs/${runId}`);
    expect(prefixed.body).toEqual(root.body);
  });

  it('adds the flow description when asked to', async () => {
    const reply = await call(emulator, 'GET', `/runs/${runId}?include_flow_description=True`, {
      token: flows,
    });
    expect(reply.body.flow_description).toMatchObject({ id: noInput.id, title: noInput.title });
    expect((await getRun(runId, flows)).body).not.toHaveProperty('flow_description');
  });

  it('shows a run to a monitor it names, without the lists; to anyone else it does not exist', async () => {
    const monitor = await getRun(runId, await flowsToken(emulator, FLOWS_SCOPE, MONITOR));
    expect(monitor).toMatchObject({
      status: 200,
      body: { user_role: 'run_monitor', run_managers: [], run_monitors: [] },
    });
    const stranger = await getRun(runId, await flowsToken(emulator, FLOWS_SCOPE, STRANGER));
    expect(stranger).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('answers 404 for a run nobody has, 401 without a Flows token', async () => {
    const unknown = '0e000000-0000-4000-8000-000000000000';
    expect((await getRun(unknown, flows)).status).toBe(404);
    expect((await getRun(runId)).status).toBe(401);
    expect((await getRun(runId, await transferToken(emulator))).status).toBe(401);
  });

  it('accepts run_status and refuses a token for flows only', async () => {
    const status = await flowsToken(emulator, `${FLOWS_BASE}/run_status`);
    expect((await getRun(runId, status)).status).toBe(200);
    const viewer = await flowsToken(emulator, `${FLOWS_BASE}/view_flows`);
    const refused = await getRun(runId, viewer);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'MISSING_SCOPE' } } });
  });
});

describe("where a flow timer's result keeps its run id", () => {
  const result = async (): Promise<Json> => (await getJob(emulator, timers, jobId)).results.data[0];

  it.each([
    ['resource_id', true],
    // The run's action id is its run id: resource_id names the run here too.
    ['details_only', true],
    ['no_resource_id', false],
  ])('under task_id_location %s', async (location, named) => {
    emulator.configure({ task_id_location: location as 'resource_id' });
    const found = await result();
    expect(found.resource_id).toBe(named ? runId : null);
    expect(found.data).toMatchObject({ run_id: runId, action_id: runId });
  });

  it('under task_id_location data_task_id: no resource_id key, the run id in data', async () => {
    emulator.configure({ task_id_location: 'data_task_id' });
    const found = await result();
    expect(found).not.toHaveProperty('resource_id');
    expect(found.data.run_id).toBe(runId);
  });
});

describe('runs in the state dump', () => {
  it('lists runs as their owner sees them, and a reset forgets them', async () => {
    expect(emulator.state().runs).toEqual([expect.objectContaining({ run_id: runId })]);
    emulator.reset();
    expect(emulator.state().runs).toEqual([]);
  });
});
