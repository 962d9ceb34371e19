import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server, type ServerResponse } from 'node:http';
import * as realHttps from 'node:https';
import type { AddressInfo } from 'node:net';

/*
 * How nodeTransport carries requests: one kept-alive connection per host, over TLS for https,
 * and a truncated answer reported as a reset connection (so the client may retry it).
 */

// A certificate for 127.0.0.1 made for this run (no key is kept in the repository), trusted only
// by this file's loopback server and the transport's https agent below.
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

// The transport's https agent trusts the test certificate, and nothing else changes: the
// agent's own options (keep-alive) are those the transport gives it.
jest.unstable_mockModule('node:https', () => ({
  ...realHttps,
  Agent: class extends realHttps.Agent {
    constructor(options: realHttps.AgentOptions = {}) {
      super({ ...options, ca: TEST_CERT });
    }
  },
}));
const { nodeTransport } = await import('../../src/globus/transport.js');

let server: Server | realHttps.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server answering `ok <n>` to the n-th request, counting the connections it was sent on. */
async function countingServer(secure: boolean) {
  let requests = 0;
  const connections = { count: 0 };
  const handler = (_request: unknown, response: ServerResponse) => {
    requests++;
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`ok ${requests}`);
  };
  server = secure
    ? realHttps.createServer({ key: TEST_KEY, cert: TEST_CERT }, handler)
    : createServer(handler);
  server.on(secure ? 'secureConnection' : 'connection', () => connections.count++);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `${secure ? 'https' : 'http'}://127.0.0.1:${port}/jobs/`, connections };
}

const get = (url: string) => ({
  url,
  method: 'GET',
  headers: { accept: 'text/plain' },
  signal: AbortSignal.timeout(10_000),
});

describe('nodeTransport connections', () => {
  it.each([
    ['http', false],
    ['https', true],
  ])('sends a step’s %s requests to one host over one kept-alive connection', async (_, secure) => {
    const { url, connections } = await countingServer(secure);
    const transport = nodeTransport();
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await transport(get(url))).text);
    expect(texts).toEqual(['ok 1', 'ok 2', 'ok 3']);
    expect(connections.count).toBe(1);
  });

  it('reports an answer cut off mid-body as a reset connection', async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"jobs": [');
      setImmediate(() => request.socket.destroy());
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await nodeTransport()(get(`http://127.0.0.1:${port}/jobs/`)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ message: 'aborted', code: 'ECONNRESET' });
  });
});
