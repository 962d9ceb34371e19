import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, type Emulator, SEEDED_FLOWS, startEmulator } from '../../emulator/index.js';
import {
  FLOWS_SCOPE,
  type Json,
  call,
  configure,
  flowUserScope,
  flowsToken,
  transferToken,
} from './helpers.js';

const { echo, noInput, pipeline, hidden } = SEEDED_FLOWS;
const OTHER = { id: 'f10e0000-0000-4000-8000-0000000000c2', secret: 'other-secret' };
const UNKNOWN_FLOW = '0f000000-0000-4000-8000-000000000000';
const FLOWS_BASE = 'https://auth.globus.org/scopes/eec9b274-0c81-4334-bdc2-54e90e689b9a';

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ clients: [OTHER], now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  emulator.reset();
  token = await flowsToken(emulator);
});

/** Flows' error document: `{"error": {code, detail}, "debug_id"}`. */
const flowsError = (code: string) => ({
  error: { code, detail: expect.anything() },
  debug_id: expect.any(String),
});

describe('GET /flows/{flow_id}', () => {
  it('answers a seeded flow with the fields of the SDK test data', async () => {
    const reply = await call(emulator, 'GET', `/flows/${echo.id}`, { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: echo.id,
      title: echo.title,
      globus_auth_scope: flowUserScope(echo.id),
      input_schema: {
        type: 'object',
        required: ['echo_string'],
        properties: { echo_string: { type: 'string' } },
      },
      definition: { StartAt: 'Echo', States: { Echo: { Type: 'Action' } } },
      flow_owner: `urn:globus:auth:identity:${echo.owner_id}`,
      created_at: '2026-01-15T12:00:00+00:00',
      subscription_id: null,
      user_role: 'flow_starter',
      user_roles: ['flow_viewer', 'flow_starter'],
      // Only a flow's administrators see who may view and run it.
      flow_viewers: [],
      flow_starters: [],
    });
  });

  it('answers under the /flows prefix the Python SDK keeps, and at the root', async () => {
    const prefixed = await call(emulator, 'GET', `/flows/flows/${noInput.id}`, { token });
    expect(prefixed).toMatchObject({ status: 200, body: { id: noInput.id } });
    const root = await call(emulator, 'GET', `/flows/${noInput.id}`, { token });
    expect(root.body).toEqual({ ...prefixed.body });
    expect(emulator.requests().map(({ service, path }) => [service, path])).toEqual([
      ['auth', '/v2/oauth2/token'],
      ['flows', `/flows/${noInput.id}`],
      ['flows', `/flows/${noInput.id}`],
    ]);
  });

  it('answers 404 NOT_FOUND for a flow nobody has', async () => {
    const reply = await call(emulator, 'GET', `/flows/${UNKNOWN_FLOW}`, { token });
    expect(reply).toMatchObject({ status: 404, body: flowsError('NOT_FOUND') });
    expect(reply.body.error.detail).toContain(UNKNOWN_FLOW);
  });

  it('hides a flow the caller may not see: 404 by default, 403 under hidden_flow_status', async () => {
    const hiddenFlow = () => call(emulator, 'GET', `/flows/${hidden.id}`, { token });
    expect(await hiddenFlow()).toMatchObject({ status: 404, body: flowsError('NOT_FOUND') });
    await configure(emulator, { hidden_flow_status: 403 });
    const refused = await hiddenFlow();
    expect(refused).toMatchObject({ status: 403, body: flowsError('FORBIDDEN') });
    expect(refused.body.error.detail).toContain('Missing permissions: VIEW');
    const unknown = await call(emulator, 'GET', `/flows/${UNKNOWN_FLOW}`, { token });
    expect(unknown.status).toBe(404);
  });

  it('wants a Flows token: none, a Transfer token or an expired one answer 401', async () => {
    const withoutToken = await call(emulator, 'GET', `/flows/${echo.id}`);
    expect(withoutToken).toMatchObject({ status: 401, body: flowsError('AUTHENTICATION_ERROR') });
    const transfer = await transferToken(emulator);
    const withTransfer = await call(emulator, 'GET', `/flows/${echo.id}`, { token: transfer });
    expect(withTransfer.status).toBe(401);
    emulator.expireTokens();
    expect((await call(emulator, 'GET', `/flows/${echo.id}`, { token })).status).toBe(401);
  });

  it('accepts the narrower view_flows scope and refuses a token for runs only', async () => {
    const viewer = await flowsToken(emulator, `${FLOWS_BASE}/view_flows`);
    expect((await call(emulator, 'GET', `/flows/${echo.id}`, { token: viewer })).status).toBe(200);
    const runsOnly = await flowsToken(emulator, `${FLOWS_BASE}/run_status`);
    const reply = await call(emulator, 'GET', `/flows/${echo.id}`, { token: runsOnly });
    expect(reply).toMatchObject({ status: 403, body: flowsError('MISSING_SCOPE') });
  });

  it("answers an injected fault in Flows' error shape", async () => {
    emulator.setFault({ service: 'flows', path: '/flows/', status: 503 });
    const reply = await call(emulator, 'GET', `/flows/flows/${echo.id}`, { token });
    expect(reply).toMatchObject({ status: 503, body: flowsError('SERVICE_UNAVAILABLE') });
    expect((await call(emulator, 'GET', `/flows/${echo.id}`, { token })).status).toBe(200);
  });

  it('answers 422 for an id that is not a UUID', async () => {
    const reply = await call(emulator, 'GET', '/flows/not-a-flow', { token });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({
      code: 'UNPROCESSABLE_ENTITY',
      detail: [{ loc: ['path', 'flow_id'], type: 'type_error.uuid' }],
    });
  });
});

describe('POST /flows/{flow_id}/validate_run', () => {
  const validate = (flowId: string, body: Json) =>
    call(emulator, 'POST', `/flows/${flowId}/validate_run`, { token, json: { body } });
  const goodPipeline = {
    source: { collection_id: echo.id, path: '/data/' },
    destination: { collection_id: echo.id, path: '/backup/' },
    files: ['a.txt'],
  };

  it('accepts input the schema allows', async () => {
    expect(await validate(pipeline.id, goodPipeline)).toMatchObject({
      status: 200,
      body: { message: 'validation successful' },
    });
    expect((await validate(noInput.id, {})).status).toBe(200);
  });

  it('names every problem by JSON path, worded as jsonschema words it', async () => {
    const reply = await validate(pipeline.id, {
      ...goodPipeline,
      source: { path: 7 },
      files: ['a', ''],
      checksum: 'crc32',
      colour: 'red',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'FLOW_INPUT_ERROR',
      message: 'Input failed schema validation with 5 errors.',
    });
    expect(reply.body.error.detail).toEqual(
      expect.arrayContaining([
        { loc: ['$'], type: 'InvalidActionInput', msg: expect.stringContaining("'colour'") },
        {
          loc: ['$.source'],
          type: 'InvalidActionInput',
          msg: "'collection_id' is a required property",
        },
        { loc: ['$.source.path'], type: 'InvalidActionInput', msg: "7 is not of type 'string'" },
        { loc: ['$.files[1]'], type: 'InvalidActionInput', msg: "'' is too short" },
        {
          loc: ['$.checksum'],
          type: 'InvalidActionInput',
          msg: "'crc32' is not one of ['none', 'md5', 'sha256']",
        },
      ]),
    );
  });

  it('refuses the echo flow without echo_string, and any input to the no-input flow', async () => {
    const echoReply = await validate(echo.id, {});
    expect(echoReply.body.error.detail).toEqual([
      { loc: ['$'], type: 'InvalidActionInput', msg: "'echo_string' is a required property" },
    ]);
    expect((await validate(noInput.id, { anything: 1 })).status).toBe(400);
  });

  it('hides a flow the caller may not see', async () => {
    expect((await validate(hidden.id, {})).status).toBe(404);
  });
});

describe('the flows of the control API', () => {
  it('lists the seeded flows', async () => {
    const reply = await call(emulator, 'GET', '/_emulator/flows');
    expect(reply.body).toEqual(Object.values(SEEDED_FLOWS));
    expect(emulator.flows()).toEqual(reply.body);
  });

  it('adds a flow Flows then serves, and a reset forgets it', async () => {
    const spec = {
      id: 'f2000000-0000-4000-8000-00000000f0aa',
      title: 'Mine',
      visibility: 'private',
      owner: DEMO_CLIENT.id,
      input_schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
    };
    const added = await call(emulator, 'POST', '/_emulator/flows', { json: spec });
    expect(added).toMatchObject({
      status: 200,
      body: { id: spec.id, title: 'Mine', visibility: 'private', owner_id: DEMO_CLIENT.id },
    });
    const mine = await call(emulator, 'GET', `/flows/${spec.id}`, { token });
    expect(mine.body).toMatchObject({ input_schema: spec.input_schema, user_role: 'flow_owner' });
    const other = await flowsToken(emulator, FLOWS_SCOPE, OTHER);
    expect((await call(emulator, 'GET', `/flows/${spec.id}`, { token: other })).status).toBe(404);
    expect((await call(emulator, 'POST', '/_emulator/flows', { json: spec })).status).toBe(409);
    emulator.reset();
    expect(emulator.flows().map(({ id }) => id)).not.toContain(spec.id);
  });

  it('gives an added flow a new id and defaults, and refuses a bad one naming every problem', async () => {
    const added = emulator.addFlow({ title: 'Anything goes' });
    expect(added).toMatchObject({ id: expect.any(String), visibility: 'public' });
    const reply = await call(emulator, 'GET', `/flows/${added.id}`, { token });
    expect(reply.body.input_schema).toEqual({ type: 'object' });
    const bad = await call(emulator, 'POST', '/_emulator/flows', {
      json: { id: 'nope', title: '', visibility: 'secret' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('id must be a UUID');
    expect(bad.body.error).toContain('title must be a non-empty string');
    expect(bad.body.error).toContain('visibility must be public or private');
  });
});
