import type { Operation } from '../inputs.js';
import { apply, create, plan } from './apply.js';
import { check } from './check.js';
import type { OperationContext, OperationResult } from './context.js';
import { deleteTimer } from './delete.js';
import { list } from './list.js';
import { pause } from './pause.js';
import { resume } from './resume.js';
import { update } from './update.js';
import { wait } from './wait.js';

export const OPERATION_HANDLERS: Record<
  Operation,
  (context: OperationContext) => Promise<OperationResult>
> = {
  apply,
  plan,
  create,
  update,
  check,
  wait,
  list,
  pause,
  resume,
  delete: deleteTimer,
};
