/**
 * Transfer task documents for the tasks timer runs submit, shaped like the captured
 * `transfer_task_*.json` fixtures. A task's status follows the virtual clock: ACTIVE until
 * `finishesAt`, then its outcome (SUCCEEDED, or FAILED with a fatal error and a fault). A task
 * made to stand still is ACTIVE with `is_ok: false`, its error's code as `nice_status` and a
 * fault every retry — or INACTIVE — until its deadline, when it fails as expired. How much of
 * that error it shows is the setting `stalled_task_shape`.
 */
import type { CollectionDocument } from './collections.js';
import type { Task } from './state.js';
import type { StalledTaskShape } from './config.js';
import { STALL_ERRORS, deadlineOf, stallFaults } from './task-events.js';
import { SECOND, transferTime } from './time.js';

/** Every emulated file is 1 MiB; recursive items are a directory holding two files. */
const FILE_BYTES = 1_048_576;
const FILES_PER_DIRECTORY = 2;

export type TaskStatus = 'ACTIVE' | 'INACTIVE' | 'SUCCEEDED' | 'FAILED';

export const taskStatus = (task: Task, now: number): TaskStatus =>
  now < task.finishesAt ? (task.stall?.status ?? 'ACTIVE') : task.outcome;

/** SUCCEEDED and FAILED tasks are over; ACTIVE and INACTIVE ones are still under way. */
export const taskIsOver = (status: TaskStatus): boolean =>
  status === 'SUCCEEDED' || status === 'FAILED';

function counters(task: Task, status: TaskStatus, now: number) {
  const directories = task.body.DATA.filter((item) => item.recursive === true).length;
  const files = task.body.DATA.length - directories + directories * FILES_PER_DIRECTORY;
  const subtasksTotal = files + directories;
  const over = taskIsOver(status);
  // A stalled task moved nothing: every subtask met its error (and, past the deadline, expired).
  const failed = task.stall ? (over ? subtasksTotal : 0) : status === 'FAILED' ? 1 : 0;
  const done = over ? subtasksTotal - failed : 0;
  const filesTransferred = over && !task.stall ? Math.max(0, files - failed) : 0;
  const bytesTransferred = filesTransferred * FILE_BYTES;
  const seconds = Math.max(1, (task.finishesAt - task.requestTime) / SECOND);
  return {
    bytes_checksummed: task.body.verify_checksum ? bytesTransferred : 0,
    bytes_transferred: bytesTransferred,
    directories,
    effective_bytes_per_second: Math.floor(bytesTransferred / seconds),
    faults: task.stall ? stallFaults(task, now) : failed,
    files,
    files_skipped: 0,
    files_transferred: filesTransferred,
    subtasks_canceled: 0,
    subtasks_expired: task.stall && over ? subtasksTotal : 0,
    subtasks_failed: task.stall ? 0 : failed,
    subtasks_pending: over ? 0 : subtasksTotal,
    subtasks_retrying: task.stall && !over ? subtasksTotal : 0,
    subtasks_skipped_errors: 0,
    subtasks_succeeded: done,
    subtasks_total: subtasksTotal,
    symlinks: 0,
  };
}

function endpointNames(collection: CollectionDocument | undefined, id: string) {
  const legacyName = collection?.canonical_name ?? collection?.display_name ?? id;
  return { name: legacyName, displayName: collection?.display_name ?? null };
}

/** `GET /v0.10/task/{id}` */
export function taskDocument(
  task: Task,
  now: number,
  collections: ReadonlyMap<string, CollectionDocument>,
  shape: StalledTaskShape = 'full',
): Record<string, unknown> {
  const status = taskStatus(task, now);
  const { body } = task;
  const source = endpointNames(collections.get(body.source_endpoint), body.source_endpoint);
  const destination = endpointNames(
    collections.get(body.destination_endpoint),
    body.destination_endpoint,
  );
  const active = !taskIsOver(status);
  return {
    DATA_TYPE: 'task',
    ...counters(task, status, now),
    canceled_by_admin: null,
    canceled_by_admin_message: null,
    command: 'API 0.10',
    completion_time: active ? null : transferTime(task.finishesAt),
    deadline: typeof body.deadline === 'string' ? body.deadline : transferTime(deadlineOf(task)),
    delete_destination_extra: body.delete_destination_extra,
    destination_endpoint: destination.name,
    destination_endpoint_display_name: destination.displayName,
    destination_endpoint_id: body.destination_endpoint,
    encrypt_data: body.encrypt_data,
    fail_on_quota_errors: body.fail_on_quota_errors,
    fatal_error: status === 'FAILED' ? fatalError(task) : null,
    filter_rules: body.filter_rules ?? null,
    history_deleted: false,
    ...niceStatus(task, active, shape),
    is_paused: false,
    label: body.label ?? null,
    nice_status_details: null,
    owner_id: task.ownerClientId,
    preserve_timestamp: body.preserve_timestamp,
    recursive_symlinks: 'ignore',
    request_time: transferTime(task.requestTime),
    skip_source_errors: body.skip_source_errors,
    source_endpoint: source.name,
    source_endpoint_display_name: source.displayName,
    source_endpoint_id: body.source_endpoint,
    status,
    sync_level: body.sync_level ?? null,
    task_id: task.id,
    type: 'TRANSFER',
    username: `${task.ownerClientId}@clients.auth.globus.org`,
    verify_checksum: body.verify_checksum,
  };
}

/** Why a task failed: the error of an emulated failure, or a stalled task's deadline. */
function fatalError(task: Task): Record<string, string> {
  return task.stall
    ? { code: 'EXPIRED', description: 'the task did not complete before its deadline' }
    : { code: 'PERMISSION_DENIED', description: 'permission denied on the destination path' };
}

/**
 * `is_ok` and `nice_status`: OK while a task goes well, the error's code while it stands still
 * (for about 15 minutes after each error, and the emulated task meets one every retry), nothing
 * once it is over. `stalled_task_shape` leaves out what a variant of the service may not show.
 */
function niceStatus(task: Task, active: boolean, shape: StalledTaskShape) {
  if (!active) {
    return {
      is_ok: null,
      nice_status: null,
      nice_status_expires_in: null,
      nice_status_short_description: null,
    };
  }
  if (!task.stall) {
    return {
      is_ok: true,
      nice_status: 'OK',
      nice_status_expires_in: -1,
      nice_status_short_description: 'OK',
    };
  }
  const { code } = task.stall;
  const described = STALL_ERRORS[code]?.description ?? code;
  const named = shape !== 'no_nice_status';
  return {
    ...(shape === 'no_is_ok' ? {} : { is_ok: false }),
    nice_status: named ? code : null,
    nice_status_expires_in: named ? 900 : null,
    nice_status_short_description: named
      ? `${described.charAt(0).toUpperCase()}${described.slice(1)}`
      : null,
  };
}
