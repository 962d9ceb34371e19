/**
 * Flow documents (`GET /flows/{id}`), shaped like the Python SDK's Flows test data
 * (`testing/data/flows/_common.py`, `TWO_HOP_TRANSFER_FLOW_DOC`) and the OpenAPI `FlowResponse`,
 * and who may see a flow. The access lists (`flow_viewers`, …) are shown to the flow's owner
 * only; everyone else sees them empty, as `FlowResponse` says.
 */
import type { FlowSummary } from './flow-seed.js';
import { flowUserScope } from './scopes.js';
import type { FlowRecord } from './flow-record.js';
import { timersTime } from './time.js';

/** Where Timers sends a flow timer's runs (fixture `timers_create_timer_response_flow.json`). */
export const flowRunCallbackUrl = (flowId: string): string =>
  `https://flows.automate.globus.org/flows/${flowId}/run`;

export const identityUrn = (id: string): string => `urn:globus:auth:identity:${id}`;

/** A public flow is seen and run by everyone; a private one by its owner alone. */
export function flowVisibleTo(flow: FlowRecord, clientId: string): boolean {
  return flow.visibility === 'public' || flow.ownerId === clientId;
}

function accessLists(flow: FlowRecord) {
  const open = flow.visibility === 'public';
  return {
    flow_viewers: open ? ['public'] : [],
    flow_starters: open ? ['all_authenticated_users'] : [],
    flow_administrators: [] as string[],
  };
}

function roles(flow: FlowRecord, clientId: string): string[] {
  if (flow.ownerId === clientId) return ['flow_owner'];
  return flow.visibility === 'public' ? ['flow_viewer', 'flow_starter'] : [];
}

/** The flow as `clientId` sees it; the caller has checked that it may. */
export function flowDocument(flow: FlowRecord, clientId: string): Record<string, unknown> {
  const owner = identityUrn(flow.ownerId);
  const lists = flow.ownerId === clientId ? accessLists(flow) : emptyLists();
  const userRoles = roles(flow, clientId);
  const created = timersTime(flow.createdAt);
  return {
    id: flow.id,
    definition: flow.definition,
    input_schema: flow.inputSchema,
    globus_auth_scope: flowUserScope(flow.id),
    globus_auth_scopes_by_RunAs: [flowUserScope(flow.id)],
    synchronous: false,
    log_supported: true,
    types: ['Action'],
    api_version: '1.0',
    title: flow.title,
    subtitle: flow.subtitle,
    description: flow.description,
    keywords: flow.keywords,
    principal_urn: identityUrn(flow.id),
    globus_auth_username: `${flow.id}@clients.auth.globus.org`,
    created_at: created,
    updated_at: created,
    user_role: userRoles.at(-1) ?? 'flow_viewer',
    user_roles: userRoles,
    created_by: owner,
    visible_to: [],
    runnable_by: [],
    administered_by: [],
    action_url: `https://flows.globus.org/flows/${flow.id}`,
    flow_url: `https://flows.globus.org/flows/${flow.id}`,
    flow_owner: owner,
    ...lists,
    run_managers: [],
    run_monitors: [],
    subscription_id: null,
    is_high_assurance: false,
  };
}

const emptyLists = () => ({
  flow_viewers: [] as string[],
  flow_starters: [] as string[],
  flow_administrators: [] as string[],
});

export function flowSummary(flow: FlowRecord): FlowSummary {
  return {
    id: flow.id,
    title: flow.title,
    visibility: flow.visibility,
    owner_id: flow.ownerId,
  };
}
