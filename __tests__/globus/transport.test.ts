import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { nodeTransport } from '../../src/globus/transport.js';

/*
 * A server may answer before it has read the request body — a 413 for a create of 100,000
 * items, a gateway refusing early. The connection then still holds the unsent rest of the body:
 * it can never carry another request, and while open it keeps the step's process alive until
 * the server's keep-alive timeout closes it (5 s for Node's own server), after the step is done.
 */
let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A server that refuses every request at once, unread, and never closes a connection itself. */
async function refusingServer(): Promise<{ url: string; socket: Promise<Socket> }> {
  let connected: (socket: Socket) => void = () => undefined;
  const socket = new Promise<Socket>((resolve) => (connected = resolve));
  server = createServer((request, response) => {
    response.writeHead(413, { 'Content-Type': 'application/json', Connection: 'keep-alive' });
    response.end('{"error":"request body too large"}');
  });
  server.keepAliveTimeout = 0;
  server.requestTimeout = 0;
  server.on('connection', connected);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/jobs/`, socket };
}

describe('nodeTransport', () => {
  it('drops a connection answered before its body was sent', async () => {
    const { url, socket } = await refusingServer();
    const response = await nodeTransport()({
      url,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Far more than the socket buffers take in one go, so most of it is still unsent.
      body: JSON.stringify({ data: 'x'.repeat(16 * 1024 * 1024) }),
      signal: AbortSignal.timeout(60_000),
    });
    expect(response.status).toBe(413);
    // Only the client can close it (the server never does): this resolves once it has.
    const serverSide = await socket;
    if (!serverSide.destroyed) await new Promise((resolve) => serverSide.once('close', resolve));
    expect(serverSide.destroyed).toBe(true);
  });
});
