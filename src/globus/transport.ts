import type { LookupFunction } from 'node:net';
import type * as Undici from 'undici';
import { keepWasmOnBaseline } from '../wasm-baseline.js';
import { proxyOptions } from './proxy.js';

/*
 * How one request travels: undici, one dispatcher per step. Its pool keeps a connection (and its
 * TLS handshake) per host alive for the step's next request, its timeouts bound the wait for a
 * connection, for an answer's headers and between pieces of its body, and the runner's proxy
 * variables route each origin (EnvHttpProxyAgent). undici is loaded with the first request.
 */

export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** The request's own timeout and the step's deadline, whichever comes first. */
  signal: AbortSignal;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** A step's connections: how its requests travel, and letting go of them when it is done. */
export interface Connections {
  send: Transport;
  /** Closes every connection; the requests of the step are over. */
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** The environment the proxy variables are read from (upper- and lower-case names). */
  env: Record<string, string | undefined>;
  /** Longest wait for a connection: TCP and TLS, to the proxy and through it. */
  connectTimeoutMs: number;
  /** Longest wait for an answer's headers, and between two pieces of its body. */
  responseTimeoutMs: number;
  /** For tests: a certificate to trust, a DNS lookup of their own. */
  connect?: { ca?: string; lookup?: LookupFunction };
}

export function undiciConnections(options: ConnectionOptions): Connections {
  let loading: Promise<Loaded> | undefined;
  const load = () => {
    // Before undici compiles its HTTP parser, for every entry that sends requests.
    if (!loading) keepWasmOnBaseline();
    return (loading ??= import('undici').then((undici) => loaded(undici, options)));
  };
  return {
    send: async ({ url, method, headers, body, signal }) => {
      const { request, dispatcher } = await load();
      const response = await request(url, {
        method: method as Undici.Dispatcher.HttpMethod,
        ...withBody(headers, body),
        signal,
        dispatcher,
      });
      const text = await response.body.text();
      // undici puts the connection back in its pool a turn of the event loop after the answer
      // (to notice a server closing what it said it would keep): waiting that turn lets the
      // step's next request to the host reuse it rather than open (and handshake) another.
      await new Promise(setImmediate);
      return { status: response.statusCode, headers: response.headers, text };
    },
    close: async () => {
      if (loading) await (await loading).dispatcher.close();
    },
  };
}

/**
 * The body handed to undici as an iterable of one chunk. A server may answer before it has read
 * the body (a 413 for a create of 100,000 items): undici then drops the connection it is still
 * writing an iterable to (it waits for the socket to drain before it counts one as sent), as it
 * can never carry another request. A string, or a stream, counts as sent once it is in the
 * socket's buffer: the connection, still writing it, would be kept, and hold the step's process
 * until the server's or undici's keep-alive timeout closed it.
 */
function withBody(headers: Record<string, string>, body: string | undefined) {
  if (body === undefined) return { headers };
  const bytes = Buffer.from(body, 'utf8');
  // undici's documentation lists iterables among the bodies it takes; its types do not.
  const chunks = [bytes] as Iterable<Buffer> as unknown as Buffer;
  return { headers: { ...headers, 'content-length': String(bytes.length) }, body: chunks };
}

interface Loaded {
  request: typeof Undici.request;
  dispatcher: Undici.Dispatcher;
}

/**
 * The step's dispatcher. Always the proxy-aware one, given the proxy variables of the step's
 * environment explicitly (undici would otherwise read process.env): without any it is a plain
 * keep-alive Agent for every origin.
 */
function loaded(undici: typeof Undici, options: ConnectionOptions): Loaded {
  const connect = { ...options.connect, timeout: options.connectTimeoutMs };
  const dispatcher = new undici.EnvHttpProxyAgent({
    ...proxyOptions(options.env),
    // A direct connection takes `connect`; a proxied one `proxyTls` to the proxy and
    // `requestTls` through its tunnel (ProxyAgent reads no `connect`).
    connect,
    proxyTls: connect,
    requestTls: connect,
    headersTimeout: options.responseTimeoutMs,
    bodyTimeout: options.responseTimeoutMs,
  });
  return { request: undici.request, dispatcher };
}
