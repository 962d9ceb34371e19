/**
 * `POST /v2/timer` (Timers OpenAPI): a transfer timer or a flow timer, validated, checked
 * against what the caller may use, and stored with the caller's consents as its credentials —
 * the data_access and flow scopes its Timers token carries. Whether those suffice is found out
 * when the timer runs (runs.ts), unless a setting makes the create itself ask for them.
 */
import { flowVisibleTo } from './flow-documents.js';
import { consentRequiredError } from './gare.js';
import { type ApiRequest, type ApiResponse, parseJson, respond } from './http.js';
import { newUuid } from './ids.js';
import { timerFlowScope, timerScopeChain } from './scopes.js';
import type { AccessToken, EmulatorState, Timer } from './state.js';
import { createdTimerDocument } from './timer-documents.js';
import type { ValidFlowTimer } from './flow-timer-validation.js';
import {
  type ValidTimer,
  type ValidTransferTimer,
  validateTimerCreate,
} from './timer-validation.js';
import { requiredDataAccess } from './transfer-runs.js';
import {
  authRequirementsError,
  bodyProblem,
  timersError,
  validationError,
} from './timers-errors.js';

export function createTimer(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
): ApiResponse {
  const parsed = parseJson(request.rawBody);
  if (!parsed.ok) return validationError([bodyProblem(parsed.empty)]);
  const validation = validateTimerCreate(parsed.value, {
    now: state.now(),
    toleranceSeconds: state.config.start_tolerance_seconds,
  });
  if (!validation.ok) return validationError(validation.issues);
  const valid = validation.timer;
  const refusal =
    valid.type === 'flow'
      ? flowTimerRefusal(valid, state, caller)
      : transferTimerRefusal(valid, state, caller);
  if (refusal) return refusal;
  const timer = newTimer(valid, state, caller);
  state.timers.set(timer.id, timer);
  return respond(201, { timer: createdTimerDocument(timer, state) });
}

/** Under `create_requires_data_access`, a body whose collections need data_access it lacks. */
function transferTimerRefusal(
  valid: ValidTransferTimer,
  state: EmulatorState,
  caller: AccessToken,
): ApiResponse | undefined {
  const required = requiredDataAccess(valid.body, state);
  const missing = required.filter((id) => !caller.dataAccess.includes(id));
  if (!state.config.create_requires_data_access || missing.length === 0) return undefined;
  const message = 'Missing required data_access consent';
  const gare = consentRequiredError([timerScopeChain(required)], 'ConsentRequired', message);
  return authRequirementsError(403, gare, state.config.auth_requirements_location);
}

/**
 * A flow the caller cannot see is refused as a bad `flow_id` (422, `value_error`): Timers has to
 * look the flow up in Flows with the caller's token to build the run's scope, and a flow Flows
 * does not show it is, to Timers, no flow at all. No capture says so; a 404 would read as "no
 * such route" to a client, and the field at fault is in the body. Under
 * `create_requires_flow_consent`, a token without the flow's scope is refused with a GARE (the
 * SDK's `add_app_flow_user_scope` exists "to prevent ConsentRequired errors when creating flow
 * timers").
 */
function flowTimerRefusal(
  valid: ValidFlowTimer,
  state: EmulatorState,
  caller: AccessToken,
): ApiResponse | undefined {
  const flow = state.flows.get(valid.flowId);
  if (!flow || !flowVisibleTo(flow, caller.clientId)) {
    const msg = `no flow with id ${valid.flowId} exists or is visible to the caller`;
    return validationError([{ loc: ['body', 'timer', 'flow_id'], msg, type: 'value_error' }]);
  }
  if (!state.config.create_requires_flow_consent || caller.flowConsents.includes(flow.id)) {
    return undefined;
  }
  const message = `Missing required consent for flow ${flow.id}`;
  const gare = consentRequiredError([timerFlowScope(flow.id)], 'ConsentRequired', message);
  return authRequirementsError(403, gare, state.config.auth_requirements_location);
}

function newTimer(valid: ValidTimer, state: EmulatorState, caller: AccessToken): Timer {
  const { schedule } = valid;
  const base = {
    id: newUuid(),
    ownerClientId: caller.clientId,
    name: valid.name,
    schedule,
    submittedAt: state.now(),
    status: 'new' as const,
    inactiveReason: null,
    nextRun: schedule.type === 'once' ? schedule.datetime : schedule.start,
    lastRanAt: null,
    results: [],
    dataAccess: [...caller.dataAccess],
    flowConsents: [...caller.flowConsents],
    nextRunFailure: null,
  };
  return valid.type === 'flow'
    ? { ...base, type: 'flow', flowId: valid.flowId, body: valid.body }
    : { ...base, type: 'transfer', body: valid.body };
}

/** The v1 job submission is retired for new timers; clients must use `POST /v2/timer`. */
export function legacyCreate(): ApiResponse {
  return timersError(
    410,
    'GONE',
    'Legacy job submission is not supported here; use POST /v2/timer',
  );
}
