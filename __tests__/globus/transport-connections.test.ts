import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlobusApiError } from '../../src/globus/errors.js';
import { HttpClient, type HttpRequest } from '../../src/globus/http.js';
import { undiciConnections, type ConnectionOptions } from '../../src/globus/transport.js';
import type { Log } from '../../src/ports.js';

/*
 * How the step's undici connections carry requests: one kept-alive connection per host, over
 * TLS for https; and what each way a request can fail is called once it reaches the HttpClient —
 * undici 7's own errors, over real loopback sockets — and whether the request may have been
 * processed (`outcomeUnknown`, which decides whether a create is looked for before it is re-sent).
 */

// A certificate for 127.0.0.1 made for this run (no key is kept in the repository), trusted only
// by this file's loopback server and the connections below.
const { key: TEST_KEY, cert: TEST_CERT } = selfSignedCertificate();

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'transport-test-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
      ].concat(
        ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1'],
        ['-keyout', key, '-out', cert],
      ),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function listen(handler: RequestListener, secure = false): Promise<string> {
  server = secure
    ? createHttpsServer({ key: TEST_KEY, cert: TEST_CERT }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `${secure ? 'https' : 'http'}://127.0.0.1:${port}/`;
}

function connections(options: Partial<ConnectionOptions> = {}) {
  return undiciConnections({
    env: {},
    connectTimeoutMs: 10_000,
    responseTimeoutMs: 10_000,
    connect: { ca: TEST_CERT },
    ...options,
  });
}

const get = (url: string) => ({
  url,
  method: 'GET',
  headers: { accept: 'text/plain' },
  signal: AbortSignal.timeout(10_000),
});

describe('the step’s connections', () => {
  it.each([
    ['http', false],
    ['https', true],
  ])('send a step’s %s requests to one host over one kept-alive connection', async (_, secure) => {
    let requests = 0;
    const url = await listen((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`ok ${requests}`);
    }, secure);
    let opened = 0;
    server?.on(secure ? 'secureConnection' : 'connection', () => opened++);
    const step = connections();
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await step.send(get(`${url}jobs/`))).text);
    expect(texts).toEqual(['ok 1', 'ok 2', 'ok 3']);
    expect(opened).toBe(1);
    await step.close();
  });

  it('let go of every connection when closed', async () => {
    const url = await listen((_request, response) => response.end('{}'));
    // undici reports each connection it opens: the client's own socket, to see it closed.
    const sockets: Socket[] = [];
    const connected = (message: unknown) => sockets.push((message as { socket: Socket }).socket);
    subscribe('undici:client:connected', connected);
    try {
      const step = connections();
      await step.send(get(url));
      expect(sockets.map((socket) => socket.destroyed)).toEqual([false]);
      await step.close();
      // At once, not after a keep-alive timeout.
      expect(sockets.map((socket) => socket.destroyed)).toEqual([true]);
    } finally {
      unsubscribe('undici:client:connected', connected);
    }
  });

  it('send a body with its length, not in chunks', async () => {
    const seen: { headers: Record<string, unknown>; body: string }[] = [];
    const url = await listen((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen.push({ headers: request.headers, body });
        response.end('{}');
      });
    });
    const step = connections();
    const body = JSON.stringify({ name: 'nächtlich' });
    await step.send({ ...get(url), method: 'POST', body });
    expect(seen).toEqual([
      {
        headers: expect.objectContaining({ 'content-length': String(Buffer.byteLength(body)) }),
        body,
      },
    ]);
    expect(seen[0]?.headers['transfer-encoding']).toBeUndefined();
    await step.close();
  });
});

const quiet: Log = { debug: () => {}, info: () => {}, notice: () => {}, warning: () => {} };
const create: HttpRequest = {
  service: 'timers',
  method: 'POST',
  path: '/v2/timer',
  json: {},
  repeatable: false,
};

/** The error a create sent once (no retries) through the step's connections ends in. */
async function failure(base: string, options: Partial<ConnectionOptions> = {}) {
  const http = new HttpClient({
    urls: { auth: base, transfer: base, timers: base, flows: base, app: base },
    retries: 0,
    deadline: Date.now() + 60_000,
    requestTimeoutMs: 10_000,
    clock: Date.now,
    sleep: async () => undefined,
    random: () => 0.5,
    log: quiet,
    userAgent: 'test',
    transport: connections(options).send,
  });
  const error = await http.request(create).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GlobusApiError);
  const { code, detail, outcomeUnknown } = error as GlobusApiError;
  return { code, detail, outcomeUnknown };
}

/** A port nothing listens on: one a server had a moment ago. */
async function closedPort(): Promise<string> {
  const url = await listen(() => undefined);
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  return url;
}

const unresolvable: LookupFunction = (host, _options, callback) =>
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '');

describe('a request through the step’s connections that gets no answer', () => {
  it('to a refused connection: not sent', async () => {
    expect(await failure(await closedPort())).toEqual({
      code: 'ECONNREFUSED',
      detail: 'connection refused',
      outcomeUnknown: false,
    });
  });

  it('to a host that does not resolve: not sent', async () => {
    const lost = await failure('http://timers.globus.invalid/', {
      connect: { lookup: unresolvable },
    });
    expect(lost).toEqual({
      code: 'ENOTFOUND',
      detail: 'getaddrinfo ENOTFOUND timers.globus.invalid',
      outcomeUnknown: false,
    });
  });

  it('to a connection that is not made in time: not sent', async () => {
    // The name never resolves, so the connection never starts: undici's connect timeout ends it.
    const never = () => undefined;
    const lost = await failure('http://timers.globus.invalid/', {
      connectTimeoutMs: 50,
      connect: { lookup: never },
    });
    expect(lost).toMatchObject({ code: 'UND_ERR_CONNECT_TIMEOUT', outcomeUnknown: false });
  });

  it('to a connection closed before an answer: perhaps processed', async () => {
    const url = await listen((request) => request.socket.destroy());
    expect(await failure(url)).toEqual({
      code: 'UND_ERR_SOCKET',
      detail: 'the connection was closed before an answer came',
      outcomeUnknown: true,
    });
  });

  it('to an answer cut off mid-body: perhaps processed', async () => {
    const url = await listen((request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"timer": {');
      setImmediate(() => request.socket.destroy());
    });
    expect(await failure(url)).toMatchObject({ code: 'UND_ERR_SOCKET', outcomeUnknown: true });
  });

  it.each([
    ['no answer at all', (): void => undefined],
    [
      'an answer whose body stops coming',
      (
        _request: unknown,
        response: { writeHead: (s: number, h: object) => void; write: (t: string) => void },
      ) => {
        response.writeHead(200, { 'content-length': '100' });
        response.write('{"timer": {');
      },
    ],
  ])(
    'to %s within the response timeout: a request timeout, perhaps processed',
    async (_, handler) => {
      const url = await listen(handler as RequestListener);
      expect(await failure(url, { responseTimeoutMs: 50 })).toEqual({
        code: 'RequestTimeout',
        detail: 'no answer before the request timeout',
        outcomeUnknown: true,
      });
    },
  );
});
