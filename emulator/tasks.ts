/**
 * Transfer task documents for the tasks timer runs submit, shaped like the captured
 * `transfer_task_*.json` fixtures. A task's status follows the virtual clock: ACTIVE until
 * `finishesAt`, then its outcome (SUCCEEDED, or FAILED with a fatal error and a fault).
 */
import type { CollectionDocument } from './collections.js';
import type { Task } from './state.js';
import { DAY, SECOND, transferTime } from './time.js';

/** Every emulated file is 1 MiB; recursive items are a directory holding two files. */
const FILE_BYTES = 1_048_576;
const FILES_PER_DIRECTORY = 2;

export type TaskStatus = 'ACTIVE' | 'SUCCEEDED' | 'FAILED';

export const taskStatus = (task: Task, now: number): TaskStatus =>
  now < task.finishesAt ? 'ACTIVE' : task.outcome;

function counters(task: Task, status: TaskStatus) {
  const directories = task.body.DATA.filter((item) => item.recursive === true).length;
  const files = task.body.DATA.length - directories + directories * FILES_PER_DIRECTORY;
  const subtasksTotal = files + directories;
  const failed = status === 'FAILED' ? 1 : 0;
  const done = status === 'ACTIVE' ? 0 : subtasksTotal - failed;
  const filesTransferred = status === 'ACTIVE' ? 0 : Math.max(0, files - failed);
  const bytesTransferred = filesTransferred * FILE_BYTES;
  const seconds = Math.max(1, (task.finishesAt - task.requestTime) / SECOND);
  return {
    bytes_checksummed: task.body.verify_checksum ? bytesTransferred : 0,
    bytes_transferred: bytesTransferred,
    directories,
    effective_bytes_per_second: Math.floor(bytesTransferred / seconds),
    faults: failed,
    files,
    files_skipped: 0,
    files_transferred: filesTransferred,
    subtasks_canceled: 0,
    subtasks_expired: 0,
    subtasks_failed: failed,
    subtasks_pending: status === 'ACTIVE' ? subtasksTotal : 0,
    subtasks_retrying: 0,
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
): Record<string, unknown> {
  const status = taskStatus(task, now);
  const { body } = task;
  const source = endpointNames(collections.get(body.source_endpoint), body.source_endpoint);
  const destination = endpointNames(
    collections.get(body.destination_endpoint),
    body.destination_endpoint,
  );
  const active = status === 'ACTIVE';
  return {
    DATA_TYPE: 'task',
    ...counters(task, status),
    canceled_by_admin: null,
    canceled_by_admin_message: null,
    command: 'API 0.10',
    completion_time: active ? null : transferTime(task.finishesAt),
    deadline:
      typeof body.deadline === 'string' ? body.deadline : transferTime(task.requestTime + DAY),
    delete_destination_extra: body.delete_destination_extra,
    destination_endpoint: destination.name,
    destination_endpoint_display_name: destination.displayName,
    destination_endpoint_id: body.destination_endpoint,
    encrypt_data: body.encrypt_data,
    fail_on_quota_errors: body.fail_on_quota_errors,
    fatal_error:
      status === 'FAILED'
        ? { code: 'PERMISSION_DENIED', description: 'permission denied on the destination path' }
        : null,
    filter_rules: body.filter_rules ?? null,
    history_deleted: false,
    is_ok: active ? true : null,
    is_paused: false,
    label: body.label ?? null,
    nice_status: active ? 'OK' : null,
    nice_status_details: null,
    nice_status_expires_in: active ? -1 : null,
    nice_status_short_description: active ? 'OK' : null,
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
