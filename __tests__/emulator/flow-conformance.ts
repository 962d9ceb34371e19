/**
 * The replay of `official-cli-flow-requests.jsonl`: every request the official Globus CLI
 * (3.42.0 on globus-sdk 4.9.0, logged in as a client identity) sent for `globus timer create
 * flow`, `show`, `list`, `delete` and `resume` of flow timers, in order, against the emulator,
 * with real credentials in place of the redacted ones and seeded flows in place of the
 * placeholders. Requests go through the service prefixes, as the CLI sends them with
 * GLOBUS_SDK_SERVICE_URL_FLOWS=…/flows/ etc. official-cli-conformance.test.ts reads the
 * recording (__fixtures__/globus-api/) and runs each line through
 * `expectLineAnswered`; it also compares the create answer with the captured one.
 */
import { expect } from '@jest/globals';
import { DEMO_CLIENT, type Emulator, SEEDED_FLOWS, startEmulator } from '../../emulator/index.js';
import {
  FLOWS_RS,
  type Json,
  TIMERS_RS,
  call,
  flowTimerRequest,
  flowTimersToken,
  flowUserScope,
} from './helpers.js';

export interface RecordedFlowRequest {
  service: 'auth' | 'flows' | 'timer';
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body: Json;
}

interface Reply {
  status: number;
  body: Json;
  sent: Json;
}

const { echo, noInput, hidden } = SEEDED_FLOWS;
const OTHER_CLIENT = { id: '0c1e0000-0000-4000-8000-0000000000b2', secret: 'other-client-secret' };
const underscored = (id: string) => id.replaceAll('-', '_');
const PLACEHOLDERS: Record<string, string> = {
  '<FLOW_ID>': echo.id,
  '<FLOW_ID_UNDERSCORED>': underscored(echo.id),
  '<NO_INPUT_FLOW_ID>': noInput.id,
  '<NO_INPUT_FLOW_ID_UNDERSCORED>': underscored(noInput.id),
  '<CLIENT_ID>': DEMO_CLIENT.id,
  '<OTHER_CLIENT_ID>': OTHER_CLIENT.id,
};
const PREFIX = { auth: '/auth', flows: '/flows', timer: '/timers' } as const;
const RESOURCE_SERVER = { auth: 'auth.globus.org', flows: FLOWS_RS, timer: TIMERS_RS } as const;

/**
 * The lines a real service answers with an error, by line number (1-based), each checked to
 * still be the request we think it is. Every other line is accepted (2xx).
 */
const EXPECTED_ERRORS: Record<
  number,
  { why: string; is: (request: RecordedFlowRequest) => boolean; check: (reply: Reply) => void }
> = {
  17: {
    why:
      "404: `timer create flow` looks the flow up first and stops on a 404 ('No flow " +
      "discovered'), so no create follows; here, a flow the client may not see",
    is: (request) => request.service === 'flows' && request.path === '/flows/<ID>',
    check: (reply) => {
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({
        error: { code: 'NOT_FOUND', detail: expect.any(String) },
        debug_id: expect.any(String),
      });
    },
  },
};

/** The test cases, one per line, titled with the request and, for errors, why. */
export function flowReplayCases(lines: RecordedFlowRequest[]) {
  return lines.map((request, index) => {
    const number = index + 1;
    const expectedError = EXPECTED_ERRORS[number];
    const route = `line ${number}: ${request.service} ${request.method} ${request.path}`;
    return { number, request, title: expectedError ? `${route} → ${expectedError.why}` : route };
  });
}

/** One emulator the recording is replayed against, line after line, and what it has seen. */
export interface FlowReplay {
  emulator: Emulator;
  /** The CLI's current token per resource server. */
  held: Map<string, string>;
  createdTimers: string[];
  /** The timer `/jobs/<ID>` means once the recorder turns from the last one created. */
  turnedTo: string | undefined;
}

export async function startFlowReplay(): Promise<FlowReplay> {
  // The capture was made on 2026-11-28 (see the transfer recording).
  const emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
  return { emulator, held: new Map(), createdTimers: [], turnedTo: undefined };
}

/** The timer `/jobs/<ID>` means: the last one created, until the recorder turns to another. */
export const subjectOf = (replay: FlowReplay): string =>
  replay.turnedTo ?? replay.createdTimers.at(-1) ?? 'no-timer-yet';

/** What the recorder did between requests, by line number. */
const SETUP: Record<number, (replay: FlowReplay) => void> = {
  // `show` and `resume` of a timer stopped for its flow's consent (the CLI then checks the
  // identity's consents): the first timer, whose run was made to fail for auth.
  22: (replay) => {
    const first = replay.createdTimers[0] ?? '';
    replay.turnedTo = first;
    replay.emulator.failNextRun(first, 'auth');
    replay.emulator.advance(0);
  },
};

/** Sends line `number` and checks the answer is the real service's. */
export async function expectLineAnswered(
  replay: FlowReplay,
  number: number,
  request: RecordedFlowRequest,
): Promise<void> {
  SETUP[number]?.(replay);
  const reply = await send(replay, request);
  const expectedError = EXPECTED_ERRORS[number];
  expect(expectedError?.is(request) ?? true).toBe(true);
  (expectedError?.check ?? ((answer: Reply) => expectAccepted(replay, request, answer)))(reply);
}

function resolve(replay: FlowReplay, text: string): string {
  let resolved = text;
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) {
    resolved = resolved.replaceAll(placeholder, value);
  }
  // `/flows/<ID>`: a flow the CLI was not allowed to see; `/jobs/<ID>`: the subject timer.
  return resolved.replace('<ID>', resolved.startsWith('/flows/') ? hidden.id : subjectOf(replay));
}

function authorization(replay: FlowReplay, request: RecordedFlowRequest): string | undefined {
  const recorded = request.headers.Authorization;
  if (recorded === 'Basic <redacted>') {
    const credentials = `${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  if (recorded === 'Bearer <redacted>') {
    return `Bearer ${replay.held.get(RESOURCE_SERVER[request.service])}`;
  }
  return undefined;
}

async function send(replay: FlowReplay, request: RecordedFlowRequest): Promise<Reply> {
  const headers: Record<string, string> = { ...request.headers };
  delete headers.Authorization;
  const auth = authorization(replay, request);
  if (auth) headers.Authorization = auth;
  const path = `${PREFIX[request.service]}${resolve(replay, request.path)}`;
  const url = new URL(`${replay.emulator.url}${path}`);
  for (const [key, values] of Object.entries(request.query)) {
    for (const value of values) url.searchParams.append(key, value);
  }
  const sent =
    request.body === null ? null : JSON.parse(resolve(replay, JSON.stringify(request.body)));
  const form = headers['Content-Type']?.startsWith('application/x-www-form-urlencoded');
  const encode = (value: Json) =>
    form ? new URLSearchParams(value).toString() : JSON.stringify(value);
  const body = sent === null ? undefined : encode(sent);
  const response = await fetch(url, { method: request.method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, sent };
}

/** The answer a real service gives to an accepted request of this kind. */
function expectAccepted(replay: FlowReplay, request: RecordedFlowRequest, reply: Reply): void {
  const route = `${request.service} ${request.method} ${request.path}`;
  const subject = subjectOf(replay);
  if (route === 'auth POST /v2/oauth2/token') {
    expectTokens(replay, reply);
  } else if (/^auth GET \/v2\/api\/identities\/[^/]+\/consents$/.test(route)) {
    expect(reply).toMatchObject({ status: 200, body: { consents: [] } });
  } else if (route.startsWith('flows GET /flows/<')) {
    const id = resolve(replay, request.path).slice('/flows/'.length);
    expect(reply).toMatchObject({
      status: 200,
      body: { id, globus_auth_scope: flowUserScope(id) },
    });
  } else if (route === 'timer POST /v2/timer') {
    expectCreated(replay, reply);
  } else if (route === 'timer GET /jobs/') {
    expect(reply.status).toBe(200);
    expect(reply.body.jobs.map((job: Json) => [job.job_id, job.timer_type])).toEqual(
      replay.createdTimers.map((id) => [id, 'flow']),
    );
  } else if (route === 'timer GET /jobs/<ID>') {
    // The timer the recorder turned to is stopped for its flow's consent: the CLI's resume then
    // checks the identity's consents, as the recording shows.
    const stopped = { status: 'inactive', inactive_reason: { cause: 'globus_auth_requirements' } };
    const shown = { job_id: subject, timer_type: 'flow', ...(replay.turnedTo ? stopped : {}) };
    expect(reply).toMatchObject({ status: 200, body: shown });
  } else if (route === 'timer DELETE /jobs/<ID>') {
    expect(reply).toMatchObject({
      status: 200,
      body: { job_id: subject, status: 'delete_in_progress' },
    });
  } else if (route === 'timer POST /jobs/<ID>/resume') {
    expect(reply).toMatchObject({
      status: 200,
      body: { message: `Successfully resumed job ${subject}.` },
    });
  } else {
    throw new Error(`no expectation for ${route}: teach this test what the service answers`);
  }
}

function expectTokens(replay: FlowReplay, reply: Reply): void {
  expect(reply.status).toBe(200);
  expect(reply.body).toMatchObject({ expires_in: 172800, token_type: 'Bearer' });
  for (const token of [reply.body, ...reply.body.other_tokens]) {
    replay.held.set(token.resource_server, token.access_token);
  }
  // The CLI's two top-level timer scopes (transfer, flow) make one token carrying the flow.
  const flowScope = /flow_([0-9a-f_]{36})_user/.exec(String(reply.sent.scope));
  if (!flowScope) return;
  expect(replay.emulator.state().tokens.at(-1)).toMatchObject({
    resource_server: TIMERS_RS,
    flows: [flowScope[1]?.replaceAll('_', '-')],
  });
}

function expectCreated(replay: FlowReplay, reply: Reply): void {
  expect(reply.status).toBe(201);
  const { timer } = reply.sent;
  expect(reply.body.timer).toMatchObject({
    timer_type: 'flow',
    flow_id: timer.flow_id,
    name: timer.name,
    body: timer.body,
    status: 'new',
    number_of_runs: 0,
    number_of_errors: 0,
  });
  replay.createdTimers.push(reply.body.timer.job_id);
}

/** After the replay: the resumed timer is active again, on the flows of the latest Timers token. */
export function expectResumedOnLatestFlows(replay: FlowReplay): void {
  const { timers, tokens } = replay.emulator.state();
  const resumed = timers.find((timer) => timer.job_id === subjectOf(replay));
  const latest = tokens.filter((token) => token.resource_server === TIMERS_RS).at(-1);
  expect(resumed).toMatchObject({ status: 'new', inactive_reason: null });
  expect(resumed?.credentials.flows).toEqual(latest?.flows);
  expect(latest?.flows).toEqual([noInput.id]);
}

/**
 * The create answer under `flow_create_shape: job` has exactly the captured document's fields
 * (`timers_create_timer_response_flow.json`), and under the default `v2` exactly the spec's.
 */
export async function expectCreateAnswersLike(captured: Json): Promise<void> {
  const emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  try {
    const job = await createUnder(emulator, 'job', captured);
    expect(Object.keys(job).sort()).toEqual(Object.keys(captured).sort());
    expect(job).toMatchObject({
      callback_body: captured.callback_body,
      callback_url: `https://flows.automate.globus.org/flows/${echo.id}/run`,
      scope: flowUserScope(echo.id),
      interval: null,
      results: [],
      stop_after: captured.stop_after,
      status: captured.status,
      timer_type: 'flow',
    });
    const v2 = await createUnder(emulator, 'v2', captured);
    expect(Object.keys(v2).sort()).toEqual(V2_FLOW_TIMER_READ_FIELDS);
  } finally {
    await emulator.close();
  }
}

/** The captured timer created again, a once timer of the echo flow with its start document. */
async function createUnder(emulator: Emulator, shape: 'v2' | 'job', captured: Json): Promise<Json> {
  emulator.configure({ flow_create_shape: shape });
  const schedule = { type: 'once', datetime: '2026-11-29T05:00:00+00:00' };
  const request = flowTimerRequest(echo.id, captured.callback_body, {
    name: captured.name,
    schedule,
  });
  const token = await flowTimersToken(emulator, [echo.id]);
  const reply = await call(emulator, 'POST', '/v2/timer', { token, json: request });
  expect(reply.status).toBe(201);
  return reply.body.timer;
}

/** `V2FlowTimerRead` in the Timers OpenAPI types (the JS SDK's `src/open-api/types/timers.ts`). */
const V2_FLOW_TIMER_READ_FIELDS = [
  'activity',
  'body',
  'flow_id',
  'inactive_reason',
  'job_id',
  'last_ran_at',
  'name',
  'next_run',
  'number_of_errors',
  'number_of_runs',
  'schedule',
  'status',
  'submitted_at',
  'timer_type',
];
