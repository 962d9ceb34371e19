/**
 * A tiny client for talking to the emulator over real loopback HTTP in tests.
 */
import { expect } from '@jest/globals';
import { type ClientCredentials, DEMO_CLIENT, type Emulator } from '../../emulator/index.js';

/** Tests read arbitrary JSON documents. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

export interface CallOptions {
  token?: string;
  basic?: ClientCredentials;
  json?: unknown;
  form?: Record<string, string>;
  rawBody?: string;
  redirect?: 'follow' | 'manual';
  /** More request headers. */
  headers?: Record<string, string>;
}

export const TIMERS_RS = '524230d7-ea86-4a52-8312-86065a9e0417';
export const TIMER_SCOPE = `https://auth.globus.org/scopes/${TIMERS_RS}/timer`;
export const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';
export const dataAccess = (id: string) => `https://auth.globus.org/scopes/${id}/data_access`;

export const FLOWS_RS = 'flows.globus.org';
export const FLOWS_SCOPE =
  'https://auth.globus.org/scopes/eec9b274-0c81-4334-bdc2-54e90e689b9a/all';
/** A flow's own scope, `…/<id>/flow_<id with _>_user`. */
export const flowUserScope = (flowId: string) =>
  `https://auth.globus.org/scopes/${flowId}/flow_${flowId.replaceAll('-', '_')}_user`;
/** `timer[<flow user scope>]`, what a flow timer needs. */
export const timerFlowScope = (flowId: string) => `${TIMER_SCOPE}[${flowUserScope(flowId)}]`;

/** `timer[transfer:all[*data_access …]]`, the chain the action requests. */
export function timerScope(collectionIds: string[] = [], optional = true): string {
  if (collectionIds.length === 0) return `${TIMER_SCOPE}[${TRANSFER_SCOPE}]`;
  const marker = optional ? '*' : '';
  const dependencies = collectionIds.map((id) => `${marker}${dataAccess(id)}`).join(' ');
  return `${TIMER_SCOPE}[${TRANSFER_SCOPE}[${dependencies}]]`;
}

function requestInit(method: string, options: CallOptions): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.basic) {
    const encoded = Buffer.from(`${options.basic.id}:${options.basic.secret}`).toString('base64');
    headers.Authorization = `Basic ${encoded}`;
  }
  if (options.json !== undefined && method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  }
  return { method, headers, body, redirect: options.redirect ?? 'follow' };
}

export async function call(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const { status, headers, text } = await callText(emulator, method, path, options);
  return { status, headers, body: text ? JSON.parse(text) : null };
}

/** Like `call`, for answers that need not be JSON: the body as text. */
export async function callText(
  emulator: Emulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${emulator.url}${path}`, requestInit(method, options));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Requests tokens; answers the access token per resource server. */
export async function tokens(
  emulator: Emulator,
  scope: string,
  client: ClientCredentials = DEMO_CLIENT,
): Promise<Record<string, string>> {
  const reply = await call(emulator, 'POST', '/v2/oauth2/token', {
    basic: client,
    form: { grant_type: 'client_credentials', scope },
  });
  expect(reply.status).toBe(200);
  const all = [reply.body, ...reply.body.other_tokens] as {
    resource_server: string;
    access_token: string;
  }[];
  return Object.fromEntries(all.map((token) => [token.resource_server, token.access_token]));
}

export async function timersToken(
  emulator: Emulator,
  collectionIds: string[] = [],
  client: ClientCredentials = DEMO_CLIENT,
): Promise<string> {
  const granted = await tokens(emulator, timerScope(collectionIds), client);
  return granted[TIMERS_RS] ?? '';
}

export async function transferToken(emulator: Emulator, client: ClientCredentials = DEMO_CLIENT) {
  const granted = await tokens(emulator, TRANSFER_SCOPE, client);
  return granted['transfer.api.globus.org'] ?? '';
}

/** A Flows token (scope `…/all` unless another is given). */
export async function flowsToken(
  emulator: Emulator,
  scope = FLOWS_SCOPE,
  client: ClientCredentials = DEMO_CLIENT,
): Promise<string> {
  const granted = await tokens(emulator, scope, client);
  return granted[FLOWS_RS] ?? '';
}

/**
 * A Timers token carrying these flows' consents, asked for as the official CLI asks:
 * `timer[transfer:all]` plus one top-level `timer[<flow user scope>]` per flow.
 */
export async function flowTimersToken(
  emulator: Emulator,
  flowIds: string[],
  client: ClientCredentials = DEMO_CLIENT,
): Promise<string> {
  const scope = [timerScope(), ...flowIds.map(timerFlowScope)].join(' ');
  const granted = await tokens(emulator, scope, client);
  return granted[TIMERS_RS] ?? '';
}

/** A valid `POST /v2/timer` body; `timer` and `body` fields override the defaults. */
export function timerRequest(
  source: string,
  destination: string,
  timer: Record<string, unknown> = {},
  body: Record<string, unknown> = {},
): Json {
  return {
    timer: {
      timer_type: 'transfer',
      name: 'emulator test timer',
      schedule: { type: 'recurring', interval_seconds: 3600 },
      ...timer,
      body: {
        DATA_TYPE: 'transfer',
        source_endpoint: source,
        destination_endpoint: destination,
        DATA: [
          {
            DATA_TYPE: 'transfer_item',
            source_path: '/data/a.txt',
            destination_path: '/backup/a.txt',
          },
        ],
        ...body,
      },
    },
  };
}

/** A valid flow timer for `POST /v2/timer`, starting its flow with `start`; `timer` overrides. */
export function flowTimerRequest(
  flowId: string,
  start: Record<string, unknown> = { body: {} },
  timer: Record<string, unknown> = {},
): Json {
  return {
    timer: {
      timer_type: 'flow',
      flow_id: flowId,
      name: 'emulator flow timer',
      schedule: { type: 'recurring', interval_seconds: 3600 },
      body: start,
      ...timer,
    },
  };
}

/** Creates a timer (expecting 201) and answers its id. */
export async function createTimer(
  emulator: Emulator,
  token: string,
  request: Json,
): Promise<string> {
  const reply = await call(emulator, 'POST', '/v2/timer', { token, json: request });
  expect(reply.status).toBe(201);
  return reply.body.timer.job_id as string;
}

export async function getJob(
  emulator: Emulator,
  token: string,
  id: string,
  query = '',
): Promise<Json> {
  const reply = await call(emulator, 'GET', `/jobs/${id}${query}`, { token });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Chooses settings through the control API, as a test in another process would. */
export async function configure(emulator: Emulator, settings: Record<string, unknown>) {
  const reply = await call(emulator, 'POST', '/_emulator/config', { json: settings });
  expect(reply.status).toBe(200);
  return reply.body as Json;
}
