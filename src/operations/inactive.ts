import { requiredScopes, sessionRequirements } from '../globus/authorization-requirements.js';
import { consentWords, dataAccessCollections } from '../globus/scopes.js';
import type { LiveTimer } from '../timer/live-timer.js';

/** Why a timer is inactive, in words that say what to do (check and apply say it). */
export function explainInactive(timer: LiveTimer): string {
  const reason = timer.inactiveReason;
  const id = timer.jobId;
  if (!reason) return `timer ${id} is inactive (Globus gave no reason)`;
  if (reason.cause === 'user') {
    return `timer ${id} is paused; resume it (operation: resume) to let it run again`;
  }
  if (reason.cause !== 'globus_auth_requirements')
    return `timer ${id} is inactive (${reason.cause})`;
  const scopes = requiredScopes(reason.detail);
  const fix =
    scopes.length === 0
      ? []
      : [
          `resume it (operation: resume) to ask for that consent and update the timer's credentials${
            dataAccessCollections(scopes).length > 0
              ? ' (data-access: auto, the default, asks for every collection that needs it)'
              : ''
          }`,
        ];
  return [`timer ${id} is inactive: ${missingConsents(timer)}`, ...fix].join('; ');
}

/**
 * What a timer inactive for Globus Auth requirements lacks, in words (`it needs consent for
 * data_access on collection …`, `running flow …`), and what no consent can give it — without
 * the advice to resume: resume says this before it does so.
 */
export function missingConsents(timer: LiveTimer): string {
  const detail = timer.inactiveReason?.detail;
  const consents = consentWords(requiredScopes(detail));
  const session = sessionRequirements(detail);
  return [
    'Globus Auth requirements are not met',
    ...(consents.length > 0 ? [`it needs consent for ${consents.join(' and ')}`] : []),
    ...(session.length > 0
      ? [
          `it also has session requirements (${session.join(', ')}) a client identity cannot meet; use collections without such policies`,
        ]
      : []),
  ].join('; ');
}
