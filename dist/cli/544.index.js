export const id = 544;
export const ids = [544];
export const modules = {

/***/ 2422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ partialOverrides),
/* harmony export */   Qz: () => (/* binding */ checkEnvironment),
/* harmony export */   _x: () => (/* binding */ serviceUrls),
/* harmony export */   cH: () => (/* binding */ whereItActs),
/* harmony export */   ju: () => (/* binding */ ENVIRONMENTS),
/* harmony export */   we: () => (/* binding */ joinUrl)
/* harmony export */ });
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8558);

/** Where each Globus service lives per environment (as the SDKs say), and the env overrides. */
const ENVIRONMENTS = [
    'production',
    'preview',
    'sandbox',
    'integration',
    'test',
    'staging',
];
function defaultUrls(environment) {
    if (environment === 'production') {
        return {
            auth: 'https://auth.globus.org/',
            transfer: 'https://transfer.api.globus.org/',
            timers: 'https://timer.automate.globus.org/',
            flows: 'https://flows.automate.globus.org/',
            app: 'https://app.globus.org/',
        };
    }
    if (environment === 'preview') {
        return {
            auth: 'https://auth.preview.globus.org/',
            transfer: 'https://transfer.api.preview.globus.org/',
            timers: 'https://preview.timer.automate.globus.org/',
            flows: 'https://preview.flows.automate.globus.org/',
            app: 'https://app.preview.globus.org/',
        };
    }
    return {
        auth: `https://auth.${environment}.globuscs.info/`,
        transfer: `https://transfer.api.${environment}.globuscs.info/`,
        timers: `https://${environment}.timer.automate.globus.org/`,
        flows: `https://${environment}.flows.automate.globus.org/`,
        app: `https://app.${environment}.globuscs.info/`,
    };
}
/**
 * Base URLs for `environment`, with `GLOBUS_SDK_SERVICE_URL_<SERVICE>` overrides as the SDKs
 * read them. Timers accepts both the JS SDK's `TIMERS` and the Python SDK's `TIMER`.
 */
function serviceUrls(environment, env) {
    const urls = defaultUrls(environment);
    const override = (...names) => names.map((name) => env[`GLOBUS_SDK_SERVICE_URL_${name}`]?.trim()).find((value) => value);
    return {
        auth: override('AUTH') ?? urls.auth,
        transfer: override('TRANSFER') ?? urls.transfer,
        timers: override('TIMERS', 'TIMER') ?? urls.timers,
        flows: override('FLOWS') ?? urls.flows,
        app: override('APP') ?? urls.app,
    };
}
/**
 * Base URL + request path, keeping any path the base carries (`…/timers/` + `/v2/timer` →
 * `…/timers/v2/timer`), as the Python SDK joins them; never resolved against the base.
 */
function joinUrl(base, path) {
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
const SERVICE_URL_VARIABLES = ['AUTH', 'TRANSFER', 'TIMERS', 'TIMER', 'FLOWS', 'APP'].map((service) => `GLOBUS_SDK_SERVICE_URL_${service}`);
/**
 * Checks the variables the action reads besides its inputs — service URLs, the request
 * timeout, proxies — so a typo fails before any request, naming the variable, instead of
 * surfacing later as a network error.
 */
function checkEnvironment(env) {
    const problems = [];
    for (const variable of [...SERVICE_URL_VARIABLES, ..._proxy_js__WEBPACK_IMPORTED_MODULE_0__/* .PROXY_VARIABLES */ .b]) {
        const value = env[variable];
        const message = value ? urlProblem(value) : undefined;
        if (message)
            problems.push({ variable, message });
    }
    const timeout = env.GLOBUS_SDK_HTTP_TIMEOUT;
    if (timeout && (!/^(-1|\d+(\.\d+)?)$/.test(timeout.trim()) || Number(timeout) === 0)) {
        problems.push({
            variable: 'GLOBUS_SDK_HTTP_TIMEOUT',
            message: `"${timeout}" is not a number of seconds (or -1 for no timeout)`,
        });
    }
    return problems;
}
function urlProblem(value) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        return `"${value}" is not a URL; use e.g. https://host/ or http://127.0.0.1:8080/timers/`;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return `"${value}" must start with https:// or http://`;
    }
    // No host check: the URL parser already refuses an http(s) URL without one (`https://`).
    return undefined;
}
const SERVICES = [
    ['auth', 'AUTH', 'Auth'],
    ['transfer', 'TRANSFER', 'Transfer'],
    ['timers', 'TIMERS', 'Timers'],
    ['flows', 'FLOWS', 'Flows'],
];
/** Whether a service's URL comes from a variable rather than the environment. */
function overridden(service, env) {
    const names = service === 'TIMERS' ? ['TIMERS', 'TIMER'] : [service];
    return names.some((name) => env[`GLOBUS_SDK_SERVICE_URL_${name}`]?.trim());
}
/**
 * Where a step acts, in words for its first line: the Globus environment, or — when service
 * URLs are overridden — the hosts they name (one when all share it, as with the emulator), and
 * the environment of any service left on it.
 */
function whereItActs(environment, env) {
    const urls = serviceUrls(environment, env);
    const moved = SERVICES.filter(([, name]) => overridden(name, env));
    if (moved.length === 0)
        return `on Globus ${environment}`;
    const origins = [...new Set(moved.map(([key]) => new URL(urls[key]).origin))];
    const hosts = origins.length === 1
        ? `on ${origins[0]}`
        : `on ${moved.map(([key, , label]) => `${label} ${new URL(urls[key]).origin}`).join(', ')}`;
    const left = SERVICES.filter(([, name]) => !overridden(name, env));
    if (left.length === 0)
        return `${hosts} (service URLs from GLOBUS_SDK_SERVICE_URL_*)`;
    return `${hosts}, ${left.map(([, , label]) => label).join(', ')} on Globus ${environment}`;
}
/**
 * With some service URLs overridden and others not, the others go to the environment's hosts —
 * a flow timer against the emulator would ask production Flows about its flow. One warning per
 * variable left unset, said before any request.
 */
function partialOverrides(environment, env) {
    const left = SERVICES.filter(([, name]) => !overridden(name, env));
    if (left.length === SERVICES.length || left.length === 0)
        return [];
    const urls = serviceUrls(environment, env);
    return left.map(([key, name, label]) => `GLOBUS_SDK_SERVICE_URL_${name} is not set while other service URLs are: ${label} requests go to Globus ${environment} (${urls[key]}). Set it too, or none of them`);
}


/***/ }),

/***/ 4875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jc: () => (/* binding */ GlobusApiError),
/* harmony export */   Z1: () => (/* binding */ SERVICE_NAMES),
/* harmony export */   ut: () => (/* binding */ describeErrorBody)
/* harmony export */ });
const SERVICE_NAMES = {
    auth: 'Globus Auth',
    transfer: 'Globus Transfer',
    timers: 'Globus Timers',
    flows: 'Globus Flows',
};
/** The one error type for anything a Globus service answered badly or not at all. */
class GlobusApiError extends Error {
    service;
    method;
    path;
    status;
    code;
    detail;
    requestId;
    outcomeUnknown;
    body;
    constructor(details) {
        const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
        const code = details.code ? ` ${details.code}` : '';
        const id = details.requestId ? ` (request id ${details.requestId})` : '';
        super(`${SERVICE_NAMES[details.service]} ${details.method} ${details.path}: ${status}${code}: ${details.detail}${id}`);
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
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value) => typeof value === 'string' && value !== '' ? value : undefined;
/**
 * Code, message and request id from any Globus error document: Timers (`{"error": {...}}` or a
 * FastAPI `detail` list), Transfer (`code`/`message`/`request_id`), Auth (OAuth2 `error` plus a
 * JSON:API `errors` array) — see __fixtures__/globus-api/.
 */
function describeErrorBody(body) {
    if (!isObject(body))
        return {};
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
    return pick(text(body.code) ?? text(body.error) ?? text(first.code), text(body.message) ??
        text(body.error_description) ??
        text(first.detail) ??
        text(body.detail) ??
        text(body.description), text(body.request_id) ?? text(first.id));
}
function pick(code, detail, requestId) {
    return {
        ...(code ? { code } : {}),
        ...(detail ? { detail } : {}),
        ...(requestId ? { requestId } : {}),
    };
}


/***/ }),

/***/ 5544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ HttpClient),
/* harmony export */   VERSION: () => (/* binding */ VERSION),
/* harmony export */   jo: () => (/* binding */ backoffMs)
/* harmony export */ });
/* unused harmony exports MALFORMED, parseRetryAfter */
/* harmony import */ var _redactor_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1751);
/* harmony import */ var _environments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2422);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4875);



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
const MALFORMED = 'MalformedResponse';
/**
 * The one HTTP client: base URLs, JSON and form bodies, per-request timeouts, and the one retry
 * policy (jittered exponential backoff, Retry-After honoured, bounded by `retries` and the
 * step's deadline). Every failure becomes a GlobusApiError.
 */
class HttpClient {
    options;
    requestCount = 0;
    /** Epoch ms before which no request starts (the service asked us to wait). */
    pausedUntil = 0;
    /** The one sleep every request held by the pause shares, and the time it sleeps until. */
    pausing;
    constructor(options) {
        this.options = options;
    }
    /** The same client with another deadline (for clean-up after the step's own time is up). */
    withDeadline(deadline) {
        return new HttpClient({ ...this.options, deadline });
    }
    /** Requests sent so far, retries included (for the benchmarks and request-count tests). */
    get requestsSent() {
        return this.requestCount;
    }
    async request(request) {
        const { retries, log } = this.options;
        for (let attempt = 0;; attempt++) {
            const outcome = await this.attempt(request);
            if ('response' in outcome)
                return outcome.response;
            const { error, retryAfter, at } = outcome;
            const wait = this.retryDelay(request, error, retryAfter, at, attempt);
            if (wait === undefined || attempt >= retries)
                throw error;
            log.info(`${_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVICE_NAMES */ .Z1[request.service]} ${request.method} ${request.path}: ${error.status ?? error.code}; retrying in ${(wait / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${retries + 1})`);
            // A retry due before the client's pause ends (a 429's own, for one) waits out the pause
            // with every other request, in the next attempt: one sleep for them all.
            if (at + wait > this.pausedUntil)
                await this.options.sleep(wait);
        }
    }
    /** One round trip; a failure is returned, not thrown, so the retry policy can weigh it. */
    async attempt(request) {
        const { clock, deadline, requestTimeoutMs, log } = this.options;
        const fail = (details, retryAfter, at = clock()) => ({
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .GlobusApiError */ .Jc({
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
        if (remaining <= 0)
            return fail({ code: 'Timeout', detail: 'the step timeout was reached' });
        const url = this.url(request);
        const started = clock();
        this.requestCount++;
        let response;
        try {
            response = await this.options.transport({
                url,
                method: request.method,
                headers: this.headers(request),
                body: this.body(request),
                signal: AbortSignal.timeout(Math.min(requestTimeoutMs, remaining)),
            });
        }
        catch (error) {
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
            if (body !== undefined || text.trim() === '')
                return { response: { status, body } };
            // A success whose body cannot be read: whatever was asked may well have been done.
            return fail({
                status: status,
                code: MALFORMED,
                detail: `the answer is not JSON: ${(0,_redactor_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(text, 200)}`,
                outcomeUnknown: true,
            });
        }
        const described = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeErrorBody */ .ut)(body);
        return fail({
            status: status,
            ...described,
            detail: (0,_redactor_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(described.detail ?? (text || `HTTP ${status}`)),
            outcomeUnknown: status >= 500,
            body: body ?? text,
        }, typeof retryAfter === 'string' ? retryAfter : undefined, answeredAt);
    }
    /** Milliseconds to wait before retrying, or undefined when this failure is final. */
    retryDelay(request, error, retryAfter, at, attempt) {
        const repeatable = request.repeatable ?? true;
        if (error.code === 'Timeout' && error.status === undefined && !error.outcomeUnknown) {
            return undefined; // the step's own deadline, not the network
        }
        if (error.status === undefined || error.code === MALFORMED) {
            if (!repeatable && error.outcomeUnknown)
                return undefined;
        }
        else if (!RETRYABLE_STATUSES.has(error.status)) {
            return undefined;
        }
        else if (error.status !== 429 && !repeatable) {
            return undefined;
        }
        else if (request.service === 'transfer' &&
            /ExternalError|EndpointError/.test(error.code ?? '')) {
            return undefined; // Transfer's endpoint-side failures do not heal on retry
        }
        // The service's own word on when to come back wins over our guess.
        const told = parseRetryAfter(retryAfter, at);
        const wait = told ?? backoffMs(attempt, this.options.random);
        if (told !== undefined && error.status === 429)
            this.pauseAll(at + told);
        return at + wait < this.options.deadline ? wait : undefined;
    }
    /**
     * Rate limiting concerns the client, not one request: after a 429 with Retry-After, no
     * request of this step starts before that time (a spec file's workers wait together). 429s
     * that come together make one pause, to the latest time any of them asked for.
     */
    pauseAll(until) {
        this.pausedUntil = Math.max(this.pausedUntil, until);
    }
    /**
     * Holds a request until the pause is over, every request held sharing one sleep (a pause made
     * longer meanwhile takes one more); false, at once, when the pause would outlast the step (no
     * request may start after its deadline, nor wait past it).
     */
    async pauseOver() {
        const { clock, sleep, deadline } = this.options;
        let sleptUntil = 0;
        // A sleep under way is waited out whatever the clock says: a virtual clock (the emulator's,
        // the tests') moves as the sleep begins, not as it ends.
        while (this.pausing || this.pausedUntil > Math.max(sleptUntil, clock())) {
            if (!this.pausing) {
                if (this.pausedUntil >= deadline)
                    return false;
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
    url(request) {
        const url = (0,_environments_js__WEBPACK_IMPORTED_MODULE_1__/* .joinUrl */ .we)(this.options.urls[request.service], request.path);
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(request.query ?? {})) {
            if (value !== undefined)
                query.set(key, String(value));
        }
        const search = query.toString();
        return search ? `${url}?${search}` : url;
    }
    headers(request) {
        const headers = {
            accept: 'application/json',
            'user-agent': this.options.userAgent,
            'x-globus-client-info': `product=globus-timer-action,version=${VERSION}`,
        };
        if (request.authorization)
            headers.authorization = request.authorization;
        if (request.json !== undefined)
            headers['content-type'] = 'application/json';
        if (request.form !== undefined)
            headers['content-type'] = 'application/x-www-form-urlencoded';
        return headers;
    }
    body(request) {
        if (request.json !== undefined)
            return JSON.stringify(request.json);
        if (request.form !== undefined)
            return new URLSearchParams(request.form).toString();
        return undefined;
    }
}
const VERSION = '0.1.0';
/**
 * The Python SDK's backoff: (0.25 + 0.5·random) · 2^attempt seconds, each wait capped at 10 s.
 */
function backoffMs(attempt, random) {
    return Math.min(MAX_BACKOFF_MS, (0.25 + 0.5 * random()) * 2 ** attempt * 1000);
}
/** Retry-After as milliseconds from now: delta-seconds or an HTTP date. */
function parseRetryAfter(value, now) {
    if (!value?.trim())
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * What a request that got no answer is called: the code of Node's or undici's error (a
 * DOMException's code is a number, not one of these), its cause's, or a timeout of ours.
 */
function networkCode(error) {
    const { name, code, cause } = error;
    if (typeof code === 'string')
        return TIMEOUT_CODES.has(code) ? 'RequestTimeout' : code;
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'RequestTimeout';
    return cause?.code ?? 'NetworkError';
}
/** undici's own timeouts for an answer (the dispatcher's, transport.ts): the request timeout. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
function describeNetworkError(error, code) {
    if (code === 'RequestTimeout')
        return 'no answer before the request timeout';
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET')
        return 'the connection was closed before an answer came';
    return error.message || code;
}


/***/ }),

/***/ 8558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ proxyOptions),
/* harmony export */   b: () => (/* binding */ PROXY_VARIABLES)
/* harmony export */ });
/*
 * Proxies as runners configure them: HTTPS_PROXY for https origins (else HTTP_PROXY), HTTP_PROXY
 * for http ones, NO_PROXY for hosts reached directly; lower-case names win, as curl reads them.
 * undici's EnvHttpProxyAgent does the routing and the NO_PROXY matching (`*`, hosts, `.suffix`,
 * `*.suffix`, each with an optional port); this file only reads the variables for it.
 */
/** The variables that name a proxy (checked as URLs before any request, see environments.ts). */
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/**
 * EnvHttpProxyAgent's options from a step's environment. Every one is given, empty when unset:
 * an option left out would send undici to process.env instead.
 */
function proxyOptions(env) {
    return {
        httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
        httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
        noProxy: bracketBareIpv6(env.no_proxy ?? env.NO_PROXY ?? ''),
    };
}
/**
 * An IPv6 address without brackets (`::1`, as in the common `NO_PROXY=localhost,127.0.0.1,::1`)
 * names no port, as curl and Go read it; undici would read `::1` as the host `:` on port 1 and
 * send `[::1]` through the proxy. Written `[::1]`, it matches the host as undici sees it.
 */
function bracketBareIpv6(noProxy) {
    return noProxy
        .split(/[,\s]+/)
        .map((entry) => (isBareIpv6(entry) ? `[${entry}]` : entry))
        .join(',');
}
/** More than one colon and no brackets: an IPv6 address as curl and Go accept it in NO_PROXY. */
function isBareIpv6(entry) {
    return !entry.startsWith('[') && entry.indexOf(':') !== entry.lastIndexOf(':');
}


/***/ }),

/***/ 1751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   gp: () => (/* binding */ basicCredential),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony export SERVER_TEXT_LIMIT */
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5846);
/*
 * The one redactor. Every text the action shows (log lines, annotations, outputs, the job
 * summary, the failure) passes through it, because some of that text came from a server and
 * servers and gateways echo requests: an `Authorization` header, a `token=` form field. GitHub
 * masks only the exact strings registered with setSecret, so the credential forms it would not
 * recognise (the Basic header's base64, URL-encoded secrets) are removed here too.
 */

const REDACTED = '[redacted]';
/** `Authorization: Bearer …` in raw HTTP, `"authorization": "Basic …"` in JSON. */
const AUTHORIZATION_HEADER = /(\bauthorization\b["']?\s*[:=]\s*["']?)([^"'\r\n,}\]]+)/gi;
/** A credential after its scheme, wherever it stands (checked by `looksLikeCredential`). */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/g;
/** Token and secret fields, form-encoded (`token=…&`) or as a quoted key (`"access_token": "…"`). */
const FIELD = '(?:access_token|refresh_token|id_token|client_secret|token)';
const SECRET_FIELD = new RegExp(`(\\b${FIELD}=|["']${FIELD}["']\\s*:\\s*["']?)([^"'&\\s,}\\]]+)`, 'gi');
/** How much of a server's text is worth showing: enough to diagnose, not a whole echoed page. */
const SERVER_TEXT_LIMIT = 500;
class Redactor {
    secrets = new Set();
    /** Registers a secret; its URL-encoded form is removed too. Returns every form registered. */
    add(secret) {
        if (secret.length < 4)
            return [];
        const forms = [...new Set([secret, encodeURIComponent(secret)])];
        for (const form of forms)
            this.secrets.add(form);
        return forms;
    }
    /** `text` with every credential removed. */
    redact(text) {
        let clean = text
            .replace(AUTHORIZATION_HEADER, `$1${REDACTED}`)
            .replace(SCHEME_CREDENTIAL, (match, scheme, space, value) => looksLikeCredential(value) ? `${scheme}${space}${REDACTED}` : match)
            .replace(SECRET_FIELD, `$1${REDACTED}`);
        // Longest first, so a secret that contains another is removed whole.
        for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
            clean = clean.split(secret).join(REDACTED);
        }
        return clean;
    }
}
/**
 * Tokens and base64 credentials mix letters with digits, case or symbols; prose after the word
 * "Basic" ("Basic authentication failed") does not, and is worth keeping readable.
 */
function looksLikeCredential(value) {
    return /[0-9+/=_.~-]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value));
}
/** Server text cut to a length a log line can carry, saying how much was left out. */
function clip(text, limit = SERVER_TEXT_LIMIT) {
    if (text.length <= limit)
        return text;
    return `${text.slice(0, limit)}… (${(0,_words_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(text.length - limit, 'more character', 'more characters')})`;
}
/** The HTTP Basic credential Globus Auth is sent: base64 of `id:secret`. */
function basicCredential(clientId, clientSecret) {
    return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}


/***/ }),

/***/ 5846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural),
/* harmony export */   T: () => (/* binding */ quoted)
/* harmony export */ });
/*
 * Words every layer prints the same way: a count with its noun, and a value repeated back to
 * the user who gave it. A leaf: it imports nothing.
 */
/** `1 run`, `2 runs`, `0 runs`: the count and its noun, in the number the count asks for. */
function plural(count, noun, pluralNoun = `${noun}s`) {
    return `${count} ${count === 1 ? noun : pluralNoun}`;
}
/** How much of a value a message repeats. */
const QUOTED_LIMIT = 80;
/**
 * A value as a message repeats it: in double quotes, on one line (quotes, line breaks and tabs
 * escaped as JSON writes them), cut short with `…` past `limit` characters.
 */
function quoted(value, limit = QUOTED_LIMIT) {
    const shown = value.length > limit ? `${value.slice(0, limit - 1)}…` : value;
    return JSON.stringify(shown);
}


/***/ })

};
