import type { EntryResult, OperationResult } from '../operations/context.js';
import type { Plan } from '../operations/plan.js';
import { diffBlockLines } from '../operations/plan-diff.js';
import { escapeCell } from './markdown.js';

/*
 * The plan in the job summary and the pull-request comment: a table of every timer of a spec
 * file with what apply would do (or did) to it, then each change as a fenced `diff` block whose
 * `-`/`+` lines GitHub colours.
 */

const WOULD: Record<Plan['action'], string> = {
  create: 'would create',
  unchanged: 'unchanged',
  replace: 'would replace',
  rename: 'would rename',
  delete: 'would delete (no longer in the spec file)',
};

/** The plan's part of the summary: the table of a spec file's timers, then the diffs. */
export function planMarkdown(result: OperationResult): string[] {
  const lines: string[] = [];
  if (result.entries) lines.push(...entriesTable(result.entries), '');
  const plans = result.entries?.map((entry) => entry.plan) ?? (result.plan ? [result.plan] : []);
  for (const plan of plans) lines.push(...planBlock(plan));
  return lines;
}

/** Every timer of a spec file, with its action (plan) or result (apply). */
function entriesTable(entries: readonly EntryResult[]): string[] {
  const planned = entries.every((entry) => entry.result === 'planned');
  return [
    `| Timer | ${planned ? 'Plan' : 'Result'} |`,
    '| --- | --- |',
    ...entries.map((entry) => {
      const replaced = entry.replacedJobId ? ` (was \`${entry.replacedJobId}\`)` : '';
      const what = entry.result === 'planned' ? WOULD[entry.plan.action] : entry.result;
      return `| ${escapeCell(entry.plan.name)} | ${what}${replaced} |`;
    }),
  ];
}

/** One timer's changes as a fenced diff, under what is done to it; nothing when unchanged. */
export function planBlock(plan: Plan): string[] {
  if (plan.changes.length === 0 || plan.action === 'unchanged') return [];
  const id = plan.jobId ? ` (\`${plan.jobId}\`)` : '';
  return [
    `**Plan: ${plan.action}** \`${plan.name.replace(/`/g, "'")}\`${id}`,
    '',
    '```diff',
    ...diffBlockLines(plan.changes).map(fenceSafe),
    '```',
    '',
  ];
}

/** A line holding ``` would close the fence early. */
function fenceSafe(line: string): string {
  return line.replace(/```/g, '`\u200b``');
}
