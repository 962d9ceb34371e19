import type { FlowRun } from '../../globus/flows.js';
import type { TimerRun } from '../../timer/live-timer.js';
import type { FailReason } from '../../timer/fail-reasons.js';
import { followCandidates, type KindContext, type RunLead } from '../kind.js';

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

export function flowRunLead(run: FlowRun): RunLead {
  return {
    what: 'Flows run',
    id: run.run_id,
    status: run.status,
    settled: SETTLED.has(run.status),
    description: describeFlowRun(run),
    webPath: flowRunPath(run.run_id),
    outputs: { 'flow-run-id': run.run_id, 'flow-run-status': run.status },
    failures: (failOn: readonly FailReason[]) => failuresOf(run, failOn),
  };
}

function failuresOf(run: FlowRun, failOn: readonly FailReason[]): string[] {
  const display = run.display_status ? ` (${run.display_status})` : '';
  if (failOn.includes('flow-failed') && FAILED.has(run.status)) {
    return [`flow-failed: Flows run ${run.run_id} ${run.status}${display}`];
  }
  if (failOn.includes('inactive') && run.status === 'INACTIVE') {
    return [
      `inactive: Flows run ${run.run_id} is INACTIVE${display}: it waits for someone to act (see the run in the web app)`,
    ];
  }
  return [];
}

/** "SUCCEEDED (Succeeded), 2026-12-01T02:00:00Z → 2026-12-01T02:03:10Z" */
export function describeFlowRun(run: FlowRun): string {
  const display =
    run.display_status && run.display_status !== run.status ? ` (${run.display_status})` : '';
  const times = run.start_time
    ? `, ${run.start_time} → ${run.completion_time ?? 'still running'}`
    : '';
  return `${run.status}${display}${times}`;
}
