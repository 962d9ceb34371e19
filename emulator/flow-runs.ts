/**
 * What one run of a flow timer does. Timers calls the flow's run endpoint with the timer's
 * stored credentials, so:
 *
 * - credentials without the flow's user scope stop the timer for auth requirements, asking for
 *   `timer[<flow user scope>]`, and start nothing (as a missing data_access does);
 * - a start Flows refuses — the flow gone or hidden from the timer's owner, input its schema
 *   refuses, an injected `submission` failure (503) — is an error result with no run;
 * - otherwise a Flows run starts, owned by the timer's client, labelled with the timer's name and
 *   carrying its tags, managers and monitors. It is ACTIVE for `run_active_seconds`, then
 *   SUCCEEDED, or FAILED / INACTIVE when the run was made to (`flow`, `flow_inactive`).
 */
import { flowVisibleTo } from './flow-documents.js';
import { flowsErrorDocument, inputErrorDocument } from './flows.js';
import { consentRequiredError } from './gare.js';
import { newUuid } from './ids.js';
import { inputProblems } from './input-schema.js';
import { timerFlowScope } from './scopes.js';
import type { EmulatorState, FlowRun, FlowTimer, RunFailureKind, RunResult } from './state.js';
import { SECOND } from './time.js';

/** Flows' limit on a run label; a longer timer name is cut there. */
const MAX_LABEL_LENGTH = 128;

export function runFlowTimer(
  timer: FlowTimer,
  state: EmulatorState,
  now: number,
  failure: RunFailureKind | null,
): RunResult {
  if (failure === 'auth' || !timer.flowConsents.includes(timer.flowId)) {
    const message = `Missing required consent for flow ${timer.flowId}`;
    const error = consentRequiredError([timerFlowScope(timer.flowId)], 'ConsentRequired', message);
    return { kind: 'auth_required', ranAt: now, error };
  }
  const refusal = refusedStart(timer, state, failure === 'submission');
  if (refusal) return { kind: 'submission_error', ranAt: now, ...refusal };
  const run: FlowRun = {
    id: newUuid(),
    flowId: timer.flowId,
    timerId: timer.id,
    ownerClientId: timer.ownerClientId,
    label: (timer.name ?? `Run of timer ${timer.id}`).slice(0, MAX_LABEL_LENGTH),
    tags: timer.body.tags ?? [],
    runManagers: timer.body.run_managers ?? [],
    runMonitors: timer.body.run_monitors ?? [],
    input: timer.body.body,
    startTime: now,
    finishesAt: now + state.config.run_active_seconds * SECOND,
    outcome: failure === 'flow' ? 'FAILED' : failure === 'flow_inactive' ? 'INACTIVE' : 'SUCCEEDED',
  };
  state.runs.set(run.id, run);
  return { kind: 'flow_run', ranAt: now, runId: run.id };
}

/** Why Flows would refuse to start the run, if it would: the status and Flows' error document. */
function refusedStart(
  timer: FlowTimer,
  state: EmulatorState,
  injected: boolean,
): { httpStatus: number; error: Record<string, unknown> } | undefined {
  const flow = state.flows.get(timer.flowId);
  if (!flow || !flowVisibleTo(flow, timer.ownerClientId)) {
    const detail = `No Flow exists with id value ${timer.flowId}`;
    return { httpStatus: 404, error: flowsErrorDocument('NOT_FOUND', detail) };
  }
  const problems = inputProblems(flow.inputSchema, timer.body.body);
  if (problems.length > 0) return { httpStatus: 400, error: inputErrorDocument(problems) };
  if (injected) {
    const detail = 'The Flows service is temporarily unavailable';
    return { httpStatus: 503, error: flowsErrorDocument('SERVICE_UNAVAILABLE', detail) };
  }
  return undefined;
}
