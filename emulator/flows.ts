/**
 * The Flows API pieces flow timers touch: a flow's document (`GET /flows/{id}`, which the
 * official CLI reads before it creates a flow timer), checking a run's input against it
 * (`POST /flows/{id}/validate_run`), and the runs flow timers start (`GET /runs/{id}`). Every
 * route wants a live Flows token (resource server `flows.globus.org`) carrying a scope that
 * allows it. Errors come in Flows' own shape, `{"error": {code, detail}, "debug_id"}` (the
 * Python SDK's Flows test data).
 */
import {
  type ApiRequest,
  type ApiResponse,
  bearerToken,
  isRecord,
  parseJson,
  respond,
} from './http.js';
import { flowDocument, flowVisibleTo } from './flow-documents.js';
import { flowDescription, runDocument, runVisibleTo } from './flow-run-documents.js';
import { newUuid } from './ids.js';
import { inputProblems } from './input-schema.js';
import { FLOWS_RESOURCE_SERVER, FLOWS_SCOPES } from './scopes.js';
import type { FlowRecord } from './flow-record.js';
import type { AccessToken, EmulatorState } from './state.js';

type Handler = (
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
) => ApiResponse;

/** A route's handler and the Flows scopes that allow it, narrowest first. */
interface Operation {
  scopes: readonly string[];
  handle: Handler;
  /** How the path parameter is named in a 422. */
  idName: string;
}

const { all, view_flows, manage_flows, run, run_status, run_manage } = FLOWS_SCOPES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTES: { pattern: RegExp; methods: Record<string, Operation> }[] = [
  {
    pattern: /^\/flows\/([^/]+)$/,
    methods: {
      GET: { scopes: [view_flows, manage_flows, all], handle: showFlow, idName: 'flow_id' },
    },
  },
  {
    pattern: /^\/flows\/([^/]+)\/validate_run$/,
    methods: { POST: { scopes: [run, all], handle: validateRun, idName: 'flow_id' } },
  },
  {
    pattern: /^\/runs\/([^/]+)$/,
    methods: { GET: { scopes: [run_status, run_manage, all], handle: showRun, idName: 'run_id' } },
  },
];

export function flowsErrorDocument(
  code: string,
  detail: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { error: { code, detail, ...extra }, debug_id: newUuid() };
}

export const flowsError = (status: number, code: string, detail: unknown): ApiResponse =>
  respond(status, flowsErrorDocument(code, detail));

export function handleFlows(request: ApiRequest, state: EmulatorState): ApiResponse {
  const route = ROUTES.find(({ pattern }) => pattern.test(request.path));
  if (!route) return flowsError(404, 'NOT_FOUND', `No such resource: ${request.path}`);
  const operation = route.methods[request.method];
  if (!operation) return flowsError(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed');

  const token = state.activeToken(bearerToken(request));
  if (token?.resourceServer !== FLOWS_RESOURCE_SERVER) {
    return flowsError(401, 'AUTHENTICATION_ERROR', 'Expired or invalid Bearer token');
  }
  if (!operation.scopes.some((scope) => token.scopes.includes(scope))) {
    const detail = `This action requires the following scope: ${operation.scopes[0]}`;
    return flowsError(403, 'MISSING_SCOPE', detail);
  }
  const id = route.pattern.exec(request.path)?.[1] ?? '';
  if (!UUID.test(id)) {
    const issue = { loc: ['path', operation.idName], msg: 'value is not a valid uuid' };
    return flowsError(422, 'UNPROCESSABLE_ENTITY', [{ ...issue, type: 'type_error.uuid' }]);
  }
  return operation.handle(request, state, token, id.toLowerCase());
}

type FlowLookup = { found: true; flow: FlowRecord } | { found: false; refusal: ApiResponse };

/**
 * The flow if the caller may see it. Flows' OpenAPI gives a flow the caller may not see both a
 * 404 ("non-existent, or … did not have permissions to view") and a 403; the setting
 * `hidden_flow_status` picks. An id nobody has is 404 either way.
 */
export function visibleFlow(state: EmulatorState, clientId: string, id: string): FlowLookup {
  const flow = state.flows.get(id);
  if (flow && flowVisibleTo(flow, clientId)) return { found: true, flow };
  if (flow && state.config.hidden_flow_status === 403) {
    const detail =
      'You do not have the necessary permissions to perform this action on the flow with ' +
      `id value ${id}. Missing permissions: VIEW.`;
    return { found: false, refusal: flowsError(403, 'FORBIDDEN', detail) };
  }
  const refusal = flowsError(404, 'NOT_FOUND', `No Flow exists with id value ${id}`);
  return { found: false, refusal };
}

function showFlow(
  _request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const lookup = visibleFlow(state, caller.clientId, id);
  if (!lookup.found) return lookup.refusal;
  return respond(200, flowDocument(lookup.flow, caller.clientId));
}

/**
 * A run its owner, managers and monitors may read; to anyone else it does not exist (Flows'
 * OpenAPI: 404 "does not exist or the requestor did not have access").
 */
function showRun(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const found = state.runs.get(id);
  if (!found || !runVisibleTo(found, caller.clientId)) {
    return flowsError(404, 'NOT_FOUND', `No Run exists with id value ${id}`);
  }
  const document = runDocument(found, state, caller.clientId);
  const flow = state.flows.get(found.flowId);
  const withFlow = /^(true|1)$/i.test(request.query.get('include_flow_description') ?? '');
  if (withFlow && flow) document.flow_description = flowDescription(flow);
  return respond(200, document);
}

/** The check Flows makes before a run starts, without starting one. */
function validateRun(
  request: ApiRequest,
  state: EmulatorState,
  caller: AccessToken,
  id: string,
): ApiResponse {
  const parsed = parseJson(request.rawBody);
  const document = parsed.ok ? parsed.value : undefined;
  if (!isRecord(document) || !isRecord(document.body)) {
    const issue = { loc: ['body', 'body'], msg: 'a JSON object is required' };
    return flowsError(422, 'UNPROCESSABLE_ENTITY', [{ ...issue, type: 'type_error.dict' }]);
  }
  const lookup = visibleFlow(state, caller.clientId, id);
  if (!lookup.found) return lookup.refusal;
  const problems = inputProblems(lookup.flow.inputSchema, document.body);
  if (problems.length > 0) return inputError(problems);
  return respond(200, { message: 'validation successful' });
}

/** Flows' answer to input its schema refuses (SDK test data `validate_run`, case `invalid_input_payload`). */
export function inputErrorDocument(problems: unknown[]): Record<string, unknown> {
  const count = `${problems.length} error${problems.length === 1 ? '' : 's'}`;
  return flowsErrorDocument('FLOW_INPUT_ERROR', problems, {
    message: `Input failed schema validation with ${count}.`,
  });
}

const inputError = (problems: unknown[]): ApiResponse => respond(400, inputErrorDocument(problems));
