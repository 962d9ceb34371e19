/*
 * What `check` and `wait` may fail the step for (the `fail-on` input): each a way a timer or its
 * last run can go wrong that a team wants to hear about.
 */
export const FAIL_REASONS = [
  'run-error',
  'transfer-failed',
  'flow-failed',
  'inactive',
  'ended',
  'stale',
] as const;
export type FailReason = (typeof FAIL_REASONS)[number];
