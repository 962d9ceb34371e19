/**
 * The Timers API (its OpenAPI schema): create with `POST /v2/timer` (timer-create.ts), then list,
 * show, rename, delete, pause and resume under `/jobs/` (the routes on one timer are in
 * timer-jobs.ts).
 * Every route wants a live Timers token.
 */
import { type ApiRequest, type ApiResponse, bearerToken, respond } from './http.js';
import { TIMERS_RESOURCE_SERVER } from './scopes.js';
import type { AccessToken, EmulatorState } from './state.js';
import { createTimer, legacyCreate } from './timer-create.js';
import { jobDocument } from './timer-documents.js';
import { deleteJob, pauseJob, renameJob, resumeJob, showJob } from './timer-jobs.js';
import { QueryReader, listTimers, readListQuery } from './timer-list.js';
import { unauthenticated, validationError } from './timers-errors.js';

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
