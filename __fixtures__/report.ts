import type { OperationResult } from '../src/operations/context.js';

/** The web app the report links to (the production environment's). */
export const APP = 'https://app.globus.org';

/** An operation's result with nothing in it but what the overrides say. */
export function operationResult(overrides: Partial<OperationResult> = {}): OperationResult {
  return { operation: 'check', result: 'checked', changed: false, failures: [], ...overrides };
}
