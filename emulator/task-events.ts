/**
 * What a task meets on its way, as Transfer tells it: the error a stalled task retries on (its
 * `nice_status`, faults growing with time) and the task's event list
 * (`GET /v0.10/task/{id}/event_list`, https://docs.globus.org/api/transfer/task/): `{"DATA_TYPE": "event_list", "length",
 * "limit", "offset", "total", "DATA": [event, …]}`, newest first, each event
 * `{"DATA_TYPE": "event", code, description, details, is_error, time}` — the shape of the
 * official CLI's captured `task_event_list.yaml` and the Task Events documentation. The error
 * words below follow the captured PERMISSION_DENIED event; the others are inferred.
 */
import type { Task } from './state.js';
import { DAY, MINUTE, transferTime } from './time.js';

/** Virtual time between a stalled task's retries: each one is a fault and an error event. */
const RETRY_INTERVAL = 10 * MINUTE;

/** The error codes a stalled task can be made to retry on, in Transfer's words. */
export const STALL_ERRORS: Record<string, { description: string; message: string }> = {
  PERMISSION_DENIED: {
    description: 'permission denied',
    message: '550-GlobusError: v=1 c=PERMISSION_DENIED\\r\\n550-GridFTP-Error: Path not allowed.',
  },
  ENDPOINT_ERROR: {
    description: 'endpoint error',
    message: '451-GlobusError: v=1 c=INTERNAL_ERROR\\r\\n451 Local resource failure: storage down.',
  },
  CONNECT_FAILED: {
    description: 'connection failed',
    message: 'Unable to connect to the server: Connection refused',
  },
  QUOTA_EXCEEDED: {
    description: 'quota exceeded',
    message: '451-GlobusError: v=1 c=QUOTA_EXCEEDED\\r\\n451 Disk quota exceeded.',
  },
  NO_CREDENTIALS: {
    description: 'no credentials',
    message: 'The credentials the task was submitted with have expired',
  },
};

/** What a stalled task (INACTIVE or retrying) is made to meet, when no code is named. */
export const DEFAULT_STALL_CODE = { ACTIVE: 'PERMISSION_DENIED', INACTIVE: 'NO_CREDENTIALS' };

/** When a task that cannot finish fails: its deadline (`deadline`, else a day after submission). */
export function deadlineOf(task: Task): number {
  const given = typeof task.body.deadline === 'string' ? Date.parse(task.body.deadline) : NaN;
  return Number.isNaN(given) ? task.requestTime + DAY : given;
}

/** Faults a stalled task has met by `now`: one at submission, one each retry after. */
export function stallFaults(task: Task, now: number): number {
  const until = Math.min(now, deadlineOf(task));
  return 1 + Math.max(0, Math.floor((until - task.requestTime) / RETRY_INTERVAL));
}

interface TaskEvent {
  DATA_TYPE: 'event';
  code: string;
  description: string;
  details: string;
  is_error: boolean;
  time: string;
}

const event = (code: string, description: string, details: string, isError: boolean, at: number) =>
  ({
    DATA_TYPE: 'event',
    code,
    description,
    details,
    is_error: isError,
    time: transferTime(at),
  }) satisfies TaskEvent;

/** The multi-line details of an error event, naming the collection, server, file and command. */
function errorDetails(task: Task, code: string, destinationName: string): string {
  const item = task.body.DATA[0];
  const path = item?.destination_path ?? '/';
  const message = STALL_ERRORS[code]?.message ?? code;
  return [
    'Error (transfer)',
    `Endpoint: ${destinationName} (${task.body.destination_endpoint})`,
    'Server: gridftp.emulator.invalid:443',
    `File: ${path}`,
    `Command: STOR ${path}`,
    'Message: Fatal FTP response',
    '---',
    `Details: ${message}\\r\\n`,
  ].join('\n');
}

/** Every event of the task by `now`, oldest first. */
function allEvents(task: Task, now: number, destinationName: string): TaskEvent[] {
  const started = event(
    'STARTED',
    'started',
    '{\n  "type": "GridFTP Transfer",\n  "concurrency": 2,\n  "parallelism": 4,\n  "pipelining": 20\n}',
    false,
    task.requestTime,
  );
  const events: TaskEvent[] = [started];
  const errorEvent = (code: string, at: number) =>
    event(
      code,
      STALL_ERRORS[code]?.description ?? code.toLowerCase().replace(/_/g, ' '),
      errorDetails(task, code, destinationName),
      true,
      at,
    );
  if (task.stall) {
    const faults = stallFaults(task, now);
    for (let fault = 0; fault < faults; fault++) {
      events.push(errorEvent(task.stall.code, task.requestTime + fault * RETRY_INTERVAL));
    }
    if (now >= deadlineOf(task)) {
      events.push(
        event(
          'EXPIRED',
          'expired',
          'Task failed to complete before its deadline',
          true,
          deadlineOf(task),
        ),
      );
    }
    return events;
  }
  if (now < task.finishesAt) return events;
  if (task.outcome === 'FAILED') {
    events.push(errorEvent('PERMISSION_DENIED', task.finishesAt));
  } else {
    events.push(event('SUCCEEDED', 'succeeded', '{"files_succeeded": 1}', false, task.finishesAt));
  }
  return events;
}

/** `GET /v0.10/task/{id}/event_list`: a page of the events, newest first. */
export function eventListDocument(
  task: Task,
  now: number,
  destinationName: string,
  page: { offset: number; limit: number },
  shown: boolean,
): Record<string, unknown> {
  const events = shown ? allEvents(task, now, destinationName).reverse() : [];
  const data = events.slice(page.offset, page.offset + page.limit);
  return {
    DATA_TYPE: 'event_list',
    length: data.length,
    limit: page.limit,
    offset: page.offset,
    total: events.length,
    DATA: data,
  };
}
