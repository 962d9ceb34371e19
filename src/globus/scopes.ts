/** Scope strings and the Timers scope chain. */

export const TIMERS_RESOURCE_SERVER = '524230d7-ea86-4a52-8312-86065a9e0417';
export const TIMERS_SCOPE = `https://auth.globus.org/scopes/${TIMERS_RESOURCE_SERVER}/timer`;
export const TRANSFER_RESOURCE_SERVER = 'transfer.api.globus.org';
export const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';
/** Flows is a domain-named resource server whose scopes are named after its client id. */
export const FLOWS_RESOURCE_SERVER = 'flows.globus.org';
const FLOWS_CLIENT = 'eec9b274-0c81-4334-bdc2-54e90e689b9a';
/** Reading a flow (its input schema, its scope) and the runs of this client's timers. */
export const FLOWS_SCOPES = ['view_flows', 'run_status'].map(
  (name) => `https://auth.globus.org/scopes/${FLOWS_CLIENT}/${name}`,
);

/** The scope a flow's runs are started under: what a flow timer must carry. */
export function flowUserScope(flowId: string): string {
  return `https://auth.globus.org/scopes/${flowId}/flow_${flowId.replace(/-/g, '_')}_user`;
}

/** The Transfer Action Provider scope old timers chained through (gone since Nov 2024). */
export const LEGACY_TRANSFER_AP_SCOPE =
  'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';

const DATA_ACCESS = /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/data_access$/i;
const FLOW_USER = /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/flow_[0-9a-f_]+_user$/i;

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

/** One scope of a scope string, with its dependencies (`A[B *C[D]]`). */
export interface ScopeNode {
  scope: string;
  optional: boolean;
  dependencies: ScopeNode[];
}

/**
 * Reads a scope string by bracket depth: top-level scopes are separated by spaces outside
 * brackets, so `a[b c[d]] e` is two scopes, `a` (with `b` and `c[d]`) and `e`. Lenient where
 * the grammar is broken (an unclosed bracket closes at the end): it reads what servers send.
 */
export function parseScopes(text: string): ScopeNode[] {
  let at = 0;
  const list = (): ScopeNode[] => {
    const nodes: ScopeNode[] = [];
    while (at < text.length && text[at] !== ']') {
      if (/\s/.test(text[at] ?? '')) {
        at++;
        continue;
      }
      const optional = text[at] === '*';
      if (optional) at++;
      const start = at;
      while (at < text.length && !/[\s[\]]/.test(text[at] ?? '')) at++;
      const scope = text.slice(start, at);
      let dependencies: ScopeNode[] = [];
      if (text[at] === '[') {
        at++;
        dependencies = list();
        at++; // the closing bracket (or the end)
      }
      if (scope) nodes.push({ scope, optional, dependencies });
    }
    return nodes;
  };
  const nodes: ScopeNode[] = [];
  while (at < text.length) {
    nodes.push(...list());
    at++; // a stray closing bracket at the top level
  }
  return nodes;
}

/** The scope strings of `text`'s top-level scopes, dependencies kept (`a[b c[d]] e` → 2). */
export function splitScopes(text: string): string[] {
  return parseScopes(text).map(formatScope);
}

export function formatScope(node: ScopeNode): string {
  const dependencies = node.dependencies.map(formatScope).join(' ');
  return `${node.optional ? '*' : ''}${node.scope}${dependencies ? `[${dependencies}]` : ''}`;
}

/** Every scope in the trees, depth first. */
export function allScopes(nodes: readonly ScopeNode[]): ScopeNode[] {
  return nodes.flatMap((node) => [node, ...allScopes(node.dependencies)]);
}

/** The collection ids whose data_access any of these scope strings names, at any depth. */
export function dataAccessCollections(scopes: readonly string[]): string[] {
  const ids = scopes
    .flatMap((text) => allScopes(parseScopes(text)))
    .map((node) => DATA_ACCESS.exec(node.scope)?.[1]?.toLowerCase())
    .filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/**
 * What a Timers token must carry to satisfy scopes a timer says it needs, in today's chain:
 * the data_access collections named anywhere in them (and `also`'s, the timer's own) go
 * under `timer[transfer:all[…]]`; other dependencies of the Timers scope (a flow's scope) stay
 * under it; the Transfer Action Provider scope of old chains is dropped, never nested, since
 * Globus no longer accepts it there (docs/globus-variants.md).
 */
export function timersScopesFor(
  required: readonly string[],
  also: { dataAccess?: readonly string[]; dependencies?: readonly string[] } = {},
): string[] {
  const collections = [
    ...new Set([...dataAccessCollections(required), ...(also.dataAccess ?? [])]),
  ];
  const others = required
    .flatMap((text) => parseScopes(text))
    .flatMap((node) => (node.scope === TIMERS_SCOPE ? node.dependencies : [node]))
    .filter((node) => !isTransferChain(node))
    .map((node) => formatScope({ ...node, optional: false }));
  const dependencies = [...others, ...(also.dependencies ?? [])];
  return [
    ...new Set([timerScope(collections), ...dependencies.map((d) => `${TIMERS_SCOPE}[${d}]`)]),
  ];
}

/** Transfer, its data_access scopes, and the legacy Action Provider scope that chained them. */
function isTransferChain(node: ScopeNode): boolean {
  return (
    node.scope === TRANSFER_SCOPE ||
    node.scope === LEGACY_TRANSFER_AP_SCOPE ||
    node.scope === TIMERS_SCOPE ||
    DATA_ACCESS.test(node.scope)
  );
}

/**
 * What consent scope strings ask for, in words a user acts on: `data_access on collection <id>`,
 * `running flow <id>`, `Globus Transfer` (for a chain that names nothing more); a scope with no
 * such words as it is. Each once, in the order met.
 */
export function consentWords(scopes: readonly string[]): string[] {
  const words = scopes.flatMap((text) =>
    parseScopes(text).flatMap((node) => {
      const named = allScopes([node]).flatMap(namedConsent);
      if (named.length > 0) return named;
      const chain = allScopes([node]).every((each) => isTransferChain(each));
      return [chain ? 'Globus Transfer' : formatScope(node)];
    }),
  );
  return [...new Set(words)];
}

function namedConsent(node: ScopeNode): string[] {
  const collection = DATA_ACCESS.exec(node.scope)?.[1];
  if (collection) return [`data_access on collection ${collection.toLowerCase()}`];
  const flow = FLOW_USER.exec(node.scope)?.[1];
  return flow ? [`running flow ${flow.toLowerCase()}`] : [];
}
