import { describe, expect, it } from '@jest/globals';
import { HttpClient, type HttpRequest } from '../../src/globus/http.js';
import type { TransportResponse } from '../../src/globus/transport.js';
import type { Log } from '../../src/ports.js';
import { FakeTime } from '../../__fixtures__/time.js';

/*
 * The pause a 429 with Retry-After puts on the whole client, on virtual time: a sleep moves the
 * clock by what it sleeps (nothing waits on the wall clock), so the time that passed is what
 * the client's sleeps add up to — 429s that come together must cost one pause, not one each.
 */

const BASE = 'https://globus.example/';
const quiet: Log = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };
const create: HttpRequest = {
  service: 'timers',
  method: 'POST',
  path: '/v2/timer',
  json: {},
  repeatable: false,
};

const answer = (status: number, retryAfter?: string): TransportResponse => ({
  status,
  headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
  text: '{}',
});

/**
 * A client whose first `together` requests are answered together, each with what `first` says
 * for it; every later request is answered 201 at once.
 */
function client(time: FakeTime, together: number, first: (index: number) => TransportResponse) {
  const sent: number[] = [];
  const held: (() => void)[] = [];
  const http = new HttpClient({
    urls: { auth: BASE, transfer: BASE, timers: BASE, flows: BASE, app: BASE },
    retries: 3,
    deadline: time.clock() + 600_000,
    requestTimeoutMs: 60_000,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    log: quiet,
    userAgent: 'test',
    transport: async () => {
      const index = sent.push(time.clock()) - 1;
      if (index >= together) return answer(201);
      await new Promise<void>((release) => {
        held.push(release);
        if (held.length === together) for (const go of held.splice(0)) go();
      });
      return first(index);
    },
  });
  return { http, sent };
}

describe('a 429 with Retry-After', () => {
  it('refusing eight requests at once pauses them all once, until the latest Retry-After', async () => {
    const time = new FakeTime();
    const start = time.clock();
    // Seven ask for 1 s, one for 2 s.
    const { http, sent } = client(time, 8, (index) => answer(429, index === 3 ? '2' : '1'));
    const answers = await Promise.all(Array.from({ length: 8 }, () => http.request(create)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    // Two turns of one shared sleep: to the first Retry-After, then on to the latest.
    expect(time.sleeps).toEqual([1000, 1000]);
    expect(time.clock() - start).toBe(2000);
    // Every retry went out at the end of the one pause, none before it.
    expect(sent.slice(8)).toEqual(Array(8).fill(start + 2000));
  });

  it('without a Retry-After holds only its own request, for its own backoff', async () => {
    const time = new FakeTime();
    const start = time.clock();
    const { http, sent } = client(time, 2, (index) => (index === 0 ? answer(429) : answer(201)));
    await Promise.all([http.request(create), http.request(create)]);
    expect(time.sleeps).toEqual([500]);
    expect(sent).toEqual([start, start, start + 500]);
  });

  it.each([
    ['past the step’s deadline', '120'],
    ['ending at the step’s deadline', '60'],
  ])('asking for a pause %s fails the requests it holds at once', async (_, retryAfter) => {
    const time = new FakeTime();
    const start = time.clock();
    const sent: string[] = [];
    const http = new HttpClient({
      urls: { auth: BASE, transfer: BASE, timers: BASE, flows: BASE, app: BASE },
      retries: 3,
      deadline: start + 60_000,
      requestTimeoutMs: 60_000,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      log: quiet,
      userAgent: 'test',
      transport: async ({ url }) => {
        sent.push(url);
        return answer(429, retryAfter);
      },
    });
    await expect(http.request(create)).rejects.toMatchObject({ status: 429 });
    await expect(http.request(create)).rejects.toMatchObject({
      code: 'Timeout',
      detail: 'the wait Globus asked for (Retry-After) leaves no time before the step timeout',
    });
    // Nothing slept toward a time after the deadline, and the held request was never sent.
    expect(time.sleeps).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
