import type { TimerRun } from '../../timer/live-timer.js';
import type { TransferTask } from '../../globus/transfer.js';
import type { FailReason } from '../../timer/fail-reasons.js';
import { followCandidates, type KindContext, type RunLead } from '../kind.js';

/** A Transfer task's page in the web app, as the JS SDK links it. */
export const taskPath = (id: string): string => `/activity/${id}/overview`;

/** A transfer timer's run, followed into the Transfer task it submitted. */
export async function followTransfer(
  context: KindContext,
  run: TimerRun,
): Promise<RunLead | undefined> {
  return followCandidates(context, run, 'Transfer task', async (id) =>
    taskLead(await context.transfer.task(id)),
  );
}

export function taskLead(task: TransferTask): RunLead {
  return {
    what: 'Transfer task',
    id: task.task_id,
    status: task.status,
    settled: task.status !== 'ACTIVE',
    description: describeTask(task),
    webPath: taskPath(task.task_id),
    outputs: { 'transfer-task-id': task.task_id, 'transfer-status': task.status },
    failures: (failOn: readonly FailReason[]) =>
      failOn.includes('transfer-failed') && task.status === 'FAILED' ? [taskFailed(task)] : [],
  };
}

function taskFailed(task: TransferTask): string {
  const fatal = task.fatal_error
    ? `: ${task.fatal_error.code ?? ''} ${task.fatal_error.description ?? ''}`.trimEnd()
    : '';
  return `transfer-failed: Transfer task ${task.task_id} FAILED${fatal} (${task.faults ?? 0} faults)`;
}

/** "SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults" — what a run's Transfer task did. */
export function describeTask(task: TransferTask): string {
  const parts = [];
  if (typeof task.files === 'number') {
    const skipped = task.files_skipped ? `, ${task.files_skipped} skipped` : '';
    parts.push(`${task.files_transferred ?? 0} of ${task.files} files${skipped}`);
  }
  if (typeof task.bytes_transferred === 'number') parts.push(formatBytes(task.bytes_transferred));
  if (typeof task.faults === 'number') parts.push(`${task.faults} faults`);
  const fatal = task.fatal_error?.code
    ? `; ${task.fatal_error.code}: ${task.fatal_error.description ?? ''}`.trimEnd()
    : '';
  return `${task.status}${parts.length ? `: ${parts.join(', ')}` : ''}${fatal}`;
}

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
