import { requiredScopes } from './authorization-requirements.js';
import { GlobusApiError } from './errors.js';

/**
 * A timer this client may not see, said so, keeping the service's status and request id.
 * Another client's timer answers 404 or 403 (docs/globus-variants.md): a 404 cannot be told
 * from a timer that does not exist; a 403 (one that asks for no consent) proves it exists and
 * is someone else's — timers belong to the identity that created them.
 */
export function notVisible(error: unknown, jobId: string, identity: string): unknown {
  if (!(error instanceof GlobusApiError)) return error;
  let detail: string;
  if (error.status === 404) {
    detail = `timer ${jobId} was not found, or is not visible to ${identity}`;
  } else if (error.status === 403 && requiredScopes(error.body).length === 0) {
    detail = `timer ${jobId} exists but is not owned by ${identity}, so Globus Timers refuses it to this client`;
  } else {
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
