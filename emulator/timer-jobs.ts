/**
 * The routes on one timer, `/jobs/{id}` and its `pause` / `resume`: show, rename, delete,
 * pause, resume. A client only ever works on its own timers; anyone else's are 404, as if they
 * did not exist, or 403 (setting `foreign_timer_status`). A deleted timer still answers, or is
 * gone (setting `deleted_timers`).
 */
import { type ApiRequest, type ApiResponse, isRecord, parseJson, respond } from './http.js';
import type { AccessToken, EmulatorState, Timer } from './state.js';
import { type PageRequest, decodePageToken } from './result-documents.js';
import { jobDocument, runCounts } from './timer-documents.js';
import { QueryReader } from './timer-list.js';
import { validateTimerUpdate } from './timer-validation.js';
import { bodyProblem, conflict, forbidden, notFound, validationError } from './timers-errors.js';

type Lookup = { found: true; timer: Timer } | { found: false; refusal: ApiResponse };

/**
 * The caller's own timer, or the answer to give instead. Nothing captured says whether Timers
 * hides someone else's timer (404, as if it did not exist) or refuses it (403); the setting
 * `foreign_timer_status` picks. DELETE looks timers up here: a deleted timer's answer to it is
 * `repeated_delete`'s.
 */
function ownTimer(state: EmulatorState, caller: AccessToken, id: string): Lookup {
  const timer = state.timers.get(id);
  if (timer?.ownerClientId === caller.clientId) return { found: true, timer };
  const refusal = timer && state.config.foreign_timer_status === 403 ? forbidden(id) : notFound(id);
  return { found: false, refusal };
}

/**
 * The caller's own timer for reading or changing it. The service keeps deleted timers in its
 * database (the Timers API documentation says so), but nothing captured says whether it still
 * shows them; under `deleted_timers: gone` a timer whose deletion finished is 404, as if it
 * never existed.
 */
function shownTimer(state: EmulatorState, caller: AccessToken, id: string): Lookup {
  const lookup = ownTimer(state, caller, id);
  const gone =
    lookup.found && lookup.timer.status === 'deleted' && state.config.deleted_timers === 'gone';
  return gone ? { found: false, refusal: notFound(id) } : lookup;
}

const isBeingDeleted = (timer: Timer) =>
  timer.status === 'delete_in_progress' || timer.status === 'deleted';

export function showJob(
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
  const lookup = shownTimer(state, caller, id);
  if (!lookup.found) return lookup.refusal;
  const { timer } = lookup;
  const page: PageRequest = { offset, size };
  return respond(200, jobDocument(timer, state, page));
}

function firstPage(state: EmulatorState): PageRequest {
  return { offset: 0, size: state.config.results_page_size };
}

export function renameJob(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const parsed = parseJson(request.rawBody);
  if (!parsed.ok) return validationError([bodyProblem(parsed.empty)]);
  const update = validateTimerUpdate(parsed.value);
  if (!update.ok) return validationError(update.issues);
  const lookup = shownTimer(state, caller, id);
  if (!lookup.found) return lookup.refusal;
  const { timer } = lookup;
  if (isBeingDeleted(timer)) return conflict(timer, 'update');
  if (update.name !== undefined) timer.name = update.name;
  return respond(200, jobDocument(timer, state, firstPage(state)));
}

/**
 * Deletion is asynchronous: `delete_in_progress` now, `deleted` after the next clock advance.
 * Deleting again (a retry after a lost reply) answers as the setting `repeated_delete` says.
 */
export function deleteJob(
  _request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const lookup = ownTimer(state, caller, id);
  if (!lookup.found) return lookup.refusal;
  const { timer } = lookup;
  if (isBeingDeleted(timer)) {
    if (state.config.repeated_delete === 'not_found') return notFound(id);
    if (state.config.repeated_delete === 'conflict') return conflict(timer, 'delete');
  } else {
    timer.status = 'delete_in_progress';
  }
  return respond(200, jobDocument(timer, state, firstPage(state)));
}

export function pauseJob(
  _request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const lookup = shownTimer(state, caller, id);
  if (!lookup.found) return lookup.refusal;
  const { timer } = lookup;
  if (isBeingDeleted(timer) || timer.status === 'ended') return conflict(timer, 'pause');
  timer.status = 'inactive';
  timer.inactiveReason = { cause: 'user', detail: null };
  return respond(200, { message: `Successfully paused job ${timer.id}.` });
}

/**
 * `update_credentials` comes as a query parameter (spec, JS SDK) or in a JSON body (Python
 * SDK, official CLI). When omitted, credentials are renewed if the timer stopped for auth
 * requirements; renewed, they are the consents the caller's token carries (data_access and
 * flows). A tick missed while inactive is still pending, so it runs at the next advance.
 */
export function resumeJob(
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
  const lookup = shownTimer(state, caller, id);
  if (!lookup.found) return lookup.refusal;
  const { timer } = lookup;
  if (isBeingDeleted(timer) || timer.status === 'ended') return conflict(timer, 'resume');

  const updateCredentials =
    fromQuery ?? fromBody ?? timer.inactiveReason?.cause === 'globus_auth_requirements';
  if (updateCredentials) {
    timer.dataAccess = [...caller.dataAccess];
    timer.flowConsents = [...caller.flowConsents];
  }
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
