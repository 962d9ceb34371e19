import { kindOf } from '../kinds/index.js';
import { formatProblem } from '../timer/problems.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import type { OperationContext } from './context.js';
import type { Plan } from './plan.js';

/**
 * Why the timer a plan would write could not run (a flow input its schema refuses): apply
 * would refuse it, so the plan fails and says why, each problem at its place.
 */
export async function writeProblems(
  context: OperationContext,
  desired: TimerSpec,
  planned: Plan,
): Promise<string[]> {
  if (planned.action !== 'create' && planned.action !== 'replace') return [];
  const problems = await kindOf(desired).problems(context, desired);
  return problems.map((problem) => `apply would fail: ${formatProblem(problem)}`);
}
