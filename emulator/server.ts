/**
 * The HTTP front: one node:http server on 127.0.0.1 serving all four services, both under
 * a prefix (`/auth/…`, `/transfer/…`, `/timers/…`, `/flows/…`, for clients that keep a base
 * URL's path, like the Python SDK) and at the root (for clients that drop it, like the JS SDK),
 * where the path itself says which service is meant. `/_emulator/…` is the control API.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleAuth } from './auth.js';
import { handleControl } from './control.js';
import { handleFlows } from './flows.js';
import type { EmulatorCore } from './core.js';
import { faultResponse } from './fault-responses.js';
import type { FaultSpec } from './faults.js';
import type { ApiRequest, ApiResponse, ServiceName } from './http.js';
import type { EmulatorState } from './state.js';
import { timersTime } from './time.js';
import { handleTimers } from './timers.js';
import { handleTransfer } from './transfer.js';

const HANDLERS: Record<ServiceName, (request: ApiRequest, state: EmulatorState) => ApiResponse> = {
  auth: handleAuth,
  transfer: handleTransfer,
  timers: handleTimers,
  flows: handleFlows,
};

const PREFIXES: Record<string, ServiceName> = {
  '/auth': 'auth',
  '/transfer': 'transfer',
  '/timers': 'timers',
};
const MAX_BODY_BYTES = 1024 * 1024;

interface ServiceTarget {
  service: ServiceName;
  mount: string;
  path: string;
}

/**
 * Flows' prefix collides with its own root paths: `/flows/<id>` is a flow at the root, so only
 * `/flows/flows/…` and `/flows/runs/…` (the Python SDK's `…/flows/` base URL joined with
 * `/flows/<id>` or `/runs/<id>`) are read as prefixed.
 */
function routeToFlows(pathname: string): ServiceTarget | undefined {
  const prefixed = /^\/flows(\/(?:flows|runs)(?:\/.*)?)$/.exec(pathname)?.[1];
  if (prefixed) return { service: 'flows', mount: '/flows', path: prefixed };
  if (/^\/(flows|runs)(\/|$)/.test(pathname))
    return { service: 'flows', mount: '', path: pathname };
  return undefined;
}

/** Which service a path is for, and the path as that service sees it. */
export function routeToService(pathname: string): ServiceTarget | undefined {
  const flows = routeToFlows(pathname);
  if (flows) return flows;
  const [, first = ''] = /^(\/[^/]*)/.exec(pathname) ?? [];
  const prefixed = PREFIXES[first];
  if (prefixed) {
    return { service: prefixed, mount: first, path: pathname.slice(first.length) || '/' };
  }
  if (/^\/v2\/(oauth2|api)\//.test(pathname)) return { service: 'auth', mount: '', path: pathname };
  if (pathname.startsWith('/v0.10/')) return { service: 'transfer', mount: '', path: pathname };
  if (pathname === '/v2/timer' || /^\/jobs(\/|$)/.test(pathname)) {
    return { service: 'timers', mount: '', path: pathname };
  }
  return undefined;
}

export function createEmulatorServer(core: EmulatorCore): Server {
  return createServer((request, response) => {
    serve(core, request, response).catch((error: unknown) => {
      console.error('globus emulator: unexpected error', error);
      if (response.headersSent) response.destroy();
      else send(response, { status: 500, body: { error: 'emulator failure' } }, core.state.now());
    });
  });
}

async function serve(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const receivedMs = core.elapsedMs();
  const rawBody = await readBody(request);
  core.catchUp();
  if (rawBody === undefined) {
    return send(
      response,
      { status: 413, body: { error: 'request body too large' } },
      core.state.now(),
    );
  }
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  const method = request.method ?? 'GET';
  if (url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')) {
    return send(
      response,
      handleControl(method, url.pathname.slice('/_emulator'.length), rawBody, core),
      core.state.now(),
    );
  }
  const target = routeToService(url.pathname);
  if (!target)
    return send(response, { status: 404, body: { detail: 'Not Found' } }, core.state.now());
  const exchange = { request, response, rawBody, url, method, target, receivedMs };
  await serveService(core, exchange);
}

/** One request to a service, with what the server learnt about it on the way in. */
interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  rawBody: string;
  url: URL;
  method: string;
  target: ServiceTarget;
  receivedMs: number;
}

/**
 * Logs the request, answers it (or a queued fault does), waits out the configured latency and
 * any fault delay, then replies, or drops the connection for a fault that says so.
 */
async function serveService(core: EmulatorCore, exchange: Exchange): Promise<void> {
  const { request, response, rawBody, url, method, target } = exchange;
  const fault = core.faults.take(target.service, method, target.path);
  // "before": the connection breaks on the way in; the service never sees the request.
  if (fault?.drop === 'before') return void request.socket.destroy();
  const seq = core.log.record({
    at: timersTime(core.state.now()),
    receivedMs: exchange.receivedMs,
    service: target.service,
    method,
    path: target.path,
    query: url.searchParams,
    rawHeaders: request.rawHeaders,
    rawBody,
  });
  const answer = answerFor(core, exchange, fault);
  // Latency is real time, for benchmarks: a client's rounds of requests each pay it once.
  const delay = core.state.config.latency_ms + (fault?.delay_ms ?? 0);
  if (delay > 0) await sleep(delay);
  // "after": the request took effect, but the client never learns how it went.
  if (fault?.drop === 'after') request.socket.destroy();
  else send(response, answer, core.state.now());
  core.log.answered(seq, core.elapsedMs());
}

/** The service's answer, or the one a fault with a status gives instead of handling it. */
function answerFor(core: EmulatorCore, exchange: Exchange, fault?: FaultSpec): ApiResponse {
  const { request, rawBody, url, method, target } = exchange;
  if (fault?.status !== undefined) {
    const asReceived = { method, url: request.url ?? '/', rawHeaders: request.rawHeaders, rawBody };
    const withStatus = { ...fault, status: fault.status };
    return faultResponse(withStatus, target.service, target.path, asReceived);
  }
  const apiRequest: ApiRequest = {
    method,
    path: target.path,
    query: url.searchParams,
    headers: request.headers,
    rawBody,
    mount: target.mount,
  };
  return HANDLERS[target.service](apiRequest, core.state);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes the answer: JSON from `body`, or a fault's `text` as it is. Its `Date` is the
 * emulator's clock, as a real service's is its own: a client that reads the service's time
 * from its answers sees the virtual clock, advanced or not.
 */
function send(response: ServerResponse, answer: ApiResponse, now: number): void {
  const headers: Record<string, string> = {
    Date: new Date(now).toUTCString(),
    ...answer.headers,
  };
  const json = answer.text === undefined && answer.body !== undefined;
  const payload = answer.text ?? (json ? JSON.stringify(answer.body) : '');
  if (json) headers['Content-Type'] = 'application/json';
  headers['Content-Length'] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers);
  response.end(payload);
}
