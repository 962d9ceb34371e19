/**
 * Flows runs as Flows shows them (`GET /runs/{id}`, shaped like the OpenAPI `FlowRun` and the
 * Python SDK's `RUN` test data) and as a flow timer's results carry them. A run's status
 * follows the virtual clock: ACTIVE until `finishesAt`, then its outcome — SUCCEEDED, FAILED,
 * or INACTIVE, which, like ACTIVE, is a run not yet over.
 */
import { identityUrn } from './flow-documents.js';
import { TRANSFER_SCOPE, flowUserScope } from './scopes.js';
import type { FlowRecord } from './flow-record.js';
import type { EmulatorState, FlowRun } from './state.js';
import { timersTime } from './time.js';

export type FlowRunStatus = 'ACTIVE' | 'SUCCEEDED' | 'FAILED' | 'INACTIVE';

export const flowRunStatus = (run: FlowRun, now: number): FlowRunStatus =>
  now < run.finishesAt ? 'ACTIVE' : run.outcome;

/** ACTIVE and INACTIVE runs are still under way: a timer's next tick waits for them. */
export const runIsOver = (status: FlowRunStatus): boolean =>
  status === 'SUCCEEDED' || status === 'FAILED';

/** Who may read a run: its owner, and the identities it names as managers or monitors. */
export function runVisibleTo(run: FlowRun, clientId: string): boolean {
  const urn = identityUrn(clientId);
  return (
    run.ownerClientId === clientId || run.runManagers.includes(urn) || run.runMonitors.includes(urn)
  );
}

function roles(run: FlowRun, clientId: string): string[] {
  const urn = identityUrn(clientId);
  return [
    ...(run.ownerClientId === clientId ? ['run_owner'] : []),
    ...(run.runManagers.includes(urn) ? ['run_manager'] : []),
    ...(run.runMonitors.includes(urn) ? ['run_monitor'] : []),
  ];
}

/** `details` by status, in the codes of the SDKs' and CLI's test data where they have them. */
function details(run: FlowRun, status: FlowRunStatus, flow: FlowRecord | undefined) {
  const state = typeof flow?.definition.StartAt === 'string' ? flow.definition.StartAt : 'Start';
  switch (status) {
    case 'ACTIVE':
      return {
        code: 'FlowStarting',
        description: 'The Flow is starting execution',
        details: { input: run.input },
      };
    case 'SUCCEEDED':
      return {
        code: 'FlowSucceeded',
        description: 'The Flow run reached a successful completion state',
        output: { input: run.input },
      };
    case 'FAILED':
      return {
        code: 'FlowFailed',
        description: 'The Flow run reached a failed state',
        details: { state_name: state, cause: `State ${state} failed (emulated failure)` },
      };
    case 'INACTIVE':
      return inactiveDetails(run, state, flow);
  }
}

/**
 * An INACTIVE run waits for a consent, in the shape of the run the official CLI's
 * `flows run resume` tests capture: the code, a description, the scope it needs (the flow's
 * user scope over Transfer's, one level of it), the state waiting, and the action that stopped.
 */
function inactiveDetails(run: FlowRun, state: string, flow: FlowRecord | undefined) {
  const scope = `${flowUserScope(flow?.id ?? run.flowId)}[${TRANSFER_SCOPE}]`;
  return {
    action_statuses: [
      {
        action_id: run.id.replace(/-/g, '').slice(0, 13),
        completion_time: timersTime(run.finishesAt),
        creator_id: identityUrn(run.ownerClientId),
        details: {
          code: 'ConsentRequired',
          description: 'Missing required consent',
          required_scope: TRANSFER_SCOPE,
          resolution_url: null,
        },
        display_status: 'INACTIVE',
        label: null,
        manage_by: [],
        monitor_by: [],
        release_after: 'P30D',
        start_time: timersTime(run.finishesAt),
        state_name: state,
        status: 'INACTIVE',
      },
    ],
    code: 'ConsentRequired',
    description: `State ${state} needs a consent the run does not have`,
    required_scope: scope,
    state_name: state,
  };
}

/** The run as `clientId` sees it; managers and monitors are listed to its owner and managers. */
export function runDocument(
  run: FlowRun,
  state: EmulatorState,
  clientId: string,
): Record<string, unknown> {
  const status = flowRunStatus(run, state.now());
  const flow = state.flows.get(run.flowId);
  const userRoles = roles(run, clientId);
  const listed = userRoles.includes('run_owner') || userRoles.includes('run_manager');
  const managers = listed ? run.runManagers : [];
  const monitors = listed ? run.runMonitors : [];
  return {
    run_id: run.id,
    action_id: run.id,
    completion_time: runIsOver(status) ? timersTime(run.finishesAt) : null,
    created_by: identityUrn(run.ownerClientId),
    details: details(run, status, flow),
    display_status: status,
    flow_id: run.flowId,
    flow_last_updated: flow ? timersTime(flow.createdAt) : null,
    flow_title: flow?.title ?? null,
    label: run.label,
    manage_by: managers,
    monitor_by: monitors,
    run_managers: managers,
    run_monitors: monitors,
    run_owner: identityUrn(run.ownerClientId),
    start_time: timersTime(run.startTime),
    status,
    tags: run.tags,
    user_role: userRoles[0] ?? 'run_monitor',
    user_roles: userRoles,
    blocking_web_input_id: null,
  };
}

/** `flow_description`, added by `include_flow_description=true` (SDK `FLOW_DESCRIPTION`). */
export function flowDescription(flow: FlowRecord): Record<string, unknown> {
  const created = timersTime(flow.createdAt);
  return {
    created_at: created,
    created_by: identityUrn(flow.ownerId),
    description: flow.description,
    flow_owner: identityUrn(flow.ownerId),
    globus_auth_scope: flowUserScope(flow.id),
    id: flow.id,
    keywords: flow.keywords,
    subtitle: flow.subtitle,
    title: flow.title,
    updated_at: created,
  };
}
