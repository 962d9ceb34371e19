/*
 * What `check` and `wait` may fail the step for (the `fail-on` input): each a way a timer or its
 * last run can go wrong that a team wants to hear about.
 */
export const FAIL_REASONS = [
  'run-error',
  'transfer-failed',
  'transfer-stalled',
  'flow-failed',
  'flow-stalled',
  'inactive',
  'ended',
  'stale',
] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

/** What `fail-on` holds when a workflow leaves it out (action.yml declares the same). */
export const DEFAULT_FAIL_REASONS: readonly FailReason[] = [
  'run-error',
  'transfer-failed',
  'transfer-stalled',
  'flow-failed',
  'flow-stalled',
  'inactive',
];
