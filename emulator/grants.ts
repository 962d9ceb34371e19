/**
 * Which tokens a client-credentials request yields: one per resource server of
 * the top-level scopes, a Timers token carrying the data_access scopes nested under
 * `transfer:all` and the flow user scopes nested directly under the timer scope, and the scope
 * strings Auth refuses.
 */
import { hasDataAccessScope } from './collections.js';
import {
  AUTH_RESOURCE_SERVER,
  AUTH_SCOPES,
  FLOWS_RESOURCE_SERVER,
  FLOWS_SCOPES,
  type ScopeNode,
  TIMER_SCOPE,
  TIMERS_RESOURCE_SERVER,
  TRANSFER_ACTION_PROVIDER_SCOPE,
  TRANSFER_RESOURCE_SERVER,
  TRANSFER_SCOPE,
  dataAccessCollection,
  flowUserScopeFlow,
  walkScopes,
} from './scopes.js';
import type { EmulatorState } from './state.js';

export interface Grant {
  resourceServer: string;
  scopes: string[];
  dataAccess: string[];
  flowConsents: string[];
}

const FLOWS_SERVICE_SCOPES: readonly string[] = Object.values(FLOWS_SCOPES);

/**
 * Scope strings Auth would not know, or not issue a token for at the top level. data_access
 * exists only for non-HA GCSv5 mapped collections, a flow user scope only for a flow Flows
 * has (whoever may see it: the scope is Auth's, not Flows'). The legacy Transfer Action
 * Provider scope left the Timers scope's dependencies in Nov 2024; whether Auth still accepts
 * it anywhere is the setting `legacy_scope`.
 */
export function unknownScopes(scopes: readonly ScopeNode[], state: EmulatorState): string[] {
  const legacyAccepted = state.config.legacy_scope === 'accepted';
  const known = new Set([
    TIMER_SCOPE,
    TRANSFER_SCOPE,
    ...FLOWS_SERVICE_SCOPES,
    ...(legacyAccepted ? [TRANSFER_ACTION_PROVIDER_SCOPE] : []),
    ...AUTH_SCOPES,
  ]);
  const unknown = new Set<string>();
  for (const { node } of walkScopes(scopes)) {
    if (!isKnown(node.scope, known, state)) unknown.add(node.scope);
  }
  for (const top of scopes) {
    if (resourceServerOf(top.scope) === undefined) unknown.add(top.scope);
  }
  return [...unknown];
}

function isKnown(scope: string, known: ReadonlySet<string>, state: EmulatorState): boolean {
  const collection = dataAccessCollection(scope);
  if (collection !== undefined) return hasDataAccessScope(state.collections.get(collection));
  const flow = flowUserScopeFlow(scope);
  if (flow !== undefined) return state.flows.has(flow);
  return known.has(scope);
}

/** The audience of a top-level scope: the server its token is for. */
function resourceServerOf(scope: string): string | undefined {
  if (scope === TIMER_SCOPE) return TIMERS_RESOURCE_SERVER;
  if (scope === TRANSFER_SCOPE) return TRANSFER_RESOURCE_SERVER;
  if (FLOWS_SERVICE_SCOPES.includes(scope)) return FLOWS_RESOURCE_SERVER;
  if (AUTH_SCOPES.includes(scope)) return AUTH_RESOURCE_SERVER;
  // A collection's or a flow's own scope: the collection or the flow is the resource server.
  return dataAccessCollection(scope) ?? flowUserScopeFlow(scope);
}

/**
 * One grant per resource server, in the order first asked for. Several top-level timer scopes
 * (the CLI sends two, one for Transfer and one for a flow) merge into one token.
 */
export function groupByResourceServer(scopes: readonly ScopeNode[]): Grant[] {
  const grants = new Map<string, Grant>();
  for (const top of scopes) {
    const resourceServer = resourceServerOf(top.scope);
    if (resourceServer === undefined) continue; // refused by unknownScopes already
    const grant = grants.get(resourceServer) ?? {
      resourceServer,
      scopes: [],
      dataAccess: [],
      flowConsents: [],
    };
    grants.set(resourceServer, grant);
    if (!grant.scopes.includes(top.scope)) grant.scopes.push(top.scope);
    if (top.scope === TIMER_SCOPE) addTimerDependencies(grant, top);
  }
  return [...grants.values()];
}

/**
 * What a timer scope's dependencies let Timers do: a collection's data_access counts only under
 * `transfer:all` inside it (`timer[transfer:all[*data_access]]`), a flow's user scope only as a
 * direct dependency (`timer[<flow user scope>]`, as the SDK's `add_app_flow_user_scope` builds).
 */
function addTimerDependencies(grant: Grant, timerScope: ScopeNode): void {
  for (const { node, ancestors } of walkScopes(timerScope.dependencies, [timerScope.scope])) {
    const collection = dataAccessCollection(node.scope);
    if (collection && ancestors.includes(TRANSFER_SCOPE)) addOnce(grant.dataAccess, collection);
    const flow = flowUserScopeFlow(node.scope);
    if (flow && ancestors.length === 1) addOnce(grant.flowConsents, flow);
  }
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
