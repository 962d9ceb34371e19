import { GlobusApiError } from '../../globus/errors.js';
import { optional, type TimerRun } from '../../timer/live-timer.js';
import type { TransferTask } from '../../globus/transfer.js';
import type { FailReason } from '../../timer/fail-reasons.js';
import {
  followCandidates,
  type KindContext,
  type LeadMeasures,
  type LeadOutcome,
  type RunLead,
} from '../kind.js';
import { plural } from '../../words.js';
import { faults, latestError, stalledFailure, taskStall, type EventReading } from './task-stall.js';

/** A Transfer task's page in the web app, as the JS SDK links it. */
export const taskPath = (id: string): string => `/activity/${id}/overview`;

/** A transfer timer's run, followed into the Transfer task it submitted. */
export async function followTransfer(
  context: KindContext,
  run: TimerRun,
): Promise<RunLead | undefined> {
  return followCandidates(context, run, 'Transfer task', async (id) =>
    taskLead(await context.transfer.task(id), context),
  );
}

/**
 * A task as a run's lead. Given the context, a stalled task's lead can `explain` itself: one
 * more request reads its latest error event, which a lead without it leaves out.
 */
export function taskLead(
  task: TransferTask,
  context?: KindContext,
  events: EventReading = { state: 'unread' },
): RunLead {
  const stall = taskStall(task);
  const identity = context?.credentials.identity ?? '<client-id>@clients.auth.globus.org';
  const lead: RunLead = {
    what: 'Transfer task',
    id: task.task_id,
    status: task.status,
    // A stalled task will not finish soon: waiting for it would only wait out the timeout.
    settled: task.status !== 'ACTIVE' || stall !== undefined,
    stalled: stall !== undefined,
    outcome: stall ? 'stalled' : (OUTCOMES[task.status] ?? 'unknown'),
    measures: measuresOf(task),
    description: describeTask(task),
    webPath: taskPath(task.task_id),
    outputs: {
      'transfer-task-id': task.task_id,
      'transfer-status': task.status,
      'transfer-nice-status': task.nice_status ?? '',
      'transfer-faults': typeof task.faults === 'number' ? String(task.faults) : '',
    },
    failures: (failOn: readonly FailReason[]) => {
      if (failOn.includes('transfer-failed') && task.status === 'FAILED') return [taskFailed(task)];
      if (failOn.includes('transfer-stalled') && stall) {
        return [stalledFailure(task, stall, identity, events)];
      }
      return [];
    },
  };
  if (!stall || !context || events.state !== 'unread') return lead;
  return { ...lead, explain: () => explainStall(context, task) };
}

const OUTCOMES: Record<string, LeadOutcome> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  ACTIVE: 'in-progress',
};

/** The stalled task's lead with its latest error event; without it when it cannot be read. */
async function explainStall(context: KindContext, task: TransferTask): Promise<RunLead> {
  try {
    const events = await context.transfer.taskEvents(task.task_id);
    const latest = latestError(task, events);
    return taskLead(task, context, latest ? { state: 'read', latest } : { state: 'read' });
  } catch (error) {
    if (!(error instanceof GlobusApiError)) throw error;
    context.log.warning(
      `Could not read the events of Transfer task ${task.task_id}: ${error.message}`,
    );
    return taskLead(task, context, { state: 'unreadable' });
  }
}

function measuresOf(task: TransferTask): LeadMeasures {
  return {
    ...optional('files', task.files),
    ...optional('filesTransferred', task.files_transferred),
    ...optional('bytesTransferred', task.bytes_transferred),
    ...optional('startedAt', task.request_time),
    ...optional('endedAt', task.completion_time),
  };
}

function taskFailed(task: TransferTask): string {
  const fatal = task.fatal_error
    ? `: ${task.fatal_error.code ?? ''} ${task.fatal_error.description ?? ''}`.trimEnd()
    : '';
  return `transfer-failed: Transfer task ${task.task_id} FAILED${fatal} (${faults(task.faults ?? 0)})`;
}

/** "SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults" — what a run's Transfer task did. */
export function describeTask(task: TransferTask): string {
  const parts = [];
  if (typeof task.files === 'number') {
    const skipped = task.files_skipped ? `, ${task.files_skipped} skipped` : '';
    parts.push(`${task.files_transferred ?? 0} of ${plural(task.files, 'file')}${skipped}`);
  }
  if (typeof task.bytes_transferred === 'number') parts.push(formatBytes(task.bytes_transferred));
  if (typeof task.faults === 'number') parts.push(faults(task.faults));
  const fatal = task.fatal_error?.code
    ? `; ${task.fatal_error.code}: ${task.fatal_error.description ?? ''}`.trimEnd()
    : '';
  return `${task.status}${parts.length ? `: ${parts.join(', ')}` : ''}${fatal}${stallNote(task)}`;
}

/** `; retrying on PERMISSION_DENIED`, `; paused`: why an ACTIVE task stands still. */
function stallNote(task: TransferTask): string {
  const stall = taskStall(task);
  if (stall === 'paused') return '; paused';
  if (stall !== 'retrying') return '';
  return task.nice_status ? `; retrying on ${task.nice_status}` : '; retrying on an error';
}

/** 3145728 → "3.0 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
