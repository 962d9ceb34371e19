import { requiredScopes } from '../globus/authorization-requirements.js';
import { consentWords, dataAccessScope } from '../globus/scopes.js';
import type { OperationContext, OperationResult } from './context.js';
import { kindOf } from '../kinds/index.js';
import { missingConsents } from './inactive.js';
import { requireTarget } from './target.js';

/**
 * resume: let a paused or inactive timer run again. When it went inactive for Globus Auth
 * requirements, first obtain a token carrying every scope it names, then resume with
 * `update_credentials=true` so the timer keeps those credentials (what the official CLI does
 * for a client identity).
 */
export async function resume(context: OperationContext): Promise<OperationResult> {
  const { timers, log } = context;
  const timer = await requireTarget(context);
  if (timer.status !== 'inactive') {
    log.notice(
      `Timer "${timer.name}" (${timer.jobId}) is ${timer.status}, not paused; nothing to resume`,
    );
    return { operation: 'resume', result: 'resumed', changed: false, timer, failures: [] };
  }
  const authRequirements = timer.inactiveReason?.cause === 'globus_auth_requirements';
  if (authRequirements) {
    log.info(`Timer "${timer.name}" (${timer.jobId}) is inactive: ${missingConsents(timer)}`);
    // The scopes named, rebuilt in today's chain with what the timer's own kind needs (its
    // collections' data_access, its flow's scope): an old timer may name the retired Transfer
    // Action Provider chain, or nothing useful.
    const scopes = requiredScopes(timer.inactiveReason?.detail);
    const consents = await kindOf(timer).consentsOf(context, timer, context.inputs.dataAccess);
    const asked = consentWords([
      ...scopes,
      ...consents.dataAccess.map(dataAccessScope),
      ...consents.dependencies,
    ]);
    log.info(`Asking Globus Auth for that consent: ${asked.join(' and ')}`);
    await timers.authorize(scopes, consents);
  }
  await timers.resume(timer.jobId, authRequirements);
  log.info(
    `Resumed timer "${timer.name}" (${timer.jobId})${authRequirements ? ' with updated credentials' : ''}`,
  );
  const resumed = await timers.get(timer.jobId);
  return { operation: 'resume', result: 'resumed', changed: true, timer: resumed, failures: [] };
}
