/** Scope strings and the Timers scope chain (REFERENCE §3). */

export const TIMERS_RESOURCE_SERVER = '524230d7-ea86-4a52-8312-86065a9e0417';
export const TIMERS_SCOPE = `https://auth.globus.org/scopes/${TIMERS_RESOURCE_SERVER}/timer`;
export const TRANSFER_RESOURCE_SERVER = 'transfer.api.globus.org';
export const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';

export function dataAccessScope(collectionId: string): string {
  return `https://auth.globus.org/scopes/${collectionId}/data_access`;
}

/**
 * The Timers scope with Transfer as its dependency and, under Transfer, an optional data_access
 * dependency per collection — what the Python SDK's add_app_transfer_data_access_scope builds:
 * `…/timer[urn:…transfer…:all[*…/<id1>/data_access *…/<id2>/data_access]]`.
 */
export function timerScope(dataAccessCollections: readonly string[] = []): string {
  const unique = [...new Set(dataAccessCollections)];
  const dataAccess = unique.map((id) => `*${dataAccessScope(id)}`).join(' ');
  return `${TIMERS_SCOPE}[${TRANSFER_SCOPE}${dataAccess ? `[${dataAccess}]` : ''}]`;
}

/**
 * A scope a timer says it needs, as something the Timers token can carry: entries rooted at the
 * Timers scope are used as they are; others (the legacy Transfer-Action-Provider chain, or a
 * bare transfer chain) become a dependency of the Timers scope so the token stays a Timers token.
 */
export function asTimersScope(requiredScope: string): string {
  const scope = requiredScope.trim();
  return scope === TIMERS_SCOPE || scope.startsWith(`${TIMERS_SCOPE}[`)
    ? scope
    : `${TIMERS_SCOPE}[${scope}]`;
}
