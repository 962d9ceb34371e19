import { describe, expect, it } from '@jest/globals';
import { HttpClient, parseRetryAfter, type HttpRequest } from '../../src/globus/http.js';
import type { TransportResponse } from '../../src/globus/transport.js';
import type { Log } from '../../src/ports.js';

/*
 * Which failures the HttpClient retries, what a network failure is called, and how Retry-After
 * is read. The clock stands still and sleeps return at once, so every wait the client decides
 * on shows in `sleeps`, including a wait for a pause it put on itself.
 */

const BASE = 'https://globus.example/';
const NOW = Date.parse('2026-11-28T12:00:00Z');
const quiet: Log = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };

function answer(status: number, body: unknown = {}, headers: Record<string, string> = {}) {
  return { status, headers, text: JSON.stringify(body) };
}

function client(script: (TransportResponse | unknown)[], deadline = NOW + 600_000) {
  const sleeps: number[] = [];
  let sent = 0;
  const http = new HttpClient({
    urls: { auth: BASE, transfer: BASE, timers: BASE, flows: BASE, app: BASE },
    retries: 1,
    deadline,
    requestTimeoutMs: 5_000,
    clock: () => NOW,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    log: quiet,
    userAgent: 'test',
    transport: async () => {
      sent++;
      const step = script.shift();
      if (step === undefined) throw new Error('unscripted request');
      if (step instanceof Error || !('status' in (step as object))) throw step;
      return step as TransportResponse;
    },
  });
  return { http, sleeps, sent: () => sent };
}

const get: HttpRequest = { service: 'timers', method: 'GET', path: '/jobs/' };
const failure = (request: Promise<unknown>) => request.catch((error: unknown) => error);
const coded = (code: string, message = `socket ${code}`) =>
  Object.assign(new Error(message), { code });
const named = (name: string) => Object.assign(new Error('This operation was aborted'), { name });

describe('what a network failure is called', () => {
  it.each([
    [
      'a request timeout',
      named('TimeoutError'),
      'RequestTimeout',
      'no answer before the request timeout',
      true,
    ],
    [
      'an abort',
      named('AbortError'),
      'RequestTimeout',
      'no answer before the request timeout',
      true,
    ],
    [
      // What undici rejects with when the request's signal times out: its code is a number.
      'a request timeout (a DOMException)',
      new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
      'RequestTimeout',
      'no answer before the request timeout',
      true,
    ],
    [
      'undici’s wait for the answer’s headers running out',
      coded('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'),
      'RequestTimeout',
      'no answer before the request timeout',
      true,
    ],
    [
      'undici’s wait for the rest of the body running out',
      coded('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'),
      'RequestTimeout',
      'no answer before the request timeout',
      true,
    ],
    [
      // undici's RequestAbortedError is an AbortError too, but not a timeout of ours.
      'a proxy refusing the tunnel (undici)',
      Object.assign(coded('UND_ERR_ABORTED', 'Proxy response (403) !== 200 when HTTP Tunneling'), {
        name: 'AbortError',
      }),
      'UND_ERR_ABORTED',
      'Proxy response (403) !== 200 when HTTP Tunneling',
      true,
    ],
    ['a refused connection', coded('ECONNREFUSED'), 'ECONNREFUSED', 'connection refused', false],
    [
      'a connection not made in time (undici)',
      coded('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error'),
      'UND_ERR_CONNECT_TIMEOUT',
      'Connect Timeout Error',
      false,
    ],
    [
      'a reset connection',
      coded('ECONNRESET'),
      'ECONNRESET',
      'the connection was closed before an answer came',
      true,
    ],
    [
      'a closed socket (undici)',
      new TypeError('fetch failed', { cause: coded('UND_ERR_SOCKET') }),
      'UND_ERR_SOCKET',
      'the connection was closed before an answer came',
      true,
    ],
    [
      'an unknown host',
      coded('ENOTFOUND', 'getaddrinfo ENOTFOUND globus.example'),
      'ENOTFOUND',
      'getaddrinfo ENOTFOUND globus.example',
      false,
    ],
    [
      'a failure without a code',
      new Error('something broke'),
      'NetworkError',
      'something broke',
      true,
    ],
    ['a failure without a code or message', new Error(''), 'NetworkError', 'NetworkError', true],
  ])('%s', async (_case, thrown, code, detail, outcomeUnknown) => {
    const { http } = client([thrown, thrown]);
    const error = await failure(http.request({ ...get, repeatable: false }));
    expect(error).toMatchObject({ status: undefined, code, detail, outcomeUnknown });
  });
});

describe('which failures are retried', () => {
  it('retries a refused connection even for a create (it never reached the service)', async () => {
    const { http, sleeps } = client([coded('ECONNREFUSED'), answer(201)]);
    await expect(http.request({ ...get, method: 'POST', repeatable: false })).resolves.toEqual({
      status: 201,
      body: {},
    });
    expect(sleeps).toEqual([500]);
  });

  it('retries a lost answer to a repeatable request, even one its transport calls Timeout', async () => {
    // Only the step's own deadline is final; a network error named Timeout is not that.
    const { http, sleeps } = client([coded('Timeout'), answer(200)]);
    await expect(http.request(get)).resolves.toEqual({ status: 200, body: {} });
    expect(sleeps).toEqual([500]);
  });

  it('retries a 429 whatever code its body carries', async () => {
    const { http, sleeps } = client([answer(429, { code: 'Timeout' }), answer(200)]);
    await expect(http.request(get)).resolves.toEqual({ status: 200, body: {} });
    expect(sleeps).toEqual([500]);
  });

  it('does not retry a Transfer failure on the endpoint side', async () => {
    for (const code of ['ExternalError.DirListingFailed', 'EndpointError']) {
      const { http, sent } = client([answer(502, { code, message: 'no' }), answer(200)]);
      const error = await failure(http.request({ ...get, service: 'transfer' }));
      expect(error).toMatchObject({ status: 502, code });
      expect(sent()).toBe(1);
    }
  });

  it('retries a Transfer 503 of its own, and any service whose code merely looks alike', async () => {
    const transfer = client([answer(503, { code: 'ServiceUnavailable' }), answer(200)]);
    await expect(transfer.http.request({ ...get, service: 'transfer' })).resolves.toEqual({
      status: 200,
      body: {},
    });
    const timers = client([answer(503, { error: { code: 'EndpointError' } }), answer(200)]);
    await expect(timers.http.request(get)).resolves.toEqual({ status: 200, body: {} });
    expect([transfer.sent(), timers.sent()]).toEqual([2, 2]);
  });

  it('does not retry when the wait would end exactly at the deadline', async () => {
    const { http, sleeps, sent } = client(
      [answer(429, {}, { 'retry-after': '7' }), answer(200)],
      NOW + 7_000,
    );
    await expect(http.request(get)).rejects.toMatchObject({ status: 429 });
    expect([sleeps, sent()]).toEqual([[], 1]);
  });
});

describe('who waits after a refusal', () => {
  // A request that pauses the whole client waits its retry out in the pause — the one sleep
  // every request it holds shares — rather than in a sleep of its own and then the pause; one
  // that pauses only itself sleeps once.
  it('a 429 with Retry-After pauses the whole client', async () => {
    const { http, sleeps } = client([answer(429, {}, { 'retry-after': '7' }), answer(200)]);
    await http.request(get);
    expect(sleeps).toEqual([7000]);
  });

  it.each([
    ['a 503 with Retry-After', answer(503, {}, { 'retry-after': '7' }), 7000],
    ['a 429 without Retry-After', answer(429), 500],
  ])('%s holds only its own request', async (_case, refusal, wait) => {
    const { http, sleeps } = client([refusal, answer(200)]);
    await http.request(get);
    expect(sleeps).toEqual([wait]);
  });

  // A pause on record (Retry-After: 0, over as soon as it began) must not cut short a later
  // request's own backoff, which ends after it.
  it('a backoff that ends after the pause is slept in full', async () => {
    const { http, sleeps } = client([
      answer(429, {}, { 'retry-after': '0' }),
      answer(200),
      answer(503),
      answer(200),
    ]);
    await http.request(get);
    await http.request(get);
    expect(sleeps).toEqual([500]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds, with the spaces a header may carry', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 7 ', NOW)).toBe(7_000);
  });

  it('reads the HTTP date forms, including those that begin or end with digits', () => {
    // asctime() ends with the year and has no zone: it is local time.
    const local = new Date(2026, 10, 28, 12, 0, 0).getTime();
    expect(parseRetryAfter('Sat Nov 28 12:00:09 2026', local)).toBe(9_000);
    // RFC 5322 without the day of the week begins with the day of the month.
    expect(parseRetryAfter('28 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it.each([undefined, '', '   ', 'soon'])('ignores %p', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
