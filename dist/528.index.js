export const id = 528;
export const ids = [528];
export const modules = {

/***/ 8528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/zod-config.ts

/*
 * Imported first by main.ts, before any module builds a schema (zod reads this when a schema is
 * made). zod's JIT writes and compiles a parser for each object schema the first time it parses
 * something: worth it for a schema parsed thousands of times, a cost for a step that parses each
 * of a few responses once. The parsers it falls back to give the same results.
 */
(0,core/* config */.$W)({ jitless: true });

// EXTERNAL MODULE: ./node_modules/luxon/build/es6/luxon.mjs
var luxon = __webpack_require__(8714);
;// CONCATENATED MODULE: ./src/core-port.ts
function redactingCore(core, redactor) {
    const clean = (text) => redactor.redact(text);
    return {
        getInput: (name) => core.getInput(name),
        setOutput: (name, value) => core.setOutput(name, clean(value)),
        setSecret: (secret) => core.setSecret(secret),
        protect: (secret) => {
            for (const form of redactor.add(secret))
                core.setSecret(form);
        },
        setFailed: (message) => core.setFailed(clean(message)),
        debug: (message) => core.debug(clean(message)),
        info: (message) => core.info(clean(message)),
        notice: (message, place) => core.notice(clean(message), place),
        warning: (message, place) => core.warning(clean(message), place),
        error: (message, place) => core.error(clean(message), place),
        writeSummary: (markdown) => core.writeSummary(clean(markdown)),
        redact: clean,
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/globus/proxy.ts
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

;// CONCATENATED MODULE: ./src/globus/environments.ts

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
    for (const variable of [...SERVICE_URL_VARIABLES, ...PROXY_VARIABLES]) {
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

;// CONCATENATED MODULE: ./src/timer/fail-reasons.ts
/*
 * What `check` and `wait` may fail the step for (the `fail-on` input): each a way a timer or its
 * last run can go wrong that a team wants to hear about.
 */
const FAIL_REASONS = [
    'run-error',
    'transfer-failed',
    'transfer-stalled',
    'flow-failed',
    'flow-stalled',
    'inactive',
    'ended',
    'stale',
];
/** What `fail-on` holds when a workflow leaves it out (action.yml declares the same). */
const DEFAULT_FAIL_REASONS = [
    'run-error',
    'transfer-failed',
    'transfer-stalled',
    'flow-failed',
    'flow-stalled',
    'inactive',
];

// EXTERNAL MODULE: ./src/timer/fields.ts
var fields = __webpack_require__(4888);
;// CONCATENATED MODULE: ./src/input-catalog.ts



/*
 * What each input is for, beside what action.yml says about it: the operations that read it,
 * whether a spec-file timer may hold it, and the kind of value it takes. The README's inputs
 * table, the spec-file JSON Schema and the keys a spec file accepts are all derived from here;
 * action.yml stays the runner's contract (names, descriptions, defaults), and a test keeps the
 * two declaring the same inputs.
 */
const OPERATIONS = [
    'apply',
    'plan',
    'create',
    'update',
    'check',
    'wait',
    'list',
    'pause',
    'resume',
    'delete',
];
const STATUS_FILTERS = ['active', 'inactive', 'ended'];
const SYNC_LEVEL_NAMES = ['exists', 'size', 'mtime', 'checksum'];
const TIMER = ['apply', 'plan', 'create', 'update'];
const EXISTING = ['update', 'check', 'wait', 'pause', 'resume', 'delete'];
const HEALTH = ['check', 'wait'];
/** The most runs `history` shows: they are followed all at once, in one round. */
const MAX_HISTORY = 20;
/** A timer input: read by the operations that describe a timer, and allowed in spec files. */
const timer = (kind) => ({ operations: TIMER, specFile: true, kind });
const everywhere = (kind) => ({
    operations: 'all',
    specFile: false,
    kind,
});
const BOOLEAN = { type: 'boolean' };
/** In action.yml's order, so the README lists inputs as action.yml does. */
const INPUT_CATALOG = {
    operation: everywhere({ type: 'choice', choices: OPERATIONS }),
    'client-id': everywhere({ type: 'uuid' }),
    'client-secret': everywhere({ type: 'text' }),
    environment: everywhere({ type: 'choice', choices: ENVIRONMENTS }),
    timeout: everywhere({ type: 'duration' }),
    retries: everywhere({ type: 'integer', min: 0, max: 10 }),
    name: { operations: 'all', specFile: true, kind: { type: 'text', singleLine: true } },
    'job-id': { operations: EXISTING, specFile: false, kind: { type: 'uuid' } },
    'source-endpoint': timer({ type: 'uuid' }),
    'destination-endpoint': timer({ type: 'uuid' }),
    items: timer({ type: 'items' }),
    'items-file': timer({ type: 'path' }),
    label: timer({ type: 'text', maxLength: 128, pattern: '^[A-Za-z0-9 _,-]*$' }),
    'sync-level': timer({ type: 'choice', choices: SYNC_LEVEL_NAMES, numbers: [0, 1, 2, 3] }),
    'verify-checksum': timer(BOOLEAN),
    'encrypt-data': timer(BOOLEAN),
    'preserve-timestamp': timer(BOOLEAN),
    'delete-destination-extra': timer(BOOLEAN),
    'skip-source-errors': timer(BOOLEAN),
    'fail-on-quota-errors': timer(BOOLEAN),
    include: timer({ type: 'lines' }),
    exclude: timer({ type: 'lines' }),
    notify: timer({ type: 'choice-list', choices: fields/* NOTIFY_EVENTS */.yK, keywords: ['default', 'none'] }),
    // Only the operations that create a timer ask for consents.
    'data-access': {
        operations: ['apply', 'create', 'update'],
        specFile: true,
        kind: { type: 'uuid-list', keywords: ['auto', 'none'] },
    },
    'flow-id': timer({ type: 'uuid' }),
    'flow-input': timer({ type: 'json-object' }),
    'flow-input-file': timer({ type: 'path' }),
    'run-tags': timer({ type: 'lines' }),
    'run-managers': timer({ type: 'lines' }),
    'run-monitors': timer({ type: 'lines' }),
    interval: timer({ type: 'duration', minSeconds: 60, maxSeconds: 365 * 86400 }),
    start: timer({ type: 'date-time' }),
    timezone: timer({ type: 'time-zone' }),
    'stop-after-runs': timer({ type: 'integer', min: 1 }),
    'stop-after-date': timer({ type: 'date-time' }),
    'spec-file': { operations: ['apply', 'plan'], specFile: false, kind: { type: 'path' } },
    concurrency: {
        operations: ['apply'],
        specFile: false,
        kind: { type: 'integer', min: 1, max: 32 },
    },
    'fail-on': {
        operations: HEALTH,
        specFile: false,
        kind: { type: 'choice-list', choices: FAIL_REASONS, keywords: ['none'] },
    },
    'stale-after': { operations: HEALTH, specFile: false, kind: { type: 'duration' } },
    history: {
        operations: HEALTH,
        specFile: false,
        kind: { type: 'integer', min: 0, max: MAX_HISTORY },
    },
    'status-filter': {
        operations: ['list'],
        specFile: false,
        kind: { type: 'choice-list', choices: STATUS_FILTERS },
    },
    'github-token': everywhere({ type: 'text' }),
    comment: everywhere(BOOLEAN),
    summary: everywhere(BOOLEAN),
};
/** Keys a spec-file timer may hold that are not inputs of the action. */
const SPEC_FILE_ONLY_KEYS = {
    // The name the timer has now, to rename it in place.
    'previous-name': { type: 'text', singleLine: true },
};
/** Every key a spec-file timer may hold: the timer inputs, plus `previous-name`. */
const SPEC_FILE_KEYS = [
    ...Object.entries(INPUT_CATALOG)
        .filter(([, input]) => input.specFile)
        .map(([name]) => name),
    ...Object.keys(SPEC_FILE_ONLY_KEYS),
];

// EXTERNAL MODULE: ./src/timer/input-reader.ts
var input_reader = __webpack_require__(7377);
// EXTERNAL MODULE: ./src/timer/problems.ts
var timer_problems = __webpack_require__(1121);
// EXTERNAL MODULE: ./src/timer/timer-fields.ts
var timer_fields = __webpack_require__(4860);
// EXTERNAL MODULE: ./src/timer/flow-fields.ts
var flow_fields = __webpack_require__(9267);
// EXTERNAL MODULE: ./src/timer/transfer-fields.ts + 2 modules
var transfer_fields = __webpack_require__(7597);
;// CONCATENATED MODULE: ./src/inputs.ts











const operation = schemas/* enum */.k5n(OPERATIONS, {
    error: `must be one of ${OPERATIONS.join(', ')}`,
});
const environment = schemas/* enum */.k5n(ENVIRONMENTS, {
    error: `must be one of ${ENVIRONMENTS.join(', ')}`,
});
const retries = fields/* integerBetween */.f8(0, 10);
const concurrency = fields/* integerBetween */.f8(1, 32);
const inputs_history = fields/* integerBetween */.f8(0, MAX_HISTORY);
/** Reads and validates every input; throws one InputError listing every problem. */
async function readInputs(context) {
    const { env } = context;
    const fallback = {
        'client-id': env.GLOBUS_CLIENT_ID,
        'client-secret': env.GLOBUS_CLIENT_SECRET,
        environment: env.GLOBUS_SDK_ENVIRONMENT,
    };
    const reader = new input_reader/* InputReader */.i((name) => context.getInput(name).trim() || (fallback[name] ?? '').trim());
    const inputs = {
        operation: reader.optional('operation', operation) ?? 'apply',
        clientId: reader.required('client-id', fields/* uuid */.uR, 'required (or set GLOBUS_CLIENT_ID)') ?? '',
        clientSecret: reader.raw('client-secret'),
        environment: reader.optional('environment', environment) ?? 'production',
        timeoutSeconds: reader.optional('timeout', fields/* duration */.p0) ?? 600,
        retries: reader.optional('retries', retries) ?? 4,
        target: {
            ...optionalKey('jobId', reader.optional('job-id', fields/* uuid */.uR)),
            ...optionalKey('name', reader.raw('name') || undefined),
        },
        timer: await (0,timer_fields/* readTimerFields */.B)(reader, context),
        dataAccess: reader.optional('data-access', fields/* dataAccess */.rO) ?? 'auto',
        failOn: reader.optional('fail-on', fields/* choiceList */.ab(FAIL_REASONS, ['a fail-on reason', 'fail-on reasons'], 'none')) ?? [...DEFAULT_FAIL_REASONS],
        ...optionalKey('staleAfterSeconds', reader.optional('stale-after', fields/* duration */.p0)),
        history: reader.optional('history', inputs_history) ?? 5,
        statusFilter: reader.optional('status-filter', fields/* choiceList */.ab(STATUS_FILTERS, ['a timer status', 'timer statuses'])) ?? [],
        ...optionalKey('specFile', await readSpecFileInput(reader, context)),
        concurrency: reader.optional('concurrency', concurrency) ?? 8,
        githubToken: reader.raw('github-token'),
        comment: reader.optional('comment', fields/* boolean */.zM) ?? false,
        summary: reader.optional('summary', fields/* boolean */.zM) ?? true,
    };
    if (!inputs.clientSecret)
        reader.problem('client-secret', 'required (or set GLOBUS_CLIENT_SECRET)');
    for (const { variable, message } of checkEnvironment(env))
        reader.problem(variable, message);
    checkCombination(inputs, reader);
    if (reader.problems.length > 0)
        throw new timer_problems/* InputError */.d(reader.problems);
    return inputs;
}
function optionalKey(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
/** What each operation needs, checked together so every problem is reported at once. */
function checkCombination(inputs, reader) {
    const { operation, target, timer } = inputs;
    const specFile = reader.raw('spec-file') !== '';
    if (specFile && operation !== 'apply' && operation !== 'plan') {
        reader.problem('spec-file', 'is read by apply and plan only');
    }
    const timerInputs = TIMER_INPUTS.filter((name) => reader.raw(name) !== '');
    if (specFile && timerInputs.length > 0) {
        reader.problem('spec-file', `describe timers in the spec file or with inputs, not both (also given: ${timerInputs.join(', ')})`);
    }
    switch (operation) {
        case 'apply':
        case 'plan':
            if (!specFile)
                requireTimer(reader, timer);
            break;
        case 'create':
            requireTimer(reader, timer);
            break;
        case 'update':
            if (!target.jobId && !reader.raw('job-id'))
                reader.problem('job-id', 'required by update');
            break;
        case 'check':
        case 'wait':
        case 'pause':
        case 'resume':
        case 'delete':
            if (!reader.raw('job-id') && !target.name) {
                reader.problem('job-id', `${operation} needs job-id or name`);
            }
            if (reader.raw('job-id') && target.name) {
                reader.problem('name', `give job-id or name to ${operation}, not both`);
            }
            break;
        case 'list':
            break;
    }
}
/** Inputs that describe a timer, which a spec file replaces. */
const TIMER_INPUTS = [...transfer_fields/* TRANSFER_INPUTS */.qV, ...flow_fields/* FLOW_INPUTS */.h, 'interval'];
/** The spec file, read and validated now so its problems come with every other input's. */
async function readSpecFileInput(reader, context) {
    const path = reader.raw('spec-file');
    if (!path)
        return undefined;
    // The spec-file reader brings YAML along: loaded only by steps that name a spec file.
    const { readSpecFile } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(240)]).then(__webpack_require__.bind(__webpack_require__, 3240));
    const { specFile, problems } = await readSpecFile(path, { ...context, keys: SPEC_FILE_KEYS });
    reader.add(problems);
    return specFile;
}
/** apply/plan/create describe a whole timer. */
function requireTimer(reader, timer) {
    if (!timer.name && !reader.raw('name'))
        reader.problem('name', 'required to identify the timer');
    (0,timer_fields/* requireWholeTimer */.s)(reader, timer);
}

;// CONCATENATED MODULE: ./src/globus/auth.ts

const tokenSchema = schemas/* looseObject */._H3({
    access_token: schemas/* string */.YjP().min(1),
    resource_server: schemas/* string */.YjP(),
    scope: schemas/* string */.YjP().default(''),
    expires_in: schemas/* number */.aig().optional(),
});
const tokenResponseSchema = tokenSchema.extend({
    other_tokens: schemas/* array */.YOg(tokenSchema).default([]),
});
/**
 * Client-credentials tokens for a Globus confidential client (OAuth2 client-credentials grant).
 * Every token is handed to `onToken` before anything else happens to it (the action masks it
 * there), and all of them can be revoked at the end.
 */
class GlobusAuth {
    http;
    clientId;
    clientSecret;
    onToken;
    issued = [];
    constructor(http, clientId, clientSecret, onToken) {
        this.http = http;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.onToken = onToken;
    }
    /** The identity the action acts as, which collections must grant access to. */
    get identity() {
        return `${this.clientId}@clients.auth.globus.org`;
    }
    /** One token request for several scopes → the tokens by resource server. */
    async tokens(scopes) {
        const response = await this.http.request({
            service: 'auth',
            method: 'POST',
            path: '/v2/oauth2/token',
            authorization: this.basic(),
            form: { grant_type: 'client_credentials', scope: scopes.join(' ') },
        });
        const parsed = tokenResponseSchema.parse(response.body);
        const byServer = new Map();
        for (const token of [parsed, ...parsed.other_tokens]) {
            this.onToken(token.access_token);
            this.issued.push(token.access_token);
            byServer.set(token.resource_server, token);
        }
        return byServer;
    }
    /**
     * Revokes every token this step obtained, all at once, through `http` (by default the client
     * the tokens came through); failures are reported, never thrown.
     */
    async revokeAll(http = this.http) {
        const outcomes = await Promise.allSettled(this.issued.splice(0).map((token) => http.request({
            service: 'auth',
            method: 'POST',
            path: '/v2/oauth2/token/revoke',
            authorization: this.basic(),
            form: { token },
        })));
        return outcomes.flatMap((outcome) => outcome.status === 'rejected' ? [outcome.reason.message] : []);
    }
    basic() {
        return `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`, 'utf8').toString('base64')}`;
    }
}

;// CONCATENATED MODULE: ./src/globus/errors.ts
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
const errors_text = (value) => typeof value === 'string' && value !== '' ? value : undefined;
/**
 * Code, message and request id from any Globus error document: Timers (`{"error": {...}}` or a
 * FastAPI `detail` list), Transfer (`code`/`message`/`request_id`), Auth (OAuth2 `error` plus a
 * JSON:API `errors` array) — see __fixtures__/globus-api/.
 */
function describeErrorBody(body) {
    if (!isObject(body))
        return {};
    if (isObject(body.error)) {
        return pick(errors_text(body.error.code), errors_text(body.error.detail) ?? errors_text(body.error.message));
    }
    if (Array.isArray(body.detail)) {
        const messages = body.detail.filter(isObject).map((item) => {
            const loc = Array.isArray(item.loc) ? item.loc.join('.') : '';
            return loc ? `${String(item.msg)}: ${loc}` : String(item.msg);
        });
        return pick('ValidationError', messages.join('; '));
    }
    const first = Array.isArray(body.errors) && isObject(body.errors[0]) ? body.errors[0] : {};
    return pick(errors_text(body.code) ?? errors_text(body.error) ?? errors_text(first.code), errors_text(body.message) ??
        errors_text(body.error_description) ??
        errors_text(first.detail) ??
        errors_text(body.detail) ??
        errors_text(body.description), errors_text(body.request_id) ?? errors_text(first.id));
}
function pick(code, detail, requestId) {
    return {
        ...(code ? { code } : {}),
        ...(detail ? { detail } : {}),
        ...(requestId ? { requestId } : {}),
    };
}

;// CONCATENATED MODULE: ./src/globus/scopes.ts
/** Scope strings and the Timers scope chain. */
const TIMERS_RESOURCE_SERVER = '524230d7-ea86-4a52-8312-86065a9e0417';
const TIMERS_SCOPE = `https://auth.globus.org/scopes/${TIMERS_RESOURCE_SERVER}/timer`;
const TRANSFER_RESOURCE_SERVER = 'transfer.api.globus.org';
const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';
/** Flows is a domain-named resource server whose scopes are named after its client id. */
const FLOWS_RESOURCE_SERVER = 'flows.globus.org';
const FLOWS_CLIENT = 'eec9b274-0c81-4334-bdc2-54e90e689b9a';
/** Reading a flow (its input schema, its scope) and the runs of this client's timers. */
const FLOWS_SCOPES = ['view_flows', 'run_status'].map((name) => `https://auth.globus.org/scopes/${FLOWS_CLIENT}/${name}`);
/** The scope a flow's runs are started under: what a flow timer must carry. */
function flowUserScope(flowId) {
    return `https://auth.globus.org/scopes/${flowId}/flow_${flowId.replace(/-/g, '_')}_user`;
}
/** The Transfer Action Provider scope old timers chained through (gone since Nov 2024). */
const LEGACY_TRANSFER_AP_SCOPE = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
const DATA_ACCESS = /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/data_access$/i;
const FLOW_USER = /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/flow_[0-9a-f_]+_user$/i;
function dataAccessScope(collectionId) {
    return `https://auth.globus.org/scopes/${collectionId}/data_access`;
}
/**
 * The Timers scope with Transfer as its dependency and, under Transfer, an optional data_access
 * dependency per collection — what the Python SDK's add_app_transfer_data_access_scope builds:
 * `…/timer[urn:…transfer…:all[*…/<id1>/data_access *…/<id2>/data_access]]`.
 */
function timerScope(dataAccessCollections = []) {
    const unique = [...new Set(dataAccessCollections)];
    const dataAccess = unique.map((id) => `*${dataAccessScope(id)}`).join(' ');
    return `${TIMERS_SCOPE}[${TRANSFER_SCOPE}${dataAccess ? `[${dataAccess}]` : ''}]`;
}
/**
 * Reads a scope string by bracket depth: top-level scopes are separated by spaces outside
 * brackets, so `a[b c[d]] e` is two scopes, `a` (with `b` and `c[d]`) and `e`. Lenient where
 * the grammar is broken (an unclosed bracket closes at the end): it reads what servers send.
 */
function parseScopes(text) {
    let at = 0;
    const list = () => {
        const nodes = [];
        while (at < text.length && text[at] !== ']') {
            if (/\s/.test(text[at] ?? '')) {
                at++;
                continue;
            }
            const optional = text[at] === '*';
            if (optional)
                at++;
            const start = at;
            while (at < text.length && !/[\s[\]]/.test(text[at] ?? ''))
                at++;
            const scope = text.slice(start, at);
            let dependencies = [];
            if (text[at] === '[') {
                at++;
                dependencies = list();
                at++; // the closing bracket (or the end)
            }
            if (scope)
                nodes.push({ scope, optional, dependencies });
        }
        return nodes;
    };
    const nodes = [];
    while (at < text.length) {
        nodes.push(...list());
        at++; // a stray closing bracket at the top level
    }
    return nodes;
}
/** The scope strings of `text`'s top-level scopes, dependencies kept (`a[b c[d]] e` → 2). */
function splitScopes(text) {
    return parseScopes(text).map(formatScope);
}
function formatScope(node) {
    const dependencies = node.dependencies.map(formatScope).join(' ');
    return `${node.optional ? '*' : ''}${node.scope}${dependencies ? `[${dependencies}]` : ''}`;
}
/** Every scope in the trees, depth first. */
function allScopes(nodes) {
    return nodes.flatMap((node) => [node, ...allScopes(node.dependencies)]);
}
/** The collection ids whose data_access any of these scope strings names, at any depth. */
function dataAccessCollections(scopes) {
    const ids = scopes
        .flatMap((text) => allScopes(parseScopes(text)))
        .map((node) => DATA_ACCESS.exec(node.scope)?.[1]?.toLowerCase())
        .filter((id) => id !== undefined);
    return [...new Set(ids)];
}
/**
 * What a Timers token must carry to satisfy scopes a timer says it needs, in today's chain:
 * the data_access collections named anywhere in them (and `also`'s, the timer's own) go
 * under `timer[transfer:all[…]]`; other dependencies of the Timers scope (a flow's scope) stay
 * under it; the Transfer Action Provider scope of old chains is dropped, never nested, since
 * Globus no longer accepts it there (docs/globus-variants.md).
 */
function timersScopesFor(required, also = {}) {
    const collections = [
        ...new Set([...dataAccessCollections(required), ...(also.dataAccess ?? [])]),
    ];
    const others = required
        .flatMap((text) => parseScopes(text))
        .flatMap((node) => (node.scope === TIMERS_SCOPE ? node.dependencies : [node]))
        .filter((node) => !isTransferChain(node))
        .map((node) => formatScope({ ...node, optional: false }));
    const dependencies = [...others, ...(also.dependencies ?? [])];
    return [
        ...new Set([timerScope(collections), ...dependencies.map((d) => `${TIMERS_SCOPE}[${d}]`)]),
    ];
}
/** Transfer, its data_access scopes, and the legacy Action Provider scope that chained them. */
function isTransferChain(node) {
    return (node.scope === TRANSFER_SCOPE ||
        node.scope === LEGACY_TRANSFER_AP_SCOPE ||
        node.scope === TIMERS_SCOPE ||
        DATA_ACCESS.test(node.scope));
}
/**
 * What consent scope strings ask for, in words a user acts on: `data_access on collection <id>`,
 * `running flow <id>`, `Globus Transfer` (for a chain that names nothing more); a scope with no
 * such words as it is. Each once, in the order met.
 */
function consentWords(scopes) {
    const words = scopes.flatMap((text) => parseScopes(text).flatMap((node) => {
        const named = allScopes([node]).flatMap(namedConsent);
        if (named.length > 0)
            return named;
        const chain = allScopes([node]).every((each) => isTransferChain(each));
        return [chain ? 'Globus Transfer' : formatScope(node)];
    }));
    return [...new Set(words)];
}
function namedConsent(node) {
    const collection = DATA_ACCESS.exec(node.scope)?.[1];
    if (collection)
        return [`data_access on collection ${collection.toLowerCase()}`];
    const flow = FLOW_USER.exec(node.scope)?.[1];
    return flow ? [`running flow ${flow.toLowerCase()}`] : [];
}

;// CONCATENATED MODULE: ./src/globus/credentials.ts


const NO_CONSENTS = { dataAccess: [], dependencies: [] };
const COMPANIONS = {
    transfer: { resourceServer: TRANSFER_RESOURCE_SERVER, scopes: [TRANSFER_SCOPE] },
    flows: { resourceServer: FLOWS_RESOURCE_SERVER, scopes: FLOWS_SCOPES },
};
/**
 * The tokens one step holds, fetched lazily and as few times as possible. The first need fetches
 * a Timers token together with the companions the step will want (Transfer, and Flows for flow
 * timers) in one request; a Timers token is fetched again only when a create needs consents the
 * current one does not carry, or a timer names scopes it requires. Concurrent needs share one
 * request.
 */
class Credentials {
    auth;
    companions;
    initial;
    tokens = new Map();
    carried = NO_CONSENTS;
    /** Token requests, one after the other; each decides what it needs when its turn comes. */
    queue = Promise.resolve();
    /**
     * `companions` come with the first Timers token; so do `initial` consents, when the inputs
     * name them (data-access given as a list): no second token request at the create.
     */
    constructor(auth, companions = ['transfer'], initial = NO_CONSENTS) {
        this.auth = auth;
        this.companions = companions;
        this.initial = initial;
    }
    get identity() {
        return this.auth.identity;
    }
    /** Authorization header for Transfer calls. */
    transfer() {
        return this.companion('transfer');
    }
    /** Authorization header for Flows calls. */
    flows() {
        return this.companion('flows');
    }
    /** Authorization header for Timers calls, carrying at least these consents. */
    async timers(consents = NO_CONSENTS) {
        await this.ensure(() => {
            const first = !this.tokens.has(TIMERS_RESOURCE_SERVER);
            if (!first && this.carries(consents))
                return undefined;
            const companions = first ? this.companions.filter((c) => !this.has(c)) : [];
            const wanted = union(first ? this.initial : this.carried, consents);
            return { consents: wanted, companions };
        });
        return `Bearer ${this.tokens.get(TIMERS_RESOURCE_SERVER)}`;
    }
    /**
     * Sends a request with the header `authorize` gives; when the service answers 401 (a token
     * that expired or was revoked mid-step), drops the tokens held, fetches fresh ones and sends
     * once more. A 401 means the request was not carried out, so sending it again is safe.
     */
    async sendAuthorized(authorize, send) {
        try {
            return await send(await authorize());
        }
        catch (error) {
            if (!(error instanceof GlobusApiError) || error.status !== 401 || error.service === 'auth') {
                throw error;
            }
            this.tokens.clear();
            return send(await authorize());
        }
    }
    /** A fresh Timers token for exactly these scope strings (a timer's auth requirements). */
    async timersWithScopes(scopes) {
        await this.queue;
        const tokens = await this.auth.tokens(scopes);
        const token = tokens.get(TIMERS_RESOURCE_SERVER);
        if (!token)
            throw new Error('Globus Auth issued no Timers token for the required scopes');
        this.tokens.set(TIMERS_RESOURCE_SERVER, token.access_token);
        return `Bearer ${token.access_token}`;
    }
    has(companion) {
        return this.tokens.has(COMPANIONS[companion].resourceServer);
    }
    async companion(companion) {
        await this.ensure(() => {
            if (this.has(companion))
                return undefined;
            // The first need of all brings the Timers token and the other companions along.
            const first = !this.tokens.has(TIMERS_RESOURCE_SERVER);
            const others = first ? this.companions.filter((c) => c !== companion && !this.has(c)) : [];
            return { ...(first ? { consents: this.initial } : {}), companions: [companion, ...others] };
        });
        return `Bearer ${this.tokens.get(COMPANIONS[companion].resourceServer)}`;
    }
    /**
     * Queues a token request; `need` says, when its turn comes (earlier requests done), what is
     * still missing — so concurrent needs of one token share one request. A failed request fails
     * its own callers only.
     */
    ensure(need) {
        const turn = async () => {
            const wanted = need();
            if (wanted)
                await this.fetch(wanted.consents, wanted.companions);
        };
        const done = this.queue.then(turn, turn);
        this.queue = done.catch(() => undefined);
        return done;
    }
    carries(consents) {
        return (consents.dataAccess.every((id) => this.carried.dataAccess.includes(id)) &&
            consents.dependencies.every((scope) => this.carried.dependencies.includes(scope)));
    }
    /** One token request: a Timers token with `consents` (unless undefined), and the companions. */
    async fetch(consents, companions) {
        const scopes = [
            ...(consents ? timersScopes(consents) : []),
            ...companions.flatMap((companion) => COMPANIONS[companion].scopes),
        ];
        const tokens = await this.auth.tokens(scopes);
        const expected = [
            ...(consents ? [TIMERS_RESOURCE_SERVER] : []),
            ...companions.map((companion) => COMPANIONS[companion].resourceServer),
        ];
        const missing = expected.filter((server) => !tokens.has(server));
        if (missing.length > 0) {
            const got = [...tokens.keys()].join(', ') || 'none';
            throw new Error(`Globus Auth did not issue the tokens asked for (got: ${got})`);
        }
        for (const [server, token] of tokens)
            this.tokens.set(server, token.access_token);
        if (consents)
            this.carried = consents;
    }
}
/** The Timers scopes for these consents: the transfer chain, then each further dependency. */
function timersScopes(consents) {
    return [
        timerScope(consents.dataAccess),
        ...consents.dependencies.map((scope) => `${TIMERS_SCOPE}[${scope}]`),
    ];
}
function union(a, b) {
    return {
        dataAccess: [...new Set([...a.dataAccess, ...b.dataAccess])],
        dependencies: [...new Set([...a.dependencies, ...b.dependencies])],
    };
}

;// CONCATENATED MODULE: ./src/globus/flows.ts

/** The parts of a flow document the action reads: its input schema and its run scope. */
const flowSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP(),
    title: schemas/* string */.YjP().nullish(),
    input_schema: schemas/* unknown */.L5J().optional(),
    globus_auth_scope: schemas/* string */.YjP().nullish(),
});
/** The parts of a Flows run the action reads and reports. */
const flowRunSchema = schemas/* looseObject */._H3({
    run_id: schemas/* string */.YjP(),
    flow_id: schemas/* string */.YjP().nullish(),
    status: schemas/* string */.YjP(),
    display_status: schemas/* string */.YjP().nullish(),
    start_time: schemas/* string */.YjP().nullish(),
    completion_time: schemas/* string */.YjP().nullish(),
    label: schemas/* string */.YjP().nullish(),
    details: schemas/* unknown */.L5J().optional(),
});
/** Globus Flows: the flow a timer starts, and the runs it started. */
class FlowsApi {
    http;
    credentials;
    /** A step may ask about the same flow for several timers; ask Flows once. */
    flows = new Map();
    constructor(http, credentials) {
        this.http = http;
        this.credentials = credentials;
    }
    flow(id) {
        const known = this.flows.get(id);
        if (known)
            return known;
        const lookup = this.get(`/flows/${encodeURIComponent(id)}`).then((body) => flowSchema.parse(body));
        this.flows.set(id, lookup);
        lookup.catch(() => this.flows.delete(id));
        return lookup;
    }
    async run(id) {
        return flowRunSchema.parse(await this.get(`/runs/${encodeURIComponent(id)}`));
    }
    async get(path) {
        const { http, credentials } = this;
        const response = await credentials.sendAuthorized(() => credentials.flows(), (authorization) => http.request({ service: 'flows', method: 'GET', path, authorization }));
        return response.body;
    }
}

// EXTERNAL MODULE: ./src/words.ts
var words = __webpack_require__(5846);
;// CONCATENATED MODULE: ./src/redactor.ts
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
    return `${text.slice(0, limit)}… (${(0,words/* plural */.L)(text.length - limit, 'more character', 'more characters')})`;
}
/** The HTTP Basic credential Globus Auth is sent: base64 of `id:secret`. */
function basicCredential(clientId, clientSecret) {
    return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}

;// CONCATENATED MODULE: ./src/globus/http.ts



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
            log.info(`${SERVICE_NAMES[request.service]} ${request.method} ${request.path}: ${error.status ?? error.code}; retrying in ${(wait / 1000).toFixed(1)}s (attempt ${attempt + 2} of ${retries + 1})`);
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
                detail: `the answer is not JSON: ${clip(text, 200)}`,
                outcomeUnknown: true,
            });
        }
        const described = describeErrorBody(body);
        return fail({
            status: status,
            ...described,
            detail: clip(described.detail ?? (text || `HTTP ${status}`)),
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
        const url = joinUrl(this.options.urls[request.service], request.path);
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

// EXTERNAL MODULE: ./src/timer/duration.ts
var timer_duration = __webpack_require__(3885);
;// CONCATENATED MODULE: ./src/globus/service-clock.ts

/** Below this, the runner's clock is taken as the service's: a Date header has whole seconds. */
const CLOCK_SKEW_THRESHOLD_MS = 2_000;
/** A difference this large is said at info level (a smaller one in the debug log). */
const TOLD_AT_INFO_MS = 60_000;
/**
 * The service's clock, as the `Date` headers of its answers tell it. Times that come from Globus
 * (a run's start, a timer's next run) are compared with it, not with the runner's clock: a runner
 * whose clock is off, or the emulator with its clock moved ahead, gives the same verdicts. The
 * step's own deadlines stay on the runner's clock, which is what measures its time.
 */
class ServiceClock {
    clock;
    log;
    offsetMs = 0;
    constructor(clock, log) {
        this.clock = clock;
        this.log = log;
    }
    /** An answer's `Date` header, heard now. */
    heard(date) {
        const told = date ? Date.parse(date) : NaN;
        if (Number.isNaN(told))
            return;
        const at = this.clock();
        // The header drops the milliseconds and was written before the answer came: the service's
        // clock read at least `told` when the answer arrived. That lower bound is the offset used, so
        // the step's start on Globus's clock is never put after a run that began with it.
        const offset = told - at;
        const applied = Math.abs(offset) >= CLOCK_SKEW_THRESHOLD_MS ? offset : 0;
        if (applied !== 0 && this.offsetMs === 0) {
            const words = `Globus's clock is ${(0,timer_duration/* formatDuration */.a)(roundedSeconds(applied))} ${applied > 0 ? 'ahead of' : 'behind'} this machine's: times Globus gives are compared with its clock`;
            if (Math.abs(applied) >= TOLD_AT_INFO_MS)
                this.log?.info(words);
            else
                this.log?.debug(words);
        }
        this.offsetMs = applied;
    }
    /** Epoch milliseconds on the service's clock (the runner's until an answer said otherwise). */
    now() {
        return this.clock() + this.offsetMs;
    }
    /** The service's clock minus the runner's, in milliseconds (0 within the threshold). */
    get offset() {
        return this.offsetMs;
    }
}
/** A difference in whole seconds, or whole minutes past ten (a Date header has whole seconds). */
function roundedSeconds(milliseconds) {
    const seconds = Math.round(Math.abs(milliseconds) / 1000);
    return seconds >= 600 ? Math.round(seconds / 60) * 60 : seconds;
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/wasm-baseline.ts

/** V8's flags for WebAssembly on its baseline compiler (Liftoff) alone: no tier-up of any kind. */
const WASM_BASELINE_FLAGS = '--no-wasm-tier-up --no-wasm-dynamic-tiering';
/**
 * undici parses HTTP with llhttp compiled to WebAssembly. After a few answers V8 compiles its
 * hot parser function again with its optimizing compiler, on a background thread, and a process
 * cannot end before that job is done: a short step waited for code it would never run (some
 * 70 ms of wall time, BENCHMARKS.md). Set before undici compiles its parser (with the first
 * request), these flags keep it on the baseline compiler, fast enough for a step's answers. An
 * optimisation only, never a reason to fail a step.
 */
function keepWasmOnBaseline() {
    try {
        (0,external_node_v8_.setFlagsFromString)(WASM_BASELINE_FLAGS);
    }
    catch {
        // Nothing lost: the step runs as it would anyway.
    }
}

;// CONCATENATED MODULE: ./src/globus/transport.ts


function undiciConnections(options) {
    let loading;
    const load = () => {
        // Before undici compiles its HTTP parser, for every entry that sends requests.
        if (!loading)
            keepWasmOnBaseline();
        return (loading ??= __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)).then((undici) => loaded(undici, options)));
    };
    return {
        send: async ({ url, method, headers, body, signal }) => {
            const { request, dispatcher } = await load();
            const response = await request(url, {
                method: method,
                ...withBody(headers, body),
                signal,
                dispatcher,
            });
            const text = await response.body.text();
            // undici puts the connection back in its pool a turn of the event loop after the answer
            // (to notice a server closing what it said it would keep): waiting that turn lets the
            // step's next request to the host reuse it rather than open (and handshake) another.
            await new Promise(setImmediate);
            return { status: response.statusCode, headers: response.headers, text };
        },
        close: async () => {
            if (loading)
                await (await loading).dispatcher.close();
        },
    };
}
/**
 * The body handed to undici as an iterable of one chunk. A server may answer before it has read
 * the body (a 413 for a create of 100,000 items): undici then drops the connection it is still
 * writing an iterable to (it waits for the socket to drain before it counts one as sent), as it
 * can never carry another request. A string, or a stream, counts as sent once it is in the
 * socket's buffer: the connection, still writing it, would be kept, and hold the step's process
 * until the server's or undici's keep-alive timeout closed it.
 */
function withBody(headers, body) {
    if (body === undefined)
        return { headers };
    const bytes = Buffer.from(body, 'utf8');
    // undici's documentation lists iterables among the bodies it takes; its types do not.
    const chunks = [bytes];
    return { headers: { ...headers, 'content-length': String(bytes.length) }, body: chunks };
}
/**
 * The step's dispatcher. Always the proxy-aware one, given the proxy variables of the step's
 * environment explicitly (undici would otherwise read process.env): without any it is a plain
 * keep-alive Agent for every origin.
 */
function loaded(undici, options) {
    const connect = { ...options.connect, timeout: options.connectTimeoutMs };
    const dispatcher = new undici.EnvHttpProxyAgent({
        ...proxyOptions(options.env),
        // A direct connection takes `connect`; a proxied one `proxyTls` to the proxy and
        // `requestTls` through its tunnel (ProxyAgent reads no `connect`).
        connect,
        proxyTls: connect,
        requestTls: connect,
        headersTimeout: options.responseTimeoutMs,
        bodyTimeout: options.responseTimeoutMs,
    });
    return { request: undici.request, dispatcher };
}

;// CONCATENATED MODULE: ./src/globus/authorization-requirements.ts

/**
 * Finds the scopes an authorization-requirements error (GARE) asks for, wherever the document
 * keeps them — the root, Timers' `{"error": {...}}` wrapper, every `errors[]` item — and in
 * whichever spelling: `authorization_parameters.required_scopes`, a Transfer-style top-level
 * `required_scopes`, or a legacy `required_scope` (docs/globus-variants.md).
 */
function requiredScopes(document) {
    const found = places(document).flatMap((place) => {
        const parameters = authorization_requirements_isObject(place.authorization_parameters)
            ? place.authorization_parameters
            : {};
        return (strings(parameters.required_scopes) ??
            strings(place.required_scopes) ??
            strings(place.required_scope === undefined ? undefined : [place.required_scope]) ??
            []);
    });
    return [...new Set(found)];
}
/** The document and the error objects it wraps, where requirements may sit. */
function places(document) {
    if (!authorization_requirements_isObject(document))
        return [];
    const nested = [document.error, ...(Array.isArray(document.errors) ? document.errors : [])];
    return [document, ...nested.flatMap(places)];
}
/** Session requirements a client identity cannot satisfy (policies, identities, MFA). */
function sessionRequirements(document) {
    const place = places(document).find((candidate) => authorization_requirements_isObject(candidate.authorization_parameters));
    if (!place || !authorization_requirements_isObject(place.authorization_parameters))
        return [];
    const parameters = place.authorization_parameters;
    return [
        'session_required_policies',
        'session_required_identities',
        'session_required_single_domain',
        'session_required_mfa',
    ].filter((key) => {
        const value = parameters[key];
        return Array.isArray(value) ? value.length > 0 : Boolean(value);
    });
}
function authorization_requirements_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Scope strings from a list or a space-separated string, split at the top level only. */
function strings(value) {
    if (typeof value === 'string')
        return splitScopes(value);
    if (!Array.isArray(value))
        return undefined;
    return value.filter((item) => typeof item === 'string' && item !== '');
}

;// CONCATENATED MODULE: ./src/timer/flow-document.ts
const LISTS = ['tags', 'run_managers', 'run_monitors'];
/**
 * The document in one form whatever wrote it, so one we would send and one Globus echoes
 * compare equal exactly when they start the same runs: the lists are sets (sorted, no repeats,
 * none when empty), and anything else the service adds is left out.
 */
function normalizeFlowStart(raw) {
    const source = flow_document_isObject(raw) ? raw : {};
    const document = { body: flow_document_isObject(source.body) ? source.body : {} };
    for (const key of LISTS) {
        const list = flow_document_strings(source[key]);
        if (list.length > 0)
            document[key] = list;
    }
    return document;
}
function flow_document_strings(value) {
    if (!Array.isArray(value))
        return [];
    const items = value.filter((item) => typeof item === 'string' && item !== '');
    return [...new Set(items)].sort();
}
function flow_document_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/timer/transfer-document.ts
const BOOLEAN_OPTIONS = [
    'verify_checksum',
    'encrypt_data',
    'preserve_timestamp',
    'delete_destination_extra',
    'skip_source_errors',
    'fail_on_quota_errors',
    'notify_on_succeeded',
    'notify_on_failed',
    'notify_on_inactive',
    'store_base_path_info',
];
/** Service-side defaults of the boolean options (Timers schema; notifications default on). */
const SERVICE_DEFAULTS = {
    verify_checksum: false,
    encrypt_data: false,
    preserve_timestamp: false,
    delete_destination_extra: false,
    skip_source_errors: false,
    fail_on_quota_errors: false,
    notify_on_succeeded: true,
    notify_on_failed: true,
    notify_on_inactive: true,
    store_base_path_info: false,
};
/**
 * The document with the service's defaults filled in and nothing else, so a body we would send
 * and a body Globus echoes back compare equal exactly when they mean the same transfer. Reads
 * the legacy Transfer-Action-Provider spelling (`source_endpoint_id`, `transfer_items`) too.
 */
function normalizeTransferDocument(raw) {
    const document = {
        DATA_TYPE: 'transfer',
        source_endpoint: String(raw.source_endpoint ?? raw.source_endpoint_id ?? ''),
        destination_endpoint: String(raw.destination_endpoint ?? raw.destination_endpoint_id ?? ''),
        DATA: readItems(raw.DATA ?? raw.transfer_items),
    };
    if (typeof raw.label === 'string' && raw.label !== '')
        document.label = raw.label;
    if (typeof raw.sync_level === 'number')
        document.sync_level = raw.sync_level;
    for (const option of BOOLEAN_OPTIONS) {
        const value = raw[option];
        document[option] = typeof value === 'boolean' ? value : SERVICE_DEFAULTS[option];
    }
    for (const key of ['source_local_user', 'destination_local_user']) {
        if (typeof raw[key] === 'string')
            document[key] = raw[key];
    }
    const rules = readFilterRules(raw.filter_rules);
    if (rules.length > 0)
        document.filter_rules = rules;
    return document;
}
function readItems(value) {
    if (!Array.isArray(value))
        return [];
    return value.map((raw) => {
        const item = {
            DATA_TYPE: 'transfer_item',
            source_path: String(raw.source_path ?? ''),
            destination_path: String(raw.destination_path ?? ''),
        };
        if (typeof raw.recursive === 'boolean')
            item.recursive = raw.recursive;
        return item;
    });
}
function readFilterRules(value) {
    if (!Array.isArray(value))
        return [];
    return value.map((raw) => {
        const rule = {
            DATA_TYPE: 'filter_rule',
            name: String(raw.name ?? ''),
            method: raw.method === 'include' ? 'include' : 'exclude',
        };
        if (raw.type === 'file' || raw.type === 'dir')
            rule.type = raw.type;
        return rule;
    });
}

;// CONCATENATED MODULE: ./src/timer/live-kind.ts


/**
 * The kind of a timer Globus holds: a flow timer by its `timer_type` or its `flow_id`; anything
 * else — a transfer timer, or a type this action does not know yet — reads as a transfer timer.
 */
function kindOfDocument(document) {
    return document.timer_type === 'flow' || document.flow_id ? 'flow' : 'transfer';
}
/** The kind's part of a timer document, read tolerantly. */
function readKindPart(document) {
    if (kindOfDocument(document) === 'flow') {
        // v2 documents carry the start document as `body`; job documents as `callback_body`.
        const raw = document.body ?? document.callback_body;
        return {
            kind: 'flow',
            ...(document.flow_id ? { flowId: document.flow_id } : {}),
            ...(raw ? { body: normalizeFlowStart(raw) } : {}),
        };
    }
    const raw = document.body ?? document.callback_body?.body;
    return { kind: 'transfer', ...(raw ? { body: normalizeTransferDocument(raw) } : {}) };
}

;// CONCATENATED MODULE: ./src/timer/live-timer.ts

/** `{ key: value }`, or nothing when the value is missing (spread into a document read). */
const optional = (key, value) => (value === null || value === undefined ? {} : { [key]: value });
function toLiveTimer(document) {
    const results = Array.isArray(document.results)
        ? document.results
        : (document.results?.data ?? []);
    const pageNext = Array.isArray(document.results) ? undefined : document.results?.page_next;
    const runs = results.map(toRun);
    return {
        jobId: document.job_id,
        name: document.name ?? '',
        status: document.status,
        ...optional('submittedAt', document.submitted_at),
        ...optional('lastRanAt', document.last_ran_at),
        ...optional('nextRun', document.next_run),
        runs: document.number_of_runs ?? document.n_runs ?? 0,
        errors: document.number_of_errors ?? document.n_errors ?? 0,
        ...optional('schedule', readSchedule(document)),
        ...readKindPart(document),
        ...optional('inactiveReason', document.inactive_reason?.cause
            ? { cause: document.inactive_reason.cause, detail: document.inactive_reason.detail }
            : undefined),
        ...optional('activity', document.activity?.code),
        ended: hasEnded(document),
        results: newestFirst(runs),
        ...optional('resultsPageNext', pageNext),
        resultsOldestFirst: isOldestFirst(runs),
    };
}
function hasEnded(document) {
    if (document.status === 'ended')
        return true;
    const idle = document.activity === null && !document.next_run;
    return idle && document.status !== 'inactive' && !isDeleted(document);
}
/** Timers' `schedule` when present, else the job fields it replaced (`start`, `interval`, `stop_after`). */
function readSchedule(document) {
    const schedule = document.schedule;
    if (schedule?.type === 'once') {
        return { type: 'once', ...optional('datetime', schedule.datetime) };
    }
    if (schedule?.type === 'recurring' && typeof schedule.interval_seconds === 'number') {
        return {
            type: 'recurring',
            interval_seconds: schedule.interval_seconds,
            ...optional('start', schedule.start),
            ...optional('end', readEnd(schedule.end)),
        };
    }
    if (document.interval === null || document.interval === undefined) {
        return document.start ? { type: 'once', datetime: document.start } : undefined;
    }
    const stop = document.stop_after;
    const end = stop?.n_runs
        ? { condition: 'iterations', count: stop.n_runs }
        : stop?.date
            ? { condition: 'time', datetime: stop.date }
            : undefined;
    return {
        type: 'recurring',
        interval_seconds: Math.floor(document.interval),
        ...optional('start', document.start),
        ...optional('end', end),
    };
}
/** The service echoes `end` as `{"count": 2}` without `condition`; the SDK spells it `iterations`. */
function readEnd(end) {
    if (!end)
        return undefined;
    const count = end.count ?? end.iterations;
    if (typeof count === 'number')
        return { condition: 'iterations', count };
    if (end.datetime)
        return { condition: 'time', datetime: end.datetime };
    return undefined;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The candidates for the id of what a run started, in the order worth trying: the action
 * status's `details.task_id` (where the only captured transfer run has its Transfer task), a
 * bare `data.task_id`, a Flows run's `data.run_id`, then `resource_id` and the action status's
 * `action_id` — only UUIDs, for a Transfer Action Provider's action id (`15jfdBESgveZQ`) is
 * no task id.
 */
function leadIdsOf(result) {
    const data = (result.data ?? {});
    const candidates = [
        data.details?.task_id,
        data.task_id,
        data.run_id,
        result.resource_id,
        data.action_id,
    ].map(stringOr);
    const ids = candidates.filter((id) => id !== undefined && UUID.test(id));
    return [...new Set(ids)];
}
function toRun(result) {
    return {
        ...optional('ranAt', withZone(result.ran_at ?? result.start_timestamp)),
        ...optional('status', result.run_status ?? statusFromLegacy(result)),
        ...optional('submissionStatus', result.http_status_submission ?? result.status),
        leadIds: leadIdsOf(result),
        ...optional('errors', result.errors ?? undefined),
        ...optional('endedAt', result.end_timestamp),
    };
}
/**
 * Legacy results carry no run_status: an error document or an HTTP error means the run failed;
 * otherwise the Transfer Action Provider's own status (`ACTIVE`, `SUCCEEDED`, …) says how it went.
 */
function statusFromLegacy(result) {
    if (result.errors)
        return 'FAILED';
    if (typeof result.status === 'number' && result.status >= 400)
        return 'FAILED';
    return stringOr(result.data?.status);
}
function stringOr(value) {
    return typeof value === 'string' && value ? value : undefined;
}
/** Result order is not specified (docs/globus-variants.md): sort by run time, newest first. */
function newestFirst(runs) {
    const time = (run) => (run.ranAt ? Date.parse(run.ranAt) : 0);
    return [...runs].sort((a, b) => time(b) - time(a));
}
function isOldestFirst(runs) {
    const times = runs.map((run) => (run.ranAt ? Date.parse(run.ranAt) : NaN));
    const first = times[0];
    const last = times.at(-1);
    return first !== undefined && last !== undefined && first < last;
}
/** Some captured `ran_at` values carry no offset; Timers stores UTC. */
function withZone(value) {
    if (!value)
        return undefined;
    return /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
}
/** Statuses after which a timer is gone for good. */
function isDeleted(timer) {
    return ['deleted', 'delete_in_progress', 'delete_pending'].includes(timer.status);
}
/**
 * Whether Globus will run the timer again by itself: not paused or otherwise inactive, not past
 * its end, not deleted or being deleted. A `next_run` Globus still shows for any other timer is
 * not a run that will happen.
 */
function willRun(timer) {
    return !isDeleted(timer) && timer.status !== 'inactive' && !timer.ended;
}
/** The timer's next run, when there will be one. */
function nextRunOf(timer) {
    return willRun(timer) ? timer.nextRun : undefined;
}

;// CONCATENATED MODULE: ./src/timer/timer-document.ts

/*
 * The documents Timers answers with for a timer, read tolerantly (unknown fields and statuses
 * pass through). Two families describe the same timer: v2 timer documents (`number_of_runs`,
 * `body`) and job documents (`n_runs`, `callback_body.body`, `results`).
 */
const runResultSchema = schemas/* looseObject */._H3({
    ran_at: schemas/* string */.YjP().nullish(),
    run_status: schemas/* string */.YjP().nullish(),
    start_timestamp: schemas/* string */.YjP().nullish(),
    end_timestamp: schemas/* string */.YjP().nullish(),
    status: schemas/* number */.aig().nullish(),
    http_status_submission: schemas/* number */.aig().nullish(),
    http_status_polled: schemas/* number */.aig().nullish(),
    resource_id: schemas/* string */.YjP().nullish(),
    data: schemas/* unknown */.L5J().optional(),
    errors: schemas/* unknown */.L5J().optional(),
});
const endSchema = schemas/* looseObject */._H3({
    condition: schemas/* string */.YjP().nullish(),
    count: schemas/* number */.aig().nullish(),
    iterations: schemas/* number */.aig().nullish(),
    datetime: schemas/* string */.YjP().nullish(),
});
const scheduleSchema = schemas/* looseObject */._H3({
    type: schemas/* string */.YjP(),
    datetime: schemas/* string */.YjP().nullish(),
    interval_seconds: schemas/* number */.aig().nullish(),
    start: schemas/* string */.YjP().nullish(),
    end: endSchema.nullish(),
});
const timerDocumentSchema = schemas/* looseObject */._H3({
    job_id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP().nullish(),
    status: schemas/* string */.YjP().default('unknown'),
    timer_type: schemas/* string */.YjP().nullish(),
    flow_id: schemas/* string */.YjP().nullish(),
    submitted_at: schemas/* string */.YjP().nullish(),
    last_ran_at: schemas/* string */.YjP().nullish(),
    next_run: schemas/* string */.YjP().nullish(),
    number_of_runs: schemas/* number */.aig().nullish(),
    number_of_errors: schemas/* number */.aig().nullish(),
    n_runs: schemas/* number */.aig().nullish(),
    n_errors: schemas/* number */.aig().nullish(),
    schedule: scheduleSchema.nullish(),
    start: schemas/* string */.YjP().nullish(),
    interval: schemas/* number */.aig().nullish(),
    stop_after: schemas/* looseObject */._H3({ date: schemas/* string */.YjP().nullish(), n_runs: schemas/* number */.aig().nullish() }).nullish(),
    body: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    callback_body: schemas/* looseObject */._H3({ body: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish() }).nullish(),
    inactive_reason: schemas/* looseObject */._H3({ cause: schemas/* string */.YjP().nullish(), detail: schemas/* unknown */.L5J().optional() })
        .nullish(),
    activity: schemas/* looseObject */._H3({ code: schemas/* string */.YjP().nullish() }).nullish(),
    results: schemas/* union */.KCZ([
        schemas/* looseObject */._H3({
            data: schemas/* array */.YOg(runResultSchema).default([]),
            page_next: schemas/* string */.YjP().nullish(),
        }),
        schemas/* array */.YOg(runResultSchema),
    ])
        .nullish(),
});

;// CONCATENATED MODULE: ./src/globus/timer-visibility.ts


/**
 * A timer this client may not see, said so, keeping the service's status and request id.
 * Another client's timer answers 404 or 403 (docs/globus-variants.md): a 404 cannot be told
 * from a timer that does not exist; a 403 (one that asks for no consent) proves it exists and
 * is someone else's — timers belong to the identity that created them.
 */
function notVisible(error, jobId, identity) {
    if (!(error instanceof GlobusApiError))
        return error;
    let detail;
    if (error.status === 404) {
        detail = `timer ${jobId} was not found, or is not visible to ${identity}`;
    }
    else if (error.status === 403 && requiredScopes(error.body).length === 0) {
        detail = `timer ${jobId} exists but is not owned by ${identity}, so Globus Timers refuses it to this client`;
    }
    else {
        return error;
    }
    return new GlobusApiError({
        service: error.service,
        method: error.method,
        path: error.path,
        status: error.status,
        code: error.code ?? (error.status === 404 ? 'NotFound' : 'Forbidden'),
        detail,
        ...(error.requestId ? { requestId: error.requestId } : {}),
    });
}

;// CONCATENATED MODULE: ./src/globus/timers.ts








/** Result pages followed at most when looking for a timer's newest runs. */
const MAX_RESULT_PAGES = 20;
/** How far our clock and the service's may disagree when asking "created since when?". */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Globus Timers: every call the action makes, with its answers parsed. */
class TimersApi {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /**
     * The timer with its newest runs. Results come a page at a time in no specified order
     * (docs/globus-variants.md); when a page lists them oldest first, the newest are on later pages,
     * so those are followed (a bounded number of them).
     */
    async get(jobId) {
        let timer = await this.page(jobId);
        for (let pages = 1; pages < MAX_RESULT_PAGES; pages++) {
            if (!timer.resultsPageNext || !timer.resultsOldestFirst)
                break;
            const next = await this.page(jobId, timer.resultsPageNext);
            timer = { ...next, results: newestFirst([...timer.results, ...next.results]) };
        }
        return this.seen(timer);
    }
    async page(jobId, pageToken) {
        try {
            const response = await this.call({
                method: 'GET',
                path: jobPath(jobId),
                query: { results_pt: pageToken },
            });
            return toLiveTimer(timerDocumentSchema.parse(response));
        }
        catch (error) {
            throw notVisible(error, jobId, this.deps.credentials.identity);
        }
    }
    async list(filter = {}) {
        const response = await this.call({
            method: 'GET',
            path: '/jobs/',
            query: {
                filter_name: filter.name,
                filter_status: filter.status?.length ? filter.status.join(',') : undefined,
                submitted_after: filter.submittedAfter,
                order: 'submitted_at asc',
            },
        });
        const { jobs } = schemas/* looseObject */._H3({ jobs: schemas/* array */.YOg(timerDocumentSchema) }).parse(response);
        return jobs.map(toLiveTimer);
    }
    /** The client's live (not deleted) timers named exactly `name`, oldest first. */
    async withExactName(name) {
        const timers = await this.list({ name });
        return timers.filter((timer) => timer.name === name && !isDeleted(timer));
    }
    /**
     * Creates the timer. A create whose outcome is unknown (no answer, reset, 5xx) is never sent
     * again blindly: first look for a timer with exactly this name and spec submitted since the
     * attempt, and adopt it; only if there is none, send it again. `knownIds` are timers that
     * existed before and must not be mistaken for ours.
     */
    async create(creation, consents, knownIds = new Set()) {
        const { log, retries, clock } = this.deps;
        const { name } = creation.request.timer;
        for (let attempt = 0;; attempt++) {
            const since = new Date(clock() - CLOCK_SKEW_MS).toISOString();
            try {
                const response = await this.call({ method: 'POST', path: '/v2/timer', json: creation.request, repeatable: false }, consents);
                const { timer } = schemas/* looseObject */._H3({ timer: timerDocumentSchema }).parse(response);
                return this.changed(toLiveTimer(timer));
            }
            catch (error) {
                if (!(error instanceof GlobusApiError) || !error.outcomeUnknown || attempt >= retries) {
                    throw error;
                }
                log.warning(`Creating timer "${name}" got no clear answer (${error.status ?? error.code}); looking for it before sending again`);
                const adopted = await this.findCreated(creation, since, knownIds);
                if (adopted) {
                    log.info(`The timer was created after all: adopting ${adopted.jobId}`);
                    return this.changed(adopted);
                }
                log.info(`No timer "${name}" was created; sending the request again`);
                await this.deps.sleep(backoffMs(attempt, this.deps.random));
            }
        }
    }
    async findCreated(creation, since, knownIds) {
        const { name } = creation.request.timer;
        const candidates = await this.list({ name, submittedAfter: since });
        return candidates.find((timer) => timer.name === name &&
            !knownIds.has(timer.jobId) &&
            !isDeleted(timer) &&
            creation.isSame(timer));
    }
    /** Renames in place; the timer as it now stands (read again if the reply does not show it). */
    async rename(jobId, name) {
        const response = await this.call({ method: 'PATCH', path: jobPath(jobId), json: { name } });
        const renamed = asTimer(response);
        this.deps.observer?.changed();
        return renamed ? this.seen(renamed) : this.get(jobId);
    }
    /**
     * Deletes, and says whether the timer was gone already. A DELETE sent again after a lost
     * reply may hear 404 or 409 although it worked (docs/globus-variants.md): a timer that is not
     * there, or is already being deleted, counts as deleted — already, unless this step sent it
     * before.
     * A reply showing `deleted` (not `delete_in_progress`, what a fresh delete shows) was about a
     * timer deleted before. A 403 is another client's timer: an error, nothing was deleted.
     */
    async delete(jobId) {
        const deletion = await this.sendDelete(jobId);
        if (deletion.timer)
            this.seen(deletion.timer);
        if (!deletion.already)
            this.deps.observer?.changed();
        return deletion;
    }
    async sendDelete(jobId) {
        // Sent again here rather than by the HTTP client, to know that an earlier try may have
        // done it: then a "gone" answer is this step's own doing.
        for (let attempt = 0, sent = false;; attempt++) {
            try {
                const request = { method: 'DELETE', path: jobPath(jobId), repeatable: false };
                const timer = asTimer(await this.call(request));
                return { ...(timer ? { timer } : {}), already: !sent && timer?.status === 'deleted' };
            }
            catch (error) {
                if (!(error instanceof GlobusApiError))
                    throw error;
                if (error.outcomeUnknown && attempt < this.deps.retries) {
                    sent = true;
                    await this.deps.sleep(backoffMs(attempt, this.deps.random));
                    continue;
                }
                if (error.status === 404)
                    return { already: !sent };
                if (error.status === 409)
                    return this.afterConflict(jobId, error, sent);
                throw notVisible(error, jobId, this.deps.credentials.identity);
            }
        }
    }
    /**
     * A DELETE answered 409: fine if the timer is being deleted or is deleted — or is gone by now,
     * its deletion finished (a service that no longer shows deleted timers answers 404). A 409
     * about a timer that is still there is the service's refusal, passed on.
     */
    async afterConflict(jobId, conflict, sent) {
        let timer;
        try {
            timer = await this.get(jobId);
        }
        catch (error) {
            if (error instanceof GlobusApiError && error.status === 404)
                return { already: !sent };
            throw error;
        }
        if (isDeleted(timer))
            return { timer, already: !sent };
        throw conflict;
    }
    async pause(jobId) {
        await this.call({ method: 'POST', path: `${jobPath(jobId)}/pause` });
        this.deps.observer?.changed();
    }
    /** `update_credentials` goes in the query, as Timers' OpenAPI document specifies. */
    async resume(jobId, updateCredentials) {
        await this.call({
            method: 'POST',
            path: `${jobPath(jobId)}/resume`,
            query: { update_credentials: updateCredentials },
        });
        this.deps.observer?.changed();
    }
    seen(timer) {
        this.deps.observer?.timer(timer);
        return timer;
    }
    changed(timer) {
        this.deps.observer?.changed();
        return this.seen(timer);
    }
    /**
     * Requests a Timers token that satisfies the scopes a timer says it needs, rebuilt in today's
     * chain, with data_access for `collections` too (for resuming).
     */
    async authorize(scopes, consents) {
        await this.deps.credentials.timersWithScopes(timersScopesFor(scopes, consents));
    }
    /**
     * One Timers request. When Timers answers with authorization requirements, ask Auth for a
     * token with the scopes it names and try once more.
     */
    async call(request, consents = { dataAccess: [], dependencies: [] }) {
        const { http, credentials, log } = this.deps;
        const send = (authorization) => http.request({ ...request, service: 'timers', authorization });
        try {
            return (await credentials.sendAuthorized(() => credentials.timers(consents), send)).body;
        }
        catch (error) {
            const scopes = error instanceof GlobusApiError ? requiredScopes(error.body) : [];
            if (scopes.length === 0 || error.status === undefined)
                throw error;
            log.info(`Globus Timers asks for consent for ${consentWords(scopes).join(' and ')}; asking Globus Auth for it`);
            const wanted = timersScopesFor(scopes, consents);
            const authorization = await credentials.timersWithScopes(wanted);
            return (await send(authorization)).body;
        }
    }
}
/** A reply read as a timer document when it is one; replies that only confirm are not. */
function asTimer(response) {
    const parsed = timerDocumentSchema.safeParse(response);
    return parsed.success ? toLiveTimer(parsed.data) : undefined;
}
function jobPath(jobId) {
    return `/jobs/${encodeURIComponent(jobId)}`;
}

;// CONCATENATED MODULE: ./src/globus/transfer.ts

/** The parts of a Transfer endpoint/collection document the action reads. */
const collectionSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP(),
    display_name: schemas/* string */.YjP().nullish(),
    entity_type: schemas/* string */.YjP().nullish(),
    high_assurance: schemas/* boolean */.zMY().nullish(),
    gcs_version: schemas/* string */.YjP().nullish(),
});
/** The parts of a Transfer task document the action reads. */
const taskSchema = schemas/* looseObject */._H3({
    task_id: schemas/* string */.YjP(),
    status: schemas/* string */.YjP(),
    type: schemas/* string */.YjP().nullish(),
    label: schemas/* string */.YjP().nullish(),
    /** `OK`, `Queued`, or the code of an error Transfer is retrying on; null once finished. */
    nice_status: schemas/* string */.YjP().nullish(),
    nice_status_short_description: schemas/* string */.YjP().nullish(),
    /** `false` while the task keeps meeting errors (it stays ACTIVE and retries). */
    is_ok: schemas/* boolean */.zMY().nullish(),
    is_paused: schemas/* boolean */.zMY().nullish(),
    deadline: schemas/* string */.YjP().nullish(),
    fatal_error: schemas/* looseObject */._H3({ code: schemas/* string */.YjP().nullish(), description: schemas/* string */.YjP().nullish() })
        .nullish(),
    request_time: schemas/* string */.YjP().nullish(),
    completion_time: schemas/* string */.YjP().nullish(),
    files: schemas/* number */.aig().nullish(),
    files_transferred: schemas/* number */.aig().nullish(),
    files_skipped: schemas/* number */.aig().nullish(),
    bytes_transferred: schemas/* number */.aig().nullish(),
    faults: schemas/* number */.aig().nullish(),
    subtasks_failed: schemas/* number */.aig().nullish(),
});
/**
 * One event of a task's event list (https://docs.globus.org/api/transfer/task_events/): every field may be missing, and `details`
 * is text by the documentation but read as whatever comes.
 */
const taskEventSchema = schemas/* looseObject */._H3({
    code: schemas/* string */.YjP().nullish(),
    description: schemas/* string */.YjP().nullish(),
    details: schemas/* unknown */.L5J().optional(),
    is_error: schemas/* boolean */.zMY().nullish(),
    time: schemas/* string */.YjP().nullish(),
});
/** How many of a task's newest events are read to find its latest error. */
const TASK_EVENTS_READ = 20;
/**
 * The rule the official CLI applies at run time (docs/globus-variants.md): a collection needs the
 * data_access dependency exactly when it is a GCS v5 mapped collection that is not
 * high-assurance (strictly `false`; missing or null means no).
 */
function needsDataAccess(collection) {
    return (collection.entity_type === 'GCSv5_mapped_collection' && collection.high_assurance === false);
}
class TransferApi {
    http;
    credentials;
    /** A step may ask about the same collection for several timers; ask Transfer once. */
    collections = new Map();
    constructor(http, credentials) {
        this.http = http;
        this.credentials = credentials;
    }
    collection(id) {
        const cached = this.collections.get(id);
        if (cached)
            return cached;
        const lookup = this.lookUp(id);
        this.collections.set(id, lookup);
        lookup.catch(() => this.collections.delete(id));
        return lookup;
    }
    async lookUp(id) {
        return collectionSchema.parse(await this.get(`/v0.10/endpoint/${encodeURIComponent(id)}`));
    }
    async task(id) {
        return taskSchema.parse(await this.get(`/v0.10/task/${encodeURIComponent(id)}`));
    }
    /**
     * The task's newest events, newest first (`GET /v0.10/task/{id}/event_list`, one page). An
     * entry that is not an event document is left out rather than failing the read.
     */
    async taskEvents(id, limit = TASK_EVENTS_READ) {
        const body = await this.get(`/v0.10/task/${encodeURIComponent(id)}/event_list`, {
            limit,
            offset: 0,
        });
        const { DATA } = schemas/* looseObject */._H3({ DATA: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish() }).parse(body);
        return (DATA ?? []).flatMap((entry) => {
            const event = taskEventSchema.safeParse(entry);
            return event.success ? [event.data] : [];
        });
    }
    async get(path, query) {
        const { http, credentials } = this;
        const response = await credentials.sendAuthorized(() => credentials.transfer(), (authorization) => http.request({
            service: 'transfer',
            method: 'GET',
            path,
            authorization,
            ...(query ? { query } : {}),
        }));
        return response.body;
    }
}

// EXTERNAL MODULE: ./src/timer/input-values.ts
var input_values = __webpack_require__(6940);
// EXTERNAL MODULE: ./src/timer/schedule.ts
var timer_schedule = __webpack_require__(208);
;// CONCATENATED MODULE: ./src/timer/compare.ts



/**
 * The common part's differences: the name, and the schedule after normalisation, its times
 * written in the desired timer's `timezone`. `start` counts only when the desired timer names
 * one, and then a recurring start that lands on the live timer's ticks (a whole number of
 * intervals away) is the same start. What runs do (the kind's part) is compared by the kind
 * (kinds/index.ts compareTimers puts the two together).
 */
function compareCommon(desired, live) {
    const changes = [];
    if (desired.name !== live.name) {
        changes.push({ field: 'name', live: live.name, desired: desired.name });
    }
    const schedule = compareSchedules(desired.schedule, live.schedule, desired.timezone);
    return [...changes, ...schedule.filter((change) => !endsEitherWay(change, desired, live))];
}
/**
 * Given both stop conditions, a live timer that ends on either one of them is what the inputs
 * ask for, whichever of the two binds today: its end is no change.
 */
function endsEitherWay(change, desired, live) {
    if (!END_INPUTS.has(change.field) || !desired.stopConditions)
        return false;
    if (desired.schedule.type !== 'recurring' || live.schedule?.type !== 'recurring')
        return false;
    const held = live.schedule.end;
    return desired.stopConditions.some((condition) => sameEnd(condition, held));
}
const END_INPUTS = new Set(['stop-after-runs', 'stop-after-date']);
/**
 * Two timers written as inputs, input by input: the desired timer's inputs in their order,
 * then those only the live timer has.
 */
function compareInputValues(wanted, held) {
    const keys = [...new Set([...Object.keys(wanted), ...Object.keys(held)])];
    return keys
        .filter((key) => !deepEqual(wanted[key], held[key]))
        .map((key) => ({ field: key, live: held[key], desired: wanted[key] }));
}
function compareSchedules(desired, live, zone) {
    if (!live || live.type !== desired.type) {
        // A run-once timer is `stop-after-runs: 1` and a recurring one has an interval, so two
        // schedules of different types always differ in some input.
        const wanted = (0,input_values/* scheduleValues */.kI)(desired, zone);
        const held = (0,input_values/* scheduleValues */.kI)(live, zone);
        if (wanted.start === undefined)
            delete held.start;
        return compareInputValues(wanted, held);
    }
    const changes = [];
    const time = (value) => (value ? (0,input_values/* formatTime */.fU)(value, zone) : undefined);
    if (desired.type === 'once' && live.type === 'once') {
        if (desired.datetime && !sameInstant(desired.datetime, live.datetime)) {
            changes.push({ field: 'start', live: time(live.datetime), desired: time(desired.datetime) });
        }
        return changes;
    }
    if (desired.type !== 'recurring' || live.type !== 'recurring')
        return changes;
    if (desired.interval_seconds !== live.interval_seconds) {
        changes.push({
            field: 'interval',
            live: (0,timer_duration/* formatDuration */.a)(live.interval_seconds),
            desired: (0,timer_duration/* formatDuration */.a)(desired.interval_seconds),
        });
    }
    if (desired.start && !onSameTicks(desired.start, live.start, desired.interval_seconds)) {
        changes.push({ field: 'start', live: time(live.start), desired: time(desired.start) });
    }
    if (!sameEnd(desired.end, live.end)) {
        changes.push(...compareInputValues((0,input_values/* endValues */.sn)(desired.end, zone), (0,input_values/* endValues */.sn)(live.end, zone)));
    }
    return changes;
}
function instant(value) {
    if (!value)
        return undefined;
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
    const time = Date.parse(zoned);
    return Number.isNaN(time) ? undefined : time;
}
function sameInstant(a, b) {
    const x = instant(a);
    const y = instant(b);
    return x !== undefined && y !== undefined && Math.abs(x - y) < timer_schedule/* START_TOLERANCE_SECONDS */.Lt * 1000;
}
function onSameTicks(a, b, intervalSeconds) {
    const x = instant(a);
    const y = instant(b);
    if (x === undefined || y === undefined)
        return false;
    const offset = (Math.abs(x - y) / 1000) % intervalSeconds;
    return offset < timer_schedule/* START_TOLERANCE_SECONDS */.Lt || intervalSeconds - offset < timer_schedule/* START_TOLERANCE_SECONDS */.Lt;
}
function sameEnd(a, b) {
    if (!a || !b)
        return !a && !b;
    if (a.condition === 'iterations' && b.condition === 'iterations')
        return a.count === b.count;
    if (a.condition === 'time' && b.condition === 'time')
        return sameInstant(a.datetime, b.datetime);
    return false;
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    if (keysA.length !== keysB.length)
        return false;
    return keysA.every((key) => deepEqual(a[key], b[key]));
}

// EXTERNAL MODULE: ./src/timer/datetime.ts
var datetime = __webpack_require__(400);
;// CONCATENATED MODULE: ./src/timer/create-request.ts



/**
 * The exact request body for creating `spec` at `now`. The service may refuse any start in the
 * past (docs/globus-variants.md), so none is sent: a start that passed moments ago (while the step
 * ran) becomes "now" by being left out, and a recurring start long past moves to the next tick (a
 * nightly 02:00 stays at 02:00). Inputs already refuse a run-once time that had passed.
 */
function createRequest(spec, now, kindFields) {
    return { timer: { name: spec.name, schedule: scheduleFrom(spec.schedule, now), ...kindFields } };
}
function scheduleFrom(schedule, now) {
    if (schedule.type === 'once') {
        const passed = schedule.datetime && luxon/* DateTime */.c9.fromISO(schedule.datetime) < now;
        return passed ? { type: 'once' } : schedule;
    }
    if (!schedule.start)
        return schedule;
    const start = luxon/* DateTime */.c9.fromISO(schedule.start, { setZone: true });
    if (start >= now)
        return schedule;
    if ((0,timer_schedule/* justPassed */.FN)(start, now)) {
        const { type, interval_seconds, end } = schedule;
        return { type, interval_seconds, ...(end ? { end } : {}) };
    }
    return {
        ...schedule,
        start: (0,datetime/* formatWireDateTime */.M4)((0,timer_schedule/* nextTick */.dY)(start, schedule.interval_seconds, now)),
    };
}

;// CONCATENATED MODULE: ./src/kinds/kind.ts

/** One kind's part of a spec, or the problem that it is of another kind. */
function ofKind(spec, kind) {
    if (spec.kind !== kind)
        throw new Error(`a ${spec.kind} timer given to the ${kind} kind`);
    return spec;
}
/**
 * Follows a run to what it started, trying each id the run's result may hold it under (where it
 * lives is open, docs/globus-variants.md): an id its service does not know (404) leads to the next.
 * One that cannot be read at all is a warning, not a failure — the run itself is still judged.
 */
async function followCandidates(context, run, what, read) {
    let failure;
    for (const id of run.leadIds) {
        try {
            return await read(id);
        }
        catch (error) {
            if (!(error instanceof GlobusApiError) || error.status === undefined)
                throw error;
            failure = error;
            if (error.status !== 404)
                break;
        }
    }
    if (failure)
        context.log.warning(`Could not read the run's ${what}: ${failure.message}`);
    return undefined;
}

;// CONCATENATED MODULE: ./src/kinds/flow/input-schema.ts
/** Whether a flow has an input schema to check its input against (`{}` or none: it has not). */
function hasInputSchema(schema) {
    return typeof schema === 'object' && schema !== null && Object.keys(schema).length > 0;
}
async function validateFlowInput(schema, input) {
    if (!hasInputSchema(schema))
        return [];
    const validate = await compile(schema);
    if (validate(input))
        return [];
    return (validate.errors ?? []).map(describe);
}
/** The schema compiled by the ajv class for its draft (2020-12, 2019-09, else draft-07). */
async function compile(schema) {
    const draft = String(schema.$schema ?? '');
    const module = draft.includes('2020-12')
        ? await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(210)]).then(__webpack_require__.t.bind(__webpack_require__, 2210, 23))
        : draft.includes('2019-09')
            ? await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(878)]).then(__webpack_require__.t.bind(__webpack_require__, 878, 23))
            : await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(463)]).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23));
    const AjvOfDraft = commonJsDefault(module);
    const addFormats = commonJsDefault(await Promise.all(/* import() */[__webpack_require__.e(457), __webpack_require__.e(196)]).then(__webpack_require__.t.bind(__webpack_require__, 2815, 23)));
    // Flows accepts schemas ajv's strict mode would refuse (unknown keywords); so do we.
    const ajv = new AjvOfDraft({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(schema);
}
/**
 * A CommonJS module's export as an ES import sees it: `default` is `module.exports`, which
 * ajv's packages set to the export itself, again under `.default` — the two loaders (Node,
 * the bundler) do not agree which one they hand over.
 */
function commonJsDefault(module) {
    const outer = module.default ?? module;
    return (typeof outer === 'function' ? outer : outer.default);
}
function describe(error) {
    const path = jsonPath(error.instancePath);
    const params = error.params;
    if (error.keyword === 'required') {
        return { path: `${path}.${String(params.missingProperty)}`, message: 'is required' };
    }
    if (error.keyword === 'additionalProperties') {
        return {
            path: `${path}.${String(params.additionalProperty)}`,
            message: 'is not a property the flow takes',
        };
    }
    if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
        return { path, message: `must be one of ${params.allowedValues.map(show).join(', ')}` };
    }
    return { path, message: error.message ?? error.keyword };
}
/** A JSON pointer (`/items/0/path`) as a JSON path (`$.items[0].path`). */
function jsonPath(pointer) {
    const parts = pointer
        .split('/')
        .slice(1)
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    return parts.reduce((path, part) => /^\d+$/.test(part)
        ? `${path}[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
            ? `${path}.${part}`
            : `${path}[${JSON.stringify(part)}]`, '$');
}
function show(value) {
    return JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/kinds/flow/prepare.ts





/**
 * Before a flow timer is written: the flow must exist and be visible to this client, and the
 * input must satisfy the flow's input schema — a timer whose every run would fail is refused.
 * The Timers token then carries the flow's own scope, so the timer can start its runs.
 */
async function prepareFlow(context, spec) {
    const flowSpec = ofKind(spec, 'flow');
    const { flow, problems } = await checkFlow(context, flowSpec);
    if (problems.length > 0)
        throw new timer_problems/* InputError */.d(problems);
    const named = `Flow ${flowSpec.flowId}${flow.title ? ` (${flow.title})` : ''}`;
    context.log.info(hasInputSchema(flow.input_schema)
        ? `${named}: the input matches its schema`
        : `${named} has no input schema: the input is not checked before it runs`);
    return { dataAccess: [], dependencies: [scopeOf(flow)] };
}
/** The scope a flow's runs are started under: its own word, else the one built from its id. */
async function flowScope(context, flowId) {
    return scopeOf(await lookUp(context, flowId));
}
function scopeOf(flow) {
    return flow.globus_auth_scope ?? flowUserScope(flow.id);
}
/** The problems plan shows: why the flow's runs would fail, each at its JSON path. */
async function problemsOfFlow(context, spec) {
    return (await checkFlow(context, ofKind(spec, 'flow'))).problems;
}
async function checkFlow(context, spec) {
    const flow = await lookUp(context, spec.flowId);
    const found = await validateFlowInput(flow.input_schema, spec.body.body);
    const input = spec.inputFrom ?? 'flow-input';
    const problems = found.map(({ path, message }) => ({
        input,
        message: `${path} ${message} (the input schema of flow ${spec.flowId})`,
    }));
    return { flow, problems };
}
async function lookUp(context, flowId) {
    try {
        return await context.flows.flow(flowId);
    }
    catch (error) {
        if (!(error instanceof GlobusApiError))
            throw error;
        if (error.status !== 404 && error.status !== 403)
            throw error;
        throw new GlobusApiError({
            service: error.service,
            method: error.method,
            path: error.path,
            status: error.status,
            code: error.code ?? 'FlowNotFound',
            detail: `flow ${flowId} was not found, or ${context.credentials.identity} cannot see it`,
            ...(error.requestId ? { requestId: error.requestId } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/kinds/flow/run-stall.ts


/*
 * A Flows run INACTIVE waits for someone: a consent, a login meeting a policy, a person's
 * input. Its `details` say which where Flows says it — `code`, `description`, `state_name`,
 * `required_scope` or `authorization_parameters` (as the official CLI's `flows run resume` reads
 * them; captured in its tests) — and any of them may be missing.
 */
/** How much of what Flows says a failure line carries: a description, a name, the scopes. */
const DESCRIPTION_LIMIT = 200;
const NAME_LIMIT = 100;
const SCOPES_LIMIT = 500;
const waitSchema = schemas/* looseObject */._H3({
    code: schemas/* string */.YjP().nullish(),
    description: schemas/* string */.YjP().nullish(),
    state_name: schemas/* string */.YjP().nullish(),
    required_scope: schemas/* string */.YjP().nullish(),
    authorization_parameters: schemas/* looseObject */._H3({
        required_scopes: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
        session_message: schemas/* string */.YjP().nullish(),
        session_required_identities: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
        session_required_policies: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())]).nullish(),
        session_required_single_domain: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* array */.YOg(schemas/* string */.YjP())]).nullish(),
        session_required_mfa: schemas/* boolean */.zMY().nullish(),
    })
        .nullish(),
});
/** The `flow-stalled` sentence: what the run waits for, where it says, and what to do. */
function flowStalledFailure(run) {
    const parsed = waitSchema.safeParse(run.details);
    const wait = parsed.success ? parsed.data : {};
    const display = run.display_status && run.display_status !== run.status;
    const state = wait.state_name ? ` at state ${clip(wait.state_name, NAME_LIMIT)}` : '';
    const scopes = [
        ...(wait.required_scope ? [wait.required_scope] : []),
        ...(wait.authorization_parameters?.required_scopes ?? []),
    ];
    const session = hasSessionRequirements(wait);
    const waitsFor = scopes.length > 0 || wait.code === 'ConsentRequired'
        ? 'a consent'
        : session
            ? 'a login that meets its session requirements'
            : 'someone to act';
    const parts = [
        `flow-stalled: Flows run ${run.run_id} is INACTIVE${display ? ` (${run.display_status})` : ''}: it waits${state} for ${waitsFor}${said(wait)}`,
    ];
    if (scopes.length > 0) {
        parts.push(`it needs consent for ${clip([...new Set(scopes)].join(' '), SCOPES_LIMIT)}`);
    }
    parts.push(`fix: ${fixFor(run, scopes.length > 0, session)}`);
    return parts.join('; ');
}
/** ` (ConsentRequired: Missing required data_access consent)`, or what Flows said of it. */
function said(wait) {
    const description = wait.description?.trim();
    const code = wait.code ? clip(wait.code, NAME_LIMIT) : undefined;
    // Quoted: where server text ends is plain to a reader, and to the redactor.
    const text = [code, description ? `"${clip(description, DESCRIPTION_LIMIT)}"` : undefined]
        .filter(Boolean)
        .join(': ');
    return text ? ` (${text})` : '';
}
function hasSessionRequirements(wait) {
    const parameters = wait.authorization_parameters;
    if (!parameters)
        return wait.code === 'AuthorizationParameters';
    return Boolean(parameters.session_required_identities?.length ||
        parameters.session_required_policies?.length ||
        parameters.session_required_single_domain?.length ||
        parameters.session_required_mfa);
}
function fixFor(run, consent, session) {
    if (consent) {
        return `resume the run with that consent: globus flows run resume ${run.run_id} asks for it (as the timer's client: set GLOBUS_CLI_CLIENT_ID and GLOBUS_CLI_CLIENT_SECRET)`;
    }
    if (session) {
        return 'a client identity cannot meet session requirements; use collections and flows without such policies';
    }
    return 'open the run in the web app to see what it waits for and who may act on it';
}

;// CONCATENATED MODULE: ./src/kinds/flow/run.ts


/** A Flows run's page in the web app. */
const flowRunPath = (id) => `/runs/${id}`;
/** A flow timer's run, followed into the Flows run it started. */
async function followFlow(context, run) {
    return followCandidates(context, run, 'Flows run', async (id) => flowRunLead(await context.flows.run(id)));
}
/** Statuses after which a Flows run does not change by itself (INACTIVE waits for a person). */
const SETTLED = new Set(['SUCCEEDED', 'FAILED', 'ENDED', 'INACTIVE']);
const FAILED = new Set(['FAILED', 'ENDED']);
const OUTCOMES = {
    SUCCEEDED: 'succeeded',
    FAILED: 'failed',
    ENDED: 'failed',
    INACTIVE: 'stalled',
    ACTIVE: 'in-progress',
};
function flowRunLead(run) {
    return {
        what: 'Flows run',
        id: run.run_id,
        status: run.status,
        settled: SETTLED.has(run.status),
        stalled: run.status === 'INACTIVE',
        outcome: OUTCOMES[run.status] ?? 'unknown',
        measures: measuresOf(run),
        description: describeFlowRun(run),
        webPath: flowRunPath(run.run_id),
        outputs: { 'flow-run-id': run.run_id, 'flow-run-status': run.status },
        failures: (failOn) => failuresOf(run, failOn),
    };
}
function failuresOf(run, failOn) {
    if (failOn.includes('flow-failed') && FAILED.has(run.status)) {
        return [`flow-failed: Flows run ${run.run_id} ${statusOf(run)}`];
    }
    if (failOn.includes('flow-stalled') && run.status === 'INACTIVE') {
        return [flowStalledFailure(run)];
    }
    return [];
}
function measuresOf(run) {
    return {
        ...(run.start_time ? { startedAt: run.start_time } : {}),
        ...(run.completion_time ? { endedAt: run.completion_time } : {}),
    };
}
/**
 * "SUCCEEDED (Succeeded), 2026-12-01T02:00:00Z → 2026-12-01T02:03:10Z"; a run under way is
 * "still running", one waiting for someone (INACTIVE) has only "started …".
 */
function describeFlowRun(run) {
    const end = run.completion_time ?? (run.status === 'ACTIVE' ? 'still running' : undefined);
    const times = run.start_time
        ? end
            ? `, ${run.start_time} → ${end}`
            : `, started ${run.start_time}`
        : '';
    return `${statusOf(run)}${times}`;
}
/** `FAILED`, or `INACTIVE (Waiting for consent)`: the display status only when it says more. */
function statusOf(run) {
    const display = run.display_status?.trim();
    return display && display.toUpperCase() !== run.status.toUpperCase()
        ? `${run.status} (${display})`
        : run.status;
}

;// CONCATENATED MODULE: ./src/timer/flow-values.ts
/**
 * A flow timer's flow and start document (normalised: see normalizeFlowStart) as the inputs
 * that write them: `flow-id`, `flow-input` (the JSON object), `run-tags`, `run-managers`,
 * `run-monitors` (sets, sorted).
 */
function flowValues(flowId, body) {
    return {
        ...(flowId ? { 'flow-id': flowId } : {}),
        'flow-input': body.body,
        ...(body.tags ? { 'run-tags': body.tags } : {}),
        ...(body.run_managers ? { 'run-managers': body.run_managers } : {}),
        ...(body.run_monitors ? { 'run-monitors': body.run_monitors } : {}),
    };
}

;// CONCATENATED MODULE: ./src/kinds/flow/spec.ts



/*
 * The pure half of the flow kind: how a flow timer is recognised, read, created, compared,
 * described and updated. Its body is Timers' FlowStartDocument (Timers OpenAPI).
 */
function flowCreateFields(spec) {
    const flow = ofKind(spec, 'flow');
    return { timer_type: 'flow', flow_id: flow.flowId, body: flow.body };
}
/** The flow and its start document (input, tags, managers, monitors) as the inputs that write them. */
function flowSpecValues(spec) {
    const flow = ofKind(spec, 'flow');
    return flowValues(flow.flowId, normalizeFlowStart(flow.body));
}
/** The flow timer Globus holds as the inputs that would write it. */
function flowLiveValues(live) {
    const held = live.kind === 'flow' ? live : undefined;
    return flowValues(held?.flowId, held?.body ?? normalizeFlowStart({}));
}
/** The live flow timer's fields with the given inputs on top: what is not given stays. */
function overlayFlow(given, live) {
    const held = live.kind === 'flow' ? live : undefined;
    const flow = given.flow;
    const flowId = flow.flowId ?? held?.flowId;
    const input = flow.input ?? held?.body?.body;
    const tags = flow.tags ?? held?.body?.tags;
    const managers = flow.managers ?? held?.body?.run_managers;
    const monitors = flow.monitors ?? held?.body?.run_monitors;
    return {
        ...given,
        kind: 'flow',
        flow: {
            ...(flowId ? { flowId } : {}),
            ...(input ? { input } : {}),
            ...(flow.inputFrom ? { inputFrom: flow.inputFrom } : {}),
            ...(tags ? { tags } : {}),
            ...(managers ? { managers } : {}),
            ...(monitors ? { monitors } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/kinds/flow/index.ts



/** Timers whose runs start a Globus Flow (`timer_type: "flow"`). */
const flowKind = {
    name: 'flow',
    createFields: flowCreateFields,
    values: flowSpecValues,
    liveValues: flowLiveValues,
    reconcile: (desired) => desired,
    overlay: overlayFlow,
    problems: problemsOfFlow,
    prepare: (context, spec) => prepareFlow(context, spec),
    leadPath: flowRunPath,
    consentsOf: async (context, live) => ({
        dataAccess: [],
        dependencies: live.kind === 'flow' && live.flowId ? [await flowScope(context, live.flowId)] : [],
    }),
    follow: followFlow,
};

;// CONCATENATED MODULE: ./src/kinds/transfer/data-access.ts


/**
 * The collections whose data_access scope the Timers token must carry for this body. `auto`
 * looks both collections up — at once, they do not depend on each other — and applies the
 * official CLI's rule (docs/globus-variants.md); the log lines come in source, destination order.
 */
async function dataAccessFor(context, body, setting) {
    if (setting === 'none')
        return [];
    if (Array.isArray(setting))
        return setting;
    const ids = [...new Set([body.source_endpoint, body.destination_endpoint])];
    const roles = ids.map((id) => (id === body.source_endpoint ? 'source' : 'destination'));
    const collections = await Promise.all(ids.map((id, i) => data_access_lookUp(context, id, `${roles[i]}-endpoint`)));
    return ids.filter((_id, i) => judge(context, collections[i], `${roles[i]}-endpoint`));
}
async function data_access_lookUp(context, id, role) {
    try {
        return await context.transfer.collection(id);
    }
    catch (error) {
        if (!(error instanceof GlobusApiError) || error.status !== 404)
            throw error;
        throw new GlobusApiError({
            service: 'transfer',
            method: error.method,
            path: error.path,
            status: 404,
            ...(error.code ? { code: error.code } : {}),
            detail: `${role} ${id} was not found, or ${context.credentials.identity} cannot see it`,
            ...(error.requestId ? { requestId: error.requestId } : {}),
        });
    }
}
/** Whether the collection needs data_access, saying why (and warning about endpoints). */
function judge(context, collection, role) {
    const { log } = context;
    const name = collection.display_name ?? collection.id;
    if (collection.entity_type === 'GCSv5_endpoint') {
        log.warning(`${role} ${collection.id} (${name}) is a GCS v5 endpoint, which holds no data; use one of its collections`);
    }
    if (needsDataAccess(collection)) {
        log.info(`${name}: GCS v5 mapped collection, not high-assurance → data_access consent added`);
        return true;
    }
    log.debug(`${name}: ${collection.entity_type ?? 'unknown type'} → no data_access needed`);
    return false;
}

;// CONCATENATED MODULE: ./src/timer/transfer-values.ts


/** sync_level 0–3 by the names the `sync-level` input takes. */
const transfer_values_SYNC_LEVEL_NAMES = ['exists', 'size', 'mtime', 'checksum'];
/**
 * A transfer body (normalised: see normalizeTransferDocument) as the inputs that write it. Every
 * body maps to its own values, so two bodies compare equal exactly when their values do. What no
 * input sets (a timer made by another tool) keeps Transfer's name: `store_base_path_info`.
 */
function transferValues(body) {
    const values = {};
    if (body.source_endpoint)
        values['source-endpoint'] = body.source_endpoint;
    if (body.destination_endpoint)
        values['destination-endpoint'] = body.destination_endpoint;
    if (body.DATA.length > 0)
        values.items = body.DATA.map(input_values/* itemLine */.wD);
    if (body.label !== undefined)
        values.label = body.label;
    if (body.sync_level !== undefined) {
        values['sync-level'] = transfer_values_SYNC_LEVEL_NAMES[body.sync_level] ?? String(body.sync_level);
    }
    for (const [input, option] of transfer_fields/* BOOLEAN_INPUTS */.$p) {
        const value = body[option];
        if (value !== undefined)
            values[input] = String(value);
    }
    const notify = notifyValue(body);
    if (notify !== undefined)
        values.notify = notify;
    Object.assign(values, filterValues(body.filter_rules ?? []));
    if (body.store_base_path_info)
        values.store_base_path_info = 'true';
    if (body.source_local_user !== undefined)
        values.source_local_user = body.source_local_user;
    if (body.destination_local_user !== undefined) {
        values.destination_local_user = body.destination_local_user;
    }
    return values;
}
/** The three notification options as `notify` says them: default (all on), none, or a list. */
function notifyValue(body) {
    const events = [
        ['succeeded', body.notify_on_succeeded],
        ['failed', body.notify_on_failed],
        ['inactive', body.notify_on_inactive],
    ];
    if (events.every(([, on]) => on === undefined))
        return undefined;
    const on = events.filter(([, value]) => value !== false).map(([event]) => event);
    if (on.length === events.length)
        return 'default';
    return on.length === 0 ? 'none' : on.join(',');
}
/**
 * Filter rules as `include` and `exclude` (patterns of files, includes first: what those inputs
 * make); rules in another order or of another type, which no input makes, as `filter_rules`.
 */
function filterValues(rules) {
    if (rules.length === 0)
        return {};
    const firstExclude = rules.findIndex((rule) => rule.method === 'exclude');
    const inputsMakeThem = rules.every((rule) => rule.type === 'file') &&
        (firstExclude === -1 || rules.slice(firstExclude).every((rule) => rule.method === 'exclude'));
    if (!inputsMakeThem) {
        return {
            filter_rules: rules.map((rule) => `${rule.method} ${rule.name}${rule.type ? ` (${rule.type})` : ''}`),
        };
    }
    const names = (method) => rules.filter((rule) => rule.method === method).map((rule) => rule.name);
    const include = names('include');
    const exclude = names('exclude');
    return {
        ...(include.length > 0 ? { include } : {}),
        ...(exclude.length > 0 ? { exclude } : {}),
    };
}

;// CONCATENATED MODULE: ./src/kinds/transfer/spec.ts



/*
 * The pure half of the transfer kind: how a transfer timer is recognised, read, created,
 * compared, described and updated. Its body is Timers' TransferTaskDocument (Timers OpenAPI).
 */
function transferCreateFields(spec) {
    return { timer_type: 'transfer', body: ofKind(spec, 'transfer').body };
}
/**
 * The transfer wanted as the inputs that write it, after the service's defaults are filled in
 * (so it compares with what Globus echoes, and a new timer's plan lists every option it gets).
 */
function transferSpecValues(spec) {
    return transferValues(normalizeTransferDocument({ ...ofKind(spec, 'transfer').body }));
}
/** The transfer Globus holds as the inputs that would write it (a timer with none: defaults). */
function transferLiveValues(live) {
    const body = live.kind === 'transfer' && live.body ? live.body : normalizeTransferDocument({});
    return transferValues(body);
}
/**
 * The label a timer gets when none is given is derived from its name, for new timers. An
 * existing timer keeps the label it has, so a rename stays a rename and a timer made by another
 * tool is not replaced over a default nobody asked for.
 */
function reconcileTransfer(desired, fields, live) {
    const spec = ofKind(desired, 'transfer');
    const liveLabel = live.kind === 'transfer' ? live.body?.label : undefined;
    const label = fields.transfer.options.label ?? liveLabel;
    if (label === spec.body.label)
        return spec;
    const body = { ...spec.body };
    if (label === undefined)
        delete body.label;
    else
        body.label = label;
    return { ...spec, body };
}
/**
 * The live timer's transfer with the given inputs on top: what is not given keeps its current
 * value (boolean options count as given when set away from their default).
 */
function overlayTransfer(given, live) {
    const body = live.kind === 'transfer' ? live.body : undefined;
    const { DATA_TYPE, source_endpoint, destination_endpoint, DATA, ...liveOptions } = body ?? {};
    const options = { ...given.transfer.options };
    for (const option of given.transfer.defaulted)
        delete options[option];
    const transfer = given.transfer;
    return {
        ...given,
        kind: 'transfer',
        transfer: {
            ...spec_pick('sourceEndpoint', transfer.sourceEndpoint ?? source_endpoint),
            ...spec_pick('destinationEndpoint', transfer.destinationEndpoint ?? destination_endpoint),
            ...spec_pick('items', transfer.items ?? DATA),
            options: { ...liveOptions, ...options },
            defaulted: [],
        },
    };
}
function spec_pick(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/kinds/transfer/task-stall.ts


/*
 * A Transfer task Globus keeps open that does not move. Transfer fails a task only on a fatal
 * error or at its deadline; on most errors — a permission lost, an endpoint down, a quota full —
 * it keeps the task ACTIVE and retries, with `is_ok: false`, the error's code as `nice_status`
 * and a growing `faults` count (Transfer's Task Behavior documentation,
 * https://docs.globus.org/api/transfer/task_behavior/). Meanwhile the timer skips its runs, so the
 * nightly transfer silently stops arriving: this is how a check tells.
 */
/** "1 fault", "3 faults". */
function faults(count) {
    return (0,words/* plural */.L)(count, 'fault');
}
/** `nice_status` values of a task that goes well. */
const GOING_WELL = new Set(['ok', 'queued']);
/** How much of an event's details a failure line carries; of a code or a description. */
const DETAILS_LIMIT = 400;
const WORDS_LIMIT = 200;
const TIME_LIMIT = 40;
/** How the task stands still, or undefined when it moves (or has ended). */
function taskStall(task) {
    if (task.status === 'INACTIVE')
        return 'inactive';
    if (task.status !== 'ACTIVE')
        return undefined;
    if (task.is_paused === true)
        return 'paused';
    const nice = task.nice_status?.trim().toLowerCase();
    if (task.is_ok === false || (nice && !GOING_WELL.has(nice)))
        return 'retrying';
    return undefined;
}
/**
 * The usual fix for an error code Transfer retries on (its `nice_status`, or an event's code):
 * the one table of them.
 */
const FIXES = {
    PERMISSION_DENIED: (identity) => `grant the client identity ${identity} the permission it needs on the collection (a role on it, or an access rule on the path of a guest collection)`,
    ENDPOINT_ERROR: () => ENDPOINT_DOWN,
    CONNECT_FAILED: () => ENDPOINT_DOWN,
    CONNECTION_BROKEN: () => ENDPOINT_DOWN,
    GC_NOT_CONNECTED: () => 'the Globus Connect Personal collection is offline: start Globus Connect Personal on its computer',
    GC_PAUSED: () => 'Globus Connect Personal is paused on its computer: unpause it there',
    QUOTA_EXCEEDED: () => 'the destination is over its quota: free space there or raise its quota (with fail-on-quota-errors: true such a task fails at once instead)',
    NO_SPACE_LEFT: () => 'the destination storage is full: free space there',
    FILE_NOT_FOUND: () => 'a source path does not exist: check items (or set skip-source-errors: true to skip missing paths)',
};
const ENDPOINT_DOWN = "the collection's endpoint cannot be reached or is failing: check that its Globus Connect Server (or Personal) is running and reachable; the task goes on by itself once it is";
function task_stall_fixFor(code, identity) {
    return code ? FIXES[code.trim().toUpperCase()]?.(identity) : undefined;
}
/**
 * The newest error event: by time when the events carry one (the list is newest first by the
 * documentation, not by anything a client can check), else the first listed. An event that does
 * not say whether it is an error counts when its code is the task's error code.
 */
function latestError(task, events) {
    const code = task.nice_status?.trim().toUpperCase();
    const errors = events.filter((event) => event.is_error === true ||
        (event.is_error == null && code !== undefined && event.code?.toUpperCase() === code));
    const time = (event) => (event.time ? Date.parse(event.time.replace(' ', 'T')) : NaN);
    return errors.reduce((newest, event) => (newest && !(time(event) > time(newest)) ? newest : event), undefined);
}
/** The `transfer-stalled` sentence: what holds the task, in words, and the fix when known. */
function stalledFailure(task, stall, identity, events) {
    const latest = events.state === 'read' ? events.latest : undefined;
    const parts = [
        `transfer-stalled: Transfer task ${task.task_id} ${HEADLINES[stall]}${code(task)}`,
    ];
    if (typeof task.faults === 'number')
        parts[0] += `, ${faults(task.faults)} so far`;
    if (latest) {
        const when = latest.time ? ` (${clip(latest.time, TIME_LIMIT)})` : '';
        parts.push(`latest error${when}: ${eventText(latest)}`);
    }
    else if (events.state === 'read') {
        parts.push('Transfer lists no error event for it');
    }
    const fix = task_stall_fixFor(task.nice_status, identity) ?? task_stall_fixFor(latest?.code, identity);
    if (fix)
        parts.push(`fix: ${fix}`);
    parts.push(AFTERWORDS[stall](task));
    return parts.join('; ');
}
const HEADLINES = {
    retrying: 'is ACTIVE but retrying on an error',
    paused: 'is ACTIVE but paused',
    inactive: 'is INACTIVE: Globus suspended it (its credentials expired or a consent was lost)',
};
const AFTERWORDS = {
    retrying: (task) => `Transfer retries it until its deadline${task.deadline ? ` (${task.deadline})` : ''} and the timer skips its runs meanwhile`,
    paused: () => 'it does not move until whoever paused it (a collection pause rule, or its owner) unpauses it, and the timer skips its runs meanwhile',
    inactive: () => 'it will not go on by itself: cancel it in the web app so the timer can run again, and resume the timer (operation: resume) if it lost its consents too',
};
/** `: PERMISSION_DENIED (Permission denied)`, or what is known of it; nothing for `OK`. */
function code(task) {
    const nice = task.nice_status?.trim();
    if (!nice || GOING_WELL.has(nice.toLowerCase()))
        return '';
    const said = task.nice_status_short_description?.trim();
    const description = said && said.toLowerCase() !== nice.toLowerCase() ? ` (${said})` : '';
    return clip(`: ${nice}${description}`, WORDS_LIMIT);
}
/** An event in one line: its code and description, then its details cut short. */
function eventText(event) {
    const description = event.description?.trim();
    const code = event.code?.trim();
    const name = clip(code && description && !sameWords(code, description)
        ? `${code} ${description}`
        : (description ?? code ?? 'an error'), WORDS_LIMIT);
    const raw = typeof event.details === 'string' ? event.details : JSON.stringify(event.details);
    const details = raw ? raw.replace(/\s+/g, ' ').trim() : '';
    // Quoted: where server text ends is plain to a reader, and to the redactor.
    return details ? `${name} — "${clip(details, DETAILS_LIMIT)}"` : name;
}
/** `PERMISSION_DENIED` and "permission denied" say the same. */
function sameWords(code, description) {
    return code.replace(/_/g, ' ').toLowerCase() === description.toLowerCase();
}

;// CONCATENATED MODULE: ./src/kinds/transfer/task.ts





/** A Transfer task's page in the web app, as the JS SDK links it. */
const taskPath = (id) => `/activity/${id}/overview`;
/** A transfer timer's run, followed into the Transfer task it submitted. */
async function followTransfer(context, run) {
    return followCandidates(context, run, 'Transfer task', async (id) => taskLead(await context.transfer.task(id), context));
}
/**
 * A task as a run's lead. Given the context, a stalled task's lead can `explain` itself: one
 * more request reads its latest error event, which a lead without it leaves out.
 */
function taskLead(task, context, events = { state: 'unread' }) {
    const stall = taskStall(task);
    const identity = context?.credentials.identity ?? '<client-id>@clients.auth.globus.org';
    const lead = {
        what: 'Transfer task',
        id: task.task_id,
        status: task.status,
        // A stalled task will not finish soon: waiting for it would only wait out the timeout.
        settled: task.status !== 'ACTIVE' || stall !== undefined,
        stalled: stall !== undefined,
        outcome: stall ? 'stalled' : (task_OUTCOMES[task.status] ?? 'unknown'),
        measures: task_measuresOf(task),
        description: describeTask(task),
        webPath: taskPath(task.task_id),
        outputs: {
            'transfer-task-id': task.task_id,
            'transfer-status': task.status,
            'transfer-nice-status': task.nice_status ?? '',
            'transfer-faults': typeof task.faults === 'number' ? String(task.faults) : '',
        },
        failures: (failOn) => {
            if (failOn.includes('transfer-failed') && task.status === 'FAILED')
                return [taskFailed(task)];
            if (failOn.includes('transfer-stalled') && stall) {
                return [stalledFailure(task, stall, identity, events)];
            }
            return [];
        },
    };
    if (!stall || !context || events.state !== 'unread')
        return lead;
    return { ...lead, explain: () => explainStall(context, task) };
}
const task_OUTCOMES = {
    SUCCEEDED: 'succeeded',
    FAILED: 'failed',
    ACTIVE: 'in-progress',
};
/** The stalled task's lead with its latest error event; without it when it cannot be read. */
async function explainStall(context, task) {
    try {
        const events = await context.transfer.taskEvents(task.task_id);
        const latest = latestError(task, events);
        return taskLead(task, context, latest ? { state: 'read', latest } : { state: 'read' });
    }
    catch (error) {
        if (!(error instanceof GlobusApiError))
            throw error;
        context.log.warning(`Could not read the events of Transfer task ${task.task_id}: ${error.message}`);
        return taskLead(task, context, { state: 'unreadable' });
    }
}
function task_measuresOf(task) {
    return {
        ...optional('files', task.files),
        ...optional('filesTransferred', task.files_transferred),
        ...optional('bytesTransferred', task.bytes_transferred),
        ...optional('startedAt', task.request_time),
        ...optional('endedAt', task.completion_time),
    };
}
function taskFailed(task) {
    const fatal = task.fatal_error
        ? `: ${task.fatal_error.code ?? ''} ${task.fatal_error.description ?? ''}`.trimEnd()
        : '';
    return `transfer-failed: Transfer task ${task.task_id} FAILED${fatal} (${faults(task.faults ?? 0)})`;
}
/** "SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults" — what a run's Transfer task did. */
function describeTask(task) {
    const parts = [];
    if (typeof task.files === 'number') {
        const skipped = task.files_skipped ? `, ${task.files_skipped} skipped` : '';
        parts.push(`${task.files_transferred ?? 0} of ${(0,words/* plural */.L)(task.files, 'file')}${skipped}`);
    }
    if (typeof task.bytes_transferred === 'number')
        parts.push(formatBytes(task.bytes_transferred));
    if (typeof task.faults === 'number')
        parts.push(faults(task.faults));
    const fatal = task.fatal_error?.code
        ? `; ${task.fatal_error.code}: ${task.fatal_error.description ?? ''}`.trimEnd()
        : '';
    return `${task.status}${parts.length ? `: ${parts.join(', ')}` : ''}${fatal}${stallNote(task)}`;
}
/** `; retrying on PERMISSION_DENIED`, `; paused`: why an ACTIVE task stands still. */
function stallNote(task) {
    const stall = taskStall(task);
    if (stall === 'paused')
        return '; paused';
    if (stall !== 'retrying')
        return '';
    return task.nice_status ? `; retrying on ${task.nice_status}` : '; retrying on an error';
}
/** 3145728 → "3.0 MiB". */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

;// CONCATENATED MODULE: ./src/kinds/transfer/index.ts




/** Timers whose runs submit a Transfer task (`timer_type: "transfer"`). */
const transferKind = {
    name: 'transfer',
    createFields: transferCreateFields,
    values: transferSpecValues,
    liveValues: transferLiveValues,
    reconcile: reconcileTransfer,
    overlay: overlayTransfer,
    problems: async () => [],
    prepare: async (context, spec, setting) => ({
        dataAccess: await dataAccessFor(context, ofKind(spec, 'transfer').body, setting),
        dependencies: [],
    }),
    leadPath: taskPath,
    consentsOf: async (context, live, setting) => ({
        dataAccess: live.kind === 'transfer' && live.body ? await dataAccessFor(context, live.body, setting) : [],
        dependencies: [],
    }),
    follow: followTransfer,
};

;// CONCATENATED MODULE: ./src/kinds/index.ts





/** Every kind of timer the action manages: a new kind is a folder and a line here. */
const KINDS = {
    transfer: transferKind,
    flow: flowKind,
};
function kindOf(timer) {
    return KINDS[timer.kind];
}
/**
 * Input-by-input differences between the timer wanted and the timer Globus holds: the name and
 * schedule, then what their runs do; a timer of another kind differs in `kind` too (only a
 * replace can change it), and in every input of either kind.
 */
function compareTimers(desired, live) {
    const common = compareCommon(desired, live);
    const kind = desired.kind === live.kind ? [] : [{ field: 'kind', live: live.kind, desired: desired.kind }];
    const runs = compareInputValues(kindOf(desired).values(desired), kindOf(live).liveValues(live));
    return [...common, ...kind, ...runs];
}
/** A new timer as changes from nothing: every input it will have, for plans. */
function describeNew(spec) {
    const values = {
        name: spec.name,
        kind: spec.kind,
        ...(0,input_values/* scheduleValues */.kI)(spec.schedule, spec.timezone),
        ...kindOf(spec).values(spec),
    };
    return compareInputValues(values, {});
}
/** A timer Globus holds as changes to nothing: everything a delete takes away, for plans. */
function describeGone(live) {
    const values = {
        name: live.name,
        kind: live.kind,
        ...(0,input_values/* scheduleValues */.kI)(live.schedule),
        ...kindOf(live).liveValues(live),
    };
    return compareInputValues({}, values);
}
/** The request that creates `spec` at `now`, and how to recognise the timer it makes. */
function creationOf(spec, now) {
    return {
        request: createRequest(spec, now, kindOf(spec).createFields(spec)),
        isSame: (timer) => compareTimers(spec, timer).length === 0,
    };
}

;// CONCATENATED MODULE: ./src/operations/converge.ts


/**
 * Two runs applying the same name at the same moment (two quick pushes) can both find no timer
 * and both create one. So after creating, look at the name again: among the timers with this
 * name and spec that were not there before, the earliest submitted (ties: the smaller id) is
 * the one every run keeps. A run whose own timer is not that one deletes its own and adopts
 * the survivor, so however the runs interleave, one timer is left and every run reports it.
 */
async function converge(context, desired, created, known) {
    const named = await context.timers.withExactName(desired.name);
    return settle(context, desired, created, known, named);
}
/**
 * converge with the timers already read (a spec file reads all of them once for all its
 * creates): `listed` is what Globus holds now.
 */
async function settle(context, desired, created, known, listed) {
    const { timers, log } = context;
    const newcomers = listed.filter((timer) => timer.name === desired.name &&
        !isDeleted(timer) &&
        !known.has(timer.jobId) &&
        timer.jobId !== created.jobId);
    if (newcomers.length === 0)
        return created;
    const twins = newcomers.filter((timer) => compareTimers(desired, timer).length === 0);
    for (const other of newcomers.filter((timer) => !twins.includes(timer))) {
        log.warning(`Another timer named "${desired.name}" (${other.jobId}) was created while this step ran, with a different spec; two runs are applying different specs at once (a workflow concurrency group prevents it). Re-run to reconcile.`);
    }
    const [survivor] = [created, ...twins].sort(bySubmission);
    if (!survivor || survivor.jobId === created.jobId)
        return created;
    log.notice(`Another run created timer "${desired.name}" (${survivor.jobId}) at the same time; keeping that one and deleting this run's ${created.jobId}`);
    await timers.delete(created.jobId);
    return survivor;
}
/** Earliest submitted first; the same instant is settled by the id, as every run sees both. */
function bySubmission(a, b) {
    const time = (timer) => Date.parse(timer.submittedAt ?? '') || 0;
    return time(a) - time(b) || a.jobId.localeCompare(b.jobId);
}
/** Timers with one name that the step knew of before it wrote anything. */
function knownIds(live) {
    return new Set(live.filter((timer) => !isDeleted(timer)).map((timer) => timer.jobId));
}

;// CONCATENATED MODULE: ./src/timer/timer-spec.ts


const LABEL_MAX = 128;
/**
 * The label a timer's tasks get when the user gives none: the timer name, reduced to the
 * characters every Transfer label rule accepts (letters, digits, space, - _ ,) and 128 long.
 */
function labelFromName(name) {
    const label = name
        .replace(/[^A-Za-z0-9 _,-]+/g, '-')
        .replace(/\s+/g, ' ')
        .slice(0, LABEL_MAX)
        .trim();
    return label || 'globus-timer-action';
}
/** Fields → spec; throws an InputError naming every missing input. */
function buildTimerSpec(fields, now) {
    const built = (fields.kind ?? 'transfer') === 'flow' ? flowPart(fields) : transferPart(fields);
    const missing = [
        ...(fields.name === undefined ? [required('name')] : []),
        ...('missing' in built ? built.missing : []),
    ];
    if (missing.length > 0)
        throw new timer_problems/* InputError */.d(missing);
    const { schedule, stopConditions, notices } = (0,timer_schedule/* buildSchedule */.GL)(fields.schedule, now);
    const name = fields.name;
    const part = built;
    if (part.kind === 'transfer' && part.body.label === undefined) {
        part.body.label = labelFromName(name);
    }
    const { timezone } = fields.schedule;
    const spec = {
        ...part,
        name,
        schedule,
        ...(timezone ? { timezone } : {}),
        ...(stopConditions ? { stopConditions } : {}),
    };
    return { spec, notices };
}
const required = (input) => ({
    input,
    message: 'required to describe a timer',
});
function transferPart({ transfer }) {
    const { sourceEndpoint, destinationEndpoint, items } = transfer;
    const missing = [
        ['source-endpoint', sourceEndpoint],
        ['destination-endpoint', destinationEndpoint],
        ['items', items],
    ]
        .filter(([, value]) => value === undefined)
        .map(([input]) => required(input));
    if (missing.length > 0)
        return { missing };
    return {
        kind: 'transfer',
        body: {
            DATA_TYPE: 'transfer',
            source_endpoint: sourceEndpoint,
            destination_endpoint: destinationEndpoint,
            DATA: items ?? [],
            ...transfer.options,
        },
    };
}
function flowPart({ flow }) {
    if (flow.flowId === undefined)
        return { missing: [required('flow-id')] };
    const body = { body: flow.input ?? {} };
    if (flow.tags?.length)
        body.tags = flow.tags;
    if (flow.managers?.length)
        body.run_managers = flow.managers;
    if (flow.monitors?.length)
        body.run_monitors = flow.monitors;
    return {
        kind: 'flow',
        flowId: flow.flowId,
        body,
        ...(flow.inputFrom ? { inputFrom: flow.inputFrom } : {}),
    };
}

;// CONCATENATED MODULE: ./src/operations/desired.ts


/** The timer the inputs describe; schedule notices go to the log. */
function desiredTimer(context, fields = context.inputs.timer) {
    const { spec, notices } = buildTimerSpec(fields, context.now());
    for (const notice of notices)
        context.log.notice(notice);
    return spec;
}
/**
 * The timer wanted, as the live timer it would keep or replace sees it: defaults the inputs did
 * not ask for (a transfer timer's label derived from its name) give way to the timer's own, so a
 * rename stays a rename and a timer made by another tool is not replaced over a default.
 */
function reconciled(desired, fields, current) {
    if (!current || current.kind !== desired.kind)
        return desired;
    return kindOf(desired).reconcile(desired, fields, current);
}

;// CONCATENATED MODULE: ./src/operations/inactive.ts


/** Why a timer is inactive, in words that say what to do (check and apply say it). */
function explainInactive(timer) {
    const reason = timer.inactiveReason;
    const id = timer.jobId;
    if (!reason)
        return `timer ${id} is inactive (Globus gave no reason)`;
    if (reason.cause === 'user') {
        return `timer ${id} is paused; resume it (operation: resume) to let it run again`;
    }
    if (reason.cause !== 'globus_auth_requirements')
        return `timer ${id} is inactive (${reason.cause})`;
    const scopes = requiredScopes(reason.detail);
    const fix = scopes.length === 0
        ? []
        : [
            `resume it (operation: resume) to ask for that consent and update the timer's credentials${dataAccessCollections(scopes).length > 0
                ? ' (data-access: auto, the default, asks for every collection that needs it)'
                : ''}`,
        ];
    return [`timer ${id} is inactive: ${missingConsents(timer)}`, ...fix].join('; ');
}
/**
 * What a timer inactive for Globus Auth requirements lacks, in words (`it needs consent for
 * data_access on collection …`, `running flow …`), and what no consent can give it — without
 * the advice to resume: resume says this before it does so.
 */
function missingConsents(timer) {
    const detail = timer.inactiveReason?.detail;
    const consents = consentWords(requiredScopes(detail));
    const session = sessionRequirements(detail);
    return [
        'Globus Auth requirements are not met',
        ...(consents.length > 0 ? [`it needs consent for ${consents.join(' and ')}`] : []),
        ...(session.length > 0
            ? [
                `it also has session requirements (${session.join(', ')}) a client identity cannot meet; use collections without such policies`,
            ]
            : []),
    ].join('; ');
}

;// CONCATENATED MODULE: ./src/operations/idle.ts

/**
 * A timer that matches but will not run is worth a word: apply (one timer or a spec file's)
 * does not resume or revive it.
 */
function warnIfIdle(context, timer) {
    if (timer.status === 'inactive')
        context.log.warning(explainInactive(timer));
    if (timer.ended) {
        context.log.warning(`timer ${timer.jobId} matches the inputs but has ended; delete it (or change the inputs) to schedule it anew`);
    }
}

;// CONCATENATED MODULE: ./src/operations/plan.ts


/** Raised when a name picks out several timers: the action will not guess which one is meant. */
class AmbiguousNameError extends Error {
    timerName;
    jobIds;
    constructor(timerName, jobIds) {
        super(`${(0,words/* plural */.L)(jobIds.length, 'timer')} are named "${timerName}" (${jobIds.join(', ')}); delete the extra ones or address one by job-id`);
        this.timerName = timerName;
        this.jobIds = jobIds;
        this.name = 'AmbiguousNameError';
    }
}
/**
 * apply's decision, from the desired timer and the client's live timers with exactly that name:
 * none → create; one that compares equal → unchanged; one that differs only in name → rename;
 * one that differs otherwise → replace; several → AmbiguousNameError.
 */
function planApply(desired, live) {
    if (live.length > 1) {
        throw new AmbiguousNameError(desired.name, live.map((timer) => timer.jobId));
    }
    const [current] = live;
    if (!current) {
        return { action: 'create', name: desired.name, changes: describeNew(desired) };
    }
    return planAgainst(desired, current);
}
/** The plan that turns `current` into `desired` (also used by update and renames in spec files). */
function planAgainst(desired, current) {
    const changes = compareTimers(desired, current);
    const base = { name: desired.name, jobId: current.jobId, changes };
    if (changes.length === 0)
        return { ...base, action: 'unchanged' };
    if (changes.every((change) => change.field === 'name'))
        return { ...base, action: 'rename' };
    return { ...base, action: 'replace' };
}
/**
 * What apply would do, as the plan's first log line: `apply would replace timer "nightly"
 * (<job id>)`; `current` is the timer a rename starts from.
 */
function planHeadline(plan, current) {
    const id = plan.jobId ? ` (${plan.jobId})` : '';
    const timer = `timer "${plan.name}"${id}`;
    switch (plan.action) {
        case 'create':
            return `apply would create ${timer}`;
        case 'unchanged':
            return `apply would leave ${timer} unchanged`;
        case 'replace':
            return `apply would replace ${timer}`;
        case 'rename':
            return `apply would rename timer "${current?.name ?? '?'}"${id} to "${plan.name}"`;
        case 'delete':
            return `apply would delete ${timer}: the spec file no longer lists it`;
    }
}
/**
 * What apply did to one timer, as its first log line — one wording for one event, whether the
 * timer came from the inputs, from update, or from a spec file (a replace's changes follow it).
 */
function outcomeLine(plan, outcome) {
    const id = outcome.jobId ?? plan.jobId ?? '?';
    switch (plan.action) {
        case 'create':
            return `Created timer "${plan.name}" (${id})`;
        case 'unchanged':
            return `Timer "${plan.name}" (${id}) is unchanged: it already matches`;
        case 'replace':
            return `Replaced timer "${plan.name}" (${plan.jobId} → ${id}):`;
        case 'rename':
            return `Renamed timer "${outcome.previousName ?? '?'}" to "${plan.name}" (${id})`;
        case 'delete':
            return `Deleted timer "${plan.name}" (${plan.jobId}): the spec file no longer lists it`;
    }
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/array.js + 1 modules
var array = __webpack_require__(8965);
;// CONCATENATED MODULE: ./src/operations/list-diff.ts

/**
 * Beyond this many entries removed or added, lists are not matched entry by entry (that costs
 * time growing with the product of both): the differing middle is shown as removed, then added.
 */
const MATCHED_EDITS = 1000;
const diffs = new WeakMap();
/** How a list-valued change differs, entry by entry (computed once per change). */
function listDiff(change) {
    const known = diffs.get(change);
    if (known)
        return known;
    const diff = diffLists(asList(change.live), asList(change.desired));
    diffs.set(change, diff);
    return diff;
}
/** A change of a list (items, include, run-tags), shown entry by entry. */
function isListChange(change) {
    return Array.isArray(change.live) || Array.isArray(change.desired);
}
function asList(value) {
    return Array.isArray(value) ? value : [];
}
/** The common head and tail are set aside, and the middle matched entry by entry (jsdiff). */
function diffLists(live, desired) {
    let head = 0;
    const shorter = Math.min(live.length, desired.length);
    while (head < shorter && live[head] === desired[head])
        head += 1;
    let tail = 0;
    while (tail < shorter - head &&
        live[live.length - 1 - tail] === desired[desired.length - 1 - tail]) {
        tail += 1;
    }
    const a = live.slice(head, live.length - tail);
    const b = desired.slice(head, desired.length - tail);
    const matched = leastEdits(a, b) <= MATCHED_EDITS
        ? (0,array/* diffArrays */.E)(a, b, { maxEditLength: MATCHED_EDITS })
        : undefined;
    const parts = matched ?? [
        { value: a, removed: true, added: false, count: a.length },
        { value: b, removed: false, added: true, count: b.length },
    ];
    const hunks = [];
    let liveAt = head;
    let desiredAt = head;
    let open;
    for (const part of parts) {
        if (!part.added && !part.removed) {
            if (open)
                hunks.push(open);
            open = undefined;
            liveAt += part.value.length;
            desiredAt += part.value.length;
            continue;
        }
        open ??= { liveAt, desiredAt, removed: [], added: [] };
        // concat, not push(...): a part can hold 100,000 items, past what a call's arguments can.
        if (part.removed) {
            open.removed = open.removed.concat(part.value);
            liveAt += part.value.length;
        }
        else {
            open.added = open.added.concat(part.value);
            desiredAt += part.value.length;
        }
    }
    if (open)
        hunks.push(open);
    return {
        hunks: hunks.filter((hunk) => hunk.removed.length + hunk.added.length > 0),
        removed: hunks.reduce((sum, hunk) => sum + hunk.removed.length, 0),
        added: hunks.reduce((sum, hunk) => sum + hunk.added.length, 0),
        liveLength: live.length,
        desiredLength: desired.length,
    };
}
/**
 * A floor under the edits between two lists, found in one pass: every entry of one that the
 * other does not hold at all must be removed or added. Past MATCHED_EDITS, matching is skipped
 * at once rather than abandoned after its costliest part.
 */
function leastEdits(a, b) {
    if (a.length === 0 || b.length === 0)
        return a.length + b.length;
    const inA = new Set(a);
    const inB = new Set(b);
    return (a.reduce((sum, entry) => sum + (inB.has(entry) ? 0 : 1), 0) +
        b.reduce((sum, entry) => sum + (inA.has(entry) ? 0 : 1), 0));
}

;// CONCATENATED MODULE: ./src/operations/path-diff.ts

/** A change of a JSON object (flow-input), shown by path. */
function isObjectChange(change) {
    return isPlainObject(change.live) || isPlainObject(change.desired);
}
/**
 * A flow input's differences leaf by leaf: `$.files[2]`, `$.source.path`, `$["a key"]`. An
 * object or list on one side only is walked too, so a new input lists each of its values.
 */
function pathChanges(live, desired, path = '$') {
    if (deepEqual(live, desired))
        return [];
    const shape = sharedShape(live, desired);
    if (!shape) {
        return [
            {
                path,
                ...(live === undefined ? {} : { live }),
                ...(desired === undefined ? {} : { desired }),
            },
        ];
    }
    const keys = shape === 'list'
        ? Array.from({ length: Math.max(path_diff_length(live), path_diff_length(desired)) }, (_, i) => i)
        : [...new Set([...Object.keys(live ?? {}), ...Object.keys(desired ?? {})])];
    // `{}` against nothing has no leaf to name: it is the value itself.
    if (keys.length === 0)
        return [leaf(path, live, desired)];
    return keys.flatMap((key) => pathChanges(child(live, key), child(desired, key), `${path}${step(key)}`));
}
function leaf(path, live, desired) {
    return {
        path,
        ...(live === undefined ? {} : { live }),
        ...(desired === undefined ? {} : { desired }),
    };
}
/** Walked into when both sides are lists (or both objects), either side possibly missing. */
function sharedShape(live, desired) {
    const a = shapeOf(live);
    const b = shapeOf(desired);
    if (a === 'leaf' || b === 'leaf')
        return undefined;
    if (a === 'none')
        return b === 'none' ? undefined : b;
    return b === 'none' || b === a ? a : undefined;
}
function shapeOf(value) {
    if (value === undefined)
        return 'none';
    if (Array.isArray(value))
        return 'list';
    return isPlainObject(value) ? 'object' : 'leaf';
}
const path_diff_length = (value) => (Array.isArray(value) ? value.length : 0);
function child(value, key) {
    if (value === undefined || value === null)
        return undefined;
    return value[key];
}
function step(key) {
    if (typeof key === 'number')
        return `[${key}]`;
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * A JSON value in one line: a string as it is, unless it could be read as something else
 * (`"1"`, `"true"`, `""`, padded) — then quoted, so different values never look the same.
 */
function showJson(value) {
    if (value === undefined)
        return '(none)';
    if (typeof value !== 'string')
        return JSON.stringify(value);
    return isPlainText(value) ? value : JSON.stringify(value);
}
function isPlainText(text) {
    if (text === '' || text.trim() !== text || /[\r\n]/.test(text))
        return false;
    if (/^[[{]/.test(text) || text === '(none)')
        return false;
    try {
        JSON.parse(text);
        return false;
    }
    catch {
        return true;
    }
}

;// CONCATENATED MODULE: ./src/operations/plan-diff.ts



/** Rows of the log and of the summary's diff per timer, before the rest is left out. */
const SHOWN_ROWS = 60;
/** A change as rows: one value, a list's hunks, or an object's paths. */
function rowsOf(change, room = Infinity) {
    const { field } = change;
    if (isListChange(change))
        return listRows(field, listDiff(change), room);
    if (isObjectChange(change)) {
        const paths = pathChanges(change.live, change.desired);
        const rows = [
            { type: 'heading', text: `${field}:` },
            ...paths.map((path) => ({ type: 'value', nested: true, ...pathValue(path) })),
        ];
        return { rows, count: rows.length };
    }
    return {
        rows: [{ type: 'value', label: field, ...shown(change.live, change.desired) }],
        count: 1,
    };
}
function pathValue(path) {
    return {
        label: path.path,
        ...(path.live === undefined ? {} : { live: showJson(path.live) }),
        ...(path.desired === undefined ? {} : { desired: showJson(path.desired) }),
    };
}
function shown(live, desired) {
    return {
        ...(live === undefined ? {} : { live: String(live) }),
        ...(desired === undefined ? {} : { desired: String(desired) }),
    };
}
/**
 * A list's rows: a heading with the counts, then each hunk (placed, for items). Only the first
 * `room` rows are made — a list of 100,000 items shows 60 — but all are counted.
 */
function listRows(field, diff, room) {
    const counts = [
        ...(diff.removed > 0 ? [`${diff.removed} removed`] : []),
        ...(diff.added > 0 ? [`${diff.added} added`] : []),
    ].join(', ');
    const sizes = diff.liveLength > 0 && diff.desiredLength > 0;
    const rows = [
        {
            type: 'heading',
            text: `${field}: ${counts}${sizes ? ` (${diff.liveLength} → ${diff.desiredLength})` : ''}`,
        },
    ];
    // Items are a long ordered list: say where each run of changes sits in it (not needed when
    // the whole list comes or goes).
    const whole = diff.liveLength === 0 || diff.desiredLength === 0;
    const placed = field === 'items' && !whole;
    const count = 1 + (placed ? diff.hunks.length : 0) + diff.removed + diff.added;
    for (const hunk of diff.hunks) {
        if (placed)
            rows.push({ type: 'heading', nested: true, text: `${place(hunk)}:` });
        for (const [sign, entries] of [
            ['-', hunk.removed],
            ['+', hunk.added],
        ]) {
            for (const text of entries) {
                if (rows.length >= room)
                    return { rows, count };
                rows.push({ type: 'entry', sign, text });
            }
        }
        if (rows.length >= room)
            break;
    }
    return { rows, count };
}
/** `item 5` (the desired list's numbering); for a removal alone, what it follows. */
function place(hunk) {
    if (hunk.added.length > 0)
        return `item ${hunk.desiredAt + 1}`;
    return hunk.desiredAt === 0 ? 'at the start' : `after item ${hunk.desiredAt}`;
}
/** Every change's rows, cut to `limit` rows with a last row saying how many were left out. */
function planRows(changes, limit = SHOWN_ROWS) {
    const rows = [];
    let count = 0;
    for (const change of changes) {
        const made = rowsOf(change, limit - rows.length + 1);
        rows.push(...made.rows.slice(0, Math.max(0, limit + 1 - rows.length)));
        count += made.count;
    }
    if (count <= limit)
        return rows;
    // The last row shown says what is left out: at least two rows, so always "lines".
    const left = count - (limit - 1);
    return [
        ...rows.slice(0, limit - 1),
        { type: 'heading', text: `… ${(0,words/* plural */.L)(left, 'more line', 'more lines')} left out` },
    ];
}
/** Lines for the log: `interval: 1d → 12h`, `items: 1 removed, 1 added (7 → 7)`, `  - …`. */
function describeChanges(changes, limit = SHOWN_ROWS) {
    return planRows(changes, limit).map((row) => {
        const indent = 'nested' in row && row.nested ? '  ' : '';
        switch (row.type) {
            case 'value':
                return `${indent}${row.label}: ${row.live ?? '(none)'} → ${row.desired ?? '(none)'}`;
            case 'heading':
                return `${indent}${row.text}`;
            case 'entry':
                return `    ${row.sign} ${row.text}`;
        }
    });
}
/**
 * Lines of a Markdown ```diff block: `-`/`+` first for what goes and comes (GitHub colours
 * them), a space for headings.
 */
function diffBlockLines(changes, limit = SHOWN_ROWS) {
    return planRows(changes, limit).flatMap((row) => {
        const indent = 'nested' in row && row.nested ? '  ' : '';
        switch (row.type) {
            case 'value':
                return [
                    ...(row.live === undefined ? [] : [`- ${indent}${row.label}: ${row.live}`]),
                    ...(row.desired === undefined ? [] : [`+ ${indent}${row.label}: ${row.desired}`]),
                ];
            case 'heading':
                return [`  ${indent}${row.text}`];
            case 'entry':
                return [`${row.sign}     ${row.text}`];
        }
    });
}
/** Entries of a list or paths of a flow input the `plan` output holds per change, at most. */
const OUTPUT_EDITS = 1000;
/**
 * A change for the `plan` output: `{field, live, desired}` for a value (null: not set); for a
 * list, `{field, removed, added, diff: [{op, at, value}]}` (`at` counts from 1, in the live
 * list for `-`, the desired list for `+`); for a flow input, `{field, diff: [{path, live,
 * desired}]}` (a side missing: not there). A diff longer than OUTPUT_EDITS says `left_out`.
 */
function changeJson(change, limit = OUTPUT_EDITS) {
    const { field } = change;
    const cut = (edits) => ({
        diff: edits.slice(0, limit),
        ...(edits.length > limit ? { left_out: edits.length - limit } : {}),
    });
    if (isListChange(change)) {
        const diff = listDiff(change);
        // Only the entries written are made: a list of 100,000 items writes 1000 of them.
        const edits = [];
        for (const hunk of diff.hunks) {
            for (const [op, entries, at] of [
                ['-', hunk.removed, hunk.liveAt],
                ['+', hunk.added, hunk.desiredAt],
            ]) {
                for (let i = 0; i < entries.length && edits.length < limit; i += 1) {
                    edits.push({ op, at: at + i + 1, value: entries[i] });
                }
            }
        }
        const total = diff.removed + diff.added;
        return {
            field,
            removed: diff.removed,
            added: diff.added,
            diff: edits,
            ...(total > edits.length ? { left_out: total - edits.length } : {}),
        };
    }
    if (isObjectChange(change))
        return { field, ...cut(pathChanges(change.live, change.desired)) };
    return { field, live: change.live ?? null, desired: change.desired ?? null };
}

;// CONCATENATED MODULE: ./src/operations/write-problems.ts


/**
 * Why the timer a plan would write could not run (a flow input its schema refuses): apply
 * would refuse it, so the plan fails and says why, each problem at its place.
 */
async function writeProblems(context, desired, planned) {
    if (planned.action !== 'create' && planned.action !== 'replace')
        return [];
    const problems = await kindOf(desired).problems(context, desired);
    return problems.map((problem) => `apply would fail: ${(0,timer_problems/* formatProblem */.V)(problem)}`);
}

;// CONCATENATED MODULE: ./src/operations/pool.ts
/**
 * Runs `work` over `items` with at most `limit` at a time, and hands each result to `settle`
 * in the items' own order, as soon as it and every one before it are done — so a log written
 * from `settle` reads the same however the work interleaved. The results come back in order.
 * After a failure no new item starts; the ones under way finish (and are settled, in order),
 * then the first failure is thrown.
 */
async function inOrder(items, limit, work, settle = () => undefined) {
    const results = [];
    const done = [];
    let started = 0;
    let settled = 0;
    let failure;
    const flush = () => {
        while (settled < items.length && done[settled]) {
            settle(results[settled], settled);
            settled++;
        }
    };
    const worker = async () => {
        while (!failure && started < items.length) {
            const index = started++;
            try {
                results[index] = await work(items[index], index);
                done[index] = true;
                flush();
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure) {
        // What did get done past the failure is still worth telling.
        for (let index = settled; index < items.length; index++) {
            if (done[index])
                settle(results[index], index);
        }
        throw failure.error;
    }
    return results;
}

;// CONCATENATED MODULE: ./src/operations/spec-file.ts










const spec_file_NO_CONSENTS = { dataAccess: [], dependencies: [] };
const RESULT_OF = {
    create: 'created',
    unchanged: 'unchanged',
    replace: 'replaced',
    rename: 'renamed',
    delete: 'deleted',
};
/**
 * apply with a spec file: every timer it lists is applied as `apply` would (an entry with
 * `previous-name` renames that timer in place), and with `prune-prefix` the client's timers
 * under that prefix that the file no longer lists are deleted. Everything is planned — and
 * every ambiguity found — before the first write.
 */
async function applySpecFile(context) {
    const { steps, live } = await planSteps(context);
    const limit = context.inputs.concurrency;
    // What every timer to create uses is looked up (and its flow input checked) before the first
    // write, so a bad collection or input stops the whole file rather than half of it.
    const consents = await inOrder(steps, limit, (step) => {
        const creates = step.plan.action === 'create' || step.plan.action === 'replace';
        return creates && step.desired
            ? kindOf(step.desired).prepare(context, step.desired, step.entry?.dataAccess ?? context.inputs.dataAccess)
            : Promise.resolve(spec_file_NO_CONSENTS);
    });
    // The writes run a few at a time; the log tells them in the file's order.
    const known = new Set(live.map((timer) => timer.jobId));
    const entries = await inOrder(steps, limit, (step, i) => carryOutStep(context, step, consents[i] ?? spec_file_NO_CONSENTS, known), (entry, i) => logStep(context, entry, steps[i]));
    await settleCreated(context, steps, entries, known);
    const results = new Set(entries.map((entry) => entry.result));
    const [only] = entries;
    const result = entries.length === 1 && only ? only.result : results.size === 1 ? [...results][0] : 'applied';
    return {
        operation: 'apply',
        result: result ?? 'unchanged',
        changed: entries.some((entry) => entry.result !== 'unchanged'),
        entries,
        timers: entries.flatMap((entry) => (entry.timer ? [entry.timer] : [])),
        ...(entries.length === 1 && only?.timer ? { timer: only.timer, plan: only.plan } : {}),
        failures: [],
    };
}
/**
 * Another run may have applied the same file at the same moment: one read of the client's
 * timers after the writes settles every timer this step created (see converge).
 */
async function settleCreated(context, steps, entries, known) {
    const created = entries.flatMap((entry, i) => {
        const desired = steps[i]?.desired;
        const made = entry.result === 'created' || entry.result === 'replaced';
        return made && desired && entry.timer ? [{ entry, desired, timer: entry.timer }] : [];
    });
    if (created.length === 0)
        return;
    const listed = await context.timers.list();
    for (const { entry, desired, timer } of created) {
        entry.timer = await settle(context, desired, timer, known, listed);
    }
}
/** plan with a spec file: what applySpecFile would do, with no write. */
async function planSpecFile(context) {
    const { steps } = await planSteps(context);
    const entries = steps.map((step) => ({
        plan: step.plan,
        result: 'planned',
        ...(step.current ? { timer: step.current } : {}),
    }));
    for (const { plan, current } of steps) {
        context.log.info(planHeadline(plan, current));
        for (const line of describeChanges(plan.changes))
            context.log.info(`  ${line}`);
    }
    const failures = [];
    for (const step of steps) {
        if (step.desired)
            failures.push(...(await writeProblems(context, step.desired, step.plan)));
    }
    return {
        operation: 'plan',
        result: 'planned',
        changed: false,
        entries,
        timers: entries.flatMap((entry) => (entry.timer ? [entry.timer] : [])),
        failures,
    };
}
async function planSteps(context) {
    const file = context.inputs.specFile;
    if (!file)
        throw new Error('planSteps needs a spec file');
    const wanted = file.entries.map((entry) => ({
        entry,
        desired: desiredTimer(context, entry.timer),
    }));
    const live = (await context.timers.list()).filter((timer) => !isDeleted(timer));
    const named = (name) => live.filter((timer) => timer.name === name);
    const claims = new Claims(file.path);
    const steps = wanted.map(({ entry, desired }) => {
        let matches = named(desired.name);
        if (matches.length === 0 && entry.previousName)
            matches = named(entry.previousName);
        if (matches.length > 1) {
            throw new AmbiguousNameError(matches[0]?.name ?? desired.name, matches.map((timer) => timer.jobId));
        }
        const [current] = matches;
        if (!current)
            return { plan: planApply(desired, []), desired, entry };
        claims.claim(current, entry);
        const kept = reconciled(desired, entry.timer, current);
        return { plan: planAgainst(kept, current), desired: kept, entry, current };
    });
    claims.refuseShared();
    const prefix = file.prunePrefix;
    if (prefix) {
        for (const timer of live) {
            if (!timer.name.startsWith(prefix) || claims.has(timer.jobId))
                continue;
            steps.push({
                plan: {
                    action: 'delete',
                    name: timer.name,
                    jobId: timer.jobId,
                    changes: describeGone(timer),
                },
                current: timer,
            });
        }
    }
    return { steps, live };
}
/**
 * Which entry stands for which live timer. One timer is one entry's at most: an entry that
 * renames `nightly` (previous-name) and another named `nightly` would both write to it — the
 * rename, then a replace that deletes the renamed timer — so such a file is refused before
 * any write, naming both entries.
 */
class Claims {
    file;
    byJobId = new Map();
    problems = [];
    constructor(file) {
        this.file = file;
    }
    claim(timer, entry) {
        const other = this.byJobId.get(timer.jobId);
        if (!other) {
            this.byJobId.set(timer.jobId, entry);
            return;
        }
        const byName = (claimant) => claimant.timer.name === timer.name;
        const how = (claimant) => `${claimant.place} ${byName(claimant) ? 'by its name' : 'by previous-name'}`;
        const fix = [other, entry].some(byName)
            ? 'to rename it and make a new timer with its old name, apply the rename first, then add the new timer'
            : 'keep previous-name on one of them';
        this.problems.push({
            input: 'spec-file',
            file: this.file,
            ...(entry.line === undefined ? {} : { line: entry.line }),
            message: `${how(other)} and ${how(entry)} both stand for timer "${timer.name}" (${timer.jobId}); a timer can be one entry's only: ${fix}`,
        });
    }
    has(jobId) {
        return this.byJobId.has(jobId);
    }
    refuseShared() {
        if (this.problems.length > 0)
            throw new timer_problems/* InputError */.d(this.problems);
    }
}
async function carryOutStep(context, step, consents, known) {
    const { timers } = context;
    const { plan, desired, current } = step;
    const base = { plan, result: RESULT_OF[plan.action] };
    const create = () => timers.create(creationOf(desired, context.now()), consents, known);
    switch (plan.action) {
        case 'unchanged':
            return { ...base, ...(current ? { timer: current } : {}) };
        case 'rename':
            return { ...base, timer: await timers.rename(plan.jobId, plan.name) };
        case 'create':
            return { ...base, timer: await create() };
        case 'replace': {
            const timer = await create();
            await timers.delete(plan.jobId);
            return { ...base, timer, replacedJobId: plan.jobId };
        }
        case 'delete': {
            const timer = (await timers.delete(plan.jobId)).timer ?? current;
            return { ...base, ...(timer ? { timer } : {}) };
        }
    }
}
/** What came of one timer of the file, as a log line (or a few, for a replace's changes). */
function logStep(context, entry, step) {
    const { log } = context;
    const { plan } = entry;
    const jobId = entry.timer?.jobId ?? plan.jobId;
    const previousName = step.current?.name;
    log.info(outcomeLine(plan, { ...(jobId ? { jobId } : {}), ...(previousName ? { previousName } : {}) }));
    if (plan.action === 'replace') {
        for (const line of describeChanges(plan.changes))
            log.info(`  ${line}`);
    }
    // As apply warns of one timer: it matches, but will not run.
    if (plan.action === 'unchanged' && step.current)
        warnIfIdle(context, step.current);
}

;// CONCATENATED MODULE: ./src/operations/apply.ts








/** apply: make the client's timer called `name` match the inputs, creating or replacing it. */
async function apply(context) {
    if (context.inputs.specFile)
        return applySpecFile(context);
    const { desired, live, plan } = await planByName(context);
    return carryOut(context, desired, plan, live);
}
/** The desired timer, the live timers with its name, and apply's plan for them. */
async function planByName(context) {
    const named = desiredTimer(context);
    const live = await context.timers.withExactName(named.name);
    const desired = live.length === 1 ? reconciled(named, context.inputs.timer, live[0]) : named;
    return { desired, live, plan: planApply(desired, live) };
}
/** Carries out a plan (apply, update and spec files share this). */
async function carryOut(context, desired, plan, live) {
    const { log, timers } = context;
    const current = live.find((timer) => timer.jobId === plan.jobId);
    const base = { operation: context.inputs.operation, plan, failures: [] };
    for (const line of describeChanges(plan.changes))
        log.debug(`  ${line}`);
    switch (plan.action) {
        case 'unchanged':
            log.info(outcomeLine(plan, {}));
            if (current)
                warnIfIdle(context, current);
            return { ...base, result: 'unchanged', changed: false, ...timerOf(current) };
        case 'rename': {
            const renamed = await timers.rename(plan.jobId, desired.name);
            log.info(outcomeLine(plan, {
                jobId: renamed.jobId,
                ...(current ? { previousName: current.name } : {}),
            }));
            return { ...base, result: 'renamed', changed: true, timer: renamed };
        }
        case 'create': {
            const created = await createTimer(context, desired, live);
            log.info(outcomeLine(plan, { jobId: created.jobId }));
            return { ...base, result: 'created', changed: true, timer: created };
        }
        case 'replace': {
            // New first, then old: a failure in between leaves a timer running, never none.
            const created = await createTimer(context, desired, live);
            await timers.delete(plan.jobId);
            log.info(outcomeLine(plan, { jobId: created.jobId }));
            for (const line of describeChanges(plan.changes))
                log.info(`  ${line}`);
            return {
                ...base,
                result: 'replaced',
                changed: true,
                timer: created,
                replacedJobId: plan.jobId,
            };
        }
        case 'delete':
            throw new Error('apply never plans a delete for a single timer');
    }
}
function timerOf(timer) {
    return timer ? { timer } : {};
}
/** Creates the timer apply planned, then settles with any run that created it at the same time. */
async function createTimer(context, desired, live) {
    const consents = await kindOf(desired).prepare(context, desired, context.inputs.dataAccess);
    const known = knownIds(live);
    const created = await context.timers.create(creationOf(desired, context.now()), consents, known);
    return converge(context, desired, created, known);
}
/**
 * create: always a new timer, as `globus timer create transfer` does. The timers already
 * holding the name are read (beside the collection look-ups) so that, should the create's
 * outcome be unknown, an older twin is never taken for the one this step made.
 */
async function create(context) {
    const desired = desiredTimer(context);
    const [existing, consents] = await Promise.all([
        context.timers.list({ name: desired.name }),
        kindOf(desired).prepare(context, desired, context.inputs.dataAccess),
    ]);
    const known = new Set(existing.map((timer) => timer.jobId));
    const created = await context.timers.create(creationOf(desired, context.now()), consents, known);
    context.log.info(`Created timer "${desired.name}" (${created.jobId})`);
    return {
        operation: 'create',
        result: 'created',
        changed: true,
        timer: created,
        failures: [],
    };
}
/** plan: what apply would do, without writing anything. */
async function plan(context) {
    if (context.inputs.specFile)
        return planSpecFile(context);
    const { desired, live, plan: planned } = await planByName(context);
    context.log.info(planHeadline(planned, live[0]));
    for (const line of describeChanges(planned.changes))
        context.log.info(`  ${line}`);
    const [current] = live;
    return {
        operation: 'plan',
        result: 'planned',
        changed: false,
        plan: planned,
        failures: await writeProblems(context, desired, planned),
        ...timerOf(current),
    };
}

;// CONCATENATED MODULE: ./src/operations/health.ts







/**
 * How a run went. No run_status vocabulary is published (docs/globus-variants.md), so read it
 * loosely: an error document or an HTTP error status is a failure whatever the status word says.
 */
function runOutcome(run) {
    if (run.errors || (run.submissionStatus ?? 0) >= 400)
        return 'failed';
    const status = (run.status ?? '').toLowerCase();
    if (/fail|error|cancel|expire/.test(status))
        return 'failed';
    if (/succe|complete|^ok$|done/.test(status))
        return 'succeeded';
    if (/active|progress|running|pending|queued|retry|start/.test(status))
        return 'in-progress';
    return 'unknown';
}
/**
 * How a run went, judged by what it started when that was read and says (the task, not the
 * submission, is what moved the data), else by the run itself.
 */
function reportOutcome(report) {
    const lead = report.lead?.outcome;
    return lead && lead !== 'unknown' ? lead : runOutcome(report.run);
}
/**
 * The recent runs in a few words: "3 of the last 5 runs failed, the last 2 in a row", "all of
 * the last 5 runs succeeded".
 */
function historyHeadline(history) {
    const outcomes = history.map(reportOutcome);
    const [newest] = outcomes;
    if (newest === undefined)
        return 'no runs yet';
    if (outcomes.length === 1)
        return `the last run ${SINGLE[newest]}`;
    const count = (outcome) => outcomes.filter((o) => o === outcome).length;
    const last = `the last ${outcomes.length} runs`;
    const [failed, stalled] = [count('failed'), count('stalled')];
    if (failed === outcomes.length)
        return `all of ${last} failed`;
    if (stalled === outcomes.length)
        return `all of ${last} stalled`;
    if (failed + stalled === 0) {
        return count('succeeded') === outcomes.length
            ? `all of ${last} succeeded`
            : `none of ${last} failed`;
    }
    const said = failed
        ? `${failed} of ${last} failed${stalled ? ` and ${stalled} stalled` : ''}`
        : `${stalled} of ${last} stalled`;
    return `${said}${streak(outcomes)}`;
}
const SINGLE = {
    succeeded: 'succeeded',
    failed: 'failed',
    stalled: 'stalled',
    'in-progress': 'is still in progress',
    unknown: 'has no known outcome',
};
/** ", the last 3 in a row": the newest runs that went wrong one after another, when several. */
function streak(outcomes) {
    const wrong = outcomes.findIndex((outcome) => outcome !== 'failed' && outcome !== 'stalled');
    return wrong > 1 ? `, the last ${wrong} in a row` : '';
}
/** Whether a run (with what it started, if known) is over. */
function runFinished(report) {
    if (report.lead)
        return report.lead.settled;
    const outcome = runOutcome(report.run);
    return outcome === 'succeeded' || outcome === 'failed';
}
/** The fail-on reasons that hold, each as a sentence a user can act on. */
function healthFailures(input) {
    const { timer, lastRun, failOn } = input;
    const failures = [];
    const on = (reason) => failOn.includes(reason);
    if (on('run-error') && lastRun && runOutcome(lastRun.run) === 'failed') {
        failures.push(`run-error: the last run (${lastRun.run.ranAt ?? 'time unknown'}) reported an error${describeRunError(lastRun.run)}`);
    }
    failures.push(...(lastRun?.lead?.failures(failOn) ?? []));
    if (on('inactive') && timer.status === 'inactive') {
        failures.push(`inactive: ${explainInactive(timer)}`);
    }
    if (on('inactive') && isDeleted(timer)) {
        const state = timer.status === 'deleted' ? 'deleted' : `being deleted (${timer.status})`;
        failures.push(`inactive: timer ${timer.jobId} is ${state} and will never run again; apply it again to make a new one`);
    }
    if (on('ended') && timer.ended) {
        failures.push(`ended: timer ${timer.jobId} has ended and will not run again`);
    }
    const stale = on('stale') ? staleness(input) : undefined;
    if (stale)
        failures.push(`stale: ${stale}`);
    return failures;
}
/** How much of what Globus said of a failed run its failure line carries. */
const RUN_ERROR_LIMIT = 300;
/**
 * What Globus said of a failed run, as a sentence: its code and message, and the consent it
 * lacked in words (`data_access on collection …`, `running flow …`) — never the JSON document.
 */
function describeRunError(run) {
    if (!run.errors)
        return run.status ? ` (${run.status})` : '';
    if (typeof run.errors === 'string')
        return `: "${clip(run.errors, RUN_ERROR_LIMIT)}"`;
    const { code, detail } = describeErrorBody(run.errors);
    const said = detail ? `"${clip(detail, RUN_ERROR_LIMIT)}"` : undefined;
    const text = [code, said].filter(Boolean).join(': ') || fieldsOf(run.errors);
    const consents = consentWords(requiredScopes(run.errors));
    const needs = consents.length > 0 ? `; it needs consent for ${consents.join(' and ')}` : '';
    return `${text ? `: ${text}` : ''}${needs}`;
}
/** An error document of no known shape: its top-level values, `key: value`, cut short. */
function fieldsOf(document) {
    if (typeof document !== 'object' || document === null)
        return '';
    const fields = Object.entries(document)
        .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
        .map(([key, value]) => `${key}: ${String(value)}`);
    return clip(fields.join(', '), RUN_ERROR_LIMIT);
}
/** "No successful run within stale-after", or undefined when the timer is fresh enough. */
function staleness(input) {
    const { timer, now } = input;
    const interval = timer.schedule?.type === 'recurring' ? timer.schedule.interval_seconds : undefined;
    const window = input.staleAfterSeconds ?? (interval ? 2 * interval : undefined);
    if (window === undefined)
        return undefined; // run-once without stale-after: nothing to expect
    const since = now - window * 1000;
    // A run in the history is judged by what it started: its task may have failed.
    const followed = new Map(input.history?.map((report) => [report.run, report]));
    const outcome = (run) => {
        const report = followed.get(run);
        return report ? reportOutcome(report) : runOutcome(run);
    };
    const lastSuccess = timer.results.find((run) => outcome(run) === 'succeeded');
    const lastSuccessAt = lastSuccess?.ranAt ? Date.parse(lastSuccess.ranAt) : undefined;
    if (lastSuccessAt !== undefined && lastSuccessAt >= since)
        return undefined;
    const submittedAt = timer.submittedAt ? Date.parse(timer.submittedAt) : undefined;
    if (submittedAt !== undefined && submittedAt >= since)
        return undefined; // too young to judge
    const last = lastSuccess?.ranAt ? `the last one was at ${lastSuccess.ranAt}` : 'none on record';
    const recent = input.history?.length ? `; ${historyHeadline(input.history)}` : '';
    return `no successful run within ${(0,timer_duration/* formatDuration */.a)(window)} (${last})${recent}`;
}

;// CONCATENATED MODULE: ./src/operations/recent-runs.ts


/**
 * The timer's newest runs — as many as `history` asks, and at least the newest — each followed
 * to what it started, all in one concurrent round (the runs are in the timer document already).
 * The newest, when it stands still, is then explained (a stalled Transfer task's latest error
 * event: one more request, only then). A newest run followed already (`known`, by wait) is not
 * read again.
 */
async function followRecent(context, timer, known) {
    const [newest, ...older] = timer.results.slice(0, Math.max(1, context.inputs.history));
    if (!newest)
        return [];
    const first = known && isSameRun(known.run, newest) ? known : followRun(context, timer, newest);
    return Promise.all([
        Promise.resolve(first).then(explained),
        ...older.map((run) => followOlder(context, timer, run)),
    ]);
}
/** The newest run, followed to what it started: a failure to read it fails the step. */
async function followRun(context, timer, run) {
    const lead = await kindOf(timer).follow(context, run);
    return lead ? { run, lead } : { run };
}
/** An older run that cannot be followed is shown without what it started, with a warning. */
async function followOlder(context, timer, run) {
    try {
        return await followRun(context, timer, run);
    }
    catch (error) {
        if (!(error instanceof GlobusApiError))
            throw error;
        context.log.warning(`Could not follow the run of ${run.ranAt ?? 'unknown time'}: ${error.message}`);
        return { run };
    }
}
async function explained(report) {
    const explain = report.lead?.explain;
    return explain ? { ...report, lead: await explain() } : report;
}
function isSameRun(a, b) {
    return a === b || (a.ranAt !== undefined && a.ranAt === b.ranAt);
}

;// CONCATENATED MODULE: ./src/operations/target.ts


class TimerNotFoundError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimerNotFoundError';
    }
}
/**
 * The one timer `job-id` or `name` designates. A name must match exactly one live timer;
 * none or several is an error that lists what was found. With `allowMissing`, a name that
 * matches nothing gives undefined (delete is idempotent).
 */
async function findTarget(context, options = {}) {
    const { jobId, name = '' } = context.inputs.target;
    if (jobId)
        return context.timers.get(jobId);
    const listed = (await context.timers.list({ name })).filter((timer) => !isDeleted(timer));
    const matches = listed.filter((timer) => timer.name === name);
    if (matches.length > 1) {
        throw new AmbiguousNameError(name, matches.map((timer) => timer.jobId));
    }
    const [match] = matches;
    if (match || options.allowMissing)
        return match;
    const similar = listed.slice(0, 5).map((timer) => `"${timer.name}" (${timer.jobId})`);
    const hint = similar.length ? `; similar names: ${similar.join(', ')}` : '';
    throw new TimerNotFoundError(`no timer named exactly "${name}"${hint}`);
}
/** Like findTarget, but the timer must exist. */
async function requireTarget(context) {
    return (await findTarget(context));
}

;// CONCATENATED MODULE: ./src/operations/check.ts




/**
 * check: the timer, its newest runs followed into Transfer (or Flows) in one round, judged by
 * fail-on.
 */
async function check(context) {
    const timer = await readTimer(context);
    return check_judge(context, timer, await followRecent(context, timer));
}
/** The target timer as a full document (a list entry may lack its results). */
async function readTimer(context) {
    const found = await requireTarget(context);
    return context.inputs.target.jobId ? found : context.timers.get(found.jobId);
}
/** The newest run, followed to what it started (a Transfer task, a Flows run). */
async function lastRun(context, timer) {
    const [run] = timer.results;
    return run ? followRun(context, timer, run) : undefined;
}
/**
 * Outputs for a checked timer, and the fail-on verdict. `recent` holds the newest runs, newest
 * first: the last run, then as many more as history asks.
 */
function check_judge(context, timer, recent) {
    const { inputs, log, serviceTime } = context;
    const [run] = recent;
    const history = inputs.history > 0 ? recent.slice(0, inputs.history) : undefined;
    const failures = healthFailures({
        timer,
        ...(run ? { lastRun: run } : {}),
        failOn: inputs.failOn,
        ...(inputs.staleAfterSeconds === undefined
            ? {}
            : { staleAfterSeconds: inputs.staleAfterSeconds }),
        now: serviceTime(),
        ...(history ? { history } : {}),
    });
    const lead = run?.lead ? `; ${run.lead.what} ${run.lead.id} ${run.lead.description}` : '';
    const lastRunText = run
        ? `last run ${run.run.ranAt ?? '?'}: ${run.run.status ?? 'status unknown'}${lead}`
        : 'no runs yet';
    log.info(`Timer "${timer.name}" (${timer.jobId}): ${timer.status}, ${(0,words/* plural */.L)(timer.runs, 'run')}, ${(0,words/* plural */.L)(timer.errors, 'error')}; ${lastRunText}`);
    if (history && history.length > 1)
        log.info(`Recent runs: ${historyHeadline(history)}`);
    return {
        operation: inputs.operation,
        result: 'checked',
        changed: false,
        timer,
        ...(run ? { lastRun: run } : {}),
        ...(history ? { history } : {}),
        failures,
    };
}

;// CONCATENATED MODULE: ./src/operations/delete.ts

/**
 * delete: idempotent; a timer already deleted or gone is a notice, not a failure. By job-id the
 * DELETE goes straight out (one round trip fewer); its answer says whether the timer was there
 * to delete. Another client's timer is a failure when Timers says so (403); when it answers 404
 * instead, it cannot be told from a timer that is gone.
 */
async function deleteTimer(context) {
    const { inputs } = context;
    if (inputs.target.jobId)
        return deleteById(context, inputs.target.jobId);
    const timer = await findTarget(context, { allowMissing: true });
    // Deleted timers are not found by name: a name whose only timers are deleted matches nothing.
    if (!timer)
        return gone(context, `No timer is named exactly "${inputs.target.name}"`);
    return deleteById(context, timer.jobId, timer);
}
async function deleteById(context, jobId, known) {
    const deletion = await context.timers.delete(jobId);
    const timer = deletion.timer ?? known;
    const label = timer?.name ? `"${timer.name}" (${jobId})` : jobId;
    if (deletion.already) {
        return gone(context, alreadyGone(label, deletion.timer, known), timer);
    }
    context.log.info(`Deleted timer ${label}`);
    return {
        operation: 'delete',
        result: 'deleted',
        changed: true,
        ...(timer ? { timer } : {}),
        failures: [],
    };
}
/**
 * Why there was nothing to delete. Only a timer this client has seen (listed by name, or in the
 * reply) is known to be its own; a job-id Timers answers 404 for may be another identity's.
 */
function alreadyGone(label, replied, known) {
    if (replied)
        return `Timer ${label} ${deletedState(replied)}`;
    if (known)
        return `Timer ${label} is already gone`;
    return `Timer ${label} does not exist for this client: it was deleted already, or it is another identity's (Globus Timers answers the same for both)`;
}
/** "is already deleted", or being deleted — in the status's own words, which Globus varies. */
function deletedState(timer) {
    return timer.status === 'deleted'
        ? 'is already deleted'
        : `is already being deleted (${timer.status})`;
}
function gone(context, what, timer) {
    context.log.notice(`${what}; nothing to delete`);
    return {
        operation: 'delete',
        result: 'deleted',
        changed: false,
        ...(timer ? { timer } : {}),
        failures: [],
    };
}

;// CONCATENATED MODULE: ./src/operations/list.ts


/** list: the client's timers, filtered by name (substring, as the API does) and status. */
async function list(context) {
    const { inputs, timers, log } = context;
    const found = await timers.list({
        ...(inputs.target.name ? { name: inputs.target.name } : {}),
        status: inputs.statusFilter,
    });
    const live = found.filter((timer) => !isDeleted(timer));
    log.info(`${(0,words/* plural */.L)(live.length, 'timer')}${inputs.target.name ? ` matching "${inputs.target.name}"` : ''}`);
    for (const timer of live) {
        log.info(`  ${timer.jobId}  ${timer.kind.padEnd(8)} ${timer.status.padEnd(10)} ${timer.name}`);
    }
    return { operation: 'list', result: 'listed', changed: false, timers: live, failures: [] };
}

;// CONCATENATED MODULE: ./src/operations/pause.ts

/** pause: stop a timer from running until it is resumed. Pausing a paused timer changes nothing. */
async function pause(context) {
    const { timers, log } = context;
    const timer = await requireTarget(context);
    if (timer.status === 'inactive' && timer.inactiveReason?.cause === 'user') {
        log.notice(`Timer "${timer.name}" (${timer.jobId}) is already paused`);
        return { operation: 'pause', result: 'paused', changed: false, timer, failures: [] };
    }
    await timers.pause(timer.jobId);
    log.info(`Paused timer "${timer.name}" (${timer.jobId})`);
    const paused = await timers.get(timer.jobId);
    return { operation: 'pause', result: 'paused', changed: true, timer: paused, failures: [] };
}

;// CONCATENATED MODULE: ./src/operations/resume.ts





/**
 * resume: let a paused or inactive timer run again. When it went inactive for Globus Auth
 * requirements, first obtain a token carrying every scope it names, then resume with
 * `update_credentials=true` so the timer keeps those credentials (what the official CLI does
 * for a client identity).
 */
async function resume(context) {
    const { timers, log } = context;
    const timer = await requireTarget(context);
    if (timer.status !== 'inactive') {
        log.notice(`Timer "${timer.name}" (${timer.jobId}) is ${timer.status}, not paused; nothing to resume`);
        return { operation: 'resume', result: 'resumed', changed: false, timer, failures: [] };
    }
    const authRequirements = timer.inactiveReason?.cause === 'globus_auth_requirements';
    if (authRequirements) {
        log.info(`Timer "${timer.name}" (${timer.jobId}) is inactive: ${missingConsents(timer)}`);
        // The scopes named, rebuilt in today's chain with what the timer's own kind needs (its
        // collections' data_access, its flow's scope): an old timer may name the retired Transfer
        // Action Provider chain, or nothing useful.
        const scopes = requiredScopes(timer.inactiveReason?.detail);
        const consents = await kindOf(timer).consentsOf(context, timer, context.inputs.dataAccess);
        const asked = consentWords([
            ...scopes,
            ...consents.dataAccess.map(dataAccessScope),
            ...consents.dependencies,
        ]);
        log.info(`Asking Globus Auth for that consent: ${asked.join(' and ')}`);
        await timers.authorize(scopes, consents);
    }
    await timers.resume(timer.jobId, authRequirements);
    log.info(`Resumed timer "${timer.name}" (${timer.jobId})${authRequirements ? ' with updated credentials' : ''}`);
    const resumed = await timers.get(timer.jobId);
    return { operation: 'resume', result: 'resumed', changed: true, timer: resumed, failures: [] };
}

;// CONCATENATED MODULE: ./src/operations/update.ts





/**
 * update: the timer `job-id` with the inputs given changed. What is not given keeps its current
 * value (boolean options count as given when set away from their default), so `name` alone is
 * a rename in place and anything else a replace. Inputs of another kind than the timer's make
 * a timer of that kind (a replace).
 */
async function update(context) {
    const live = await context.timers.get(context.inputs.target.jobId);
    const desired = desiredTimer(context, overlay(context.inputs.timer, live));
    const planned = planAgainst(desired, live);
    const result = await carryOut(context, desired, planned, [live]);
    return { ...result, operation: 'update' };
}
/** The live timer's fields with the given inputs on top. */
function overlay(given, live) {
    const withSchedule = {
        ...given,
        name: given.name ?? live.name,
        schedule: overlaySchedule(given.schedule, live),
    };
    if (given.kind && given.kind !== live.kind)
        return withSchedule;
    return kindOf(live).overlay(withSchedule, live);
}
function overlaySchedule(given, live) {
    const current = scheduleRequestOf(live);
    const stopsGiven = given.stopAfterRuns !== undefined || given.stopAfterDate !== undefined;
    const merged = {
        ...current,
        ...(stopsGiven ? { stopAfterRuns: undefined, stopAfterDate: undefined } : {}),
        ...given,
    };
    return Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
}
/** A live schedule read back as the inputs that would describe it. */
function scheduleRequestOf(live) {
    const schedule = live.schedule;
    const parse = (value) => value ? luxon/* DateTime */.c9.fromISO(value, { setZone: true }) : undefined;
    if (!schedule)
        return {};
    if (schedule.type === 'once') {
        return { stopAfterRuns: 1, ...update_pick('start', parse(schedule.datetime)) };
    }
    const end = schedule.end;
    return {
        intervalSeconds: schedule.interval_seconds,
        ...update_pick('start', parse(schedule.start)),
        ...update_pick('stopAfterRuns', end?.condition === 'iterations' ? end.count : undefined),
        ...update_pick('stopAfterDate', end?.condition === 'time' ? parse(end.datetime) : undefined),
    };
}
function update_pick(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/operations/wait.ts





const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 60_000;
/** How long after a timer's next run is due the first look for it is taken. */
const DUE_SLACK_MS = 5_000;
/** A wait says at info level what it is waiting for at least this often. */
const SAY_EVERY_MS = 60_000;
/** The shortest piece a long sleep is cut into (a clock that stands still still ends it). */
const MIN_PIECE_MS = 1_000;
/**
 * wait: until the run the step is waiting for has finished (and what it started — a Transfer
 * task, a Flows run — has settled), then judge it as check does. That run is the one in progress when the step began —
 * a run-once timer created a step earlier is usually already running — or else the first run
 * that starts after the step began. Between looks it sleeps until the next run is due rather
 * than polling through a long gap, and polls with backoff while a run is under way. Gives up at
 * the timeout, saying what it saw last; stops early when the timer can no longer run.
 */
async function wait(context) {
    const { log, clock, startedAt, inputs, serviceTime } = context;
    const waitUntil = startedAt + inputs.timeoutSeconds * 1000;
    let timer = await readTimer(context);
    const jobId = timer.jobId;
    log.info(`Waiting up to ${inputs.timeoutSeconds}s for a run of "${timer.name}" (${jobId})`);
    const said = { at: clock() };
    // A run seen under way is the one waited for, also once it has finished.
    let underWay;
    for (let poll = 0;; poll++) {
        const last = await lastRun(context, timer);
        if (last && !runFinished(last))
            underWay = last.run.ranAt;
        const awaited = last &&
            (startedSince(last, serviceStart(context)) || !runFinished(last) || sameRun(last, underWay))
            ? last
            : undefined;
        if (awaited && runFinished(awaited))
            return conclude(context, timer, awaited);
        if (!awaited && cannotRunAgain(timer)) {
            log.warning(`Timer ${jobId} ${timer.ended ? 'has ended' : `is ${timer.status}`}; no new run will come`);
            return conclude(context, timer, last);
        }
        const delay = Math.min(nextLook(poll, timer, awaited, serviceTime()), waitUntil - clock());
        if (delay <= 0)
            return timedOut(context, timer, awaited ?? last, awaited !== undefined);
        log.debug(`No finished run yet; looking again in ${Math.round(delay / 1000)}s`);
        const current = timer;
        await sleepSaying(context, delay, said, () => waitingFor(context, current, awaited, waitUntil));
        timer = await context.timers.get(jobId);
    }
}
/**
 * The verdict on the run waited for (or the last one seen), with the runs before it followed in
 * one round. A stalled lead is judged now rather than waited for, and the log says so.
 */
async function conclude(context, timer, report) {
    const lead = report?.lead;
    if (lead?.stalled) {
        context.log.info(`${lead.what} ${lead.id} is stalled (${lead.description}): it will not finish soon, so it is judged now instead of waited for`);
    }
    return check_judge(context, timer, await followRecent(context, timer, report));
}
/**
 * Sleeps `delay` ms in pieces, so that an info line says what the step is waiting for at least
 * once a minute, however long the sleep (a wait for tomorrow's run sleeps for hours).
 */
async function sleepSaying(context, delay, said, what) {
    const { clock, sleep, log, deadline } = context;
    for (let left = delay; left > 0;) {
        // Once the step's time is up (Ctrl-C moves its clock past every deadline), nothing to say.
        if (clock() - said.at >= SAY_EVERY_MS && clock() < deadline) {
            log.info(what());
            said.at = clock();
        }
        const piece = Math.min(left, Math.max(MIN_PIECE_MS, SAY_EVERY_MS - (clock() - said.at)));
        await sleep(piece);
        left -= piece;
    }
}
/** What the step is waiting for, as the info line says it. */
function waitingFor(context, timer, awaited, waitUntil) {
    const { clock, serviceTime } = context;
    const left = `${(0,timer_duration/* formatDuration */.a)(Math.max(0, Math.round((waitUntil - clock()) / 1000)))} left before the timeout`;
    if (awaited) {
        const lead = awaited.lead
            ? ` (${awaited.lead.what} ${awaited.lead.id} ${awaited.lead.status})`
            : '';
        return `Still waiting: the run of "${timer.name}" that started ${awaited.run.ranAt ?? 'earlier'} is in progress${lead}; ${left}`;
    }
    const due = timer.nextRun ? Date.parse(timer.nextRun) - serviceTime() : NaN;
    const when = Number.isNaN(due)
        ? 'Globus has not said when the next is due'
        : due > 0
            ? `the next is due at ${timer.nextRun} (in ${(0,timer_duration/* formatDuration */.a)(roughSeconds(due))})`
            : `the next was due at ${timer.nextRun}`;
    return `Still waiting for a run of "${timer.name}": ${when}; ${left}`;
}
/** When the step began, on Globus's clock: what the times of its runs are compared with. */
function serviceStart({ startedAt, serviceTime, clock }) {
    return startedAt + (serviceTime() - clock());
}
/** Seconds to a run, to the minute once it is an hour or more away (`3w2d18h43m`, not `…43m48s`). */
function roughSeconds(milliseconds) {
    const seconds = Math.ceil(milliseconds / 1000);
    return seconds >= 3600 ? Math.floor(seconds / 60) * 60 : seconds;
}
function sameRun(report, ranAt) {
    return ranAt !== undefined && report.run.ranAt === ranAt;
}
function startedSince(report, startedAt) {
    return report.run.ranAt !== undefined && Date.parse(report.run.ranAt) >= startedAt;
}
/**
 * Milliseconds until the next look: with a run under way, backoff polling (2 s growing to a
 * minute); with none, until the timer's next run is due (plus a little slack), however far.
 */
function nextLook(poll, timer, awaited, now) {
    const backoff = Math.min(MAX_POLL_MS, FIRST_POLL_MS * 1.5 ** poll);
    const due = timer.nextRun ? Date.parse(timer.nextRun) - now : NaN;
    if (awaited || !(due > backoff))
        return backoff;
    return due + DUE_SLACK_MS;
}
async function timedOut(context, timer, report, underWay) {
    const { inputs } = context;
    const seen = underWay && report
        ? `a run started at ${report.run.ranAt} is still in progress${report.lead ? ` (${report.lead.what} ${report.lead.id} ${report.lead.status})` : ''}`
        : `no run has started since ${new Date(serviceStart(context)).toISOString()} (next run: ${timer.nextRun ?? 'none scheduled'})`;
    const result = check_judge(context, timer, await followRecent(context, timer, report));
    return {
        ...result,
        failures: [`timeout: waited ${inputs.timeoutSeconds}s; ${seen}`, ...result.failures],
    };
}
function cannotRunAgain(timer) {
    return !willRun(timer) || (!timer.nextRun && timer.status !== 'new');
}

;// CONCATENATED MODULE: ./src/operations/index.ts








const OPERATION_HANDLERS = {
    apply: apply,
    plan: plan,
    create: create,
    update: update,
    check: check,
    wait: wait,
    list: list,
    pause: pause,
    resume: resume,
    delete: deleteTimer,
};

;// CONCATENATED MODULE: ./src/ports.ts
/*
 * What the core needs from the outside world, injected so tests replace it without module
 * mocks: a log (the only way operations talk to the user), a clock and a sleep.
 */
const realClock = () => Date.now();
const realSleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

;// CONCATENATED MODULE: ./src/interrupt.ts
/*
 * Ctrl-C (or a CI cancelling the job) for a step: when the signal aborts, the step's time is
 * simply up. Its clock jumps past every deadline the step keeps, so no new request starts and
 * no retry or wait goes on; a sleep under way ends at once; a request in flight is abandoned.
 * What the step does after its time is up still happens — above all, revoking its tokens,
 * which get a deadline of their own reckoned from the same clock, and whose requests start
 * after the signal and so travel normally.
 */
/** Far enough ahead to pass any deadline a step reckons from its `timeout` (at most a year). */
const PAST_EVERY_DEADLINE_MS = 10 * 365 * 86_400_000;
/** The step's clock and sleep, cut short by its signal (unchanged without one). */
function interruptible(time) {
    const { signal, clock, sleep } = time;
    if (!signal)
        return time;
    return {
        ...time,
        clock: () => clock() + (signal.aborted ? PAST_EVERY_DEADLINE_MS : 0),
        sleep: (milliseconds) => {
            if (signal.aborted)
                return Promise.resolve();
            return new Promise((resolve, reject) => {
                const wake = () => resolve();
                signal.addEventListener('abort', wake, { once: true });
                sleep(milliseconds)
                    .then(resolve, reject)
                    .finally(() => {
                    signal.removeEventListener('abort', wake);
                });
            });
        },
    };
}
/**
 * A way of sending requests whose requests in flight when `signal` aborts are abandoned; those
 * started afterwards (the revocations) are sent as usual.
 */
function abandonedOnAbort(send, signal) {
    if (!signal)
        return send;
    return (request) => signal.aborted
        ? send(request)
        : send({ ...request, signal: AbortSignal.any([request.signal, signal]) });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/report/comment.ts



const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request this run is for, or undefined outside pull_request events. */
function pullRequestOf(env) {
    if (!PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH)
        return undefined;
    const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
    const number = event.pull_request?.number ?? event.number;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return number && owner && repo ? { owner, repo, number } : undefined;
}
/** The hidden marker that finds this step's comment again: one comment per timer per PR. */
function markerFor(key) {
    return `<!-- globus-timer-action:${key.replace(/--+/g, '-')} -->`;
}
/**
 * Keeps one comment per key on the pull request: updated in place when the marker is found,
 * created otherwise. A failure is a warning saying why (commenting must not fail a timer
 * operation).
 */
async function upsertStickyComment(api, pr, key, markdown, log) {
    const marker = markerFor(key);
    const body = fitComment(`${marker}\n${markdown}`);
    try {
        const existing = (await api.list(pr)).find((comment) => comment.body?.includes(marker));
        if (existing) {
            await api.update(pr, existing.id, body);
            log.info(`Updated the pull request comment (#${pr.number})`);
            return 'updated';
        }
        await api.create(pr, body);
        log.info(`Commented on pull request #${pr.number}`);
        return 'created';
    }
    catch (error) {
        log.warning(`Could not comment on pull request #${pr.number}: ${whyCommentFailed(error, pr)}`);
        return 'failed';
    }
}
/**
 * What GitHub answered — its status and message, the reasons of a 422 in words — and the fix
 * for that answer; or that GitHub could not be reached at all.
 */
function whyCommentFailed(error, pr) {
    const { status, message, response } = (error ?? {});
    const text = typeof message === 'string' ? message : String(error);
    if (typeof status !== 'number' || !response) {
        return `GitHub could not be reached (${withCauses(text, error)}); check GITHUB_API_URL and the runner's network`;
    }
    return `GitHub answered ${status} "${clip(answerOf(response.data) ?? text, 300)}"; ${comment_fixFor(status, pr)}`;
}
/** `fetch failed: connect ECONNREFUSED 127.0.0.1:443`: a network error and what caused it. */
function withCauses(text, error) {
    const said = [text];
    let cause = error?.cause;
    for (let depth = 0; cause && depth < 5; depth++) {
        const { message, cause: deeper } = cause;
        if (typeof message === 'string' && message && !said.includes(message))
            said.push(message);
        cause = deeper;
    }
    return said.join(': ');
}
/** `Validation Failed: body is too long`: the message and its errors' messages, no JSON. */
function answerOf(data) {
    if (typeof data === 'string')
        return data || undefined;
    if (typeof data !== 'object' || data === null)
        return undefined;
    const { message, errors } = data;
    if (typeof message !== 'string')
        return undefined;
    const reasons = (Array.isArray(errors) ? errors : [])
        .map((item) => (typeof item === 'string' ? item : item?.message))
        .filter((reason) => typeof reason === 'string' && reason !== '');
    return reasons.length > 0 ? `${message}: ${reasons.join('; ')}` : message;
}
function comment_fixFor(status, pr) {
    if (status === 401)
        return 'github-token is not a valid token';
    if (status === 403) {
        return 'the token may not write comments: give the job permissions: pull-requests: write (a pull request from a fork gets a read-only token)';
    }
    if (status === 404) {
        return `the pull request or the repository ${pr.owner}/${pr.repo} was not found, or github-token cannot see it`;
    }
    if (status === 422)
        return 'GitHub refused the comment itself';
    if (status === 429)
        return 'GitHub is rate limiting the token: re-run the job later to comment';
    if (status >= 500)
        return 'GitHub had a server error: re-run the job to comment';
    return 'the comment was not written';
}
/** GitHub refuses a comment body longer than this many characters. */
const COMMENT_LIMIT = 65_536;
/**
 * The comment cut to what GitHub accepts: whole lines, an open ```diff fence closed, and a last
 * line saying how many lines were left out (a spec file of many large timers can reach it).
 */
function fitComment(body, limit = COMMENT_LIMIT) {
    if (body.length <= limit)
        return body;
    const lines = body.split('\n');
    const room = limit - 200;
    let kept = 0;
    let length = 0;
    while (kept < lines.length && length + (lines[kept]?.length ?? 0) + 1 <= room) {
        length += (lines[kept]?.length ?? 0) + 1;
        kept += 1;
    }
    const head = lines.slice(0, kept);
    const fences = head.filter((line) => line.startsWith('```')).length;
    const left = lines.length - kept;
    return [
        ...head,
        ...(fences % 2 === 1 ? ['```'] : []),
        '',
        `_… ${(0,words/* plural */.L)(left, 'more line', 'more lines')} left out (a GitHub comment holds ${limit} characters); the step's log has the plan of every timer._`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/report/github-comments.ts
/**
 * CommentsApi over @actions/github's getOctokit, which honours GITHUB_API_URL (GHES) and the
 * runner's proxy settings. Loaded on demand: most steps never comment.
 */
async function githubComments(token, apiUrl) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, apiUrl ? { baseUrl: apiUrl } : {});
    return {
        list: async ({ owner, repo, number }) => octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100,
        }),
        create: async ({ owner, repo, number }, body) => {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        },
        update: async ({ owner, repo }, id, body) => {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
        },
    };
}

;// CONCATENATED MODULE: ./src/report/links.ts


/*
 * Web-app links (docs/globus-variants.md). No source shows a per-timer page; the web app lists
 * timers at /activity/timers and this follows that path with the timer id.
 */
function timerUrl(appUrl, jobId) {
    return joinUrl(appUrl, `/activity/timers/${jobId}`);
}
/** The page of what a timer's run started, known only by id: a Transfer task or a Flows run. */
function leadPath(timer, id) {
    return kindOf(timer).leadPath(id);
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Text made safe for a Markdown table cell: a pipe or a line break would break the table. */
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/report/history.ts






/*
 * The timer's recent runs side by side: whether tonight's failure is the first in a month or the
 * fifth in a row, whether the nightly transfer grows slowly or suddenly moved nothing. A table in
 * the job summary with a bar per run drawn in text (block characters in a code span, which
 * GitHub's Markdown renders everywhere: summaries, comments, issues), and the same as JSON in the
 * `history` output.
 */
/** Characters in a full bar. */
const BAR_WIDTH = 10;
const FULL = '▇';
const EMPTY = '▁';
const OUTCOME_CELLS = {
    succeeded: '✅ succeeded',
    failed: '❌ failed',
    stalled: '⚠️ stalled',
    'in-progress': '⏳ in progress',
    unknown: '❔ unknown',
};
function history_rowsOf(timer, history, appUrl) {
    return history.map((report) => {
        const { lead } = report;
        const id = lead?.id ?? report.run.leadIds[0];
        const path = lead?.webPath ?? (id ? leadPath(timer, id) : undefined);
        const seconds = durationOf(report);
        return {
            report,
            outcome: reportOutcome(report),
            ...(id ? { id } : {}),
            ...(path ? { url: joinUrl(appUrl, path) } : {}),
            ...(seconds === undefined ? {} : { seconds }),
        };
    });
}
/** Seconds from start to end of what the run started, when both are known. */
function durationOf(report) {
    const { startedAt, endedAt } = report.lead?.measures ?? {};
    if (!startedAt || !endedAt)
        return undefined;
    const seconds = Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
/** The `history` output: the same runs as JSON, '' when history is off. */
function historyOutput(result, appUrl) {
    const { timer, history } = result;
    if (!timer || !history)
        return '';
    const idKey = timer.kind === 'flow' ? 'flow_run_id' : 'transfer_task_id';
    return JSON.stringify(history_rowsOf(timer, history, appUrl).map(({ report, outcome, id, url, seconds }) => {
        const measures = report.lead?.measures ?? {};
        return {
            ran_at: report.run.ranAt ?? null,
            outcome,
            run_status: report.run.status ?? null,
            [idKey]: id ?? null,
            status: report.lead?.status ?? null,
            files: measures.files ?? null,
            files_transferred: measures.filesTransferred ?? null,
            bytes_transferred: measures.bytesTransferred ?? null,
            duration_seconds: seconds ?? null,
            url: url ?? null,
        };
    }));
}
/** The summary's recent-runs section: a headline and a table, none when history is off. */
function historyMarkdown(result, appUrl) {
    const { timer, history } = result;
    if (!timer || !history)
        return [];
    const headline = historyHeadline(history);
    const lines = [`**Recent runs:** ${headline}.`, ''];
    if (history.length === 0)
        return lines;
    const rows = history_rowsOf(timer, history, appUrl);
    const transfer = timer.kind === 'transfer';
    const byBytes = transfer && rows.some((row) => (bytesOf(row) ?? 0) > 0);
    const scale = Math.max(0, ...rows.map((row) => (byBytes ? bytesOf(row) : row.seconds) ?? 0));
    const bar = (value) => value === undefined ? '' : `\`${drawBar(value, scale)}\` `;
    const header = transfer
        ? ['Ran at', 'Outcome', 'Files', 'Bytes', 'Duration', 'Transfer task']
        : ['Ran at', 'Outcome', 'Duration', 'Flows run'];
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
    for (const row of rows) {
        const bytes = bytesOf(row);
        const duration = row.seconds === undefined ? '—' : (0,timer_duration/* formatDuration */.a)(row.seconds);
        const cells = [
            ranAt(row.report.run.ranAt),
            OUTCOME_CELLS[row.outcome],
            ...(transfer
                ? [
                    filesOf(row),
                    bytes === undefined ? '—' : `${byBytes ? bar(bytes) : ''}${formatBytes(bytes)}`,
                ]
                : []),
            byBytes ? duration : `${bar(row.seconds)}${duration}`,
            linkOf(row),
        ];
        lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
    }
    lines.push('');
    return lines;
}
/** `▇▇▇▇▁▁▁▁▁▁`: `value` against the largest; anything above nothing shows at least one block. */
function drawBar(value, scale) {
    const filled = scale > 0 && value > 0
        ? Math.min(BAR_WIDTH, Math.max(1, Math.round((value / scale) * BAR_WIDTH)))
        : 0;
    return FULL.repeat(filled) + EMPTY.repeat(BAR_WIDTH - filled);
}
function bytesOf(row) {
    return row.report.lead?.measures.bytesTransferred;
}
function filesOf(row) {
    const { files, filesTransferred } = row.report.lead?.measures ?? {};
    if (files === undefined)
        return filesTransferred === undefined ? '—' : String(filesTransferred);
    return `${filesTransferred ?? 0} of ${files}`;
}
function linkOf(row) {
    if (!row.id)
        return '—';
    const name = `${row.id.slice(0, 8)}…`;
    const link = row.url ? `[${name}](${row.url})` : name;
    const status = row.report.lead?.status ?? row.report.run.status;
    return status ? `${link} ${status}` : link;
}
/** `2026-12-01 02:00 UTC`, or the time as Globus gave it when it does not parse. */
function ranAt(value) {
    if (!value)
        return '?';
    const time = Date.parse(value);
    return Number.isNaN(time)
        ? value
        : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

;// CONCATENATED MODULE: ./src/report/plan-markdown.ts


/*
 * The plan in the job summary and the pull-request comment: a table of every timer of a spec
 * file with what apply would do (or did) to it, then each change as a fenced `diff` block whose
 * `-`/`+` lines GitHub colours.
 */
const WOULD = {
    create: 'would create',
    unchanged: 'unchanged',
    replace: 'would replace',
    rename: 'would rename',
    delete: 'would delete (no longer in the spec file)',
};
/** The plan's part of the summary: the table of a spec file's timers, then the diffs. */
function planMarkdown(result) {
    const lines = [];
    if (result.entries)
        lines.push(...entriesTable(result.entries), '');
    const plans = result.entries?.map((entry) => entry.plan) ?? (result.plan ? [result.plan] : []);
    for (const plan of plans)
        lines.push(...planBlock(plan));
    return lines;
}
/** Every timer of a spec file, with its action (plan) or result (apply). */
function entriesTable(entries) {
    const planned = entries.every((entry) => entry.result === 'planned');
    return [
        `| Timer | ${planned ? 'Plan' : 'Result'} |`,
        '| --- | --- |',
        ...entries.map((entry) => {
            const replaced = entry.replacedJobId ? ` (was \`${entry.replacedJobId}\`)` : '';
            const what = entry.result === 'planned' ? WOULD[entry.plan.action] : entry.result;
            return `| ${escapeCell(entry.plan.name)} | ${what}${replaced} |`;
        }),
    ];
}
/** One timer's changes as a fenced diff, under what is done to it; nothing when unchanged. */
function planBlock(plan) {
    if (plan.changes.length === 0 || plan.action === 'unchanged')
        return [];
    const id = plan.jobId ? ` (\`${plan.jobId}\`)` : '';
    return [
        `**Plan: ${plan.action}** \`${plan.name.replace(/`/g, "'")}\`${id}`,
        '',
        '```diff',
        ...diffBlockLines(plan.changes).map(fenceSafe),
        '```',
        '',
    ];
}
/** A line holding ``` would close the fence early. */
function fenceSafe(line) {
    return line.replace(/```/g, '`\u200b``');
}

;// CONCATENATED MODULE: ./src/report/summary.ts








const HEADER = '| Timer | Schedule | Status | Next run | Last run | Transfer task or flow run |';
const RULE = '| --- | --- | --- | --- | --- | --- |';
/** The job summary for any operation: a headline, a timer table, the plan, the failures. */
function summaryMarkdown(result, appUrl) {
    const lines = [`### Globus timer: ${result.operation} → ${result.result}`, ''];
    const timers = result.timers ?? (result.timer ? [result.timer] : []);
    if (timers.length > 0) {
        lines.push(HEADER, RULE, ...timers.map((timer) => row(timer, result, appUrl)), '');
        lines.push(...historyMarkdown(result, appUrl));
    }
    else if (result.operation === 'list') {
        lines.push('No timers.', '');
    }
    if (result.replacedJobId)
        lines.push(`Replaced timer \`${result.replacedJobId}\`.`, '');
    lines.push(...planMarkdown(result));
    if (result.failures.length > 0) {
        lines.push('**Failing:**', '', ...result.failures.map((failure) => `- ${escapeCell(failure)}`), '');
    }
    return `${lines.join('\n')}\n`;
}
function row(timer, result, appUrl) {
    const run = result.timer?.jobId === timer.jobId ? result.lastRun : undefined;
    const lastRun = run?.run ?? timer.results[0];
    const time = readableUtc;
    const last = lastRun
        ? `${lastRun.ranAt ? time(lastRun.ranAt) : '?'} ${lastRun.status ?? ''}`.trim()
        : timer.lastRanAt
            ? time(timer.lastRanAt)
            : '—';
    const lead = run?.lead;
    const leadId = lead?.id ?? lastRun?.leadIds[0];
    const path = lead?.webPath ?? (leadId ? leadPath(timer, leadId) : undefined);
    const started = leadId && path
        ? `[${leadId.slice(0, 8)}…](${joinUrl(appUrl, path)})${lead ? ` ${escapeCell(lead.description)}` : ''}`
        : '—';
    const cells = [
        `[${escapeCell(timer.name || timer.jobId)}](${timerUrl(appUrl, timer.jobId)})<br>\`${timer.jobId}\``,
        timer.schedule ? escapeCell((0,timer_schedule/* describeSchedule */.Bg)(timer.schedule, time)) : '—',
        `${timer.status} (${(0,words/* plural */.L)(timer.runs, 'run')}, ${(0,words/* plural */.L)(timer.errors, 'error')})`,
        time(nextRunOf(timer) ?? '') || '—',
        escapeCell(last),
        started,
    ];
    return `| ${cells.join(' | ')} |`;
}
/**
 * A Timers time as people read it, `2026-12-01T02:00 UTC` (seconds when there are some), not
 * `2026-12-01T02:00:00.000000+00:00`. Without luxon or Intl: a summary must not cost a check
 * the date machinery it otherwise never loads. A time without an offset is UTC, as Timers means.
 */
function readableUtc(wire) {
    const milliseconds = Date.parse(withZone(wire) ?? '');
    if (!wire || Number.isNaN(milliseconds))
        return wire;
    const iso = new Date(milliseconds).toISOString();
    const seconds = iso.slice(17, 19);
    return `${iso.slice(0, 16)}${seconds === '00' ? '' : `:${seconds}`} UTC`;
}

;// CONCATENATED MODULE: ./src/report/hints.ts


/**
 * The usual fix for a Globus error, in one sentence; undefined when there is nothing to add.
 * `operation` is the step's: a resume is never told to resume.
 */
function hintFor(error, identity, operation) {
    const code = (error.code ?? '').toLowerCase();
    const { service, status } = error;
    if (status === undefined) {
        return error.code === 'Timeout'
            ? 'The step ran out of time; raise the timeout input.'
            : 'Globus could not be reached: check the runner network and HTTPS_PROXY / NO_PROXY, or raise retries.';
    }
    if (service === 'auth' &&
        (code === 'invalid_client' || code === 'unauthorized' || status === 401)) {
        return 'Globus Auth rejected the client credentials: check client-id and client-secret (a confidential client registered at app.globus.org/settings/developers).';
    }
    if (service === 'auth' && code === 'invalid_scope') {
        return 'Globus Auth refused a scope: data_access only exists for GCS v5 mapped collections; use data-access: auto (or none).';
    }
    if (code.includes('consentrequired') || code === 'dependent_consent_required') {
        return consentHint(error, identity, operation !== 'resume');
    }
    if (code === 'authpolicyfailed' || code === 'authorizationparameters') {
        return 'The collection requires a session a client identity cannot have (high-assurance or identity policies); use a collection without such policies.';
    }
    if (status === 403 && service === 'transfer') {
        return `Grant the client identity ${identity} access to the collection (a role, or a permission on the path for guest collections).`;
    }
    if (status === 404 && service === 'transfer') {
        return `Check source-endpoint and destination-endpoint: the collection does not exist or ${identity} cannot see it.`;
    }
    if (status === 404 && service === 'timers') {
        return 'No such timer for this client: timers belong to the identity that created them.';
    }
    if (status === 403 && service === 'timers') {
        return `A timer belongs to the identity that created it, and only that identity may read or change it: run this step with the client-id (and secret) of the client that created the timer; this step acts as ${identity}.`;
    }
    if ((status === 404 || status === 403) &&
        service === 'flows' &&
        error.path.startsWith('/flows/')) {
        return `Check flow-id; if it is right, share the flow with ${identity} as a viewer and a starter (its owner can, in the web app or with globus flows update).`;
    }
    if (status === 422 && service === 'timers') {
        return 'Globus Timers rejected the request; the message names the field at fault.';
    }
    if (status === 429)
        return 'Globus is rate limiting this client; run less often or raise retries.';
    if (status >= 500)
        return 'Globus had a server error; re-run the job, or raise retries.';
    return undefined;
}
/**
 * A missing consent's fix fits what is missing: a flow's consent comes from being allowed to
 * start the flow, a collection's data_access from data-access: auto.
 */
function consentHint(error, identity, resume) {
    const words = consentWords(requiredScopes(error.body));
    const missing = `Consent is missing${words.length > 0 ? ` for ${words.join(' and ')}` : ''}`;
    const renew = resume ? ', or resume the timer to renew it' : '';
    const flowOnly = words.length > 0 && words.every((word) => word.startsWith('running flow'));
    return flowOnly
        ? `${missing}: the client identity ${identity} must be allowed to start the flow (a starter)${renew}.`
        : `${missing}: keep data-access: auto so mapped collections get their data_access consent${renew}.`;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts




/** The one place that turns a result into step outputs; every output is always set ('' if unknown). */
function outputsOf(result, appUrl) {
    const { timer, lastRun } = result;
    const run = lastRun?.run ?? timer?.results[0];
    return {
        'job-id': timer?.jobId ?? '',
        status: timer?.status ?? '',
        result: result.result,
        changed: String(result.changed),
        'next-run': (timer && nextRunOf(timer)) ?? '',
        'last-run-at': run?.ranAt ?? timer?.lastRanAt ?? '',
        'last-run-status': run?.status ?? '',
        'n-runs': timer ? String(timer.runs) : '',
        'n-errors': timer ? String(timer.errors) : '',
        ...leadOutputs(result),
        'timer-url': timer ? timerUrl(appUrl, timer.jobId) : '',
        timer: timer ? JSON.stringify(timerJson(timer, appUrl)) : '',
        timers: timersOutput(result, appUrl),
        plan: result.entries
            ? JSON.stringify(result.entries.map((entry) => planJson(entry.plan)))
            : result.plan
                ? JSON.stringify(planJson(result.plan))
                : '',
        history: historyOutput(result, appUrl),
    };
}
/**
 * What the last run started: its outputs when it was read; when it could not be, at least the
 * id the run named, under the output of its kind.
 */
function leadOutputs(result) {
    const blank = {
        'transfer-task-id': '',
        'transfer-status': '',
        'transfer-nice-status': '',
        'transfer-faults': '',
        'flow-run-id': '',
        'flow-run-status': '',
    };
    const lead = result.lastRun?.lead;
    if (lead)
        return { ...blank, ...lead.outputs };
    const id = (result.lastRun?.run ?? result.timer?.results[0])?.leadIds[0] ?? '';
    return { ...blank, [result.timer?.kind === 'flow' ? 'flow-run-id' : 'transfer-task-id']: id };
}
function planJson(plan) {
    return {
        action: plan.action,
        name: plan.name,
        job_id: plan.jobId ?? null,
        changes: plan.changes.map((change) => changeJson(change)),
    };
}
/** list: the timers found; a spec file: each timer it touched, with what happened to it. */
function timersOutput(result, appUrl) {
    if (result.entries) {
        return JSON.stringify(result.entries.map((entry) => ({
            ...(entry.timer
                ? timerSummary(entry.timer, appUrl)
                : { job_id: null, name: entry.plan.name }),
            result: entry.result,
            action: entry.plan.action,
        })));
    }
    return result.timers ? JSON.stringify(result.timers.map((t) => timerSummary(t, appUrl))) : '';
}
/** A timer in the `timers` output: the fields a workflow filters on, not the whole document. */
function timerSummary(timer, appUrl) {
    return {
        job_id: timer.jobId,
        name: timer.name,
        kind: timer.kind,
        status: timer.status,
        next_run: nextRunOf(timer) ?? null,
        last_ran_at: timer.lastRanAt ?? null,
        n_runs: timer.runs,
        n_errors: timer.errors,
        timer_url: timerUrl(appUrl, timer.jobId),
    };
}
/**
 * The `timer` output: one shape whatever Globus answered with (a create's v2 timer document, a
 * check's job document) — a `timers` entry, then when it was made, its schedule, why it is
 * inactive, and what its runs do (the Transfer document or the flow and its start document,
 * with the service's defaults filled in).
 */
function timerJson(timer, appUrl) {
    return {
        ...timerSummary(timer, appUrl),
        submitted_at: timer.submittedAt ?? null,
        schedule: timer.schedule ?? null,
        inactive_reason: timer.inactiveReason ?? null,
        flow_id: timer.kind === 'flow' ? (timer.flowId ?? null) : null,
        body: timer.body ?? null,
    };
}

;// CONCATENATED MODULE: ./src/report/verdict.ts





/** Outputs, summary and — when a fail-on reason holds — the failure, for a finished operation. */
async function report(core, result, appUrl, summary) {
    setOutputs(core, result, appUrl);
    if (summary)
        await core.writeSummary(summaryMarkdown(result, appUrl));
    // One annotation holding every reason, one a line: each reason once, nothing repeated.
    if (result.failures.length > 0)
        core.setFailed(result.failures.join('\n'));
}
function setOutputs(core, result, appUrl) {
    for (const [name, value] of Object.entries(outputsOf(result, appUrl))) {
        core.setOutput(name, value);
    }
}
/**
 * A failed step still sets every output: `result=failed`, and what it knew of its timer (a
 * workflow's `if: failure()` step can still name the timer, or the new one a replace made).
 */
function setFailedOutputs(core, step, appUrl) {
    const { timer, changed, jobId } = step;
    setOutputs(core, { result: 'failed', changed, ...(timer ? { timer } : {}), failures: [] }, appUrl);
    if (!timer && jobId)
        core.setOutput('job-id', jobId);
}
/**
 * One annotation per problem (on the file and line when there is one), then the verdict.
 * "Nothing was sent" is said only when it is true: some problems show only once Globus has
 * been read (a timer that `update` would turn into something invalid).
 */
async function failOnInputs(core, error, failure) {
    const { operation, requestsSent, summary } = failure;
    // Nothing was written, and no timer is known: every output empty but the result.
    setFailedOutputs(core, { changed: false }, '');
    for (const problem of error.problems) {
        if (problem.file) {
            core.error((0,timer_problems/* formatProblem */.V)(problem), {
                // In a spec file the input is `timer "ci/logs" (line 12), interval`: the title is the key.
                title: `Invalid ${problem.input.slice(problem.input.lastIndexOf(', ') + 1).trim()}`,
                file: problem.file,
                ...(problem.line === undefined ? {} : { startLine: problem.line }),
            });
        }
    }
    const headline = requestsSent === 0
        ? 'Invalid inputs; nothing was sent to Globus'
        : 'Invalid inputs; nothing was changed in Globus';
    const problems = error.problems.map((p) => `- ${(0,timer_problems/* formatProblem */.V)(p)}`).join('\n');
    if (summary) {
        await core.writeSummary(`### Globus timer: ${operation} → failed\n\n${headline}:\n\n${problems}\n`);
    }
    core.setFailed(`${headline}:\n${problems}`);
}
/** An operation that threw: one failure line with the usual fix, and the same in the summary. */
async function failOnError(core, error, context) {
    if (error instanceof timer_problems/* InputError */.d)
        return failOnInputs(core, error, context);
    setFailedOutputs(core, context, context.appUrl);
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof GlobusApiError
        ? hintFor(error, context.identity, context.operation)
        : undefined;
    if (context.summary) {
        await core.writeSummary(`### Globus timer: ${context.operation} → failed\n\n${message}${hint ? `\n\n${hint}` : ''}\n`);
    }
    if (error instanceof Error && error.stack)
        core.debug(error.stack);
    core.setFailed(hint ? `${message}\n${hint}` : message);
}

;// CONCATENATED MODULE: ./src/main.ts






















const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
/** Longest wait for a connection (TCP and TLS), within the request timeout. */
const CONNECT_TIMEOUT_MS = 10_000;
/** After `wait` stops waiting, time left for its last look. */
const WAIT_GRACE_MS = 60_000;
/** Time allowed for revoking the step's tokens, whatever time the operation used. */
const REVOKE_GRACE_MS = 30_000;
/** The action: read inputs → carry out the operation → outputs, summary and verdict. */
async function run(overrides) {
    const unstopped = {
        env: process.env,
        clock: realClock,
        sleep: realSleep,
        random: Math.random,
        ...overrides,
    };
    const given = interruptible(unstopped);
    const core = redactingCore(given.core, new Redactor());
    const deps = { ...given, core, wallClock: unstopped.clock };
    // Mask the secret before anything else can print it.
    const secret = core.getInput('client-secret') || deps.env.GLOBUS_CLIENT_SECRET || '';
    if (secret)
        core.protect(secret.trim());
    try {
        const startedAt = deps.clock();
        const inputs = await readInputs({
            getInput: (name) => core.getInput(name),
            env: deps.env,
            workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
            now: () => utcTime(startedAt),
        });
        // The Basic credential Auth is sent, in the form a gateway would echo it.
        core.protect(basicCredential(inputs.clientId, inputs.clientSecret));
        await main_carryOut(deps, inputs, startedAt);
    }
    catch (error) {
        // Nothing escapes as a stack trace: an unexpected error is one clean failure line.
        if (error instanceof timer_problems/* InputError */.d) {
            return failOnInputs(core, error, {
                operation: core.getInput('operation') || 'apply',
                requestsSent: 0,
                summary: core.getInput('summary') !== 'false',
            });
        }
        if (error instanceof Error && error.stack)
            core.debug(error.stack);
        core.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    }
}
async function main_carryOut(deps, inputs, startedAt) {
    const { core } = deps;
    const log = logOf(core);
    const urls = serviceUrls(inputs.environment, deps.env);
    const deadline = startedAt + inputs.timeoutSeconds * 1000 + (inputs.operation === 'wait' ? WAIT_GRACE_MS : 0);
    const serviceClock = new ServiceClock(deps.wallClock, log);
    const http = new HttpClient({
        urls,
        retries: inputs.retries,
        deadline,
        requestTimeoutMs: requestTimeoutMs(deps.env),
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        log,
        userAgent: `globus-timer-action/${VERSION}`,
        transport: abandonedOnAbort(deps.transport ?? stepConnections(deps.env).send, deps.signal),
        serviceClock,
    });
    const auth = new GlobusAuth(http, inputs.clientId, inputs.clientSecret, (token) => core.protect(token));
    const credentials = new Credentials(auth, companionsOf(inputs), initialConsentsOf(inputs));
    // What the step saw of its timer, for the outputs should it fail half-way.
    const seen = { changed: false };
    const observer = {
        timer: (timer) => {
            if (!inputs.specFile)
                seen.timer = timer;
        },
        changed: () => {
            seen.changed = true;
        },
    };
    const context = {
        inputs,
        credentials,
        timers: new TimersApi({
            http,
            credentials,
            log,
            clock: deps.clock,
            sleep: deps.sleep,
            random: deps.random,
            retries: inputs.retries,
            observer,
        }),
        transfer: new TransferApi(http, credentials),
        flows: new FlowsApi(http, credentials),
        log,
        clock: deps.clock,
        sleep: deps.sleep,
        serviceTime: () => serviceClock.now(),
        now: () => utcTime(serviceClock.now()),
        startedAt,
        deadline,
    };
    log.info(`Acting as ${auth.identity} ${whereItActs(inputs.environment, deps.env)}`);
    // Before any request: a service left on Globus while the others are not is rarely meant.
    for (const warning of partialOverrides(inputs.environment, deps.env))
        log.warning(warning);
    try {
        const result = await OPERATION_HANDLERS[inputs.operation](context);
        await report(core, result, urls.app, inputs.summary);
        if (inputs.comment)
            await comment(deps, inputs, result, urls.app);
    }
    catch (error) {
        await failOnError(core, error, {
            ...seen,
            jobId: inputs.target.jobId,
            appUrl: urls.app,
            operation: inputs.operation,
            summary: inputs.summary,
            identity: auth.identity,
            requestsSent: http.requestsSent,
        });
    }
    finally {
        // Revocation gets its own short deadline: a step that ran out of time still revokes.
        const revoking = http.withDeadline(deps.clock() + REVOKE_GRACE_MS);
        for (const failure of await auth.revokeAll(revoking)) {
            log.warning(`Could not revoke a token: ${failure}`);
        }
    }
}
/** A time of the step's clock, in UTC whatever the runner's own zone: it reaches messages. */
function utcTime(milliseconds) {
    return luxon/* DateTime */.c9.fromMillis(milliseconds, { zone: 'utc' });
}
/**
 * The services besides Timers the step will want a token for, fetched with the first Timers
 * token in one request: Flows for flow timers, Transfer for transfer timers — and for a timer
 * known only by id or name, most likely a transfer timer (a flow timer fetches Flows later).
 */
function companionsOf(inputs) {
    const kinds = new Set(inputs.specFile
        ? inputs.specFile.entries.map((entry) => entry.timer.kind)
        : [inputs.timer.kind]);
    // Collections named in data-access need no look-up: a transfer timer then needs no Transfer
    // token to be written (check still fetches one when it follows a run).
    const writesOnly = WRITES.has(inputs.operation) && Array.isArray(inputs.dataAccess);
    const companions = [];
    if (kinds.has(undefined) || (kinds.has('transfer') && !writesOnly))
        companions.push('transfer');
    if (kinds.has('flow'))
        companions.push('flows');
    return companions;
}
const WRITES = new Set(['apply', 'create', 'update']);
/** data-access given as a list of collections: the first Timers token carries them already. */
function initialConsentsOf(inputs) {
    const dataAccess = Array.isArray(inputs.dataAccess) && !inputs.specFile ? inputs.dataAccess : [];
    return { dataAccess, dependencies: [] };
}
/** The sticky pull-request comment (comment: true). */
async function comment(deps, inputs, result, appUrl) {
    const log = logOf(deps.core);
    const pr = pullRequestOf(deps.env);
    if (!pr) {
        log.notice('comment: true only comments on pull_request events; skipped');
        return;
    }
    const key = inputs.specFile?.path ??
        inputs.timer.name ??
        inputs.target.name ??
        result.timer?.name ??
        result.timer?.jobId ??
        inputs.operation;
    const api = await githubComments(inputs.githubToken, deps.env.GITHUB_API_URL);
    // GitHub is one more place the step writes to: the comment passes the one redactor too.
    const { redact } = deps.core;
    await upsertStickyComment(api, pr, redact(key), redact(summaryMarkdown(result, appUrl)), log);
}
function logOf(core) {
    return {
        debug: (message) => core.debug(message),
        info: (message) => core.info(message),
        notice: (message) => core.notice(message),
        warning: (message) => core.warning(message),
    };
}
/**
 * The step's own connections: kept alive between its requests, through the runner's proxy.
 * Never closed: the process ends with the step, and idle connections do not hold it (closing
 * them would format an error's stack, some 150 ms with the bundle's source maps).
 */
function stepConnections(env) {
    const responseTimeoutMs = requestTimeoutMs(env);
    return undiciConnections({
        env,
        connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, responseTimeoutMs),
        responseTimeoutMs,
    });
}
/** GLOBUS_SDK_HTTP_TIMEOUT (seconds, as the SDKs read it; -1 = none; checked in inputs) or 60 s. */
function requestTimeoutMs(env) {
    const seconds = Number(env.GLOBUS_SDK_HTTP_TIMEOUT || DEFAULT_REQUEST_TIMEOUT_SECONDS);
    return seconds < 0 ? 24 * 3600_000 : seconds * 1000;
}


/***/ }),

/***/ 400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DP: () => (/* binding */ parseDateTime),
/* harmony export */   Dw: () => (/* binding */ isValidZone),
/* harmony export */   M4: () => (/* binding */ formatWireDateTime)
/* harmony export */ });
/* harmony import */ var luxon__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8714);

/**
 * Reads a date or date-time as users write them: `2026-12-01`, `2026-12-01T02:00`,
 * `2026-12-01 02:00:00`, with or without a UTC offset (`Z`, `+02:00`). A value without an offset
 * is read in `zone`. Throws an Error saying what is accepted, to follow the value.
 */
function parseDateTime(text, zone) {
    const value = text.trim().replace(/^(\d{4}-\d{2}-\d{2})[ ](?=\d)/, '$1T');
    const parsed = luxon__WEBPACK_IMPORTED_MODULE_0__/* .DateTime */ .c9.fromISO(value, { zone, setZone: true });
    if (!parsed.isValid) {
        throw new Error('is not a date or date-time; use ISO 8601 such as 2026-12-01, 2026-12-01T02:00 or 2026-12-01T02:00:00+02:00');
    }
    return parsed;
}
function isValidZone(zone) {
    // UTC (the default) is valid wherever Intl is (ECMA-402 requires it); asking Intl would start
    // its date-time formatting, a noticeable part of the start-up of a step with no dates.
    return zone === 'UTC' || luxon__WEBPACK_IMPORTED_MODULE_0__/* .IANAZone */ .oh.isValidZone(zone);
}
/**
 * The wire form Globus expects: whole seconds with an explicit offset, as the Python SDK sends
 * (`2026-12-01T02:00:00+00:00`).
 */
function formatWireDateTime(value) {
    return value.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}


/***/ }),

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/* harmony import */ var luxon__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8714);

const COMPACT = /^(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/i;
const UNIT_SECONDS = [604800, 86400, 3600, 60, 1];
/**
 * Reads a duration the way our users already write them, in whole seconds:
 * bare seconds (`28800`, as the retired timer CLI accepted), compact groups in w/d/h/m/s order
 * (`1h30m`, `1d 12h`, `2w`, as `globus timer` accepts) or ISO 8601 (`PT8H`, `P1DT2H`).
 * Throws an Error whose message says what is accepted, to follow the value (`"x" is not …`).
 */
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+$/.test(value))
        return Number(value);
    const compact = COMPACT.exec(value);
    if (value !== '' && compact) {
        return compact
            .slice(1)
            .reduce((sum, group, i) => sum + Number(group ?? 0) * (UNIT_SECONDS[i] ?? 0), 0);
    }
    if (/^P/i.test(value))
        return parseIsoDuration(value);
    throw new Error('is not a duration; use seconds (3600), compact units (1h30m, 1d, 2w) or ISO 8601 (PT1H)');
}
function parseIsoDuration(value) {
    const duration = luxon__WEBPACK_IMPORTED_MODULE_0__/* .Duration */ .dw.fromISO(value.toUpperCase());
    if (!duration.isValid) {
        throw new Error('is not a valid ISO 8601 duration (e.g. PT8H, P1D, P1W)');
    }
    // Months and years have no fixed length; a timer interval must be exact.
    if (duration.years || duration.quarters || duration.months) {
        throw new Error('uses months or years, which have no fixed length; use days (P30D)');
    }
    return Math.floor(duration.as('seconds'));
}
/** Seconds as the compact form people read best: 90000 → "1d1h". */
function formatDuration(seconds) {
    if (seconds === 0)
        return '0s';
    let rest = seconds;
    return ['w', 'd', 'h', 'm', 's']
        .map((unit, i) => {
        const size = UNIT_SECONDS[i] ?? 1;
        const count = Math.floor(rest / size);
        rest -= count * size;
        return count ? `${count}${unit}` : '';
    })
        .join('');
}


/***/ }),

/***/ 4888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ positiveInteger),
/* harmony export */   EQ: () => (/* binding */ notAmong),
/* harmony export */   KQ: () => (/* binding */ dateTime),
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   YP: () => (/* binding */ interval),
/* harmony export */   ab: () => (/* binding */ choiceList),
/* harmony export */   eX: () => (/* binding */ filterRules),
/* harmony export */   f8: () => (/* binding */ integerBetween),
/* harmony export */   kf: () => (/* binding */ syncLevel),
/* harmony export */   me: () => (/* binding */ notify),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   rO: () => (/* binding */ dataAccess),
/* harmony export */   sg: () => (/* binding */ timezone),
/* harmony export */   uR: () => (/* binding */ uuid),
/* harmony export */   yK: () => (/* binding */ NOTIFY_EVENTS),
/* harmony export */   zM: () => (/* binding */ boolean)
/* harmony export */ });
/* unused harmony export lines */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8532);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3885);
/* harmony import */ var _datetime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(400);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(208);




/*
 * One zod schema per kind of input value: a raw input string in, a typed value out, and a
 * message that says what is wrong and what is accepted, worded to follow the value itself:
 * the reader (input-reader.ts) writes `interval: "30s" is below the 60-second minimum`.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(UUID, 'must be a UUID such as 6c54cade-bde5-45c1-bdea-f4bd71dba2cc')
    .transform((value) => value.toLowerCase());
/** YAML 1.2 core booleans, exactly what core.getBooleanInput accepts. */
const boolean = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], {
    error: 'must be true or false',
})
    .transform((value) => value.toLowerCase() === 'true');
const duration = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text, ctx) => {
    try {
        const seconds = (0,_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E)(text);
        if (seconds > 0)
            return seconds;
        ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
    }
    catch (error) {
        ctx.addIssue({ code: 'custom', message: error.message });
    }
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
const interval = duration
    .refine((seconds) => seconds >= _schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_INTERVAL_SECONDS */ .N5, {
    message: `is below the ${_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .MIN_INTERVAL_SECONDS */ .N5}-second minimum (a Globus Timers limit)`,
    abort: true,
})
    .refine((seconds) => seconds <= _schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_INTERVAL_SECONDS */ .H1, {
    message: `is above the ${_schedule_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_INTERVAL_SECONDS */ .H1 / 86400}-day maximum (a Globus Timers limit)`,
});
/** A whole number within bounds. */
function integerBetween(min, max) {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^\d+$/, 'must be a whole number')
        .transform(Number)
        .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`);
}
const positiveInteger = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= 1, 'must be 1 or more');
const timezone = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine(_datetime_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidZone */ .Dw, {
    message: 'is not an IANA time zone (e.g. UTC, Europe/Berlin, America/Chicago)',
});
function dateTime(zone) {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text, ctx) => {
        try {
            return (0,_datetime_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDateTime */ .DP)(text, zone);
        }
        catch (error) {
            ctx.addIssue({ code: 'custom', message: error.message });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
        }
    });
}
const SYNC_LEVELS = {
    exists: 0,
    size: 1,
    mtime: 2,
    checksum: 3,
    '0': 0,
    '1': 1,
    '2': 2,
    '3': 3,
};
const syncLevel = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .transform((value) => value.toLowerCase())
    .refine((value) => value in SYNC_LEVELS, 'must be exists, size, mtime or checksum (or 0-3)')
    .transform((value) => SYNC_LEVELS[value]);
/**
 * Transfer's label rules: up to 128 characters of letters, digits, spaces and `- _ ,`. The API
 * document allows more, but older rules (and perhaps the service at run time) do not, and a
 * label refused at run time would fail every run of the timer (docs/globus-variants.md).
 */
const label = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .max(128, 'must be at most 128 characters (Transfer label rules)')
    .refine((value) => /^[A-Za-z0-9 _,-]*$/.test(value), 'may hold only letters, digits, spaces and - _ , (Transfer label rules)');
/** Multi-line input → its non-blank lines, trimmed. */
function lines(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
/** Comma- or newline-separated list → its trimmed, non-empty members. */
function list(text) {
    return text
        .split(/[,\n]/)
        .map((part) => part.trim())
        .filter((part) => part !== '');
}
function filterRules(include, exclude) {
    const rule = (method) => (name) => ({ DATA_TYPE: 'filter_rule', name, method, type: 'file' });
    // Rules apply in order and the first match decides: includes first, so "include *.h5,
    // exclude *" keeps just the HDF5 files.
    return [...lines(include).map(rule('include')), ...lines(exclude).map(rule('exclude'))];
}
const NOTIFY_EVENTS = ['succeeded', 'failed', 'inactive'];
/** `default` → undefined (Globus's defaults); `none` → all off; a list → exactly those on. */
const notify = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text, ctx) => {
    const value = text.trim().toLowerCase();
    if (value === '' || value === 'default')
        return undefined;
    const chosen = value === 'none' ? [] : list(value);
    const unknown = chosen.filter((event) => !NOTIFY_EVENTS.includes(event));
    if (unknown.length > 0) {
        ctx.addIssue({
            code: 'custom',
            message: `${notAmong(chosen, unknown, ['an event', 'events'])}; use default, none, or a list of succeeded, failed, inactive`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return {
        notify_on_succeeded: chosen.includes('succeeded'),
        notify_on_failed: chosen.includes('failed'),
        notify_on_inactive: chosen.includes('inactive'),
    };
});
/**
 * What is wrong with a list whose members `unknown` are not of `kind` (`[an event, events]`),
 * to follow the list as given: `is not an event` when it is the whole list, else `holds
 * sometimes, which is not an event`.
 */
function notAmong(chosen, unknown, [one, many]) {
    if (chosen.length === 1 && unknown.length === 1)
        return `is not ${one}`;
    return `holds ${unknown.join(', ')}, which ${unknown.length === 1 ? `is not ${one}` : `are not ${many}`}`;
}
/** A comma list drawn from `allowed`, or `none` → []; `kind` names a member in messages. */
function choiceList(allowed, kind, none) {
    return zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text, ctx) => {
        const chosen = list(text.toLowerCase());
        if (none && chosen.length === 1 && chosen[0] === none)
            return [];
        const unknown = chosen.filter((value) => !allowed.includes(value));
        if (unknown.length > 0) {
            const choices = [...allowed, ...(none ? [none] : [])].join(', ');
            ctx.addIssue({
                code: 'custom',
                message: `${notAmong(chosen, unknown, kind)}; use ${choices}`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
        }
        return chosen;
    });
}
const dataAccess = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().transform((text, ctx) => {
    const value = text.trim().toLowerCase();
    if (value === 'auto' || value === 'none')
        return value;
    const ids = list(value);
    const bad = ids.filter((id) => !uuid.safeParse(id).success);
    if (bad.length > 0) {
        ctx.addIssue({
            code: 'custom',
            message: ids.length === 1
                ? 'is not auto, none or a collection id (a UUID)'
                : `${notAmong(ids, bad, ['a collection id (a UUID)', 'collection ids (UUIDs)'])}; use auto, none or a list of collection ids`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return [...new Set(ids)];
});


/***/ }),

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readFlowFields),
/* harmony export */   h: () => (/* binding */ FLOW_INPUTS)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8532);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4888);
/* harmony import */ var _workspace_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4987);
/* harmony import */ var _yaml_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5565);




/** The inputs that say "this is a flow timer". */
const FLOW_INPUTS = [
    'flow-id',
    'flow-input',
    'flow-input-file',
    'run-tags',
    'run-managers',
    'run-monitors',
];
const PRINCIPAL = /^urn:globus:(auth:identity|groups:id):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Identities or groups who may manage or monitor the runs: principal URNs. */
const principals = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().transform((text, ctx) => {
    const list = _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_(text);
    const bad = list.filter((item) => !PRINCIPAL.test(item));
    if (bad.length > 0) {
        ctx.addIssue({
            code: 'custom',
            message: `${_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .notAmong */ .EQ(list, bad, ['a principal URN', 'principal URNs'])} (use urn:globus:auth:identity:<id> or urn:globus:groups:id:<id>)`,
        });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
    return [...new Set(list)];
});
const tags = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .transform((text) => [...new Set(_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_(text))])
    .refine((list) => list.every((tag) => tag.length <= 100), 'holds a tag over 100 characters (the most a run tag may have)');
/** Reads the flow inputs; bad values become problems in `reader`. */
async function readFlowFields(reader, workspace) {
    const flowId = reader.optional('flow-id', _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .uuid */ .uR);
    const input = await readFlowInput(reader, workspace);
    const runTags = reader.optional('run-tags', tags);
    const managers = reader.optional('run-managers', principals);
    const monitors = reader.optional('run-monitors', principals);
    return {
        ...(flowId === undefined ? {} : { flowId }),
        ...(input ?? {}),
        ...(runTags === undefined ? {} : { tags: runTags }),
        ...(managers === undefined ? {} : { managers }),
        ...(monitors === undefined ? {} : { monitors }),
    };
}
/** `flow-input` (inline JSON or YAML) or `flow-input-file` (a workspace file of either). */
async function readFlowInput(reader, workspace) {
    const inline = reader.raw('flow-input');
    const file = reader.raw('flow-input-file');
    if (inline && file) {
        reader.problem('flow-input', 'give flow-input or flow-input-file, not both');
        return undefined;
    }
    if (inline)
        return parseFlowInput(reader, 'flow-input', inline);
    if (!file)
        return undefined;
    const read = (0,_workspace_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readWorkspaceFile */ .sL)(file, workspace);
    if ('problem' in read) {
        reader.problem('flow-input-file', read.problem);
        return undefined;
    }
    return parseFlowInput(reader, 'flow-input-file', read.text, file);
}
async function parseFlowInput(reader, name, text, file) {
    // YAML (which reads JSON too) is loaded only by steps that give a flow input.
    const { parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const document = parseDocument(text);
    const [error] = document.errors;
    if (error) {
        const { message, line } = (0,_yaml_error_js__WEBPACK_IMPORTED_MODULE_4__/* .yamlErrorText */ .j)(error);
        const where = line === undefined ? '' : ` (line ${line})`;
        reader.problem(name, `not valid JSON or YAML${where}: ${message}`);
        return undefined;
    }
    const value = document.toJSON();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        reader.problem(name, 'must be a JSON object (or a YAML mapping): the flow’s input');
        return undefined;
    }
    return { input: value, inputFrom: file ?? reader.nameOf(name) };
}


/***/ }),

/***/ 7377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5846);

/** Inputs whose values are never repeated, nor any value holding one of theirs. */
const SECRET_INPUTS = ['client-secret', 'github-token'];
/**
 * Reads named raw values (action inputs, or one spec-file entry) through zod schemas and keeps
 * one problem per bad value, each naming where it came from and repeating the value given.
 */
class InputReader {
    source;
    place;
    problems = [];
    constructor(source, place = {}) {
        this.source = source;
        this.place = place;
    }
    raw(name) {
        return this.source(name).trim();
    }
    /** The parsed value, or undefined when the value is empty or bad (then a problem is kept). */
    optional(name, schema) {
        const value = this.raw(name);
        if (value === '')
            return undefined;
        const result = schema.safeParse(value);
        if (result.success)
            return result.data;
        for (const issue of result.error.issues)
            this.valueProblem(name, issue.message);
        return undefined;
    }
    /** Like optional, but an empty value is a problem too. */
    required(name, schema, hint = 'required') {
        if (this.raw(name) === '') {
            this.problem(name, hint);
            return undefined;
        }
        return this.optional(name, schema);
    }
    /**
     * A value found wrong: `message` says what is wrong with it and follows the value as given,
     * quoted and cut short (`"30s" is below the 60-second minimum`) — or `the value given`, never
     * a secret, for a secret input or a value holding one.
     */
    valueProblem(name, message) {
        this.problem(name, `${this.shown(name)} ${message}`);
    }
    shown(name) {
        const value = this.raw(name);
        const secrets = SECRET_INPUTS.map((input) => this.raw(input)).filter((s) => s.length >= 4);
        const secret = SECRET_INPUTS.includes(name) || secrets.some((s) => value.includes(s));
        return secret ? 'the value given' : (0,_words_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .T)(value);
    }
    problem(name, message) {
        const line = this.place.lineOf?.(name);
        const source = this.place.sourceOf?.(name);
        this.problems.push({
            input: this.nameOf(name),
            message,
            ...(this.place.file ? { file: this.place.file } : {}),
            ...(line === undefined ? {} : { line }),
            ...(source ? { source } : {}),
        });
    }
    add(problems) {
        this.problems.push(...problems);
    }
    nameOf(name) {
        return this.place.nameOf?.(name) ?? name;
    }
    /** Where the lines of the multi-line value `name` (items) sit, for parseItems. */
    itemsSource(name) {
        const { file, lineWithin } = this.place;
        const source = this.place.sourceOf?.(name);
        return {
            input: this.nameOf(name),
            ...(file ? { file } : {}),
            ...(source ? { source } : {}),
            ...(lineWithin ? { lineOf: (n) => lineWithin(name, n) ?? n } : {}),
        };
    }
}


/***/ }),

/***/ 6940:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   kI: () => (/* binding */ scheduleValues),
/* harmony export */   rK: () => (/* binding */ csvCell),
/* harmony export */   sn: () => (/* binding */ endValues),
/* harmony export */   wD: () => (/* binding */ itemLine)
/* harmony export */ });
/* harmony import */ var luxon__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8714);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3885);


/** An item as a line of `items`: `SOURCE, DESTINATION[, RECURSIVE]`, quoted as CSV needs. */
function itemLine(item) {
    // Written out rather than mapped and joined: a plan writes every item of a new timer.
    const paths = `${csvCell(item.source_path)}, ${csvCell(item.destination_path)}`;
    return item.recursive === undefined ? paths : `${paths}, ${String(item.recursive)}`;
}
/** A CSV cell as the items reader reads it back: quoted when it holds a comma, quote or padding. */
function csvCell(value) {
    return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/**
 * A Timers date-time in the zone the user writes times in (the `timezone` input):
 * `2026-12-01T02:00 America/Chicago`; seconds only when there are some.
 */
function formatTime(wire, zone = 'UTC') {
    // A time without an offset is UTC, as Timers and the comparison read it.
    const time = luxon__WEBPACK_IMPORTED_MODULE_0__/* .DateTime */ .c9.fromISO(wire, { zone: 'utc' }).setZone(zone);
    if (!time.isValid)
        return wire;
    const format = time.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
    return `${time.toFormat(format)} ${zone}`;
}
/**
 * A schedule as the inputs that make it: `interval`, `start`, `stop-after-runs`,
 * `stop-after-date` (a run-once timer is `stop-after-runs: 1`), times in `zone`.
 */
function scheduleValues(schedule, zone) {
    if (!schedule)
        return {};
    if (schedule.type === 'once') {
        return {
            'stop-after-runs': '1',
            ...(schedule.datetime ? { start: formatTime(schedule.datetime, zone) } : {}),
        };
    }
    return {
        interval: (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(schedule.interval_seconds),
        ...(schedule.start ? { start: formatTime(schedule.start, zone) } : {}),
        ...endValues(schedule.end, zone),
    };
}
/** A recurring timer's end condition as the input that sets it. */
function endValues(end, zone) {
    if (end?.condition === 'iterations')
        return { 'stop-after-runs': String(end.count) };
    if (end?.condition === 'time')
        return { 'stop-after-date': formatTime(end.datetime, zone) };
    return {};
}


/***/ }),

/***/ 1121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ formatProblem),
/* harmony export */   d: () => (/* binding */ InputError)
/* harmony export */ });
/** Raised before any request when the inputs cannot describe a valid operation. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
/** `interval (line 4): …`; a value from spec-file defaults: `interval (from defaults:, line 3): …`. */
function formatProblem(problem) {
    const line = problem.line === undefined ? [] : [`line ${problem.line}`];
    const where = [...(problem.source ? [problem.source] : []), ...line].join(', ');
    return `${problem.input}${where ? ` (${where})` : ''}: ${problem.message}`;
}


/***/ }),

/***/ 208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ describeSchedule),
/* harmony export */   FN: () => (/* binding */ justPassed),
/* harmony export */   GL: () => (/* binding */ buildSchedule),
/* harmony export */   H1: () => (/* binding */ MAX_INTERVAL_SECONDS),
/* harmony export */   Lt: () => (/* binding */ START_TOLERANCE_SECONDS),
/* harmony export */   N5: () => (/* binding */ MIN_INTERVAL_SECONDS),
/* harmony export */   cK: () => (/* binding */ firstRun),
/* harmony export */   dY: () => (/* binding */ nextTick)
/* harmony export */ });
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3885);
/* harmony import */ var _datetime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(400);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1121);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5846);




const MIN_INTERVAL_SECONDS = 60;
/**
 * Starts this close count as the same start. A start that passed moments before a timer is
 * created is sent as "now", so the service's start may trail the one asked for by this much.
 */
const START_TOLERANCE_SECONDS = 60;
const MAX_INTERVAL_SECONDS = 365 * 86400;
/**
 * Inputs → Timers schedule. Given both stop conditions, they are weighed from the timer's first
 * run: the start, its next tick when it has passed (create-request.ts moves it there), or `now`
 * for an omitted start. Throws an InputError when no schedule fits.
 */
function buildSchedule(request, now) {
    const { intervalSeconds, start, stopAfterRuns, stopAfterDate } = request;
    const notices = [];
    if (stopAfterRuns === 1) {
        if (intervalSeconds !== undefined) {
            notices.push('interval is ignored: stop-after-runs 1 makes a run-once timer');
        }
        return { schedule: once(start), notices };
    }
    if (intervalSeconds === undefined) {
        throw new _problems_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d([{ input: 'interval', message: 'required unless stop-after-runs is 1' }]);
    }
    const schedule = { type: 'recurring', interval_seconds: intervalSeconds };
    if (start)
        schedule.start = (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(start);
    const first = start ? firstRun(start, intervalSeconds, now) : now;
    const firstText = first.equals(now) ? 'now' : (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(first);
    const end = chooseEnd({ first, firstText, intervalSeconds }, stopAfterRuns, stopAfterDate, notices);
    if (end)
        schedule.end = end;
    if (stopAfterRuns === undefined || !stopAfterDate)
        return { schedule, notices };
    const stopConditions = [
        { condition: 'iterations', count: stopAfterRuns },
        { condition: 'time', datetime: (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(stopAfterDate) },
    ];
    return { schedule, stopConditions, notices };
}
function once(start) {
    return start ? { type: 'once', datetime: (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(start) } : { type: 'once' };
}
/** When a recurring timer with this start, created at `now`, runs first. */
function firstRun(start, intervalSeconds, now) {
    if (start >= now)
        return start;
    return justPassed(start, now) ? now : nextTick(start, intervalSeconds, now);
}
/** A start that passed within the tolerance: sent as "now" (left out). */
function justPassed(start, now) {
    return start < now && start >= now.minus({ seconds: START_TOLERANCE_SECONDS });
}
/** The first tick `start + n·interval` (n ≥ 0) that is not in the past. */
function nextTick(start, intervalSeconds, now) {
    const ticks = Math.ceil(now.diff(start).as('seconds') / intervalSeconds);
    return start.plus({ seconds: ticks * intervalSeconds });
}
/**
 * Timers takes one end condition; given both, the one that comes first is the one that binds.
 * Run N is at `first + (N-1)·interval`; a stop date lets every run on or before it happen.
 */
function chooseEnd(runs, count, date, notices) {
    const byRuns = count === undefined ? undefined : { condition: 'iterations', count };
    const byDate = date === undefined ? undefined : { condition: 'time', datetime: (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(date) };
    if (count === undefined || !date)
        return byRuns ?? byDate;
    const last = runAt(runs, count);
    if (last <= date) {
        notices.push(`stop-after-runs ${count} ends the timer first: its ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(count, 'run')} (from ${runs.firstText} to ${(0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(last)}) all come before stop-after-date ${(0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(date)}`);
        return byRuns;
    }
    notices.push(`stop-after-date ${(0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(date)} ends the timer first: ${runsBefore(runs, date, count)}`);
    return byDate;
}
function runAt(runs, n) {
    return runs.first.plus({ seconds: (n - 1) * runs.intervalSeconds });
}
/**
 * How many runs fall on or before `date`, in words. Inputs refuse a date before the first run,
 * but `update` weighs a live timer's start, which they did not see.
 */
function runsBefore(runs, date, count) {
    const made = Math.floor(date.diff(runs.first).as('seconds') / runs.intervalSeconds) + 1;
    if (made < 1) {
        return `it comes before the timer's first run (${runs.firstText}); the timer will not run`;
    }
    if (made === 1) {
        return `the timer runs once (${runs.firstText}), not ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(count, 'time')} (stop-after-runs)`;
    }
    const last = (0,_datetime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatWireDateTime */ .M4)(runAt(runs, made));
    return `the timer runs ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(made, 'time')} (from ${runs.firstText} to ${last}), not ${count} (stop-after-runs)`;
}
/**
 * "every 1d, from 2026-12-01T02:00 UTC, 3 runs" — for logs and summaries; `time` writes each
 * time (as Timers gives it, by default).
 */
function describeSchedule(schedule, time = (wire) => wire) {
    if (schedule.type === 'once')
        return `once, ${schedule.datetime ? time(schedule.datetime) : 'now'}`;
    const parts = [`every ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a)(schedule.interval_seconds)}`];
    if (schedule.start)
        parts.push(`from ${time(schedule.start)}`);
    if (schedule.end?.condition === 'iterations')
        parts.push((0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .plural */ .L)(schedule.end.count, 'run'));
    if (schedule.end?.condition === 'time')
        parts.push(`until ${time(schedule.end.datetime)}`);
    return parts.join(', ');
}


/***/ }),

/***/ 4860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ readTimerFields),
/* harmony export */   s: () => (/* binding */ requireWholeTimer)
/* harmony export */ });
/* harmony import */ var _datetime_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(400);
/* harmony import */ var _flow_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9267);
/* harmony import */ var _transfer_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7597);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4888);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(208);





/**
 * Reads the inputs that describe a timer (shared by the action's inputs and spec-file entries):
 * its name and schedule, and what its runs do — a transfer or a flow. Bad values become
 * problems in `reader`; what is fine is returned.
 */
async function readTimerFields(reader, context) {
    const name = reader.raw('name') || undefined;
    if (name !== undefined && /[\r\n]/.test(name))
        reader.valueProblem('name', 'must be a single line');
    const given = (inputs) => inputs.filter((input) => reader.raw(input) !== '');
    const flowGiven = given(_flow_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .FLOW_INPUTS */ .h);
    const transferGiven = given(_transfer_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSFER_INPUTS */ .qV);
    if (flowGiven.length > 0 && transferGiven.length > 0) {
        reader.problem(flowGiven[0] ?? 'flow-id', `a flow timer takes no transfer inputs, but ${transferGiven.join(', ')} ${transferGiven.length > 1 ? 'are' : 'is'} given too: give one kind`);
    }
    const kind = flowGiven.length > 0 ? 'flow' : transferGiven.length > 0 ? 'transfer' : undefined;
    return {
        ...(name === undefined ? {} : { name }),
        ...(kind === undefined ? {} : { kind }),
        schedule: readSchedule(reader, context.now),
        transfer: await (0,_transfer_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readTransferFields */ .re)(reader, context.workspace),
        flow: await (0,_flow_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readFlowFields */ .O)(reader, context.workspace),
    };
}
/**
 * What a whole timer needs (apply, plan, create, every spec-file entry), each missing input a
 * problem: what its runs do — a flow, or a transfer's endpoints and items — and an interval
 * unless it runs once.
 */
function requireWholeTimer(reader, timer) {
    const given = (name) => reader.raw(name) !== '';
    if (timer.kind === 'flow') {
        if (!given('flow-id'))
            reader.problem('flow-id', 'required: the flow the timer starts');
    }
    else {
        for (const name of ['source-endpoint', 'destination-endpoint']) {
            if (!given(name))
                reader.problem(name, 'required');
        }
        if (!given('items') && !given('items-file')) {
            reader.problem('items', 'required (or items-file): what to transfer');
        }
    }
    const runsUnreadable = given('stop-after-runs') && timer.schedule.stopAfterRuns === undefined;
    if (!given('interval') && timer.schedule.stopAfterRuns !== 1 && !runsUnreadable) {
        reader.problem('interval', 'required unless stop-after-runs is 1');
    }
}
const ONE_YEAR_SECONDS = 365 * 86400;
/**
 * The schedule inputs, with every check that needs no network made now: a run-once start or a
 * stop date that has passed, a stop date before the start or before the first run.
 */
function readSchedule(reader, now) {
    const zone = reader.optional('timezone', _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .timezone */ .sg) ?? 'UTC';
    // Kept for plans, which show times in it; UTC, the default, is what they show anyway.
    const request = zone === 'UTC' ? {} : { timezone: zone };
    const intervalSeconds = reader.optional('interval', _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .interval */ .YP);
    if (intervalSeconds !== undefined)
        request.intervalSeconds = intervalSeconds;
    const runs = reader.optional('stop-after-runs', _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .positiveInteger */ .Cq);
    if (runs !== undefined)
        request.stopAfterRuns = runs;
    const start = reader.optional('start', _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .dateTime */ .KQ(zone));
    if (start && start.diff(now()).as('seconds') > ONE_YEAR_SECONDS) {
        reader.valueProblem('start', 'must be within one year from now (a Globus Timers limit)');
    }
    else if (start && runs === 1 && start < now()) {
        reader.valueProblem('start', 'has passed; a run-once timer needs a future start (or no start, to run now)');
    }
    else if (start) {
        request.start = start;
    }
    const date = reader.optional('stop-after-date', _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .dateTime */ .KQ(zone));
    const problem = date && stopDateProblem(date, request, now());
    if (problem)
        reader.valueProblem('stop-after-date', problem);
    else if (date)
        request.stopAfterDate = date;
    return request;
}
/** Why a stop date would stop the timer before it ever runs; undefined when it would not. */
function stopDateProblem(date, request, now) {
    const { start, intervalSeconds } = request;
    if (date <= now)
        return 'has passed; the timer would never run';
    if (start && date <= start)
        return 'must be after start';
    if (start && intervalSeconds !== undefined) {
        const first = (0,_schedule_js__WEBPACK_IMPORTED_MODULE_3__/* .firstRun */ .cK)(start, intervalSeconds, now);
        if (date < first) {
            return `comes before the first run (${(0,_datetime_js__WEBPACK_IMPORTED_MODULE_4__/* .formatWireDateTime */ .M4)(first)}); the timer would never run`;
        }
    }
    return undefined;
}


/***/ }),

/***/ 7597:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $p: () => (/* binding */ BOOLEAN_INPUTS),
  qV: () => (/* binding */ TRANSFER_INPUTS),
  nQ: () => (/* binding */ TRANSFER_ONLY_INPUTS),
  re: () => (/* binding */ readTransferFields)
});

// EXTERNAL MODULE: ./src/timer/fields.ts
var fields = __webpack_require__(4888);
;// CONCATENATED MODULE: ./src/timer/items-lines.ts
/*
 * The items format's fast path. csv-parse (with the options parseItems passes it) reads a large
 * file slowly and keeps an object per record; nearly every real items line is plain — paths
 * and commas, maybe a "quoted" path — and is split here in one pass instead. Anything this
 * reader is not certain csv-parse would read the same way makes it give up (false), and
 * parseItems then hands the whole text to csv-parse, so odd input keeps csv-parse's exact
 * records and error messages (`__tests__/timer/items-lines.test.ts` holds the two together).
 *
 * What csv-parse does with those options, and so what is copied here:
 * - a record ends at the first of `\r\n`, `\n` or `\r` met in the text, then only at that one;
 * - leading white space (String.prototype.trim's set) is skipped; a `#` after it, on a line's
 *   first field, makes the line a comment; a line with nothing left is skipped;
 * - an unquoted field runs to the next comma and is trimmed at both ends;
 * - a field opening with `"` runs to the closing `"` (`""` stands for one quote), untrimmed,
 *   and only blanks may follow it before the comma or line end.
 */
/** The options parseItems reads the items format with in csv-parse (the fast path's model). */
const ITEMS_CSV_OPTIONS = {
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
};
/** Blanks csv-parse skips after a closing quote without complaint: single bytes of its trim set. */
const AFTER_QUOTE = new Set([' ', '\t', '\v', '\f']);
/**
 * Hands each record of `text` with its line to `onRecord`, as csv-parse would read them (one at
 * a time, so no list of 100,000 records is built); false, perhaps part way, when the text needs
 * csv-parse itself: a quote it might read otherwise, a line end other than the file's, a quoted
 * field over several lines, or malformed UTF-16 (which csv-parse would re-encode).
 */
function splitItemsLines(text, onRecord) {
    if (!text.isWellFormed())
        return false;
    const end = lineEnd(text);
    if (end === undefined)
        return false;
    let line = 0;
    let start = 0;
    while (start <= text.length) {
        line += 1;
        let stop = text.indexOf(end, start);
        if (stop === -1)
            stop = text.length;
        const content = text.slice(start, stop);
        start = stop + end.length;
        // csv-parse counts every \r and \n as a line; a stray one (in a \r\n file) is its to read.
        if (end === '\r\n' && (content.includes('\n') || content.includes('\r')))
            return false;
        const fields = fieldsOf(content);
        if (fields === undefined)
            return false;
        if (fields !== null)
            onRecord(fields, line);
    }
    return true;
}
/** `\n` or `\r\n`, whichever ends the first line; undefined for a `\r` in a `\n` file, or a lone one. */
function lineEnd(text) {
    const first = text.search(/[\r\n]/);
    if (first === -1)
        return '\n';
    if (text[first] === '\n')
        return text.includes('\r') ? undefined : '\n';
    return text[first + 1] === '\n' ? '\r\n' : undefined;
}
/** A line's fields; null for a blank or comment line; undefined when csv-parse must read it. */
function fieldsOf(content) {
    const first = content.trimStart();
    if (first === '' || first[0] === '#')
        return null;
    if (!content.includes('"'))
        return content.split(',').map((field) => field.trim());
    return quotedFields(content);
}
/** Fields of a line with quotes: each either unquoted (no quote in it) or one whole "…". */
function quotedFields(content) {
    const fields = [];
    let pos = 0;
    for (;;) {
        const start = pos;
        while (pos < content.length && content.charAt(pos).trim() === '')
            pos += 1;
        if (content[pos] !== '"') {
            const comma = content.indexOf(',', pos);
            const raw = content.slice(start, comma === -1 ? content.length : comma);
            // A quote inside an unquoted field is an error csv-parse words itself.
            if (raw.includes('"'))
                return undefined;
            fields.push(raw.trim());
            if (comma === -1)
                return fields;
            pos = comma + 1;
            continue;
        }
        const quoted = closeQuote(content, pos + 1);
        if (quoted === undefined)
            return undefined;
        pos = quoted.next;
        while (AFTER_QUOTE.has(content.charAt(pos)))
            pos += 1;
        fields.push(quoted.value);
        if (pos === content.length)
            return fields;
        if (content[pos] !== ',')
            return undefined;
        pos += 1;
    }
}
/** The value of a quoted field whose text starts at `from`, and the index after its closing quote. */
function closeQuote(content, from) {
    let value = '';
    let pos = from;
    for (;;) {
        const quote = content.indexOf('"', pos);
        // Unclosed on this line: a field that goes on over the line end, or an error.
        if (quote === -1)
            return undefined;
        if (content[quote + 1] === '"') {
            value += content.slice(pos, quote + 1);
            pos = quote + 2;
            continue;
        }
        return { value: value + content.slice(pos, quote), next: quote + 1 };
    }
}

// EXTERNAL MODULE: ./src/timer/workspace-file.ts
var workspace_file = __webpack_require__(4987);
// EXTERNAL MODULE: ./src/words.ts
var words = __webpack_require__(5846);
;// CONCATENATED MODULE: ./src/timer/items.ts



const TRUE_WORDS = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'f', 'false', 'off', '0']);
/**
 * Reads items in the retired timer CLI's `--items-file` format: `SOURCE, DESTINATION[, RECURSIVE]`
 * a line, `#` comment lines, blank lines ignored, CSV quoting for commas and quotes in paths.
 */
async function parseItems(text, source) {
    const problem = (line, message) => ({
        input: source.input,
        message,
        line: source.lineOf ? source.lineOf(line) : line,
        ...(source.file ? { file: source.file } : {}),
        ...(source.source ? { source: source.source } : {}),
    });
    let items = [];
    let problems = [];
    const take = (record, line) => {
        const read = readItem(record);
        if (typeof read === 'string')
            problems.push(problem(line, read));
        else
            items.push(read);
    };
    if (!splitItemsLines(text, take)) {
        // Lines the fast path cannot vouch for: csv-parse reads the whole text, as it always did.
        items = [];
        problems = [];
        // Loaded only then: most steps, and most items, never need it.
        const { parse, CsvError } = await __webpack_require__.e(/* import() */ 175).then(__webpack_require__.bind(__webpack_require__, 5175));
        try {
            // Each record is taken as it is read (on_record returns null: nothing is kept), so no
            // record or per-record info object outlives its line.
            parse(text, {
                ...ITEMS_CSV_OPTIONS,
                on_record: (record, info) => {
                    take(record, info.lines);
                    return null;
                },
            });
        }
        catch (error) {
            if (error instanceof CsvError) {
                const line = error.lines ?? 1;
                return { items: [], problems: [problem(line, `not valid CSV: ${error.message}`)] };
            }
            throw error;
        }
    }
    if (items.length === 0 && problems.length === 0) {
        problems.push({ input: source.input, message: 'holds no items', ...fileOf(source) });
    }
    return { items, problems };
}
function fileOf(source) {
    return source.file ? { file: source.file } : {};
}
/** One CSV record → an item, or what is wrong with it. */
function readItem(record) {
    if (record.length < 2 || record.length > 3) {
        return `expected "SOURCE_PATH, DESTINATION_PATH[, RECURSIVE]", found ${(0,words/* plural */.L)(record.length, 'field')}`;
    }
    const [sourcePath = '', destinationPath = '', recursiveText] = record;
    if (!sourcePath)
        return 'the source path is empty';
    if (!destinationPath)
        return 'the destination path is empty';
    const control = (0,workspace_file/* controlCharacterIn */.k2)(sourcePath + destinationPath);
    if (control)
        return `a path holds a control character (${control})`;
    const item = {
        DATA_TYPE: 'transfer_item',
        source_path: sourcePath,
        destination_path: destinationPath,
    };
    if (recursiveText === undefined || recursiveText === '')
        return item;
    const word = recursiveText.toLowerCase();
    if (TRUE_WORDS.has(word))
        return { ...item, recursive: true };
    if (FALSE_WORDS.has(word))
        return { ...item, recursive: false };
    return `RECURSIVE must be true or false (or yes/no, on/off, 1/0), found "${recursiveText}"`;
}

;// CONCATENATED MODULE: ./src/timer/transfer-fields.ts



/** Boolean inputs → body options, with the defaults action.yml declares. */
const BOOLEAN_INPUTS = [
    ['verify-checksum', 'verify_checksum', true],
    ['encrypt-data', 'encrypt_data', false],
    ['preserve-timestamp', 'preserve_timestamp', false],
    ['delete-destination-extra', 'delete_destination_extra', false],
    ['skip-source-errors', 'skip_source_errors', false],
    ['fail-on-quota-errors', 'fail_on_quota_errors', false],
];
/** The inputs that say "this is a transfer timer" (the options have defaults; these do not). */
const TRANSFER_INPUTS = ['source-endpoint', 'destination-endpoint', 'items', 'items-file'];
/**
 * Every input only a transfer timer reads: those above and the transfer's options (a spec
 * file's `defaults:` gives a flow timer none of them).
 */
const TRANSFER_ONLY_INPUTS = [
    ...TRANSFER_INPUTS,
    'label',
    'sync-level',
    ...BOOLEAN_INPUTS.map(([input]) => input),
    'include',
    'exclude',
    'notify',
    'data-access',
];
/** Reads the transfer inputs; bad values become problems in `reader`. */
async function readTransferFields(reader, workspace) {
    const options = {};
    const defaulted = [];
    for (const [input, option, fallback] of BOOLEAN_INPUTS) {
        const value = reader.optional(input, fields/* boolean */.zM);
        options[option] = value ?? fallback;
        if (options[option] === fallback)
            defaulted.push(option);
    }
    const label = reader.optional('label', fields/* label */.Pf);
    if (label !== undefined)
        options.label = label;
    const syncLevel = reader.optional('sync-level', fields/* syncLevel */.kf);
    if (syncLevel !== undefined)
        options.sync_level = syncLevel;
    const rules = fields/* filterRules */.eX(reader.raw('include'), reader.raw('exclude'));
    if (rules.length > 0)
        options.filter_rules = rules;
    Object.assign(options, reader.optional('notify', fields/* notify */.me));
    return {
        ...defined('sourceEndpoint', reader.optional('source-endpoint', fields/* uuid */.uR)),
        ...defined('destinationEndpoint', reader.optional('destination-endpoint', fields/* uuid */.uR)),
        ...defined('items', await readItemsInput(reader, workspace)),
        options,
        defaulted,
    };
}
function defined(key, value) {
    return (value === undefined ? {} : { [key]: value });
}
async function readItemsInput(reader, workspace) {
    const inline = reader.raw('items');
    const file = reader.raw('items-file');
    if (inline && file) {
        reader.problem('items', 'give items or items-file, not both');
        return undefined;
    }
    if (inline)
        return keepItems(reader, await parseItems(inline, reader.itemsSource('items')));
    if (!file)
        return undefined;
    const read = (0,workspace_file/* readWorkspaceFile */.sL)(file, workspace);
    if ('problem' in read) {
        reader.add([
            {
                input: reader.nameOf('items-file'),
                message: read.problem,
                ...(read.line === undefined ? {} : { file, line: read.line }),
            },
        ]);
        return undefined;
    }
    return keepItems(reader, await parseItems(read.text, { input: reader.nameOf('items-file'), file }));
}
function keepItems(reader, parsed) {
    reader.add(parsed.problems);
    return parsed.problems.length === 0 ? parsed.items : undefined;
}


/***/ }),

/***/ 4987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k2: () => (/* binding */ controlCharacterIn),
/* harmony export */   sL: () => (/* binding */ readWorkspaceFile)
/* harmony export */ });
/* unused harmony export decodeText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8431);



/** Control characters other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
function readWorkspaceFile(path, workspace) {
    const where = '(paths are relative to the workspace)';
    let real;
    let bytes;
    try {
        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path));
        bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(real);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { problem: `${path}: not found ${where}` };
        if (code === 'EISDIR')
            return { problem: `${path}: is a directory, not a file` };
        return { problem: `${path}: unreadable (${code ?? 'error'}) ${where}` };
    }
    if (!inside(real, workspace)) {
        return { problem: `${path}: lies outside the workspace (symlinks followed: ${real})` };
    }
    return decodeText(path, bytes);
}
/** `bytes` as text, or why they are not text a timer may be made from. */
function decodeText(path, bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    }
    catch {
        return { problem: `${path}: is not UTF-8 text (a binary or compressed file?)` };
    }
    const control = CONTROL.exec(text);
    if (!control)
        return { text };
    return {
        problem: `${path}: holds a control character (${codePoint(control[0])}); is it a text file?`,
        line: text.slice(0, control.index).split('\n').length,
    };
}
/** The first control character in a value, as `U+001B`; undefined when there is none. */
function controlCharacterIn(value) {
    const control = CONTROL.exec(value);
    return control ? codePoint(control[0]) : undefined;
}
function codePoint(char) {
    return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
function inside(file, workspace) {
    let root;
    try {
        root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(workspace);
    }
    catch {
        root = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace);
    }
    // The workspace itself is no file inside it (a workspace given as a file's path).
    return file !== root && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isWithin */ .U)(file, root);
}


/***/ }),

/***/ 5565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ yamlErrorText)
/* harmony export */ });
/**
 * A YAML (or JSON) parse error in one line: the parser's first line without its trailing
 * ` at line 3, column 1:` (which introduces a code excerpt we do not print), and where it is.
 */
function yamlErrorText(error) {
    const [first = ''] = error.message.split('\n');
    const message = first.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
    const position = error.linePos?.[0];
    return {
        message: position ? `${message} (column ${position.col})` : message,
        ...(position ? { line: position.line } : {}),
    };
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

//# sourceMappingURL=528.index.js.map