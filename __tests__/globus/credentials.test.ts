import { describe, expect, it } from '@jest/globals';
import type { AccessToken, GlobusAuth } from '../../src/globus/auth.js';
import { Credentials, type Companion, type TimersConsents } from '../../src/globus/credentials.js';
import { GlobusApiError, type Service } from '../../src/globus/errors.js';
import {
  FLOWS_RESOURCE_SERVER,
  FLOWS_SCOPES,
  TIMERS_RESOURCE_SERVER,
  TIMERS_SCOPE,
  TRANSFER_RESOURCE_SERVER,
  TRANSFER_SCOPE,
  timerScope,
} from '../../src/globus/scopes.js';

const FLOW_SCOPE = 'https://auth.globus.org/scopes/f1/flow_f1_user';

/** The resource server a requested scope string belongs to. */
function serverOf(scope: string): string {
  if (scope.startsWith(TIMERS_SCOPE)) return TIMERS_RESOURCE_SERVER;
  if (scope === TRANSFER_SCOPE) return TRANSFER_RESOURCE_SERVER;
  if (FLOWS_SCOPES.includes(scope)) return FLOWS_RESOURCE_SERVER;
  throw new Error(`unexpected scope ${scope}`);
}

/**
 * A stand-in for GlobusAuth that records each token request and answers with one token per
 * resource server asked for (`n` counts requests), unless `answer` says otherwise. `gate`, when
 * set, holds the next answer until it is opened.
 */
class FakeAuth {
  readonly requests: string[][] = [];
  answer?: (scopes: readonly string[]) => string[];
  gate?: Promise<void>;
  readonly identity = 'client@clients.auth.globus.org';

  async tokens(scopes: readonly string[]): Promise<Map<string, AccessToken>> {
    this.requests.push([...scopes]);
    const n = this.requests.length;
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await gate;
    const servers = this.answer ? this.answer(scopes) : scopes.map(serverOf);
    return new Map(
      servers.map((server) => [
        server,
        { access_token: `${server}#${n}`, resource_server: server, scope: '' },
      ]),
    );
  }
}

function credentials(companions?: readonly Companion[], initial?: TimersConsents) {
  const auth = new FakeAuth();
  return { auth, creds: new Credentials(auth as unknown as GlobusAuth, companions, initial) };
}

function unauthorized(service: Service): GlobusApiError {
  return new GlobusApiError({
    service,
    method: 'GET',
    path: '/x',
    status: 401,
    detail: 'Unauthorized',
  });
}

describe('Credentials: which tokens one request asks for', () => {
  it('brings a Transfer token along with the first Timers token by default', async () => {
    const { auth, creds } = credentials();
    expect(await creds.timers()).toBe(`Bearer ${TIMERS_RESOURCE_SERVER}#1`);
    expect(await creds.transfer()).toBe(`Bearer ${TRANSFER_RESOURCE_SERVER}#1`);
    expect(auth.requests).toEqual([[timerScope(), TRANSFER_SCOPE]]);
  });

  it('asks for a flow companion first, then the other companions and the initial consents', async () => {
    const { auth, creds } = credentials(['transfer', 'flows'], {
      dataAccess: ['c1'],
      dependencies: [],
    });
    expect(await creds.flows()).toBe(`Bearer ${FLOWS_RESOURCE_SERVER}#1`);
    expect(await creds.transfer()).toBe(`Bearer ${TRANSFER_RESOURCE_SERVER}#1`);
    expect(await creds.timers({ dataAccess: ['c1'], dependencies: [] })).toBe(
      `Bearer ${TIMERS_RESOURCE_SERVER}#1`,
    );
    expect(auth.requests).toEqual([[timerScope(['c1']), ...FLOWS_SCOPES, TRANSFER_SCOPE]]);
  });

  it('does not ask again for a flow scope the Timers token already carries', async () => {
    const consents = { dataAccess: [], dependencies: [FLOW_SCOPE] };
    const { auth, creds } = credentials(['transfer', 'flows']);
    await creds.timers(consents);
    await creds.timers(consents);
    expect(auth.requests).toEqual([
      [timerScope(), `${TIMERS_SCOPE}[${FLOW_SCOPE}]`, TRANSFER_SCOPE, ...FLOWS_SCOPES],
    ]);
  });

  it('does not ask again for a companion fetched while a 401 dropped the other tokens', async () => {
    const { auth, creds } = credentials(['transfer', 'flows']);
    await creds.timersWithScopes([timerScope()]); // a Timers token and no companion
    let fail!: (error: unknown) => void;
    const calls: string[] = [];
    const sent = creds.sendAuthorized(
      () => creds.timers(),
      (authorization) => {
        calls.push(authorization);
        return calls.length === 1
          ? new Promise<string>((_resolve, reject) => (fail = reject))
          : Promise.resolve('ok');
      },
    );
    await new Promise((resolve) => setImmediate(resolve)); // the first send is out
    let open!: () => void;
    auth.gate = new Promise((resolve) => (open = resolve));
    const transfer = creds.transfer(); // its token request waits at the gate
    await new Promise((resolve) => setImmediate(resolve));
    fail(unauthorized('timers')); // drops every token; the new Timers token queues behind
    await new Promise((resolve) => setImmediate(resolve));
    open();
    expect(await transfer).toBe(`Bearer ${TRANSFER_RESOURCE_SERVER}#2`);
    expect(await sent).toBe('ok');
    expect(calls).toEqual([
      `Bearer ${TIMERS_RESOURCE_SERVER}#1`,
      `Bearer ${TIMERS_RESOURCE_SERVER}#3`,
    ]);
    expect(auth.requests).toEqual([
      [timerScope()],
      [TRANSFER_SCOPE],
      [timerScope(), ...FLOWS_SCOPES],
    ]);
  });
});

describe('Credentials: tokens Globus Auth did not issue', () => {
  it('names the tokens that did come, when one asked for is missing', async () => {
    const { auth, creds } = credentials(['transfer', 'flows']);
    auth.answer = () => [TIMERS_RESOURCE_SERVER, TRANSFER_RESOURCE_SERVER];
    await expect(creds.timers()).rejects.toThrow(
      new Error(
        `Globus Auth did not issue the tokens asked for (got: ${TIMERS_RESOURCE_SERVER}, ${TRANSFER_RESOURCE_SERVER})`,
      ),
    );
  });

  it('says "none" when no token came at all', async () => {
    const { auth, creds } = credentials();
    auth.answer = () => [];
    await expect(creds.transfer()).rejects.toThrow(
      new Error('Globus Auth did not issue the tokens asked for (got: none)'),
    );
  });

  it('fails a scoped Timers token request that brought no Timers token', async () => {
    const { auth, creds } = credentials();
    auth.answer = () => [TRANSFER_RESOURCE_SERVER];
    await expect(creds.timersWithScopes([timerScope()])).rejects.toThrow(
      new Error('Globus Auth issued no Timers token for the required scopes'),
    );
  });
});

describe('Credentials.sendAuthorized', () => {
  it('a 401 from Transfer fetches fresh tokens and sends once more', async () => {
    const { auth, creds } = credentials();
    const calls: string[] = [];
    const result = await creds.sendAuthorized(
      () => creds.transfer(),
      async (authorization) => {
        calls.push(authorization);
        if (calls.length === 1) throw unauthorized('transfer');
        return 'done';
      },
    );
    expect(result).toBe('done');
    expect(calls).toEqual([
      `Bearer ${TRANSFER_RESOURCE_SERVER}#1`,
      `Bearer ${TRANSFER_RESOURCE_SERVER}#2`,
    ]);
    expect(auth.requests).toHaveLength(2);
  });

  it('a 401 from Globus Auth itself is not retried: fresh tokens would not help', async () => {
    const { auth, creds } = credentials();
    const error = unauthorized('auth');
    let calls = 0;
    await expect(
      creds.sendAuthorized(
        () => creds.timers(),
        async () => {
          calls++;
          throw error;
        },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(auth.requests).toHaveLength(1);
  });
});
