/**
 * What one run of a transfer timer does (docs/globus-variants.md): a timer whose stored credentials
 * lack a needed data_access scope stops for auth requirements; a submission Transfer refuses
 * (unknown collection, a label outside the strict rule, an injected failure) is an error with no
 * task; otherwise the run submits a Transfer task, which ends on the virtual clock as the setting
 * `transfer_outcome` says, or FAILED when a failure was queued for it — or, made to, stands still
 * (ACTIVE retrying on an error, or INACTIVE) until its deadline.
 */
import { hasDataAccessScope } from './collections.js';
import { consentRequiredError } from './gare.js';
import { newActionId, newUuid } from './ids.js';
import { timerScopeChain } from './scopes.js';
import type {
  EmulatorState,
  RunFailureKind,
  RunResult,
  Task,
  TransferBody,
  TransferTimer,
} from './state.js';
import { DEFAULT_STALL_CODE, deadlineOf } from './task-events.js';
import { SECOND } from './time.js';
import { transferErrorDocument } from './transfer.js';

const DATA_ACCESS_MESSAGE = 'Missing required data_access consent';
/** Where a run submits its task; Transfer errors name it as their `resource`. */
const SUBMIT = '/v0.10/transfer';
/**
 * The label characters older Globus docs and the retired timer CLI allow (docs/globus-variants.md);
 * Transfer refuses others at submission under the setting `label_rule: strict`.
 */
const STRICT_LABEL = /^[A-Za-z0-9 _,-]*$/;

export function runTransferTimer(
  timer: TransferTimer,
  state: EmulatorState,
  now: number,
  failure: RunFailureKind | null,
  errorCode?: string,
): RunResult {
  const required = requiredDataAccess(timer.body, state);
  if (failure === 'auth' || required.some((id) => !timer.dataAccess.includes(id))) {
    return {
      kind: 'auth_required',
      ranAt: now,
      error: consentRequiredError(
        [timerScopeChain(required)],
        'ConsentRequired',
        DATA_ACCESS_MESSAGE,
      ),
    };
  }
  const refusal = refusedSubmission(timer.body, state, failure === 'submission');
  if (refusal) return { kind: 'submission_error', ranAt: now, ...refusal };
  const stall = stallOf(failure, errorCode);
  const task: Task = {
    id: newUuid(),
    ownerClientId: timer.ownerClientId,
    timerId: timer.id,
    body: timer.body,
    requestTime: now,
    finishesAt: now + state.config.task_active_seconds * SECOND,
    outcome: failure === 'transfer' || stall ? 'FAILED' : state.config.transfer_outcome,
    ...(stall ? { stall } : {}),
  };
  // A task that stands still does not move until its deadline, and then fails (Transfer's Task
  // Behavior documentation).
  if (stall) task.finishesAt = deadlineOf(task);
  state.tasks.set(task.id, task);
  return { kind: 'task', ranAt: now, taskId: task.id, actionId: newActionId() };
}

/** How a task made to stand still does: ACTIVE retrying on an error, or INACTIVE. */
function stallOf(failure: RunFailureKind | null, code: string | undefined): Task['stall'] {
  if (failure === 'transfer_stalled') {
    return { status: 'ACTIVE', code: code ?? DEFAULT_STALL_CODE.ACTIVE };
  }
  if (failure === 'transfer_inactive') {
    return { status: 'INACTIVE', code: code ?? DEFAULT_STALL_CODE.INACTIVE };
  }
  return undefined;
}

/** Why Transfer would refuse the run's submission, if it would: the status and error document. */
function refusedSubmission(
  body: TransferBody,
  state: EmulatorState,
  injected: boolean,
): { httpStatus: number; error: Record<string, unknown> } | undefined {
  const { source_endpoint, destination_endpoint, label } = body;
  const unknown = [source_endpoint, destination_endpoint].find((id) => !state.collections.has(id));
  if (unknown !== undefined) {
    const message = `No such endpoint '${unknown}'`;
    return { httpStatus: 404, error: transferErrorDocument('EndpointNotFound', message, SUBMIT) };
  }
  if (state.config.label_rule === 'strict' && !STRICT_LABEL.test(label ?? '')) {
    return { httpStatus: 400, error: transferErrorDocument('BadRequest', 'Invalid label', SUBMIT) };
  }
  if (injected) {
    const message = 'The Transfer service is temporarily unavailable';
    return {
      httpStatus: 503,
      error: transferErrorDocument('ServiceUnavailable', message, SUBMIT),
    };
  }
  return undefined;
}

/** The collections of a transfer body that need a data_access scope, without repeats. */
export function requiredDataAccess(body: TransferBody, state: EmulatorState): string[] {
  const ids = [body.source_endpoint, body.destination_endpoint];
  return [...new Set(ids)].filter((id) => hasDataAccessScope(state.collections.get(id)));
}
