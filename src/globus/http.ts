import type { Clock, Log, Sleep } from '../ports.js';
import { clip } from '../redactor.js';
import { joinUrl, type ServiceUrls } from './environments.js';
import type { ServiceClock } from './service-clock.js';
import type { Transport, TransportResponse } from './transport.js';
import {
  GlobusApiError,
  SERVICE_NAMES,
  describeErrorBody,
  type GlobusApiErrorDetails,
  type Service,
} from './errors.js';

export interface HttpRequest {
  service: Service;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under the service's base URL, e.g. `/jobs/` or `/v0.10/task/<id>`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  /** The Authorization header value; never logged. */
  authorization?: string;
  /**
   * Whether a failed attempt may simply be sent again. False for requests whose repetition could
   * make something twice (creating a timer): those are only re-sent when they certainly were not
   * processed, and otherwise fail with `outcomeUnknown` for the caller to resolve.
   */
  repeatable?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  body: T;
}

export interface HttpOptions {
  urls: ServiceUrls;
  /** How many times a retryable failure is retried. */
  retries: number;
  /** Epoch ms after which no request starts and no retry waits. */
  deadline: number;
  /** Upper bound for one request's round trip. */
  requestTimeoutMs: number;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  log: Log;
  userAgent: string;
  /** How requests travel: the step's undici connections (transport.ts). */
  transport: Transport;
  /** Told the Date of every answer, so times from Globus are compared on Globus's clock. */
  serviceClock?: ServiceClock;
}

/** Statuses worth another attempt: rate limiting and the service being briefly unwell. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Connection errors that prove the request never reached the service. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const MAX_BACKOFF_MS = 10_000;
/** The code of a success whose body is not JSON (a proxy's page, a truncated reply). */
export const MALFORMED = 'MalformedResponse';

/**
 * The one HTTP client: base URLs, JSON and form bodies, per-request timeouts, and the one retry
 * policy (jittered exponential backoff, Retry-After honoured, bounded by `retries` and the
 * step's deadline). Every failure becomes a GlobusApiError.
 */
export class HttpClient {
  private requestCount = 0;
  /** Epoch ms before which no request starts (the service asked us to wait). */
  private pausedUntil = 0;
  /** The one sleep every request held by the pause shares, and the time it sleeps until. */
  private pausing: { until: number; over: Promise<void> } | undefined;

  constructor(private readonly options: HttpOptions) {}

  /** The same client with another deadline (for clean-up after the step's own time is up). */
  withDeadline(deadline: number): HttpClient {
    return new HttpClient({ ...this.options, deadline });
  }

  /** Requests sent so far, retries included (for the benchmarks and request-count tests). */
  get requestsSent(): number {
    return this.requestCount;
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const { retries, log } = this.options;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(request);
      if ('response' in outcome) return outcome.response as HttpResponse<T>;
      const { error, retryAfter, at } = outcome;
      const wait = this.retryDelay(request, error, retryAfter, at, attempt);
      if (wait === undefined || attempt >= retries) throw error;
      log.info(
        `${SERVICE_NAMES[request.service]} ${request.method} ${request.path}: ${error.status ?? error.code}; retrying in ${(wait / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${retries + 1})`,
      );
      // A retry due before the client's pause ends (a 429's own, for one) waits out the pause
      // with every other request, in the next attempt: one sleep for them all.
      if (at + wait > this.pausedUntil) await this.options.sleep(wait);
    }
  }

  /** One round trip; a failure is returned, not thrown, so the retry policy can weigh it. */
  private async attempt(request: HttpRequest): Promise<Attempt> {
    const { clock, deadline, requestTimeoutMs, log } = this.options;
    const fail = (
      details: Partial<GlobusApiErrorDetails>,
      retryAfter?: string,
      at = clock(),
    ): Attempt => ({
      error: new GlobusApiError({
        service: request.service,
        method: request.method,
        path: request.path,
        detail: 'request failed',
        ...details,
      }),
      retryAfter,
      at,
    });
    if (!(await this.pauseOver())) {
      return fail({
        code: 'Timeout',
        detail: 'the wait Globus asked for (Retry-After) leaves no time before the step timeout',
      });
    }
    const remaining = deadline - clock();
    if (remaining <= 0) return fail({ code: 'Timeout', detail: 'the step timeout was reached' });
    const url = this.url(request);
    const started = clock();
    this.requestCount++;
    let response: TransportResponse;
    try {
      response = await this.options.transport({
        url,
        method: request.method,
        headers: this.headers(request),
        body: this.body(request),
        signal: AbortSignal.timeout(Math.min(requestTimeoutMs, remaining)),
      });
    } catch (error) {
      const code = networkCode(error);
      log.debug(`${request.method} ${url}: ${code} after ${clock() - started} ms`);
      if (code === 'RequestTimeout' && remaining < requestTimeoutMs && clock() >= deadline) {
        // Cut short by the step's own time, not by a slow network: say so, and never retry.
        return fail({
          code: 'Timeout',
          detail: 'the step timeout was reached while waiting for an answer',
          outcomeUnknown: true,
        });
      }
      return fail({
        code,
        detail: describeNetworkError(error, code),
        outcomeUnknown: !NOT_SENT_CODES.has(code),
      });
    }
    // Read before the body is parsed: a Retry-After counts from the answer's arrival.
    const answeredAt = clock();
    const { text, status } = response;
    const date = response.headers.date;
    this.options.serviceClock?.heard(typeof date === 'string' ? date : undefined);
    const retryAfter = response.headers['retry-after'];
    log.debug(`${request.method} ${url}: ${status} (${clock() - started} ms)`);
    const body = parseJson(text);
    if (status < 400) {
      if (body !== undefined || text.trim() === '') return { response: { status, body } };
      // A success whose body cannot be read: whatever was asked may well have been done.
      return fail({
        status: status,
        code: MALFORMED,
        detail: `the answer is not JSON: ${clip(text, 200)}`,
        outcomeUnknown: true,
      });
    }
    const described = describeErrorBody(body);
    return fail(
      {
        status: status,
        ...described,
        detail: clip(described.detail ?? (text || `HTTP ${status}`)),
        outcomeUnknown: status >= 500,
        body: body ?? text,
      },
      typeof retryAfter === 'string' ? retryAfter : undefined,
      answeredAt,
    );
  }

  /** Milliseconds to wait before retrying, or undefined when this failure is final. */
  private retryDelay(
    request: HttpRequest,
    error: GlobusApiError,
    retryAfter: string | undefined,
    at: number,
    attempt: number,
  ): number | undefined {
    const repeatable = request.repeatable ?? true;
    if (error.code === 'Timeout' && error.status === undefined && !error.outcomeUnknown) {
      return undefined; // the step's own deadline, not the network
    }
    if (error.status === undefined || error.code === MALFORMED) {
      if (!repeatable && error.outcomeUnknown) return undefined;
    } else if (!RETRYABLE_STATUSES.has(error.status)) {
      return undefined;
    } else if (error.status !== 429 && !repeatable) {
      return undefined;
    } else if (
      request.service === 'transfer' &&
      /ExternalError|EndpointError/.test(error.code ?? '')
    ) {
      return undefined; // Transfer's endpoint-side failures do not heal on retry
    }
    // The service's own word on when to come back wins over our guess.
    const told = parseRetryAfter(retryAfter, at);
    const wait = told ?? backoffMs(attempt, this.options.random);
    if (told !== undefined && error.status === 429) this.pauseAll(at + told);
    return at + wait < this.options.deadline ? wait : undefined;
  }

  /**
   * Rate limiting concerns the client, not one request: after a 429 with Retry-After, no
   * request of this step starts before that time (a spec file's workers wait together). 429s
   * that come together make one pause, to the latest time any of them asked for.
   */
  private pauseAll(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /**
   * Holds a request until the pause is over, every request held sharing one sleep (a pause made
   * longer meanwhile takes one more); false, at once, when the pause would outlast the step (no
   * request may start after its deadline, nor wait past it).
   */
  private async pauseOver(): Promise<boolean> {
    const { clock, sleep, deadline } = this.options;
    let sleptUntil = 0;
    // A sleep under way is waited out whatever the clock says: a virtual clock (the emulator's,
    // the tests') moves as the sleep begins, not as it ends.
    while (this.pausing || this.pausedUntil > Math.max(sleptUntil, clock())) {
      if (!this.pausing) {
        if (this.pausedUntil >= deadline) return false;
        const until = this.pausedUntil;
        const over = sleep(until - clock()).finally(() => {
          this.pausing = undefined;
        });
        this.pausing = { until, over };
      }
      const { until, over } = this.pausing;
      await over;
      sleptUntil = Math.max(sleptUntil, until);
    }
    return true;
  }

  private url(request: HttpRequest): string {
    const url = joinUrl(this.options.urls[request.service], request.path);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) query.set(key, String(value));
    }
    const search = query.toString();
    return search ? `${url}?${search}` : url;
  }

  private headers(request: HttpRequest): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.options.userAgent,
      'x-globus-client-info': `product=globus-timer-action,version=${VERSION}`,
    };
    if (request.authorization) headers.authorization = request.authorization;
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (request.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    return headers;
  }

  private body(request: HttpRequest): string | undefined {
    if (request.json !== undefined) return JSON.stringify(request.json);
    if (request.form !== undefined) return new URLSearchParams(request.form).toString();
    return undefined;
  }
}

export const VERSION = '0.1.0';

/**
 * The Python SDK's backoff: (0.25 + 0.5·random) · 2^attempt seconds, each wait capped at 10 s.
 */
export function backoffMs(attempt: number, random: () => number): number {
  return Math.min(MAX_BACKOFF_MS, (0.25 + 0.5 * random()) * 2 ** attempt * 1000);
}

/** A round trip's result: an answer, or an error and the Retry-After that came with it. */
type Attempt =
  | { response: HttpResponse }
  | { error: GlobusApiError; retryAfter?: string | undefined; at: number };

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value?.trim()) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What a request that got no answer is called: the code of Node's or undici's error (a
 * DOMException's code is a number, not one of these), its cause's, or a timeout of ours.
 */
function networkCode(error: unknown): string {
  const { name, code, cause } = error as {
    name?: string;
    code?: unknown;
    cause?: { code?: string };
  };
  if (typeof code === 'string') return TIMEOUT_CODES.has(code) ? 'RequestTimeout' : code;
  if (name === 'TimeoutError' || name === 'AbortError') return 'RequestTimeout';
  return cause?.code ?? 'NetworkError';
}

/** undici's own timeouts for an answer (the dispatcher's, transport.ts): the request timeout. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function describeNetworkError(error: unknown, code: string): string {
  if (code === 'RequestTimeout') return 'no answer before the request timeout';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
    return 'the connection was closed before an answer came';
  return (error as Error).message || code;
}
