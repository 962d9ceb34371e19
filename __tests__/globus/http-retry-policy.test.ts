import { describe, expect, it, jest } from '@jest/globals';
import { GlobusApiError } from '../../src/globus/errors.js';
import {
  HttpClient,
  MALFORMED,
  type HttpOptions,
  type HttpRequest,
} from '../../src/globus/http.js';
import type { TransportRequest, TransportResponse } from '../../src/globus/transport.js';
import type { Log } from '../../src/ports.js';
import { FakeTime } from '../../__fixtures__/time.js';

/*
 * The HttpClient's retry policy and messages, driven through an injected transport: each step
 * of the script answers one request (or throws, as a network failure would), and may let the
 * fake clock move to stand for the round trip.
 */

const BASE = 'https://timers.example/';
type Step = TransportResponse | Error | (() => TransportResponse | Error);

function answer(status: number, body: unknown = {}, headers: Record<string, string> = {}) {
  return { status, headers, text: typeof body === 'string' ? body : JSON.stringify(body) };
}
const networkError = (code: string, message = `connect ${code}`) =>
  Object.assign(new Error(message), { code });

function client(script: Step[], overrides: Partial<HttpOptions> = {}) {
  const time = new FakeTime();
  const lines: string[] = [];
  const sent: TransportRequest[] = [];
  const log: Log = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(m),
    notice: (m) => lines.push(m),
    warning: (m) => lines.push(m),
  };
  const http = new HttpClient({
    urls: { auth: BASE, transfer: BASE, timers: BASE, flows: BASE, app: BASE },
    retries: 4,
    deadline: time.clock() + 600_000,
    requestTimeoutMs: 5_000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    log,
    userAgent: 'test-agent',
    transport: async (request) => {
      sent.push(request);
      const step = script.shift();
      if (step === undefined) throw new Error('unscripted request');
      const outcome = typeof step === 'function' ? step() : step;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    ...overrides,
  });
  return { http, time, lines, sent };
}

const get: HttpRequest = { service: 'timers', method: 'GET', path: '/jobs/' };
const failure = (request: Promise<unknown>) => request.catch((error: unknown) => error);

describe('HttpClient retry messages', () => {
  it('tells the user the status, the wait and which attempt comes next', async () => {
    const { http, lines } = client([
      answer(503, { error: { code: 'ERROR', detail: 'down' } }),
      networkError('ECONNREFUSED'),
      answer(200, { ok: true }),
    ]);
    await http.request(get);
    expect(lines.filter((line) => !line.startsWith('debug'))).toEqual([
      'Globus Timers GET /jobs/: 503; retrying in 0.5s (attempt 2 of 5)',
      'Globus Timers GET /jobs/: ECONNREFUSED; retrying in 1.0s (attempt 3 of 5)',
    ]);
  });

  it('logs each round trip with its duration at debug level', async () => {
    const { http, time, lines } = client([
      () => (time.advance(250), networkError('ECONNRESET')),
      () => (time.advance(40), answer(200, {})),
    ]);
    await http.request({ ...get, query: { page: 2 } });
    expect(lines.filter((line) => line.startsWith('debug'))).toEqual([
      `debug GET ${BASE}jobs/?page=2: ECONNRESET after 250 ms`,
      `debug GET ${BASE}jobs/?page=2: 200 (40 ms)`,
    ]);
  });
});

describe('HttpClient requests', () => {
  it('identifies the action and asks for JSON, with a content type only for a body', async () => {
    const { http, sent } = client([answer(200), answer(200)]);
    await http.request(get);
    await http.request({ ...get, method: 'POST', json: { a: 1 } });
    const clientInfo = 'product=globus-timer-action,version=0.1.0';
    const identity = { accept: 'application/json', 'user-agent': 'test-agent' };
    expect(sent.map(({ url, method, headers, body }) => ({ url, method, headers, body }))).toEqual([
      {
        url: `${BASE}jobs/`,
        method: 'GET',
        headers: { ...identity, 'x-globus-client-info': clientInfo },
        body: undefined,
      },
      {
        url: `${BASE}jobs/`,
        method: 'POST',
        headers: {
          ...identity,
          'x-globus-client-info': clientInfo,
          'content-type': 'application/json',
        },
        body: '{"a":1}',
      },
    ]);
  });

  it('gives one request no longer than the time left to the step', async () => {
    const timeout = jest.spyOn(AbortSignal, 'timeout');
    try {
      const time = new FakeTime();
      const { http } = client([answer(200), answer(200)], {
        clock: time.clock,
        deadline: time.clock() + 2_000,
        requestTimeoutMs: 5_000,
      });
      await http.request(get);
      time.advance(1_000);
      await http.request(get);
      expect(timeout.mock.calls).toEqual([[2_000], [1_000]]);
    } finally {
      timeout.mockRestore();
    }
  });

  it('sends nothing when the step has no time left, not even at the deadline itself', async () => {
    const time = new FakeTime();
    const { http, sent } = client([], { clock: time.clock, deadline: time.clock() });
    const error = await failure(http.request(get));
    expect(error).toBeInstanceOf(GlobusApiError);
    expect(error).toMatchObject({
      code: 'Timeout',
      detail: 'the step timeout was reached',
      outcomeUnknown: false,
    });
    expect(sent).toHaveLength(0);
  });

  it('a step out of time fails at once, without drawing a backoff or sleeping', async () => {
    // The deadline alone would also stop the retry; this pins that no backoff is even computed.
    const time = new FakeTime();
    const random = jest.fn(() => 0.5);
    const { http } = client([], { clock: time.clock, deadline: time.clock() - 1, random });
    await expect(http.request(get)).rejects.toMatchObject({ code: 'Timeout' });
    expect(random).not.toHaveBeenCalled();
    expect(time.sleeps).toEqual([]);
  });
});

describe('HttpClient answers', () => {
  it.each([
    ['an empty body', 204, ''],
    ['a body of whitespace', 200, ' \n'],
  ])('accepts a success with %s as having no body', async (_case, status, text) => {
    const { http } = client([{ status, headers: {}, text }]);
    await expect(http.request(get)).resolves.toEqual({ status, body: undefined });
  });

  it('retries a success whose body is not JSON, and says what came back', async () => {
    const page = `<html>${'x'.repeat(300)}</html>`;
    const { http, sent } = client([answer(200, page), answer(200, { ok: true })]);
    await expect(http.request(get)).resolves.toEqual({ status: 200, body: { ok: true } });
    expect(sent).toHaveLength(2);

    const again = client([answer(200, page), answer(200, page)], { retries: 1 });
    const error = (await failure(again.http.request(get))) as GlobusApiError;
    expect(error).toBeInstanceOf(GlobusApiError);
    expect({ ...error, message: error.message }).toEqual({
      name: 'GlobusApiError',
      message: `Globus Timers GET /jobs/: HTTP 200 ${MALFORMED}: ${error.detail}`,
      service: 'timers',
      method: 'GET',
      path: '/jobs/',
      status: 200,
      code: MALFORMED,
      detail: `the answer is not JSON: ${page.slice(0, 200)}… (113 more characters)`,
      outcomeUnknown: true,
    });
  });

  it('does not re-send a create whose success could not be read (it may have been made)', async () => {
    const { http, sent } = client([answer(201, 'created'), answer(201, { timer: {} })]);
    const create: HttpRequest = { ...get, method: 'POST', json: {}, repeatable: false };
    await expect(http.request(create)).rejects.toMatchObject({
      status: 201,
      code: MALFORMED,
      outcomeUnknown: true,
    });
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['the text of a non-JSON error', answer(404, 'Not Found'), 'Not Found'],
    ['the status when the error has no body', answer(502, ''), 'HTTP 502'],
  ])('describes an error by %s', async (_case, response, detail) => {
    const { http } = client([response], { retries: 0 });
    const error = await failure(http.request(get));
    expect(error).toMatchObject({ status: response.status, detail });
  });
});
