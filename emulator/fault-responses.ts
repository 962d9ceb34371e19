/**
 * What a fault with a `status` answers instead of the service: the service's own error shape
 * by default, the fault's `body`, a body that is not JSON (`raw_body`: an HTML error page,
 * truncated JSON, a 200 that cannot be parsed), or the request echoed back (`echo_request`),
 * credentials and all, as a misbehaving gateway would.
 */
import type { FaultSpec } from './faults.js';
import type { ApiResponse, ServiceName } from './http.js';
import { newRequestId, newUuid } from './ids.js';

/** The request exactly as it reached the emulator, before any parsing or redaction. */
export interface RequestAsReceived {
  method: string;
  /** The path and query as the client sent them, service prefix included. */
  url: string;
  /** Node's `rawHeaders`: names as the client spelled them, values untouched. */
  rawHeaders: string[];
  rawBody: string;
}

const DEFAULT_RAW_CONTENT_TYPE = 'text/html; charset=utf-8';

export function faultResponse(
  fault: FaultSpec & { status: number },
  service: ServiceName,
  path: string,
  request: RequestAsReceived,
): ApiResponse {
  const retryAfter = fault.retry_after ?? (fault.status === 429 ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  if (fault.raw_body !== undefined) {
    headers['Content-Type'] = fault.content_type ?? DEFAULT_RAW_CONTENT_TYPE;
    return { status: fault.status, text: fault.raw_body, headers };
  }
  if (fault.echo_request && fault.echo_format === 'text') {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    return { status: fault.status, text: echoText(fault.status, request), headers };
  }
  const body = fault.echo_request
    ? echoBody(fault.status, request)
    : (fault.body ?? defaultErrorBody(service, fault.status, path));
  return { status: fault.status, body, headers };
}

/** The echo as a proxy's plain-text error page: request line, headers, a blank line, body. */
function echoText(status: number, request: RequestAsReceived): string {
  const headers: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    headers.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  }
  return [
    `Upstream answered ${status} to:`,
    `${request.method} ${request.url} HTTP/1.1`,
    ...headers,
    '',
    request.rawBody,
  ].join('\n');
}

/** What a gateway that echoes requests answers: the request, secrets and all, unredacted. */
function echoBody(status: number, request: RequestAsReceived): Record<string, unknown> {
  const [path = '', query = ''] = splitOnce(request.url, '?');
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? '';
    const value = request.rawHeaders[i + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return {
    message: `Upstream answered ${status}; the request it was sent:`,
    request: { method: request.method, path, query, headers, body: request.rawBody },
  };
}

function splitOnce(text: string, separator: string): [string, string] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, ''] : [text.slice(0, index), text.slice(index + 1)];
}

function defaultErrorBody(service: ServiceName, status: number, path: string): unknown {
  const tooMany = status === 429;
  const message = tooMany ? 'Too many requests, slow down' : 'Service temporarily unavailable';
  switch (service) {
    case 'timers':
      return { error: { code: tooMany ? 'TOO_MANY_REQUESTS' : 'ERROR', detail: message, status } };
    case 'flows':
      return {
        error: { code: tooMany ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE', detail: message },
        debug_id: newUuid(),
      };
    case 'transfer':
      return {
        code: tooMany ? 'RequestLimitExceeded' : 'ServiceUnavailable',
        message,
        request_id: newRequestId(),
        resource: path,
      };
    case 'auth':
      return {
        error: tooMany ? 'too_many_requests' : 'temporarily_unavailable',
        error_description: message,
        errors: [
          {
            status: String(status),
            id: newUuid(),
            code: tooMany ? 'TOO_MANY_REQUESTS' : 'SERVICE_UNAVAILABLE',
            detail: message,
            title: message,
          },
        ],
      };
  }
}
