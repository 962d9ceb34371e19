import type { FlowRun } from '../../globus/flows.js';
import type { TimerRun } from '../../timer/live-timer.js';
import type { FailReason } from '../../timer/fail-reasons.js';
import {
  followCandidates,
  type KindContext,
  type LeadMeasures,
  type LeadOutcome,
  type RunLead,
} from '../kind.js';
import { flowStalledFailure } from './run-stall.js';

/** A Flows run's page in the web app. */
export const flowRunPath = (id: string): string => `/runs/${id}`;

/** A flow timer's run, followed into the Flows run it started. */
export async function followFlow(
  context: KindContext,
  run: TimerRun,
): Promise<RunLead | undefined> {
  return followCandidates(context, run, 'Flows run', async (id) =>
    flowRunLead(await context.flows.run(id)),
  );
}

/** Statuses after which a Flows run does not change by itself (INACTIVE waits for a person). */
const SETTLED = new Set(['SUCCEEDED', 'FAILED', 'ENDED', 'INACTIVE']);
const FAILED = new Set(['FAILED', 'ENDED']);
const OUTCOMES: Record<string, LeadOutcome> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  ENDED: 'failed',
  INACTIVE: 'stalled',
  ACTIVE: 'in-progress',
};

export function flowRunLead(run: FlowRun): RunLead {
  return {
    what: 'Flows run',
    id: run.run_id,
    status: run.status,
    settled: SETTLED.has(run.status),
    stalled: run.status === 'INACTIVE',
    outcome: OUTCOMES[run.status] ?? 'unknown',
    measures: measuresOf(run),
    description: describeFlowRun(run),
    webPath: flowRunPath(run.run_id),
    outputs: { 'flow-run-id': run.run_id, 'flow-run-status': run.status },
    failures: (failOn: readonly FailReason[]) => failuresOf(run, failOn),
  };
}

function failuresOf(run: FlowRun, failOn: readonly FailReason[]): string[] {
  if (failOn.includes('flow-failed') && FAILED.has(run.status)) {
    return [`flow-failed: Flows run ${run.run_id} ${statusOf(run)}`];
  }
  if (failOn.includes('flow-stalled') && run.status === 'INACTIVE') {
    return [flowStalledFailure(run)];
  }
  return [];
}

function measuresOf(run: FlowRun): LeadMeasures {
  return {
    ...(run.start_time ? { startedAt: run.start_time } : {}),
    ...(run.completion_time ? { endedAt: run.completion_time } : {}),
  };
}

/**
 * "SUCCEEDED (Succeeded), 2026-12-01T02:00:00Z → 2026-12-01T02:03:10Z"; a run under way is
 * "still running", one waiting for someone (INACTIVE) has only "started …".
 */
export function describeFlowRun(run: FlowRun): string {
  const end = run.completion_time ?? (run.status === 'ACTIVE' ? 'still running' : undefined);
  const times = run.start_time
    ? end
      ? `, ${run.start_time} → ${end}`
      : `, started ${run.start_time}`
    : '';
  return `${statusOf(run)}${times}`;
}

/** `FAILED`, or `INACTIVE (Waiting for consent)`: the display status only when it says more. */
function statusOf(run: FlowRun): string {
  const display = run.display_status?.trim();
  return display && display.toUpperCase() !== run.status.toUpperCase()
    ? `${run.status} (${display})`
    : run.status;
}
