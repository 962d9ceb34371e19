/**
 * Every request the emulated services received, in the format of
 * `globus-api/official-cli-requests.jsonl` (so the action's traffic can be compared with the
 * official CLI's), with credentials redacted: Authorization headers, client secrets, tokens.
 * Each entry also has the real times it arrived and was answered, so a test can tell which
 * requests a client made one after another and which together (request-timing.ts).
 */
import { type ServiceName, isRecord, parseJson, queryRecord } from './http.js';

export interface LoggedRequest {
  seq: number;
  /** Virtual time the request arrived. */
  at: string;
  service: ServiceName;
  method: string;
  /** The path as the service sees it, without the `/auth`, `/transfer`, `/timers` prefix. */
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string>;
  body: unknown;
  /** Real milliseconds since the emulator started when the request arrived. */
  received_ms: number;
  /**
   * Real milliseconds since the emulator started when the reply was sent (or the connection
   * dropped instead); null while the request is still being answered.
   */
  answered_ms: number | null;
}

const REDACTED = '<redacted>';
const SECRET_KEYS = new Set([
  'client_secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
]);

export interface ReceivedRequest {
  at: string;
  receivedMs: number;
  service: ServiceName;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Node's `rawHeaders`: names as the client spelled them. */
  rawHeaders: string[];
  rawBody: string;
}

export class RequestLog {
  #entries: LoggedRequest[] = [];
  #seq = 0;

  /** Logs a request; answers its `seq`, for `answered`. */
  record(request: ReceivedRequest): number {
    this.#seq += 1;
    this.#entries.push({
      seq: this.#seq,
      at: request.at,
      service: request.service,
      method: request.method,
      path: request.path,
      query: queryRecord(request.query),
      headers: redactHeaders(request.rawHeaders),
      body: redactBody(request.rawBody, headerValue(request.rawHeaders, 'content-type')),
      received_ms: request.receivedMs,
      answered_ms: null,
    });
    return this.#seq;
  }

  /** Notes when request `seq` was answered; a log cleared meanwhile has nothing to note. */
  answered(seq: number, answeredMs: number): void {
    const entry = this.#entries.findLast((candidate) => candidate.seq === seq);
    if (entry) entry.answered_ms = answeredMs;
  }

  list(): LoggedRequest[] {
    return structuredClone(this.#entries);
  }

  clear(): void {
    this.#entries = [];
  }
}

function headerValue(rawHeaders: string[], name: string): string {
  const index = rawHeaders.findIndex((value, i) => i % 2 === 0 && value.toLowerCase() === name);
  return index < 0 ? '' : (rawHeaders[index + 1] ?? '');
}

function redactHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    const value = rawHeaders[i + 1] ?? '';
    const scheme = value.split(' ')[0] ?? '';
    headers[name] = name.toLowerCase() === 'authorization' ? `${scheme} ${REDACTED}` : value;
  }
  return headers;
}

function redactBody(rawBody: string, contentType: string): unknown {
  if (rawBody === '') return null;
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return redactSecrets(Object.fromEntries(new URLSearchParams(rawBody)));
  }
  const parsed = parseJson(rawBody);
  return parsed.ok ? redactSecrets(parsed.value) : rawBody;
}

function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.has(key) ? REDACTED : redactSecrets(inner),
    ]),
  );
}
