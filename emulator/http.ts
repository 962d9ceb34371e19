/**
 * The small HTTP vocabulary the service handlers share. Handlers are plain functions from an
 * `ApiRequest` to an `ApiResponse`; only server.ts touches sockets, so fault injection (delays,
 * dropped connections) can wrap any answer.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type ServiceName = 'auth' | 'transfer' | 'timers' | 'flows';

export interface ApiRequest {
  method: string;
  /** The path as the service sees it, without any `/auth`, `/transfer`, `/timers`, `/flows` prefix. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Where the service is mounted: `''` at the root, `/timers` (or another prefix) under it. */
  mount: string;
}

export interface ApiResponse {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is instead of `body`, with the Content-Type in `headers` (faults only). */
  text?: string;
  headers?: Record<string, string>;
}

export const respond = (
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
): ApiResponse => ({ status, body, headers });

export function bearerToken(request: ApiRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** HTTP Basic credentials, or undefined when the header is absent or not Basic. */
export function basicCredentials(request: ApiRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { id: decoded, secret: '' };
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function parseForm(rawBody: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(rawBody));
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; empty: boolean };

export function parseJson(rawBody: string): ParsedJson {
  if (rawBody.trim() === '') return { ok: false, empty: true };
  try {
    return { ok: true, value: JSON.parse(rawBody) as unknown };
  } catch {
    return { ok: false, empty: false };
  }
}

/** Query parameters as lists, the way the official CLI's request log records them. */
export function queryRecord(query: URLSearchParams): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [key, value] of query) (record[key] ??= []).push(value);
  return record;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
