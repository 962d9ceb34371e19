import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_CLIENT } from '../emulator/index.js';
import { VERSION } from '../src/globus/http.js';
import type { Transport } from '../src/globus/transport.js';
import { directConnections } from '../__fixtures__/connections.js';
import { runInProcess } from '../__fixtures__/harness.js';
import { useEmulator } from '../__fixtures__/use-emulator.js';

/*
 * One step's conversation with Globus as run() sets it up: who it says it is, how long each
 * request may take, which way requests travel, what a failed operation leaves behind, and the
 * revocation of every token at the end.
 */

const emulator = useEmulator();
const IDENTITY = `${DEMO_CLIENT.id}@clients.auth.globus.org`;
const MISSING = '0ddba11e-0000-4000-8000-000000000000';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('every step', () => {
  it('says who it acts as, sends the action’s user agent and logs each request at debug level', async () => {
    const core = await runInProcess(emulator, { operation: 'list' });
    expect(core.failed).toBeUndefined();
    expect(core.logs[0]).toBe(
      `Acting as ${IDENTITY} on ${emulator.url} (service URLs from GLOBUS_SDK_SERVICE_URL_*)`,
    );
    const requests = emulator.requests();
    expect(new Set(requests.map((request) => request.headers['user-agent']))).toEqual(
      new Set([`globus-timer-action/${VERSION}`]),
    );
    expect(core.logs.filter((line) => line.startsWith('debug: '))).toHaveLength(requests.length);
  });

  it('revokes every token it was issued, and warns of none', async () => {
    const core = await runInProcess(emulator, { operation: 'list' });
    expect(emulator.state().tokens.map((token) => token.revoked)).toEqual([true, true]);
    expect(core.annotations).toEqual([]);
  });

  it('warns of each token it could not revoke, without failing', async () => {
    emulator.setFault({
      service: 'auth',
      path: '/v2/oauth2/token/revoke',
      status: 400,
      times: 2,
    });
    const core = await runInProcess(emulator, { operation: 'list' });
    expect(core.failed).toBeUndefined();
    const warning = {
      level: 'warning',
      message: expect.stringMatching(
        /^Could not revoke a token: Globus Auth POST \/v2\/oauth2\/token\/revoke: HTTP 400 temporarily_unavailable: Service temporarily unavailable \(request id [0-9a-f-]{36}\)$/,
      ),
    };
    expect(core.annotations).toEqual([warning, warning]);
  });
});

describe('how long a request may take', () => {
  /**
   * The step's own transport, noting for each request the timeout it was sent with: HttpClient
   * makes the request's AbortSignal.timeout right before handing the request over.
   */
  function timedTransport() {
    const timeout = jest.spyOn(AbortSignal, 'timeout');
    const { send } = directConnections();
    const sent: string[] = [];
    const transport: Transport = (request) => {
      const path = new URL(request.url).pathname.replace(/[0-9a-f-]{36}/g, '<id>');
      sent.push(`${request.method} ${path}: ${timeout.mock.calls.at(-1)?.[0]}`);
      return send(request);
    };
    return { transport, sent };
  }

  it.each([
    ['the step timeout, when shorter than 60 s', 'check', '30s', {}, 30_000],
    ['60 s, when the step has longer', 'check', '2m', {}, 60_000],
    ['GLOBUS_SDK_HTTP_TIMEOUT seconds', 'check', '2m', { GLOBUS_SDK_HTTP_TIMEOUT: '5' }, 5_000],
    [
      'a day at most with -1 (no timeout)',
      'check',
      '2d',
      { GLOBUS_SDK_HTTP_TIMEOUT: '-1' },
      86_400_000,
    ],
    [
      'for wait, the step timeout and a minute for its last look',
      'wait',
      '30s',
      { GLOBUS_SDK_HTTP_TIMEOUT: '-1' },
      90_000,
    ],
  ])('is %s', async (_name, operation, timeout, env, expected) => {
    const { transport, sent } = timedTransport();
    await runInProcess(emulator, { operation, timeout, 'job-id': MISSING }, env, { transport });
    const revoke = Math.min(expected, 30_000);
    expect(sent).toEqual([
      `POST /auth/v2/oauth2/token: ${expected}`,
      `GET /timers/jobs/<id>: ${expected}`,
      `POST /auth/v2/oauth2/token/revoke: ${revoke}`,
      `POST /auth/v2/oauth2/token/revoke: ${revoke}`,
    ]);
  });
});

describe('which way requests travel', () => {
  it('through the proxy HTTP_PROXY names', async () => {
    const tunnels: string[] = [];
    const proxy = createServer((_request, response) => response.writeHead(405).end());
    proxy.on('connect', (request, socket) => {
      tunnels.push(request.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const core = await runInProcess(
        emulator,
        { operation: 'list', retries: '0' },
        { HTTP_PROXY: `http://127.0.0.1:${port}` },
      );
      expect(tunnels).toEqual([new URL(emulator.urls.auth).host]);
      expect(emulator.requests()).toEqual([]);
      expect(core.failed).toMatch(/^Globus Auth POST \/v2\/oauth2\/token: /);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('through the transport a caller gives, every one of them', async () => {
    const { send } = directConnections();
    const paths: string[] = [];
    const transport: Transport = (request) => {
      paths.push(new URL(request.url).pathname);
      return send(request);
    };
    await runInProcess(emulator, { operation: 'list' }, {}, { transport });
    expect(paths).toHaveLength(emulator.requests().length);
    expect(paths.length).toBeGreaterThan(0);
  });
});
