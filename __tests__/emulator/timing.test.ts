/**
 * Real-time behaviour for performance tests: a fixed latency before every service reply, the
 * request log's arrival and answer times, and the depth of a request sequence.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type Emulator,
  type TimedRequest,
  requestDepth,
  startEmulator,
} from '../../emulator/index.js';
import { call, configure, timersToken } from './helpers.js';

const LATENCY_MS = 30;
// Node may fire a timer up to a millisecond early; the reply still took the latency.
const AT_LEAST = LATENCY_MS - 1;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
  emulator.clearRequests();
});
afterEach(async () => {
  await emulator.close();
});

const listJobs = () => call(emulator, 'GET', '/jobs/', { token });

describe('latency_ms', () => {
  it('delays every service reply by at least latency_ms of real time', async () => {
    await configure(emulator, { latency_ms: LATENCY_MS });
    for (const request of [
      listJobs,
      () => call(emulator, 'GET', '/v0.10/endpoint/unknown', { token }),
      () => call(emulator, 'POST', '/v2/oauth2/token', { form: { grant_type: 'x' } }),
    ]) {
      const started = performance.now();
      await request();
      expect(performance.now() - started).toBeGreaterThanOrEqual(AT_LEAST);
    }
    const [entry] = emulator.requests();
    expect((entry?.answered_ms ?? 0) - (entry?.received_ms ?? 0)).toBeGreaterThanOrEqual(AT_LEAST);
  });

  it('adds to a fault delay', async () => {
    await configure(emulator, { latency_ms: LATENCY_MS });
    emulator.setFault({ service: 'timers', delay_ms: LATENCY_MS });
    const started = performance.now();
    await listJobs();
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * LATENCY_MS - 1);
  });

  it('leaves control routes alone', async () => {
    await configure(emulator, { latency_ms: 5000 });
    const started = performance.now();
    expect((await call(emulator, 'GET', '/_emulator/clock')).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('is 0 by default and refuses a negative or non-numeric value', async () => {
    expect(emulator.config().latency_ms).toBe(0);
    for (const value of [-1, '30']) {
      const reply = await call(emulator, 'POST', '/_emulator/config', {
        json: { latency_ms: value },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe('latency_ms must be a number ≥ 0');
    }
  });
});

describe('request timing in the log', () => {
  it('records when each request arrived and was answered, since the emulator started', async () => {
    await listJobs();
    await listJobs();
    const [first, second] = emulator.requests();
    expect(first?.received_ms).toBeGreaterThan(0);
    expect(first?.answered_ms).toBeGreaterThanOrEqual(first?.received_ms ?? Infinity);
    expect(second?.received_ms).toBeGreaterThanOrEqual(first?.answered_ms ?? Infinity);
    expect(requestDepth(emulator.requests())).toBe(2);
  });

  it('has answered_ms null while the request is still being answered', async () => {
    emulator.setFault({ service: 'timers', delay_ms: LATENCY_MS });
    const pending = listJobs();
    // The control API answers at once, while the delayed request waits.
    let log = (await call(emulator, 'GET', '/_emulator/requests')).body;
    while (log.length === 0) log = (await call(emulator, 'GET', '/_emulator/requests')).body;
    expect(log[0].answered_ms).toBeNull();
    await pending;
    expect(emulator.requests()[0]?.answered_ms).toEqual(expect.any(Number));
  });

  it('counts requests sent together as one round', async () => {
    await configure(emulator, { latency_ms: LATENCY_MS });
    await Promise.all([listJobs(), listJobs(), listJobs()]);
    expect(requestDepth(emulator.requests())).toBe(1);
    await listJobs();
    expect(emulator.requests()).toHaveLength(4);
    expect(requestDepth(emulator.requests())).toBe(2);
  });
});

describe('requestDepth', () => {
  const timed = (received_ms: number, answered_ms: number | null): TimedRequest => ({
    received_ms,
    answered_ms,
  });

  it('is 0 for no requests and 1 for requests that all overlap', () => {
    expect(requestDepth([])).toBe(0);
    expect(requestDepth([timed(0, 10), timed(1, 12), timed(9, 11)])).toBe(1);
  });

  it('is the longest chain of each request arriving after the previous was answered', () => {
    // a 0–10 and b 1–5 overlap; c 6–12 follows b; d 11–20 follows a or b; e 13–14 follows c.
    // Longest: b → c → e. Listed out of order: the helper sorts by arrival itself.
    const log = [timed(13, 14), timed(0, 10), timed(11, 20), timed(6, 12), timed(1, 5)];
    expect(requestDepth(log)).toBe(3);
  });

  it('counts a request that arrived the moment another was answered as after it', () => {
    expect(requestDepth([timed(0, 5), timed(5, 6)])).toBe(2);
  });

  it('lets no request follow one that was never answered', () => {
    expect(requestDepth([timed(0, null), timed(50, 60)])).toBe(1);
    expect(requestDepth([timed(0, 1), timed(2, null), timed(50, 60)])).toBe(2);
  });
});

describe('the Date of every answer', () => {
  it('is the virtual clock, advanced or not, for services and the control API alike', async () => {
    const date = async (path: string) => (await call(emulator, 'GET', path, { token })).headers;
    expect((await date('/jobs/')).get('date')).toBe('Sat, 28 Nov 2026 19:00:00 GMT');
    emulator.advance(3 * 86400 + 61);
    expect((await date('/jobs/')).get('date')).toBe('Tue, 01 Dec 2026 19:01:01 GMT');
    expect((await date('/_emulator/clock')).get('date')).toBe('Tue, 01 Dec 2026 19:01:01 GMT');
    expect((await date('/nowhere')).get('date')).toBe('Tue, 01 Dec 2026 19:01:01 GMT');
  });
});
