import { describe, expect, it } from '@jest/globals';
import { HttpClient, type HttpRequest } from '../../src/globus/http.js';
import { ServiceClock } from '../../src/globus/service-clock.js';
import type { TransportRequest, TransportResponse } from '../../src/globus/transport.js';
import { hintFor } from '../../src/report/hints.js';
import { GlobusApiError } from '../../src/globus/errors.js';
import { recordingLog } from '../../__fixtures__/recording-log.js';

/*
 * Globus's clock as the Date headers of its answers tell it, and a request cut short by the
 * step's own deadline said as such (not as a network that could not be reached).
 */

const NOW = Date.parse('2026-11-28T12:00:00Z');
const HOUR = 3_600_000;
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('ServiceClock', () => {
  it('is the runner’s clock until an answer says otherwise', () => {
    const clock = new ServiceClock(() => NOW);
    expect(clock.now()).toBe(NOW);
    clock.heard(undefined);
    clock.heard('not a date');
    expect(clock.now()).toBe(NOW);
  });

  it('follows a service three hours ahead, and says so once at info level', () => {
    const { log, logs } = recordingLog();
    const clock = new ServiceClock(() => NOW, log);
    clock.heard(httpDate(NOW + 3 * HOUR));
    clock.heard(httpDate(NOW + 3 * HOUR));
    // The header has whole seconds, written before the answer came: the least it can mean.
    expect(clock.offset).toBe(3 * HOUR);
    expect(clock.now()).toBe(NOW + 3 * HOUR);
    expect(logs).toEqual([
      "Globus's clock is 3h ahead of this machine's: times Globus gives are compared with its clock",
    ]);
  });

  it('follows a service behind, in the units a person reads', () => {
    const { log, logs } = recordingLog();
    const clock = new ServiceClock(() => NOW, log);
    clock.heard(httpDate(NOW - 90_000));
    expect(clock.now()).toBe(NOW - 90_000);
    expect(logs).toEqual([
      "Globus's clock is 1m30s behind this machine's: times Globus gives are compared with its clock",
    ]);
  });

  it('says a difference under a minute in the debug log only', () => {
    const { log, logs } = recordingLog();
    const clock = new ServiceClock(() => NOW, log);
    clock.heard(httpDate(NOW + 30_000));
    expect(clock.offset).toBe(30_000);
    expect(logs).toEqual([
      "debug: Globus's clock is 30s ahead of this machine's: times Globus gives are compared with its clock",
    ]);
  });

  it('takes a difference under two seconds for none: a Date header cannot tell it', () => {
    const { log, logs } = recordingLog();
    const clock = new ServiceClock(() => NOW + 1900, log);
    clock.heard(httpDate(NOW));
    expect(clock.offset).toBe(0);
    clock.heard(httpDate(NOW + 1999));
    expect(clock.offset).toBe(0);
    expect(logs).toEqual([]);
  });

  it('a later answer within two seconds of the runner puts the runner’s clock back', () => {
    const clock = new ServiceClock(() => NOW);
    clock.heard(httpDate(NOW + HOUR));
    clock.heard(httpDate(NOW));
    expect(clock.now()).toBe(NOW);
  });
});

function client(
  transport: (request: TransportRequest) => Promise<TransportResponse>,
  options: { now?: () => number; deadline?: number; serviceClock?: ServiceClock } = {},
) {
  const now = options.now ?? (() => NOW);
  return new HttpClient({
    urls: {
      auth: 'https://g/',
      transfer: 'https://g/',
      timers: 'https://g/',
      flows: 'https://g/',
      app: 'https://g/',
    },
    retries: 2,
    deadline: options.deadline ?? NOW + 600_000,
    requestTimeoutMs: 60_000,
    clock: now,
    sleep: async () => {},
    random: () => 0.5,
    log: recordingLog().log,
    userAgent: 'test',
    transport,
    ...(options.serviceClock ? { serviceClock: options.serviceClock } : {}),
  });
}

const get: HttpRequest = { service: 'timers', method: 'GET', path: '/jobs/' };

describe('HttpClient and the service clock', () => {
  it('tells the service clock the Date of every answer, errors too', async () => {
    const serviceClock = new ServiceClock(() => NOW);
    let status = 200;
    const http = client(
      async () => ({ status, headers: { date: httpDate(NOW + 2 * HOUR) }, text: '{}' }),
      { serviceClock },
    );
    await http.request(get);
    expect(serviceClock.offset).toBe(2 * HOUR);
    status = 404;
    serviceClock.heard(httpDate(NOW));
    await expect(http.request(get)).rejects.toBeInstanceOf(GlobusApiError);
    expect(serviceClock.offset).toBe(2 * HOUR);
  });
});

describe('a request cut short by the step’s own deadline', () => {
  it('is the step running out of time, not sent again, and its hint says to raise timeout', async () => {
    let now = NOW;
    let sent = 0;
    const http = client(
      async () => {
        sent++;
        // No answer by the step's deadline (30 s away, under the request timeout): the
        // request's signal, bounded by that deadline, aborts it.
        now = NOW + 30_000;
        throw Object.assign(new Error('The operation was aborted due to timeout'), {
          name: 'TimeoutError',
        });
      },
      { now: () => now, deadline: NOW + 30_000 },
    );
    const error = (await http.request(get).catch((caught: unknown) => caught)) as GlobusApiError;
    expect(sent).toBe(1);
    expect(error.code).toBe('Timeout');
    expect(error.message).toContain('the step timeout was reached while waiting for an answer');
    expect(error.outcomeUnknown).toBe(true);
    expect(hintFor(error, 'me@clients.auth.globus.org')).toBe(
      'The step ran out of time; raise the timeout input.',
    );
  });

  it('a request timeout well before the step’s deadline is still the network’s', async () => {
    let now = NOW;
    const http = client(
      async () => {
        now += 60_000;
        throw Object.assign(new Error('aborted'), { name: 'TimeoutError' });
      },
      { now: () => now },
    );
    const error = (await http.request(get).catch((caught: unknown) => caught)) as GlobusApiError;
    expect(error.code).toBe('RequestTimeout');
    expect(hintFor(error, 'me@clients.auth.globus.org')).toMatch(/^Globus could not be reached/);
  });
});
