import { isDeleted } from '../timer/live-timer.js';
import type { OperationContext, OperationResult } from './context.js';
import { plural } from '../words.js';

/** list: the client's timers, filtered by name (substring, as the API does) and status. */
export async function list(context: OperationContext): Promise<OperationResult> {
  const { inputs, timers, log } = context;
  const found = await timers.list({
    ...(inputs.target.name ? { name: inputs.target.name } : {}),
    status: inputs.statusFilter,
  });
  const live = found.filter((timer) => !isDeleted(timer));
  log.info(
    `${plural(live.length, 'timer')}${inputs.target.name ? ` matching "${inputs.target.name}"` : ''}`,
  );
  for (const timer of live) {
    log.info(`  ${timer.jobId}  ${timer.kind.padEnd(8)} ${timer.status.padEnd(10)} ${timer.name}`);
  }
  return { operation: 'list', result: 'listed', changed: false, timers: live, failures: [] };
}
