import type { Credentials } from '../src/globus/credentials.js';
import type { HttpClient, HttpRequest } from '../src/globus/http.js';
import { TimersApi } from '../src/globus/timers.js';
import { FakeTime } from './time.js';
import { recordingLog } from './recording-log.js';

/**
 * TimersApi on a scripted HttpClient (every request answered 200 with what `answer` returns, or
 * failing with what it throws) and Credentials that hand out fixed tokens: for unit tests of what
 * TimersApi sends, retries and logs, without the emulator.
 */
export type Answer = (request: HttpRequest, count: number) => unknown;

export const IDENTITY = 'ci-client@clients.auth.globus.org';

export function scriptedTimersApi(answer: Answer, retries = 2) {
  const requests: HttpRequest[] = [];
  const { log, logs } = recordingLog();
  const scopesAsked: string[][] = [];
  const time = new FakeTime();
  const http = {
    request: async (request: HttpRequest) => {
      requests.push(request);
      return { status: 200, body: await answer(request, requests.length) };
    },
  } as unknown as HttpClient;
  const credentials = {
    identity: IDENTITY,
    timers: async () => 'Bearer timers',
    sendAuthorized: async <T>(
      authorize: () => Promise<string>,
      send: (authorization: string) => Promise<T>,
    ) => send(await authorize()),
    timersWithScopes: async (scopes: readonly string[]) => {
      scopesAsked.push([...scopes]);
      return 'Bearer more-consent';
    },
  } as unknown as Credentials;
  const api = new TimersApi({
    http,
    credentials,
    log,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    retries,
  });
  return { api, requests, logs, scopesAsked, time };
}
