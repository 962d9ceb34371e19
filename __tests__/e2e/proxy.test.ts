import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO_CLIENT } from '../../emulator/index.js';
import { runAction } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * dist/index.js behind a real (tiny) CONNECT proxy: the requests go through it unless
 * NO_PROXY says otherwise, and the log carries no "experimental" warning.
 */

const emulator = useEmulator();
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

beforeAll(async () => {
  proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client, head) => {
    tunnels.push(request.url ?? '');
    const [host = '', port = '0'] = (request.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});
beforeEach(() => {
  tunnels.length = 0;
});

function list(env: Record<string, string>) {
  return runAction(
    { ...ACTION_DEFAULTS, operation: 'list' },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
      ...env,
    },
  );
}

describe('proxies (dist/index.js)', () => {
  it('sends every request through HTTP_PROXY and prints no experimental warning', async () => {
    const run = await list({ HTTP_PROXY: proxyUrl });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.result).toBe('listed');
    expect(tunnels).toContain(`127.0.0.1:${emulator.port}`);
    expect(emulator.requests().length).toBeGreaterThanOrEqual(2);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/experimental/i);
  });

  it('goes around the proxy for the hosts NO_PROXY names', async () => {
    const run = await list({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(run.exitCode).toBe(0);
    expect(tunnels).toEqual([]);
  });

  it('names a proxy variable that is not a URL, before any request', async () => {
    const run = await list({ HTTPS_PROXY: 'proxy.corp 3128' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Invalid inputs; nothing was sent.*HTTPS_PROXY/);
    expect(emulator.requests()).toEqual([]);
  });
});
