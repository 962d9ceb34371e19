import { joinUrl } from '../globus/environments.js';
import { formatBytes } from '../kinds/transfer/task.js';
import type { OperationResult, RunReport } from '../operations/context.js';
import { historyHeadline, reportOutcome, type ReportOutcome } from '../operations/health.js';
import { formatDuration } from '../timer/duration.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { leadPath } from './links.js';
import { escapeCell } from './markdown.js';

/*
 * The timer's recent runs side by side: whether tonight's failure is the first in a month or the
 * fifth in a row, whether the nightly transfer grows slowly or suddenly moved nothing. A table in
 * the job summary with a bar per run drawn in text (block characters in a code span, which
 * GitHub's Markdown renders everywhere: summaries, comments, issues), and the same as JSON in the
 * `history` output.
 */

/** Characters in a full bar. */
const BAR_WIDTH = 10;
const FULL = '▇';
const EMPTY = '▁';

const OUTCOME_CELLS: Record<ReportOutcome, string> = {
  succeeded: '✅ succeeded',
  failed: '❌ failed',
  stalled: '⚠️ stalled',
  'in-progress': '⏳ in progress',
  unknown: '❔ unknown',
};

/** One run as the table and the output show it. */
interface HistoryRow {
  report: RunReport;
  outcome: ReportOutcome;
  id?: string;
  url?: string;
  seconds?: number;
}

function rowsOf(timer: LiveTimer, history: readonly RunReport[], appUrl: string): HistoryRow[] {
  return history.map((report) => {
    const { lead } = report;
    const id = lead?.id ?? report.run.leadIds[0];
    const path = lead?.webPath ?? (id ? leadPath(timer, id) : undefined);
    const seconds = durationOf(report);
    return {
      report,
      outcome: reportOutcome(report),
      ...(id ? { id } : {}),
      ...(path ? { url: joinUrl(appUrl, path) } : {}),
      ...(seconds === undefined ? {} : { seconds }),
    };
  });
}

/** Seconds from start to end of what the run started, when both are known. */
function durationOf(report: RunReport): number | undefined {
  const { startedAt, endedAt } = report.lead?.measures ?? {};
  if (!startedAt || !endedAt) return undefined;
  const seconds = Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** The `history` output: the same runs as JSON, '' when history is off. */
export function historyOutput(
  result: Pick<OperationResult, 'timer' | 'history'>,
  appUrl: string,
): string {
  const { timer, history } = result;
  if (!timer || !history) return '';
  const idKey = timer.kind === 'flow' ? 'flow_run_id' : 'transfer_task_id';
  return JSON.stringify(
    rowsOf(timer, history, appUrl).map(({ report, outcome, id, url, seconds }) => {
      const measures = report.lead?.measures ?? {};
      return {
        ran_at: report.run.ranAt ?? null,
        outcome,
        run_status: report.run.status ?? null,
        [idKey]: id ?? null,
        status: report.lead?.status ?? null,
        files: measures.files ?? null,
        files_transferred: measures.filesTransferred ?? null,
        bytes_transferred: measures.bytesTransferred ?? null,
        duration_seconds: seconds ?? null,
        url: url ?? null,
      };
    }),
  );
}

/** The summary's recent-runs section: a headline and a table, none when history is off. */
export function historyMarkdown(result: OperationResult, appUrl: string): string[] {
  const { timer, history } = result;
  if (!timer || !history) return [];
  const headline = historyHeadline(history);
  const lines = [`**Recent runs:** ${headline}.`, ''];
  if (history.length === 0) return lines;
  const rows = rowsOf(timer, history, appUrl);
  const transfer = timer.kind === 'transfer';
  const byBytes = transfer && rows.some((row) => (bytesOf(row) ?? 0) > 0);
  const scale = Math.max(0, ...rows.map((row) => (byBytes ? bytesOf(row) : row.seconds) ?? 0));
  const bar = (value: number | undefined) =>
    value === undefined ? '' : `\`${drawBar(value, scale)}\` `;
  const header = transfer
    ? ['Ran at', 'Outcome', 'Files', 'Bytes', 'Duration', 'Transfer task']
    : ['Ran at', 'Outcome', 'Duration', 'Flows run'];
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) {
    const bytes = bytesOf(row);
    const duration = row.seconds === undefined ? '—' : formatDuration(row.seconds);
    const cells = [
      ranAt(row.report.run.ranAt),
      OUTCOME_CELLS[row.outcome],
      ...(transfer
        ? [
            filesOf(row),
            bytes === undefined ? '—' : `${byBytes ? bar(bytes) : ''}${formatBytes(bytes)}`,
          ]
        : []),
      byBytes ? duration : `${bar(row.seconds)}${duration}`,
      linkOf(row),
    ];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  lines.push('');
  return lines;
}

/** `▇▇▇▇▁▁▁▁▁▁`: `value` against the largest; anything above nothing shows at least one block. */
export function drawBar(value: number, scale: number): string {
  const filled =
    scale > 0 && value > 0
      ? Math.min(BAR_WIDTH, Math.max(1, Math.round((value / scale) * BAR_WIDTH)))
      : 0;
  return FULL.repeat(filled) + EMPTY.repeat(BAR_WIDTH - filled);
}

function bytesOf(row: HistoryRow): number | undefined {
  return row.report.lead?.measures.bytesTransferred;
}

function filesOf(row: HistoryRow): string {
  const { files, filesTransferred } = row.report.lead?.measures ?? {};
  if (files === undefined) return filesTransferred === undefined ? '—' : String(filesTransferred);
  return `${filesTransferred ?? 0} of ${files}`;
}

function linkOf(row: HistoryRow): string {
  if (!row.id) return '—';
  const name = `${row.id.slice(0, 8)}…`;
  const link = row.url ? `[${name}](${row.url})` : name;
  const status = row.report.lead?.status ?? row.report.run.status;
  return status ? `${link} ${status}` : link;
}

/** `2026-12-01 02:00 UTC`, or the time as Globus gave it when it does not parse. */
function ranAt(value: string | undefined): string {
  if (!value) return '?';
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? value
    : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
