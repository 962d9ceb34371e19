/**
 * Fault injection: queued misbehaviours for the next matching requests, to exercise a
 * client's retries and its handling of unknown outcomes. A fault can answer an error status
 * instead of handling the request, drop the connection before handling it, handle it and drop
 * the connection instead of answering (the request took effect, the client cannot know), or
 * delay the answer.
 */
import type { ApiResponse, ServiceName } from './http.js';
import { newRequestId, newUuid } from './ids.js';

export interface FaultSpec {
  /** Only requests to this service (any service when omitted). */
  service?: ServiceName;
  /** Only this HTTP method. */
  method?: string;
  /** Only paths starting with this, as the service sees them (`/v2/timer`, `/jobs/`). */
  path?: string;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  /** Answer this status (5xx, 429, …) instead of handling the request. */
  status?: number;
  /** Seconds for the `Retry-After` header; a 429 gets 1 unless told otherwise. */
  retry_after?: number;
  /** The error body to answer with; by default the service's own error shape. */
  body?: unknown;
  /** Destroy the connection before handling the request, or after handling it. */
  drop?: 'before' | 'after';
  /** Delay the answer by this many real milliseconds. */
  delay_ms?: number;
}

export class InvalidFaultError extends Error {}

const SERVICES: readonly ServiceName[] = ['auth', 'transfer', 'timers'];

function checkFault(spec: FaultSpec): void {
  const problems: string[] = [];
  const nonNegative = (value: unknown) => typeof value === 'number' && value >= 0;
  if (spec.service !== undefined && !SERVICES.includes(spec.service)) {
    problems.push(`service must be one of ${SERVICES.join(', ')}`);
  }
  if (spec.method !== undefined && typeof spec.method !== 'string') {
    problems.push('method must be a string');
  }
  if (spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/'))) {
    problems.push('path must be a string starting with "/"');
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1)) {
    problems.push('times must be an integer ≥ 1');
  }
  if (
    spec.status !== undefined &&
    !(Number.isInteger(spec.status) && spec.status >= 400 && spec.status <= 599)
  ) {
    problems.push('status must be an HTTP error status (400-599)');
  }
  if (spec.retry_after !== undefined && !nonNegative(spec.retry_after)) {
    problems.push('retry_after must be ≥ 0');
  }
  if (spec.drop !== undefined && spec.drop !== 'before' && spec.drop !== 'after') {
    problems.push('drop must be "before" or "after"');
  }
  if (spec.delay_ms !== undefined && !nonNegative(spec.delay_ms)) {
    problems.push('delay_ms must be ≥ 0');
  }
  if (spec.status === undefined && spec.drop === undefined && spec.delay_ms === undefined) {
    problems.push('a fault needs at least one of status, drop, delay_ms');
  }
  if (problems.length > 0) throw new InvalidFaultError(problems.join('; '));
}

export class FaultQueue {
  #faults: (FaultSpec & { remaining: number })[] = [];

  add(spec: FaultSpec): void {
    checkFault(spec);
    this.#faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.#faults = [];
  }

  /** The queued faults, `times` counting what is left of each. */
  list(): FaultSpec[] {
    return this.#faults.map(({ remaining, ...spec }) => ({ ...spec, times: remaining }));
  }

  /** The first fault matching this request, used up by one. */
  take(service: ServiceName, method: string, path: string): FaultSpec | undefined {
    const index = this.#faults.findIndex(
      (fault) =>
        (fault.service === undefined || fault.service === service) &&
        (fault.method === undefined || fault.method.toUpperCase() === method) &&
        (fault.path === undefined || path.startsWith(fault.path)),
    );
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#faults.splice(index, 1);
    return fault;
  }
}

/** The error answer of a fault with a `status`, in the service's own error shape by default. */
export function faultResponse(
  fault: FaultSpec & { status: number },
  service: ServiceName,
  path: string,
): ApiResponse {
  const retryAfter = fault.retry_after ?? (fault.status === 429 ? 1 : undefined);
  const headers = retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) };
  return {
    status: fault.status,
    body: fault.body ?? defaultErrorBody(service, fault.status, path),
    headers,
  };
}

function defaultErrorBody(service: ServiceName, status: number, path: string): unknown {
  const tooMany = status === 429;
  const message = tooMany ? 'Too many requests, slow down' : 'Service temporarily unavailable';
  switch (service) {
    case 'timers':
      return { error: { code: tooMany ? 'TOO_MANY_REQUESTS' : 'ERROR', detail: message, status } };
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
