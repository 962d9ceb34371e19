import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GlobusApiError } from '../../src/globus/errors.js';
import { HttpClient, type HttpOptions } from '../../src/globus/http.js';
import { directConnections } from '../../__fixtures__/connections.js';
import type { Log } from '../../src/ports.js';
import { FakeTime } from '../../__fixtures__/time.js';

type Reply = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback server answering from a script, one reply per request. */
let server: Server;
let base: string;
let script: Reply[] = [];
let seen: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[] =
  [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body });
      const reply = script.shift() ?? json(500, { error: { code: 'ERROR', detail: 'unscripted' } });
      reply(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/timers/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  seen = [];
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}
const drop: Reply = (request) => request.socket.destroy();

function client(overrides: Partial<HttpOptions> = {}) {
  const time = new FakeTime();
  const lines: string[] = [];
  const log: Log = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(m),
    notice: (m) => lines.push(m),
    warning: (m) => lines.push(m),
  };
  const http = new HttpClient({
    urls: { auth: base, transfer: base, timers: base, flows: base, app: base },
    retries: 4,
    deadline: time.clock() + 600_000,
    requestTimeoutMs: 5_000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    log,
    userAgent: 'test',
    transport: directConnections().send,
    ...overrides,
  });
  return { http, time, lines };
}

const get = { service: 'timers' as const, method: 'GET' as const, path: '/jobs/' };

describe('HttpClient', () => {
  it('appends the path to a base URL that carries one, with the query', async () => {
    script = [json(200, { jobs: [] })];
    const { http } = client();
    const response = await http.request({
      ...get,
      query: { filter_name: 'a b', order: undefined },
    });
    expect(response).toEqual({ status: 200, body: { jobs: [] } });
    expect(seen[0]?.url).toBe('/timers/jobs/?filter_name=a+b');
  });

  it('retries 503 with jittered exponential backoff and says so once per retry', async () => {
    script = [json(503, {}), json(502, {}), json(200, { ok: true })];
    const { http, time, lines } = client();
    await expect(http.request(get)).resolves.toMatchObject({ body: { ok: true } });
    expect(time.sleeps).toEqual([500, 1000]);
    expect(lines.filter((line) => line.includes('retrying'))).toHaveLength(2);
  });

  it('honours Retry-After on 429', async () => {
    script = [json(429, {}, { 'retry-after': '7' }), json(200, {})];
    const { http, time } = client();
    await http.request(get);
    expect(time.sleeps).toEqual([7000]);
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const { http, time } = client();
    const at = new Date(Math.ceil(time.clock() / 1000) * 1000 + 9000);
    script = [json(429, {}, { 'retry-after': at.toUTCString() }), json(200, {})];
    await http.request(get);
    expect(time.sleeps).toEqual([at.getTime() - time.clock() + (time.sleeps[0] ?? 0)]);
    expect(time.sleeps[0]).toBeGreaterThan(8000);
    expect(time.sleeps[0]).toBeLessThanOrEqual(9000);
  });

  it.each([
    ['no Retry-After', undefined],
    ['an unreadable Retry-After', 'soon'],
  ])('backs off by itself with %s', async (_case, retryAfter) => {
    script = [json(429, {}, retryAfter ? { 'retry-after': retryAfter } : {}), json(200, {})];
    const { http, time } = client();
    await http.request(get);
    expect(time.sleeps).toEqual([500]);
  });

  it('takes Retry-After: 0 at its word: sends again without waiting', async () => {
    script = [json(429, {}, { 'retry-after': '0' }), json(200, {})];
    const { http, time } = client();
    await http.request(get);
    expect(time.sleeps).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('holds every request of the client after a 429, not only the one refused', async () => {
    // Sleeps hold until the test lets the time pass, so the second request starts mid-pause.
    let clock = 1_000_000;
    const sleeps: number[] = [];
    const waiting: (() => void)[] = [];
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => waiting.push(resolve));
    };
    const passTime = (ms: number) => {
      clock += ms;
      for (const wake of waiting.splice(0)) wake();
    };
    const { http } = client({ clock: () => clock, sleep, deadline: clock + 600_000 });
    script = [json(429, {}, { 'retry-after': '7' }), json(200, {}), json(200, {})];
    const refused = http.request(get);
    while (sleeps.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const later = http.request(get);
    // Turns of the event loop enough for the later request to be sent, were it not held.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    // One sleep, the pause's, which the refused request and the later one both wait out.
    expect(sleeps).toEqual([7000]);
    expect(seen).toHaveLength(1); // the later request waits; it has not been sent
    passTime(7000);
    await Promise.all([refused, later]);
    expect(seen).toHaveLength(3);
  });

  it('lets the other requests of the client go while a 503 with Retry-After waits', async () => {
    // As above, but the refusal is a 503: its Retry-After concerns its own request only.
    let clock = 1_000_000;
    const sleeps: number[] = [];
    const waiting: (() => void)[] = [];
    const sleep = (ms: number) => {
      sleeps.push(ms);
      return new Promise<void>((resolve) => waiting.push(resolve));
    };
    const { http } = client({ clock: () => clock, sleep, deadline: clock + 600_000 });
    script = [json(503, {}, { 'retry-after': '7' }), json(200, {}), json(200, {})];
    const refused = http.request(get);
    while (sleeps.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await http.request(get); // sent and answered while the refused one waits
    expect(seen).toHaveLength(2);
    clock += 7000;
    for (const wake of waiting.splice(0)) wake();
    await refused;
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([7000]);
  });

  it('stops after the configured retries with a GlobusApiError', async () => {
    script = [
      json(503, {}),
      json(503, {}),
      json(503, { error: { code: 'ERROR', detail: 'down' } }),
    ];
    const { http } = client({ retries: 2 });
    const error = await http.request(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlobusApiError);
    expect(error).toMatchObject({ status: 503, code: 'ERROR', detail: 'down', service: 'timers' });
    expect(seen).toHaveLength(3);
  });

  it('does not wait past the deadline', async () => {
    script = [json(429, {}, { 'retry-after': '120' })];
    const time = new FakeTime();
    const { http } = client({
      clock: time.clock,
      sleep: time.sleep,
      deadline: time.clock() + 60_000,
    });
    await expect(http.request(get)).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 422])('never retries %i', async (status) => {
    script = [json(status, { code: 'X', message: 'no' })];
    const { http } = client();
    await expect(http.request(get)).rejects.toMatchObject({ status, code: 'X', detail: 'no' });
    expect(seen).toHaveLength(1);
  });

  it('retries a dropped connection for a repeatable request', async () => {
    script = [drop, json(200, { ok: true })];
    const { http } = client();
    await expect(http.request(get)).resolves.toMatchObject({ body: { ok: true } });
  });

  it('does not re-send a non-repeatable request whose outcome is unknown', async () => {
    const create = {
      ...get,
      method: 'POST' as const,
      path: '/v2/timer',
      json: {},
      repeatable: false,
    };
    script = [drop];
    const { http } = client();
    await expect(http.request(create)).rejects.toMatchObject({
      outcomeUnknown: true,
      status: undefined,
    });
    script = [json(500, {})];
    await expect(http.request(create)).rejects.toMatchObject({ outcomeUnknown: true, status: 500 });
    expect(seen).toHaveLength(2);
  });

  it('does re-send a non-repeatable request refused with 429 (it was not processed)', async () => {
    script = [json(429, {}, { 'retry-after': '1' }), json(201, { timer: {} })];
    const { http } = client();
    const create = {
      ...get,
      method: 'POST' as const,
      path: '/v2/timer',
      json: {},
      repeatable: false,
    };
    await expect(http.request(create)).resolves.toMatchObject({ status: 201 });
  });

  it('sends JSON and form bodies and never logs the Authorization header', async () => {
    script = [json(200, {}), json(200, {})];
    const { http, lines } = client();
    await http.request({ ...get, method: 'POST', json: { a: 1 }, authorization: 'Bearer SECRET' });
    await http.request({
      service: 'auth',
      method: 'POST',
      path: '/v2/oauth2/token',
      form: { scope: 'a[b *c]' },
      authorization: 'Basic SECRET',
    });
    expect(seen[0]).toMatchObject({
      body: '{"a":1}',
      headers: { 'content-type': 'application/json', authorization: 'Bearer SECRET' },
    });
    expect(seen[1]?.body).toBe('scope=a%5Bb+*c%5D');
    expect(seen[1]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(lines.join('\n')).not.toContain('SECRET');
  });

  it('sends nothing once the deadline has passed, but a copy with a new deadline does', async () => {
    const time = new FakeTime();
    const { http } = client({ clock: time.clock, sleep: time.sleep, deadline: time.clock() - 1 });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'Timeout', status: undefined });
    expect(seen).toHaveLength(0);
    script = [json(200, { revoked: true })];
    const later = http.withDeadline(time.clock() + 30_000);
    await expect(later.request(get)).resolves.toMatchObject({ body: { revoked: true } });
  });

  it('counts the requests it sends, retries included', async () => {
    script = [json(503, {}), json(200, {})];
    const { http } = client();
    await http.request(get);
    expect(http.requestsSent).toBe(2);
  });
});
