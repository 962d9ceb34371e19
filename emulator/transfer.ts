/**
 * The Transfer API pieces the action reads (Transfer API v0.10): collection documents and the tasks
 * timer runs created. Errors use Transfer's document: `code`, `message`, `request_id`,
 * `resource`.
 */
import { type ApiRequest, type ApiResponse, bearerToken, respond } from './http.js';
import { newRequestId } from './ids.js';
import { TRANSFER_RESOURCE_SERVER } from './scopes.js';
import type { EmulatorState } from './state.js';
import { eventListDocument } from './task-events.js';
import { taskDocument } from './tasks.js';
import type { Task } from './state.js';

export function transferErrorDocument(
  code: string,
  message: string,
  resource: string,
): Record<string, unknown> {
  return { code, message, request_id: newRequestId(), resource };
}

const transferError = (status: number, code: string, message: string, resource: string) =>
  respond(status, transferErrorDocument(code, message, resource));

export function handleTransfer(request: ApiRequest, state: EmulatorState): ApiResponse {
  const { path } = request;
  const token = state.activeToken(bearerToken(request));
  if (token?.resourceServer !== TRANSFER_RESOURCE_SERVER) {
    const message = token ? 'Token is not valid for this resource server' : 'No valid credentials';
    return transferError(401, 'ClientError.AuthenticationFailed', message, path);
  }
  const endpoint = /^\/v0\.10\/endpoint\/([^/]+)$/.exec(path);
  if (endpoint?.[1] && request.method === 'GET') {
    const id = endpoint[1].toLowerCase();
    const collection = state.collections.get(id);
    if (!collection) {
      return transferError(404, 'EndpointNotFound', `No such endpoint '${id}'`, path);
    }
    return respond(200, collection);
  }
  const task = /^\/v0\.10\/task\/([^/]+)(\/event_list)?$/.exec(path);
  if (task?.[1] && request.method === 'GET') {
    const found = state.tasks.get(task[1].toLowerCase());
    // Tasks belong to the identity that submitted them: the timer owner's client identity.
    if (!found || found.ownerClientId !== token.clientId) {
      return transferError(404, 'TaskNotFound', `Task '${task[1]}' not found`, path);
    }
    const shape = state.config.stalled_task_shape;
    if (task[2]) return eventList(request, found, state);
    return respond(200, taskDocument(found, state.now(), state.collections, shape));
  }
  return transferError(404, 'ClientError.NotFound', `No such resource: ${path}`, path);
}

/** Transfer's default and largest page of events (the Python SDK pages them 1000 at a time). */
const EVENTS_LIMIT = { default: 10, max: 1000 };

/**
 * `GET /v0.10/task/{id}/event_list?limit&offset`: a page of the task's events, newest first;
 * `stalled_task_shape: no_events` lists none.
 */
function eventList(request: ApiRequest, task: Task, state: EmulatorState): ApiResponse {
  const limit = whole(request.query.get('limit')) ?? EVENTS_LIMIT.default;
  const offset = whole(request.query.get('offset')) ?? 0;
  if (limit < 1 || limit > EVENTS_LIMIT.max) {
    const message = `limit must be between 1 and ${EVENTS_LIMIT.max}`;
    return transferError(400, 'ClientError.BadRequest', message, request.path);
  }
  const destination = state.collections.get(task.body.destination_endpoint);
  const name = destination?.display_name ?? task.body.destination_endpoint;
  const shown = !(task.stall && state.config.stalled_task_shape === 'no_events');
  return respond(200, eventListDocument(task, state.now(), name, { offset, limit }, shown));
}

/** A query value that is a whole number, else undefined. */
function whole(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
