import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { proxyTransport } from '../../src/globus/proxy.js';
import type { Transport, TransportRequest } from '../../src/globus/transport.js';

/*
 * proxyTransport over loopback: a tiny CONNECT proxy in front of a tiny HTTP server. The
 * proxied requests must reach the server through the proxy, unchanged, and reuse one tunnel;
 * the rest go to the direct transport.
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

function direct() {
  return jest.fn<Transport>(async () => ({ status: 200, headers: { via: 'direct' }, text: '{}' }));
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
    signal: new AbortController().signal,
  };
}

describe('proxyTransport', () => {
  it('hands the origins no proxy covers to the direct transport, untouched', async () => {
    const send = direct();
    const transport = proxyTransport({ HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }, send);
    const request = post(`${targetOrigin}/v2/timer`);
    expect(await transport(request)).toEqual({
      status: 200,
      headers: { via: 'direct' },
      text: '{}',
    });
    expect(send.mock.calls).toEqual([[request]]);
    expect(tunnels).toEqual([]);
    expect(received).toEqual([]);
  });

  it('sends a proxied request through the proxy with its method, headers and body', async () => {
    const send = direct();
    const transport = proxyTransport({ HTTP_PROXY: proxyUrl }, send);
    const response = await transport(post(`${targetOrigin}/v2/timer?limit=5`));

    expect(response.status).toBe(201);
    expect(response.text).toBe('{"ok":true}');
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(response.headers['content-type']).toBe('application/json');
    expect(send).not.toHaveBeenCalled();
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

  // One ProxyAgent per proxy: a step's requests share one kept-alive tunnel rather than
  // opening a CONNECT (and, to Globus, a TLS handshake) for each.
  it('reuses one tunnel for the requests of a step', async () => {
    const transport = proxyTransport({ HTTP_PROXY: proxyUrl }, direct());
    const get = (path: string) => ({
      ...post(`${targetOrigin}${path}`),
      method: 'GET',
      body: undefined,
    });
    const first = await transport(get('/v2/timer/a'));
    // undici hands the socket back to its pool a turn of the event loop after the body is read.
    await new Promise((resolve) => setImmediate(resolve));
    const second = await transport(get('/v2/timer/b'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: '/v2/timer/a', body: '' },
      { method: 'GET', url: '/v2/timer/b', body: '' },
    ]);
    expect(tunnels).toEqual([targetOrigin.replace('http://', '')]);
  });
});
