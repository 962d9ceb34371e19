/**
 * Globus scope strings and the dependent-scope grammar (the Python SDK's parser):
 * `A[B C]` gives A the dependencies B and C, dependencies nest (`A[B[C]]`), and a leading `*`
 * marks a dependency optional. Top-level scopes are separated by spaces.
 */

export const TIMERS_RESOURCE_SERVER = '524230d7-ea86-4a52-8312-86065a9e0417';
export const TRANSFER_RESOURCE_SERVER = 'transfer.api.globus.org';
export const AUTH_RESOURCE_SERVER = 'auth.globus.org';
/**
 * Flows breaks the convention: its resource server is a domain name, its scopes are built on
 * its client id (the Python SDK's `FlowsScopes` says so).
 */
export const FLOWS_RESOURCE_SERVER = 'flows.globus.org';
export const FLOWS_CLIENT_ID = 'eec9b274-0c81-4334-bdc2-54e90e689b9a';

export const TIMER_SCOPE = `https://auth.globus.org/scopes/${TIMERS_RESOURCE_SERVER}/timer`;
export const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';
/** The Transfer Action Provider scope old timers chained through; still seen in stored timers. */
export const TRANSFER_ACTION_PROVIDER_SCOPE =
  'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
export const VIEW_IDENTITY_SET_SCOPE = 'urn:globus:auth:scope:auth.globus.org:view_identity_set';
export const AUTH_SCOPES = [
  'openid',
  'profile',
  'email',
  VIEW_IDENTITY_SET_SCOPE,
  'urn:globus:auth:scope:auth.globus.org:view_identities',
];

const flowsScope = (name: string) => `https://auth.globus.org/scopes/${FLOWS_CLIENT_ID}/${name}`;
/** The Flows service's scopes (Python SDK `FlowsScopes`, JS SDK `flows/config.ts`). */
export const FLOWS_SCOPES = {
  all: flowsScope('all'),
  manage_flows: flowsScope('manage_flows'),
  view_flows: flowsScope('view_flows'),
  run: flowsScope('run'),
  run_status: flowsScope('run_status'),
  run_manage: flowsScope('run_manage'),
} as const;

const DATA_ACCESS = /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/data_access$/i;

export const dataAccessScope = (collectionId: string): string =>
  `https://auth.globus.org/scopes/${collectionId}/data_access`;

/** The collection id of a data_access scope string, if it is one. */
export function dataAccessCollection(scope: string): string | undefined {
  return DATA_ACCESS.exec(scope)?.[1]?.toLowerCase();
}

/**
 * What Timers asks for when a timer lacks data_access: the current chain
 * `timer[transfer:all[*data_access …]]`, with every collection the timer needs.
 */
export function timerScopeChain(collectionIds: readonly string[]): string {
  if (collectionIds.length === 0) return `${TIMER_SCOPE}[${TRANSFER_SCOPE}]`;
  const dependencies = collectionIds.map((id) => `*${dataAccessScope(id)}`).join(' ');
  return `${TIMER_SCOPE}[${TRANSFER_SCOPE}[${dependencies}]]`;
}

/** A flow's own scope, the one needed to start runs of it. */
export const flowUserScope = (flowId: string): string =>
  `https://auth.globus.org/scopes/${flowId}/flow_${flowId.replaceAll('-', '_')}_user`;

const FLOW_USER =
  /^https:\/\/auth\.globus\.org\/scopes\/([0-9a-f-]{36})\/flow_([0-9a-f_]{36})_user$/i;

/** The flow id of a flow user scope string, if it is one (its two spellings of the id agree). */
export function flowUserScopeFlow(scope: string): string | undefined {
  const [, id, underscored] = FLOW_USER.exec(scope) ?? [];
  if (!id || underscored?.toLowerCase() !== id.toLowerCase().replaceAll('-', '_')) return undefined;
  return id.toLowerCase();
}

/** What Timers asks for when a flow timer lacks the flow's consent: `timer[<flow user scope>]`. */
export const timerFlowScope = (flowId: string): string =>
  `${TIMER_SCOPE}[${flowUserScope(flowId)}]`;

export interface ScopeNode {
  scope: string;
  optional: boolean;
  dependencies: ScopeNode[];
}

export class ScopeSyntaxError extends Error {}

/** Parses a space-separated list of scopes with their dependencies. */
export function parseScopes(text: string): ScopeNode[] {
  const parser = new ScopeParser(text);
  const scopes = parser.parseList([]);
  if (!parser.atEnd()) throw new ScopeSyntaxError(`unexpected "]" at position ${parser.position}`);
  if (scopes.length === 0) throw new ScopeSyntaxError('no scope was requested');
  for (const scope of scopes) {
    if (scope.optional) {
      throw new ScopeSyntaxError(`top-level scope "${scope.scope}" cannot be optional`);
    }
  }
  return scopes;
}

/** Every node of the trees, depth first, with the chain of scopes above it. */
export function* walkScopes(
  nodes: readonly ScopeNode[],
  ancestors: readonly string[] = [],
): Generator<{ node: ScopeNode; ancestors: readonly string[] }> {
  for (const node of nodes) {
    yield { node, ancestors };
    yield* walkScopes(node.dependencies, [...ancestors, node.scope]);
  }
}

const SPECIAL = new Set([' ', '[', ']', '*']);

class ScopeParser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** Scopes up to the end of the text or a closing bracket (left for the caller). */
  parseList(ancestors: readonly string[]): ScopeNode[] {
    const nodes: ScopeNode[] = [];
    for (;;) {
      while (this.peek() === ' ') this.position += 1;
      if (this.atEnd() || this.peek() === ']') return nodes;
      nodes.push(this.parseScope(ancestors));
    }
  }

  private parseScope(ancestors: readonly string[]): ScopeNode {
    const optional = this.peek() === '*';
    if (optional) this.position += 1;
    const start = this.position;
    while (!this.atEnd() && !SPECIAL.has(this.peek())) this.position += 1;
    const scope = this.text.slice(start, this.position);
    if (scope === '') {
      const found = this.atEnd() ? 'the end' : `"${this.peek()}"`;
      throw new ScopeSyntaxError(`expected a scope at position ${start}, found ${found}`);
    }
    if (ancestors.includes(scope)) throw new ScopeSyntaxError(`scope "${scope}" depends on itself`);
    const dependencies = this.peek() === '[' ? this.parseDependencies([...ancestors, scope]) : [];
    const next = this.peek();
    if (!this.atEnd() && next !== ' ' && next !== ']') {
      throw new ScopeSyntaxError(`unexpected "${next}" at position ${this.position}`);
    }
    return { scope, optional, dependencies };
  }

  private parseDependencies(ancestors: readonly string[]): ScopeNode[] {
    this.position += 1; // '['
    const dependencies = this.parseList(ancestors);
    if (this.peek() !== ']') throw new ScopeSyntaxError('unbalanced "[": missing "]"');
    if (dependencies.length === 0) throw new ScopeSyntaxError('empty dependency list "[]"');
    this.position += 1; // ']'
    return dependencies;
  }

  private peek(): string {
    return this.text[this.position] ?? '';
  }
}
