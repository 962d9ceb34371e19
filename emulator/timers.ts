/**
 * The Timers API (REFERENCE §4): create with `POST /v2/timer`, then list, show, rename,
 * delete, pause and resume under `/jobs/`. Every route wants a live Timers token, and a client
 * only ever sees its own timers (anyone else's are 404, as if they did not exist).
 */
import {
  type ApiRequest,
  type ApiResponse,
  bearerToken,
  isRecord,
  parseJson,
  respond,
} from './http.js';
import { newUuid } from './ids.js';
import { consentRequiredError, requiredDataAccess } from './runs.js';
import { TIMERS_RESOURCE_SERVER, timerScopeChain } from './scopes.js';
import type { AccessToken, EmulatorState, Timer } from './state.js';
import {
  type PageRequest,
  decodePageToken,
  jobDocument,
  runCounts,
  v2TimerDocument,
} from './timer-documents.js';
import { QueryReader, listTimers, readListQuery } from './timer-list.js';
import {
  type ValidationIssue,
  validateTimerCreate,
  validateTimerUpdate,
} from './timer-validation.js';

type Route = (
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
) => ApiResponse;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTES: { pattern: RegExp; methods: Record<string, Route> }[] = [
  { pattern: /^\/v2\/timer$/, methods: { POST: createTimer } },
  { pattern: /^\/jobs\/$/, methods: { GET: listJobs, POST: legacyCreate } },
  { pattern: /^\/jobs\/([^/]+)$/, methods: { GET: showJob, PATCH: renameJob, DELETE: deleteJob } },
  { pattern: /^\/jobs\/([^/]+)\/pause$/, methods: { POST: pauseJob } },
  { pattern: /^\/jobs\/([^/]+)\/resume$/, methods: { POST: resumeJob } },
];

export function timersError(status: number, code: string, detail: string): ApiResponse {
  return respond(status, { error: { code, detail, status } });
}

const validationError = (issues: ValidationIssue[]): ApiResponse =>
  respond(422, { detail: issues });

const unauthenticated = (detail: string): ApiResponse =>
  respond(
    401,
    { error: { code: 'AUTHENTICATION_ERROR', detail, status: 401 } },
    { 'WWW-Authenticate': 'Bearer' },
  );

export function handleTimers(request: ApiRequest, state: EmulatorState): ApiResponse {
  const route = ROUTES.find(({ pattern }) => pattern.test(request.path));
  if (!route) return redirectToSibling(request) ?? respond(404, { detail: 'Not Found' });
  const handler = route.methods[request.method];
  if (!handler) return respond(405, { detail: 'Method Not Allowed' });

  const presented = bearerToken(request);
  const token = state.activeToken(presented);
  if (!presented) return unauthenticated('Missing bearer token');
  if (!token) return unauthenticated('Token is invalid, expired or revoked');
  if (token.resourceServer !== TIMERS_RESOURCE_SERVER) {
    return unauthenticated('Token is not valid for the Timers service');
  }
  const id = route.pattern.exec(request.path)?.[1] ?? '';
  if (id && !UUID.test(id)) {
    const name = request.method === 'DELETE' ? 'timer_id' : 'job_id';
    return validationError([
      { loc: ['path', name], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
    ]);
  }
  return handler(request, state, token, id.toLowerCase());
}

/** Like the real (FastAPI) service: `/jobs` answers 307 to `/jobs/`, keeping the query. */
function redirectToSibling(request: ApiRequest): ApiResponse | undefined {
  const { path } = request;
  const sibling = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  if (!ROUTES.some(({ pattern }) => pattern.test(sibling))) return undefined;
  const query = request.query.toString();
  const host = request.headers.host ?? '127.0.0.1';
  const location = `http://${host}${request.mount}${sibling}${query ? `?${query}` : ''}`;
  return respond(307, undefined, { Location: location });
}

function createTimer(request: ApiRequest, state: EmulatorState, caller: AccessToken): ApiResponse {
  const parsed = parseJson(request.rawBody);
  if (!parsed.ok) return validationError([bodyProblem(parsed.empty)]);
  const validation = validateTimerCreate(parsed.value, state.now());
  if (!validation.ok) return validationError(validation.issues);
  const { name, schedule, body } = validation.timer;

  const required = requiredDataAccess({ body }, state);
  const missing = required.filter((id) => !caller.dataAccess.includes(id));
  if (state.config.create_requires_data_access && missing.length > 0) {
    const message = 'Missing required data_access consent';
    return respond(
      403,
      consentRequiredError([timerScopeChain(required)], 'ConsentRequired', message),
    );
  }
  const timer: Timer = {
    id: newUuid(),
    ownerClientId: caller.clientId,
    name,
    schedule,
    body,
    submittedAt: state.now(),
    status: 'new',
    inactiveReason: null,
    nextRun: schedule.type === 'once' ? schedule.datetime : schedule.start,
    lastRanAt: null,
    results: [],
    dataAccess: [...caller.dataAccess],
    nextRunFailure: null,
  };
  state.timers.set(timer.id, timer);
  return respond(201, { timer: v2TimerDocument(timer, state) });
}

function bodyProblem(empty: boolean): ValidationIssue {
  return empty
    ? { loc: ['body'], msg: 'field required', type: 'value_error.missing' }
    : { loc: ['body', 0], msg: 'Expecting value', type: 'value_error.jsondecode' };
}

/** The v1 job submission is retired for transfer timers; clients must use `POST /v2/timer`. */
function legacyCreate(): ApiResponse {
  return timersError(
    410,
    'GONE',
    'Legacy job submission is not supported here; use POST /v2/timer',
  );
}

function listJobs(request: ApiRequest, state: EmulatorState, caller: AccessToken): ApiResponse {
  const reader = new QueryReader(request.query);
  const query = readListQuery(reader);
  if (reader.issues.length > 0) return validationError(reader.issues);
  const page = { offset: 0, size: query.resultCount ?? state.config.results_page_size };
  const jobs = listTimers(state, caller.clientId, query).map((timer) =>
    jobDocument(timer, state, page),
  );
  return respond(200, { jobs });
}

/** The caller's own timer; someone else's is as invisible as one that does not exist. */
function ownTimer(state: EmulatorState, caller: AccessToken, id: string): Timer | undefined {
  const timer = state.timers.get(id);
  return timer?.ownerClientId === caller.clientId ? timer : undefined;
}

const notFound = (id: string): ApiResponse =>
  timersError(404, 'NOT_FOUND', `No timer with id '${id}' was found`);

const isBeingDeleted = (timer: Timer) =>
  timer.status === 'delete_in_progress' || timer.status === 'deleted';

function conflict(timer: Timer, action: string): ApiResponse {
  return timersError(
    409,
    'CONFLICT',
    `Cannot ${action} timer ${timer.id}: its status is '${timer.status}'`,
  );
}

function showJob(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const reader = new QueryReader(request.query);
  const size = reader.integer('page_size', 1) ?? state.config.results_page_size;
  const token = reader.string('results_pt');
  const offset = token === undefined ? 0 : decodePageToken(token);
  if (offset === undefined) reader.invalid('results_pt', 'invalid page token');
  if (reader.issues.length > 0 || offset === undefined) return validationError(reader.issues);
  const timer = ownTimer(state, caller, id);
  if (!timer) return notFound(id);
  const page: PageRequest = { offset, size };
  return respond(200, jobDocument(timer, state, page));
}

function firstPage(state: EmulatorState): PageRequest {
  return { offset: 0, size: state.config.results_page_size };
}

function renameJob(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const parsed = parseJson(request.rawBody);
  if (!parsed.ok) return validationError([bodyProblem(parsed.empty)]);
  const update = validateTimerUpdate(parsed.value);
  if (!update.ok) return validationError(update.issues);
  const timer = ownTimer(state, caller, id);
  if (!timer) return notFound(id);
  if (isBeingDeleted(timer)) return conflict(timer, 'update');
  if (update.name !== undefined) timer.name = update.name;
  return respond(200, jobDocument(timer, state, firstPage(state)));
}

/** Deletion is asynchronous: `delete_in_progress` now, `deleted` after the next clock advance. */
function deleteJob(
  _request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const timer = ownTimer(state, caller, id);
  if (!timer) return notFound(id);
  if (!isBeingDeleted(timer)) timer.status = 'delete_in_progress';
  return respond(200, jobDocument(timer, state, firstPage(state)));
}

function pauseJob(
  _request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const timer = ownTimer(state, caller, id);
  if (!timer) return notFound(id);
  if (isBeingDeleted(timer) || timer.status === 'ended') return conflict(timer, 'pause');
  timer.status = 'inactive';
  timer.inactiveReason = { cause: 'user', detail: null };
  return respond(200, { message: `Successfully paused job ${timer.id}.` });
}

/**
 * `update_credentials` comes as a query parameter (spec, JS SDK) or in a JSON body (Python
 * SDK, official CLI). When omitted, credentials are renewed if the timer stopped for auth
 * requirements. A tick missed while inactive is still pending, so it runs at the next advance.
 */
function resumeJob(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const reader = new QueryReader(request.query);
  const fromQuery = reader.boolean('update_credentials');
  const fromBody = bodyUpdateCredentials(request.rawBody);
  if (fromBody === 'invalid') {
    const msg = 'value could not be parsed to a boolean';
    return validationError([{ loc: ['body', 'update_credentials'], msg, type: 'type_error.bool' }]);
  }
  if (reader.issues.length > 0) return validationError(reader.issues);
  const timer = ownTimer(state, caller, id);
  if (!timer) return notFound(id);
  if (isBeingDeleted(timer) || timer.status === 'ended') return conflict(timer, 'resume');

  const updateCredentials =
    fromQuery ?? fromBody ?? timer.inactiveReason?.cause === 'globus_auth_requirements';
  if (updateCredentials) timer.dataAccess = [...caller.dataAccess];
  if (timer.status === 'inactive') {
    timer.status = runCounts(timer).runs > 0 ? 'loaded' : 'new';
    timer.inactiveReason = null;
  }
  return respond(200, { message: `Successfully resumed job ${timer.id}.` });
}

function bodyUpdateCredentials(rawBody: string): boolean | undefined | 'invalid' {
  const parsed = parseJson(rawBody);
  if (!parsed.ok) return parsed.empty ? undefined : 'invalid';
  if (!isRecord(parsed.value)) return undefined;
  const value = parsed.value.update_credentials;
  if (value === undefined || value === null) return undefined;
  return typeof value === 'boolean' ? value : 'invalid';
}
