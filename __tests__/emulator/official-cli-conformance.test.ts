/**
 * Replays every request the official Globus CLI (3.42.0 on globus-sdk 4.9.0, logged in as a
 * client identity) really sent, in order, against the emulator, with real credentials in place
 * of the redacted ones and the emulator's ids in place of the placeholders. Each line must be
 * answered as the real service would answer it. Requests go through the service prefixes,
 * exactly as the CLI sends them with GLOBUS_SDK_SERVICE_URL_AUTH=…/auth/ etc.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixture, recording } from '../../__fixtures__/globus-fixtures.js';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  startEmulator,
} from '../../emulator/index.js';
import {
  type FlowReplay,
  type RecordedFlowRequest,
  expectCreateAnswersLike,
  expectLineAnswered,
  expectResumedOnLatestFlows,
  flowReplayCases,
  startFlowReplay,
} from './flow-conformance.js';
import { type Json, TIMERS_RS, timerScope } from './helpers.js';

interface RecordedRequest {
  service: 'auth' | 'transfer' | 'timer';
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body: Json;
}

const lines = recording<RecordedRequest>('official-cli-requests.jsonl');

const OTHER_CLIENT = { id: '0c1e0000-0000-4000-8000-0000000000b2', secret: 'other-client-secret' };
const PLACEHOLDERS: Record<string, string> = {
  '<MAPPED_COLLECTION_ID>': SEEDED_COLLECTIONS.mappedNonHa.id,
  '<SECOND_MAPPED_COLLECTION_ID>': SEEDED_COLLECTIONS.mappedNonHa2.id,
  '<GUEST_COLLECTION_ID>': SEEDED_COLLECTIONS.guest.id,
  '<GCSV4_HOST_ID>': SEEDED_COLLECTIONS.gcsv4Host.id,
  '<HA_MAPPED_COLLECTION_ID>': SEEDED_COLLECTIONS.mappedHa.id,
  '<CLIENT_ID>': DEMO_CLIENT.id,
  '<OTHER_CLIENT_ID>': OTHER_CLIENT.id,
  // In the revocation forms `<ID>` is the client id (the CLI's only client).
  '<ID>': DEMO_CLIENT.id,
};
const PREFIX = { auth: '/auth', transfer: '/transfer', timer: '/timers' } as const;
const RESOURCE_SERVER = {
  auth: 'auth.globus.org',
  transfer: 'transfer.api.globus.org',
  timer: TIMERS_RS,
} as const;

interface Reply {
  status: number;
  body: Json;
  sent: Json;
}

/** A 422 whose `detail` list names this location. */
const validationErrorAt = (loc: string) => (reply: Reply) => {
  expect(reply.status).toBe(422);
  expect((reply.body.detail as { loc: string[] }[]).map((issue) => issue.loc.join('.'))).toContain(
    loc,
  );
};

/** A Timers error document with this status. */
const timersError = (status: number) => (reply: Reply) => {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({
    error: { code: expect.any(String), detail: expect.any(String), status },
  });
};

/**
 * The lines a real service answers with an error, by line number (1-based), each checked to
 * still be the request we think it is. Every other line is accepted (2xx).
 */
const EXPECTED_ERRORS: Record<
  number,
  { why: string; is: (request: RecordedRequest) => boolean; check: (reply: Reply) => void }
> = {
  52: {
    why: '422: the CLI let a 30-second interval through; Timers wants 60 s to 365 days',
    is: (request) => request.body?.timer?.schedule?.interval_seconds === 30,
    check: validationErrorAt('body.timer.schedule.interval_seconds'),
  },
  55: {
    why: '422: a start on 2028-01-02 is more than a year after the capture (2026-11-28)',
    is: (request) => request.body?.timer?.schedule?.start === '2028-01-02T19:00:32+00:00',
    check: validationErrorAt('body.timer.schedule.start'),
  },
  78: {
    why: '409: the timer was deleted at line 75, so there is nothing left to pause',
    is: (request) => request.method === 'POST' && request.path.endsWith('/pause'),
    check: timersError(409),
  },
};

let emulator: Emulator;
/** The CLI's current token per resource server. */
const held = new Map<string, string>();
/** Tokens the CLI's logout revokes, in order. */
let toRevoke: string[] = [];
const createdTimers: string[] = [];

beforeAll(async () => {
  // The capture was made on 2026-11-28 around 19:00 UTC (see the timer names it holds).
  emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});

/** What the recorder did between requests, by line number, to put the timers in the state the CLI saw. */
const SETUP: Record<number, () => void> = {
  // `globus timer show` / `resume` of a timer that went inactive for auth requirements.
  38: () => emulator.makeInactive(lastTimer(), [timerScope()]),
  // "peer-create-mode": the service answering creates without data_access with 403.
  49: () => emulator.configure({ create_requires_data_access: true }),
  50: () => emulator.configure({ create_requires_data_access: false }),
};

function lastTimer(): string {
  const id = createdTimers.at(-1);
  if (!id) throw new Error('no timer created yet');
  return id;
}

/** A task that exists once the clock has moved on (runs happen only when it does). */
function someTask(): string {
  emulator.advance(0);
  const task = emulator.state().tasks.at(-1)?.task_id;
  if (typeof task !== 'string') throw new Error('no task exists');
  return task;
}

function resolvePath(request: RecordedRequest): string {
  let path = request.path;
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) {
    if (placeholder !== '<ID>') path = path.replaceAll(placeholder, value);
  }
  if (path.includes('<ID>')) {
    path = path.replace('<ID>', path.startsWith('/v0.10/task/') ? someTask() : lastTimer());
  }
  return `${PREFIX[request.service]}${path}`;
}

function resolveBody(request: RecordedRequest): Json {
  if (request.body === null) return null;
  let text = JSON.stringify(request.body);
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) {
    text = text.replaceAll(placeholder, value);
  }
  const body = JSON.parse(text);
  if (body.token === '<redacted>') body.token = toRevoke.shift() ?? 'nothing-left-to-revoke';
  return body;
}

function authorization(request: RecordedRequest): string | undefined {
  const recorded = request.headers.Authorization;
  if (recorded === 'Basic <redacted>') {
    return `Basic ${Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64')}`;
  }
  if (recorded === 'Bearer <redacted>') {
    return `Bearer ${held.get(RESOURCE_SERVER[request.service])}`;
  }
  return undefined;
}

async function replay(request: RecordedRequest): Promise<Reply> {
  const headers: Record<string, string> = { ...request.headers };
  delete headers.Authorization;
  const auth = authorization(request);
  if (auth) headers.Authorization = auth;
  const url = new URL(`${emulator.url}${resolvePath(request)}`);
  for (const [key, values] of Object.entries(request.query)) {
    for (const value of values) url.searchParams.append(key, value);
  }
  const sent = resolveBody(request);
  const form = headers['Content-Type']?.startsWith('application/x-www-form-urlencoded');
  const body =
    sent === null ? undefined : form ? new URLSearchParams(sent).toString() : JSON.stringify(sent);
  const response = await fetch(url, { method: request.method, headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, sent };
}

/** The answer a real service gives to an accepted request of this kind. */
function expectAccepted(request: RecordedRequest, reply: Reply): void {
  const { method, path } = request;
  const route = `${request.service} ${method} ${path}`;
  if (route === 'auth POST /v2/oauth2/token') {
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      access_token: expect.any(String),
      expires_in: 172800,
      token_type: 'Bearer',
    });
    for (const token of [reply.body, ...reply.body.other_tokens]) {
      held.set(token.resource_server, token.access_token);
    }
  } else if (route === 'auth POST /v2/oauth2/token/revoke') {
    expect(reply).toMatchObject({ status: 200, body: { active: false } });
  } else if (route === 'auth GET /v2/oauth2/userinfo') {
    expect(reply).toMatchObject({ status: 200, body: { sub: DEMO_CLIENT.id } });
  } else if (/^auth GET \/v2\/api\/identities\/[^/]+\/consents$/.test(route)) {
    expect(reply).toMatchObject({ status: 200, body: { consents: [] } });
  } else if (route.startsWith('transfer GET /v0.10/endpoint/')) {
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      DATA_TYPE: 'endpoint',
      id: expect.any(String),
      entity_type: expect.any(String),
    });
  } else if (route.startsWith('transfer GET /v0.10/task/')) {
    expect(reply).toMatchObject({
      status: 200,
      body: { DATA_TYPE: 'task', task_id: expect.any(String) },
    });
  } else if (route === 'timer POST /v2/timer') {
    expect(reply.status).toBe(201);
    const { timer } = reply.sent;
    const withoutNulls = Object.fromEntries(
      Object.entries(timer.body).filter(([, value]) => value !== null),
    );
    expect(reply.body.timer).toMatchObject({
      name: timer.name,
      status: 'new',
      number_of_runs: 0,
      body: withoutNulls,
    });
    // Identical creates in a row (the peer-drop-before/after pairs, re-sent by the SDK after a
    // dropped connection) each make a timer: avoiding that duplicate is the client's job.
    expect(createdTimers).not.toContain(reply.body.timer.job_id);
    createdTimers.push(reply.body.timer.job_id);
  } else if (route === 'timer GET /jobs/') {
    expect(reply.status).toBe(200);
    expect(reply.body.jobs).toEqual(
      expect.arrayContaining([expect.objectContaining({ job_id: lastTimer() })]),
    );
  } else if (route === 'timer GET /jobs/<ID>') {
    expect(reply).toMatchObject({
      status: 200,
      body: { job_id: lastTimer(), timer_type: 'transfer' },
    });
  } else if (route === 'timer DELETE /jobs/<ID>') {
    expect(reply).toMatchObject({
      status: 200,
      body: { job_id: lastTimer(), status: 'delete_in_progress' },
    });
  } else if (route === 'timer POST /jobs/<ID>/pause') {
    expect(reply).toMatchObject({
      status: 200,
      body: { message: `Successfully paused job ${lastTimer()}.` },
    });
  } else if (route === 'timer POST /jobs/<ID>/resume') {
    expect(reply).toMatchObject({
      status: 200,
      body: { message: `Successfully resumed job ${lastTimer()}.` },
    });
  } else {
    throw new Error(`no expectation for ${route}: teach this test what the real service answers`);
  }
}

describe('every request of the official Globus CLI is answered as the real services would', () => {
  it('has the recording', () => {
    expect(lines.length).toBeGreaterThanOrEqual(90);
  });

  const cases = lines.map((request, index) => {
    const number = index + 1;
    const expectedError = EXPECTED_ERRORS[number];
    const route = `line ${number}: ${request.service} ${request.method} ${request.path}`;
    return { number, request, title: expectedError ? `${route} → ${expectedError.why}` : route };
  });

  it.each(cases)('$title', async ({ number, request }) => {
    SETUP[number]?.();
    if (request.body?.token === '<redacted>' && toRevoke.length === 0) {
      // The CLI's logout revokes every token it holds, one request per token.
      toRevoke = [...held.values()];
    }
    const reply = await replay(request);
    const expectedError = EXPECTED_ERRORS[number];
    expect(expectedError?.is(request) ?? true).toBe(true);
    (expectedError?.check ?? ((answer: Reply) => expectAccepted(request, answer)))(reply);
  });

  it('revoked one token per resource server at logout', () => {
    const revoked = emulator.state().tokens.filter((token) => token.revoked);
    expect(revoked.map((token) => token.resource_server).sort()).toEqual(
      ['524230d7-ea86-4a52-8312-86065a9e0417', 'auth.globus.org', 'transfer.api.globus.org'].sort(),
    );
  });
});

describe('every request of the official Globus CLI for flow timers is answered as Timers would', () => {
  // The CLI's flow-timer requests, replayed by flow-conformance.ts.
  const flowLines = recording<RecordedFlowRequest>('official-cli-flow-requests.jsonl');
  let flowReplay: FlowReplay;
  beforeAll(async () => {
    flowReplay = await startFlowReplay();
  });
  afterAll(() => flowReplay.emulator.close());

  it('has the recording', () => {
    expect(flowLines.length).toBeGreaterThanOrEqual(27);
  });

  it.each(flowReplayCases(flowLines))('$title', ({ number, request }) =>
    expectLineAnswered(flowReplay, number, request),
  );

  it("left the resumed timer active on the flows of the caller's latest Timers token", () => {
    expectResumedOnLatestFlows(flowReplay);
  });
});

it('answers a flow timer create with the fields of the captured answer, or of the spec', () =>
  expectCreateAnswersLike(
    fixture<{ timer: Json }>('timers_create_timer_response_flow.json').timer,
  ));
