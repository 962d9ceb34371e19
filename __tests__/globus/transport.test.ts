import { afterEach, describe, expect, it } from '@jest/globals';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { directConnections } from '../../__fixtures__/connections.js';

/*
 * A server may answer before it has read the request body — a 413 for a create of 100,000
 * items, a gateway refusing early. The connection then still holds the unsent rest of the body:
 * it can never carry another request, and while open it keeps the step's process alive until a
 * keep-alive timeout closes it, after the step is done. The step's connections drop it at once.
 */
let server: Server | undefined;
const clientSockets: Socket[] = [];
const serverSockets: Socket[] = [];
const connected = (message: unknown) => clientSockets.push((message as { socket: Socket }).socket);

afterEach(async () => {
  unsubscribe('undici:client:connected', connected);
  clientSockets.length = 0;
  // Paused, the server's end would not notice the client's close: let it go.
  for (const socket of serverSockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/**
 * A server that answers 413 as soon as a request's first bytes arrive, then reads nothing more
 * and never closes a connection itself.
 */
async function refusingServer(): Promise<string> {
  server = createServer((socket) => {
    serverSockets.push(socket);
    socket.once('data', () => {
      socket.pause();
      socket.write(
        'HTTP/1.1 413 Payload Too Large\r\ncontent-type: application/json\r\n' +
          'content-length: 2\r\nconnection: keep-alive\r\n\r\n{}',
      );
    });
    // The client closing its end is the only way this connection ends.
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jobs/`;
}

describe('the step’s connections', () => {
  it('drop a connection answered before its body was sent', async () => {
    const url = await refusingServer();
    // undici reports each connection it opens: the client's own socket, to see it closed.
    subscribe('undici:client:connected', connected);
    const connections = directConnections();
    const response = await connections.send({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Far more than the socket buffers take in one go, so most of it is still unsent.
      body: JSON.stringify({ data: 'x'.repeat(16 * 1024 * 1024) }),
      signal: AbortSignal.timeout(60_000),
    });
    expect([response.status, response.text]).toEqual([413, '{}']);
    expect(clientSockets).toHaveLength(1);
    // Closed by the time the answer is read, not left to a keep-alive timeout.
    expect(clientSockets[0]?.destroyed).toBe(true);
    await connections.close();
  });
});
