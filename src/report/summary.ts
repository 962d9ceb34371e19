import type { LiveTimer } from '../globus/live-timer.js';
import type { OperationResult } from '../operations/context.js';
import { describeTask } from '../operations/health.js';
import { describeChanges } from '../operations/plan.js';
import { describeSchedule } from '../spec/schedule.js';
import { taskUrl, timerUrl } from './links.js';

const HEADER = '| Timer | Schedule | Status | Next run | Last run | Transfer task |';
const RULE = '| --- | --- | --- | --- | --- | --- |';

/** The job summary for any operation: a headline, a timer table, the plan, the failures. */
export function summaryMarkdown(result: OperationResult, appUrl: string): string {
  const lines = [`### Globus timer: ${result.operation} → ${result.result}`, ''];
  const timers = result.timers ?? (result.timer ? [result.timer] : []);
  if (timers.length > 0) {
    lines.push(HEADER, RULE, ...timers.map((timer) => row(timer, result, appUrl)), '');
  } else if (result.operation === 'list') {
    lines.push('No timers.', '');
  }
  if (result.replacedJobId) lines.push(`Replaced timer \`${result.replacedJobId}\`.`, '');
  if (result.plan && result.plan.changes.length > 0 && result.plan.action !== 'unchanged') {
    lines.push(`**Plan: ${result.plan.action}** \`${result.plan.name}\``, '', '```diff');
    lines.push(...describeChanges(result.plan.changes).map((line) => `~ ${line}`), '```', '');
  }
  if (result.failures.length > 0) {
    lines.push('**Failing:**', '', ...result.failures.map((failure) => `- ${escape(failure)}`), '');
  }
  return `${lines.join('\n')}\n`;
}

function row(timer: LiveTimer, result: OperationResult, appUrl: string): string {
  const run = result.timer?.jobId === timer.jobId ? result.lastRun : undefined;
  const lastRun = run?.run ?? timer.results[0];
  const last = lastRun
    ? `${lastRun.ranAt ?? '?'} ${lastRun.status ?? ''}`.trim()
    : (timer.lastRanAt ?? '—');
  const taskId = run?.task?.task_id ?? lastRun?.taskId;
  const task = taskId
    ? `[${taskId.slice(0, 8)}…](${taskUrl(appUrl, taskId)})${run?.task ? ` ${escape(describeTask(run.task))}` : ''}`
    : '—';
  const cells = [
    `[${escape(timer.name || timer.jobId)}](${timerUrl(appUrl, timer.jobId)})<br>\`${timer.jobId}\``,
    timer.schedule ? escape(describeSchedule(timer.schedule)) : '—',
    `${timer.status} (${timer.runs} runs, ${timer.errors} errors)`,
    timer.nextRun ?? '—',
    escape(last),
    task,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Table cells must not break the table. */
function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
