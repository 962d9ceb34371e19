/** Every output the step sets, as action.yml declares them; each is always set ('' if unknown). */
export const OUTPUT_NAMES = [
  'job-id',
  'status',
  'result',
  'changed',
  'next-run',
  'last-run-at',
  'last-run-status',
  'n-runs',
  'n-errors',
  'transfer-task-id',
  'transfer-status',
  'transfer-nice-status',
  'transfer-faults',
  'flow-run-id',
  'flow-run-status',
  'timer-url',
  'timer',
  'timers',
  'plan',
  'history',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
