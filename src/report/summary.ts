import { nextRunOf, withZone, type LiveTimer } from '../timer/live-timer.js';
import type { OperationResult } from '../operations/context.js';
import { joinUrl } from '../globus/environments.js';
import { describeSchedule } from '../timer/schedule.js';
import { historyMarkdown } from './history.js';
import { leadPath, timerUrl } from './links.js';
import { planMarkdown } from './plan-markdown.js';
import { escapeCell as escape } from './markdown.js';
import { plural } from '../words.js';

const HEADER = '| Timer | Schedule | Status | Next run | Last run | Transfer task or flow run |';
const RULE = '| --- | --- | --- | --- | --- | --- |';

/** The job summary for any operation: a headline, a timer table, the plan, the failures. */
export function summaryMarkdown(result: OperationResult, appUrl: string): string {
  const lines = [`### Globus timer: ${result.operation} → ${result.result}`, ''];
  const timers = result.timers ?? (result.timer ? [result.timer] : []);
  if (timers.length > 0) {
    lines.push(HEADER, RULE, ...timers.map((timer) => row(timer, result, appUrl)), '');
    lines.push(...historyMarkdown(result, appUrl));
  } else if (result.operation === 'list') {
    lines.push('No timers.', '');
  }
  if (result.replacedJobId) lines.push(`Replaced timer \`${result.replacedJobId}\`.`, '');
  lines.push(...planMarkdown(result));
  if (result.failures.length > 0) {
    lines.push('**Failing:**', '', ...result.failures.map((failure) => `- ${escape(failure)}`), '');
  }
  return `${lines.join('\n')}\n`;
}

function row(timer: LiveTimer, result: OperationResult, appUrl: string): string {
  const run = result.timer?.jobId === timer.jobId ? result.lastRun : undefined;
  const lastRun = run?.run ?? timer.results[0];
  const time = readableUtc;
  const last = lastRun
    ? `${lastRun.ranAt ? time(lastRun.ranAt) : '?'} ${lastRun.status ?? ''}`.trim()
    : timer.lastRanAt
      ? time(timer.lastRanAt)
      : '—';
  const lead = run?.lead;
  const leadId = lead?.id ?? lastRun?.leadIds[0];
  const path = lead?.webPath ?? (leadId ? leadPath(timer, leadId) : undefined);
  const started =
    leadId && path
      ? `[${leadId.slice(0, 8)}…](${joinUrl(appUrl, path)})${lead ? ` ${escape(lead.description)}` : ''}`
      : '—';
  const cells = [
    `[${escape(timer.name || timer.jobId)}](${timerUrl(appUrl, timer.jobId)})<br>\`${timer.jobId}\``,
    timer.schedule ? escape(describeSchedule(timer.schedule, time)) : '—',
    `${timer.status} (${plural(timer.runs, 'run')}, ${plural(timer.errors, 'error')})`,
    time(nextRunOf(timer) ?? '') || '—',
    escape(last),
    started,
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * A Timers time as people read it, `2026-12-01T02:00 UTC` (seconds when there are some), not
 * `2026-12-01T02:00:00.000000+00:00`. Without luxon or Intl: a summary must not cost a check
 * the date machinery it otherwise never loads. A time without an offset is UTC, as Timers means.
 */
export function readableUtc(wire: string): string {
  const milliseconds = Date.parse(withZone(wire) ?? '');
  if (!wire || Number.isNaN(milliseconds)) return wire;
  const iso = new Date(milliseconds).toISOString();
  const seconds = iso.slice(17, 19);
  return `${iso.slice(0, 16)}${seconds === '00' ? '' : `:${seconds}`} UTC`;
}
