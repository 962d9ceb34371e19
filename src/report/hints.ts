import { requiredScopes } from '../globus/authorization-requirements.js';
import type { GlobusApiError } from '../globus/errors.js';
import { consentWords } from '../globus/scopes.js';

/**
 * The usual fix for a Globus error, in one sentence; undefined when there is nothing to add.
 * `operation` is the step's: a resume is never told to resume.
 */
export function hintFor(
  error: GlobusApiError,
  identity: string,
  operation?: string,
): string | undefined {
  const code = (error.code ?? '').toLowerCase();
  const { service, status } = error;
  if (status === undefined) {
    return error.code === 'Timeout'
      ? 'The step ran out of time; raise the timeout input.'
      : 'Globus could not be reached: check the runner network and HTTPS_PROXY / NO_PROXY, or raise retries.';
  }
  if (
    service === 'auth' &&
    (code === 'invalid_client' || code === 'unauthorized' || status === 401)
  ) {
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
  if (
    (status === 404 || status === 403) &&
    service === 'flows' &&
    error.path.startsWith('/flows/')
  ) {
    return `Check flow-id; if it is right, share the flow with ${identity} as a viewer and a starter (its owner can, in the web app or with globus flows update).`;
  }
  if (status === 422 && service === 'timers') {
    return 'Globus Timers rejected the request; the message names the field at fault.';
  }
  if (status === 429)
    return 'Globus is rate limiting this client; run less often or raise retries.';
  if (status >= 500) return 'Globus had a server error; re-run the job, or raise retries.';
  return undefined;
}

/**
 * A missing consent's fix fits what is missing: a flow's consent comes from being allowed to
 * start the flow, a collection's data_access from data-access: auto.
 */
function consentHint(error: GlobusApiError, identity: string, resume: boolean): string {
  const words = consentWords(requiredScopes(error.body));
  const missing = `Consent is missing${words.length > 0 ? ` for ${words.join(' and ')}` : ''}`;
  const renew = resume ? ', or resume the timer to renew it' : '';
  const flowOnly = words.length > 0 && words.every((word) => word.startsWith('running flow'));
  return flowOnly
    ? `${missing}: the client identity ${identity} must be allowed to start the flow (a starter)${renew}.`
    : `${missing}: keep data-access: auto so mapped collections get their data_access consent${renew}.`;
}
