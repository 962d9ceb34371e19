/**
 * The Transfer API pieces the action reads (Transfer API v0.10): collection documents and the tasks
 * timer runs created. Errors use Transfer's document: `code`, `message`, `request_id`,
 * `resource`.
 */
import { type ApiRequest, type ApiResponse, bearerToken, respond } from './http.js';
import { newRequestId } from './ids.js';
import { TRANSFER_RESOURCE_SERVER } from './scopes.js';
import type { EmulatorState } from './state.js';
import { taskDocument } from './tasks.js';

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
  const task = /^\/v0\.10\/task\/([^/]+)$/.exec(path);
  if (task?.[1] && request.method === 'GET') {
    const found = state.tasks.get(task[1].toLowerCase());
    // Tasks belong to the identity that submitted them: the timer owner's client identity.
    if (!found || found.ownerClientId !== token.clientId) {
      return transferError(404, 'TaskNotFound', `Task '${task[1]}' not found`, path);
    }
    return respond(200, taskDocument(found, state.now(), state.collections));
  }
  return transferError(404, 'ClientError.NotFound', `No such resource: ${path}`, path);
}
