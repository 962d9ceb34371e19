/**
 * Fault injection: queued misbehaviours for the next matching requests, to exercise a
 * client's retries and its handling of unknown outcomes. A fault can answer an error status
 * instead of handling the request (in the service's error shape, with a given body, with the
 * request echoed back, or with a body that is not JSON), drop the connection before handling
 * it, handle it and drop the connection instead of answering (the request took effect, the
 * client cannot know), or delay the answer. The answers are built in fault-responses.ts.
 */
import type { ServiceName } from './http.js';

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
  /**
   * With `status`: the error body repeats the request exactly as received, every header
   * unredacted and the raw body, as a gateway that echoes requests would. For security tests:
   * a client must not print such a body as it is.
   */
  echo_request?: boolean;
  /**
   * How the echo comes: `json` (default: `{message, request: {method, path, query, headers,
   * body}}`) or `text` — a plain-text dump of the request line, headers and body, as a proxy's
   * error page shows it, which a client can only print as it is (or redacted).
   */
  echo_format?: 'json' | 'text';
  /** With `status` (which may be 200 here): answer this text instead of a JSON body. */
  raw_body?: string;
  /** The Content-Type of `raw_body`; default `text/html; charset=utf-8`. */
  content_type?: string;
}

export class InvalidFaultError extends Error {}

const SERVICES: readonly ServiceName[] = ['auth', 'transfer', 'timers', 'flows'];

function checkFault(spec: FaultSpec): void {
  const nonNegative = (value: unknown) => typeof value === 'number' && value >= 0;
  const lowestStatus = spec.raw_body === undefined ? 400 : 200;
  const bodies = [spec.body, spec.raw_body, spec.echo_request].filter((v) => v !== undefined);
  const rules: [broken: boolean, problem: string][] = [
    [
      spec.service !== undefined && !SERVICES.includes(spec.service),
      `service must be one of ${SERVICES.join(', ')}`,
    ],
    [spec.method !== undefined && typeof spec.method !== 'string', 'method must be a string'],
    [
      spec.path !== undefined && (typeof spec.path !== 'string' || !spec.path.startsWith('/')),
      'path must be a string starting with "/"',
    ],
    [
      spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 1),
      'times must be an integer ≥ 1',
    ],
    [
      spec.status !== undefined &&
        !(Number.isInteger(spec.status) && spec.status >= lowestStatus && spec.status <= 599),
      'status must be an HTTP error status (400-599), or 200-599 with raw_body',
    ],
    [spec.retry_after !== undefined && !nonNegative(spec.retry_after), 'retry_after must be ≥ 0'],
    [
      spec.drop !== undefined && spec.drop !== 'before' && spec.drop !== 'after',
      'drop must be "before" or "after"',
    ],
    [spec.delay_ms !== undefined && !nonNegative(spec.delay_ms), 'delay_ms must be ≥ 0'],
    [
      spec.echo_request !== undefined && typeof spec.echo_request !== 'boolean',
      'echo_request must be true or false',
    ],
    [
      spec.echo_format !== undefined &&
        (!['json', 'text'].includes(spec.echo_format) || spec.echo_request !== true),
      'echo_format must be json or text, given with echo_request: true',
    ],
    [spec.raw_body !== undefined && typeof spec.raw_body !== 'string', 'raw_body must be a string'],
    [
      spec.content_type !== undefined &&
        (typeof spec.content_type !== 'string' || spec.raw_body === undefined),
      'content_type must be a string, given with raw_body',
    ],
    [bodies.length > 1, 'give only one of body, raw_body, echo_request'],
    [
      bodies.length > 0 && spec.status === undefined,
      'body, raw_body and echo_request need a status',
    ],
    [
      spec.status === undefined && spec.drop === undefined && spec.delay_ms === undefined,
      'a fault needs at least one of status, drop, delay_ms',
    ],
  ];
  const problems = rules.filter(([broken]) => broken).map(([, problem]) => problem);
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
