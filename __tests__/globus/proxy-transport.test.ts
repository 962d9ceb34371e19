import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { undiciConnections, type TransportRequest } from '../../src/globus/transport.js';

/*
 * The step's connections behind a proxy, over loopback: a tiny CONNECT proxy in front of a tiny
 * HTTP server. The proxied requests must reach the server through the proxy, unchanged, and
 * reuse one tunnel; the origins NO_PROXY names go to the server directly.
 */

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

let target: Server;
let proxy: Server;
let targetOrigin: string;
let proxyUrl: string;
const received: Received[] = [];
const tunnels: string[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<unknown> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
}

beforeAll(async () => {
  target = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, url: request.url, headers: request.headers, body });
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
      response.end('{"ok":true}');
    });
  });
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
  targetOrigin = `http://127.0.0.1:${await listen(target)}`;
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

afterAll(async () => {
  await close(proxy);
  await close(target);
});

beforeEach(() => {
  received.length = 0;
  tunnels.length = 0;
});

function connections(env: Record<string, string>) {
  return undiciConnections({ env, connectTimeoutMs: 10_000, responseTimeoutMs: 10_000 });
}

function post(url: string): TransportRequest {
  return {
    url,
    method: 'POST',
    headers: {
      authorization: 'Bearer t-1',
      'content-type': 'application/json',
      'x-trace': 'abc',
    },
    body: '{"name":"nightly"}',
    signal: AbortSignal.timeout(10_000),
  };
}

describe('the step’s connections behind a proxy', () => {
  it('send the origins NO_PROXY names to the server directly, untouched', async () => {
    const step = connections({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    const response = await step.send(post(`${targetOrigin}/v2/timer`));
    await step.close();
    expect([response.status, response.text]).toEqual([201, '{"ok":true}']);
    expect(tunnels).toEqual([]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/v2/timer',
      body: '{"name":"nightly"}',
    });
  });

  it('send a proxied request through the proxy with its method, headers and body', async () => {
    const step = connections({ HTTP_PROXY: proxyUrl });
    const response = await step.send(post(`${targetOrigin}/v2/timer?limit=5`));
    await step.close();

    expect(response.status).toBe(201);
    expect(response.text).toBe('{"ok":true}');
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(response.headers['content-type']).toBe('application/json');
    expect(tunnels).toEqual([targetOrigin.replace('http://', '')]);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/v2/timer?limit=5',
      body: '{"name":"nightly"}',
      headers: {
        authorization: 'Bearer t-1',
        'content-type': 'application/json',
        'x-trace': 'abc',
      },
    });
  });

  // One dispatcher per step: its requests share one kept-alive tunnel rather than opening a
  // CONNECT (and, to Globus, a TLS handshake) for each — one request right after another too.
  it('reuse one tunnel for the requests of a step', async () => {
    const step = connections({ HTTP_PROXY: proxyUrl });
    const get = (path: string) => ({
      ...post(`${targetOrigin}${path}`),
      method: 'GET',
      body: undefined,
    });
    const first = await step.send(get('/v2/timer/a'));
    const second = await step.send(get('/v2/timer/b'));
    await step.close();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: '/v2/timer/a', body: '' },
      { method: 'GET', url: '/v2/timer/b', body: '' },
    ]);
    expect(tunnels).toEqual([targetOrigin.replace('http://', '')]);
  });
});
