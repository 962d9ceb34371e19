export type Service = 'auth' | 'transfer' | 'timers' | 'flows';

export const SERVICE_NAMES: Record<Service, string> = {
  auth: 'Globus Auth',
  transfer: 'Globus Transfer',
  timers: 'Globus Timers',
  flows: 'Globus Flows',
};

export interface GlobusApiErrorDetails {
  service: Service;
  method: string;
  path: string;
  /** HTTP status; undefined when no answer came back (network error, timeout). */
  status?: number;
  /** Globus's error code (`EndpointNotFound`, `ConsentRequired`, `invalid_client`, …). */
  code?: string;
  detail: string;
  requestId?: string;
  /** The request may have been carried out although no answer came back. */
  outcomeUnknown?: boolean;
  /** The parsed error document, for callers that look deeper (authorization requirements). */
  body?: unknown;
}

/** The one error type for anything a Globus service answered badly or not at all. */
export class GlobusApiError extends Error {
  readonly service: Service;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly code?: string;
  readonly detail: string;
  readonly requestId?: string;
  readonly outcomeUnknown: boolean;
  readonly body?: unknown;

  constructor(details: GlobusApiErrorDetails) {
    const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
    const code = details.code ? ` ${details.code}` : '';
    const id = details.requestId ? ` (request id ${details.requestId})` : '';
    super(
      `${SERVICE_NAMES[details.service]} ${details.method} ${details.path}: ${status}${code}: ${details.detail}${id}`,
    );
    this.name = 'GlobusApiError';
    this.service = details.service;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.code = details.code;
    this.detail = details.detail;
    this.requestId = details.requestId;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
    this.body = details.body;
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Code, message and request id from any Globus error document: Timers (`{"error": {...}}` or a
 * FastAPI `detail` list), Transfer (`code`/`message`/`request_id`), Auth (OAuth2 `error` plus a
 * JSON:API `errors` array) — see __fixtures__/globus-api/.
 */
export function describeErrorBody(body: unknown): {
  code?: string;
  detail?: string;
  requestId?: string;
} {
  if (!isObject(body)) return {};
  if (isObject(body.error)) {
    return pick(text(body.error.code), text(body.error.detail) ?? text(body.error.message));
  }
  if (Array.isArray(body.detail)) {
    const messages = body.detail.filter(isObject).map((item) => {
      const loc = Array.isArray(item.loc) ? item.loc.join('.') : '';
      return loc ? `${String(item.msg)}: ${loc}` : String(item.msg);
    });
    return pick('ValidationError', messages.join('; '));
  }
  const first = Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : {};
  return pick(
    text(body.code) ?? text(body.error) ?? text(first.code),
    text(body.message) ??
      text(body.error_description) ??
      text(first.detail) ??
      text(body.detail) ??
      text(body.description),
    text(body.request_id) ?? text(first.id),
  );
}

function pick(code?: string, detail?: string, requestId?: string) {
  return {
    ...(code ? { code } : {}),
    ...(detail ? { detail } : {}),
    ...(requestId ? { requestId } : {}),
  };
}
