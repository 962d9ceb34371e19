import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/*
 * How one request travels. Node's own http and https modules carry it — with one keep-alive
 * pool per host, so a step's requests to a service share their connection and TLS handshake —
 * and nothing is loaded that a step without a proxy does not need (a proxied step brings in
 * undici's ProxyAgent, see proxy.ts).
 */

export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The transport of a step without a proxy: node:http and node:https, connections kept alive. */
export function nodeTransport(): Transport {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };
  return ({ url, method, headers, body, signal }) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
    return new Promise<TransportResponse>((resolve, reject) => {
      const outgoing = send(target, { method, headers, agent, signal }, (incoming) => {
        readAll(incoming).then((text) => {
          // Answered before the whole body went out (a 413 for a huge create): the rest can
          // never be sent, nor the connection reused, and left open it would hold the step's
          // process until the server's idle timeout closed it. Drop it.
          if (!outgoing.writableFinished) outgoing.destroy();
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text });
        }, reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}

function readAll(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
    incoming.on('aborted', () =>
      reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })),
    );
  });
}
