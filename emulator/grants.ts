/**
 * Which tokens a client-credentials request yields (REFERENCE §3): one per resource server of
 * the top-level scopes, a Timers token carrying the data_access scopes nested under
 * `transfer:all`, and the scope strings Auth refuses.
 */
import { hasDataAccessScope } from './collections.js';
import {
  AUTH_RESOURCE_SERVER,
  AUTH_SCOPES,
  type ScopeNode,
  TIMER_SCOPE,
  TIMERS_RESOURCE_SERVER,
  TRANSFER_ACTION_PROVIDER_SCOPE,
  TRANSFER_RESOURCE_SERVER,
  TRANSFER_SCOPE,
  dataAccessCollection,
  walkScopes,
} from './scopes.js';
import type { EmulatorState } from './state.js';

export interface Grant {
  resourceServer: string;
  scopes: string[];
  dataAccess: string[];
}

/**
 * Scope strings Auth would not know, or not issue a token for at the top level. data_access
 * exists only for non-HA GCSv5 mapped collections. The legacy Transfer Action Provider scope
 * left the Timers scope's dependencies in Nov 2024; whether Auth still accepts it anywhere is
 * the setting `legacy_scope`.
 */
export function unknownScopes(scopes: readonly ScopeNode[], state: EmulatorState): string[] {
  const legacyAccepted = state.config.legacy_scope === 'accepted';
  const known = new Set([
    TIMER_SCOPE,
    TRANSFER_SCOPE,
    ...(legacyAccepted ? [TRANSFER_ACTION_PROVIDER_SCOPE] : []),
    ...AUTH_SCOPES,
  ]);
  const unknown = new Set<string>();
  for (const { node } of walkScopes(scopes)) {
    const collection = dataAccessCollection(node.scope);
    const ok =
      collection === undefined
        ? known.has(node.scope)
        : hasDataAccessScope(state.collections.get(collection));
    if (!ok) unknown.add(node.scope);
  }
  for (const top of scopes) {
    if (resourceServerOf(top.scope) === undefined) unknown.add(top.scope);
  }
  return [...unknown];
}

/** The audience of a top-level scope: the server its token is for. */
function resourceServerOf(scope: string): string | undefined {
  if (scope === TIMER_SCOPE) return TIMERS_RESOURCE_SERVER;
  if (scope === TRANSFER_SCOPE) return TRANSFER_RESOURCE_SERVER;
  if (AUTH_SCOPES.includes(scope)) return AUTH_RESOURCE_SERVER;
  return dataAccessCollection(scope);
}

/**
 * One grant per resource server, in the order first asked for. Several top-level timer scopes
 * (the CLI sends two) merge into one token. A timer token carries a collection's data_access
 * only when it sits under transfer:all inside the timer scope.
 */
export function groupByResourceServer(scopes: readonly ScopeNode[]): Grant[] {
  const grants = new Map<string, Grant>();
  for (const top of scopes) {
    const resourceServer = resourceServerOf(top.scope);
    if (resourceServer === undefined) continue; // refused by unknownScopes already
    const grant = grants.get(resourceServer) ?? { resourceServer, scopes: [], dataAccess: [] };
    grants.set(resourceServer, grant);
    if (!grant.scopes.includes(top.scope)) grant.scopes.push(top.scope);
    if (top.scope !== TIMER_SCOPE) continue;
    for (const { node, ancestors } of walkScopes(top.dependencies, [top.scope])) {
      const collection = dataAccessCollection(node.scope);
      if (
        collection &&
        ancestors.includes(TRANSFER_SCOPE) &&
        !grant.dataAccess.includes(collection)
      ) {
        grant.dataAccess.push(collection);
      }
    }
  }
  return [...grants.values()];
}
