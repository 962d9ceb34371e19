import { describe, expect, it } from '@jest/globals';
import { flowRunLead } from '../../src/kinds/flow/run.js';
import { taskLead } from '../../src/kinds/transfer/task.js';
import type { RunReport } from '../../src/operations/context.js';
import { drawBar, historyMarkdown, historyOutput } from '../../src/report/history.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { APP, operationResult } from '../../__fixtures__/report.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

/* The recent-runs table and output, read as a user reads them. */

const TASK = '11111111-2222-4333-8444-555555555555';
const timer = timerFromDocument({ job_id: 'job-1', name: 'nightly' });
const MiB = 1_048_576;

const task = (bytes: number | undefined, status = 'SUCCEEDED', extra = {}): RunReport => ({
  run: { ranAt: '2026-11-28T02:00:04.5+00:00', status, leadIds: [TASK] },
  lead: taskLead({
    task_id: TASK,
    status,
    files: 4,
    files_transferred: 4,
    ...(bytes === undefined ? {} : { bytes_transferred: bytes }),
    request_time: '2026-11-28T02:00:05+00:00',
    completion_time: '2026-11-28T02:10:05+00:00',
    ...extra,
  }),
});

const lines = (history: RunReport[], of = timer) =>
  historyMarkdown(operationResult({ timer: of, history }), APP);

describe('a bar', () => {
  it.each([
    [10, 10, '▇▇▇▇▇▇▇▇▇▇'],
    [5, 10, '▇▇▇▇▇▁▁▁▁▁'],
    [0, 10, '▁▁▁▁▁▁▁▁▁▁'],
    // Anything moved shows: a sliver is one block, not none.
    [1, 1000, '▇▁▁▁▁▁▁▁▁▁'],
    [0, 0, '▁▁▁▁▁▁▁▁▁▁'],
    [26, 100, '▇▇▇▁▁▁▁▁▁▁'],
  ])('%d of %d: %s', (value, scale, bar) => {
    expect(drawBar(value, scale)).toBe(bar);
  });
});

describe('the recent-runs table', () => {
  it('draws a bar per run by bytes when any run moved some, beside the figures', () => {
    const table = lines([task(4 * MiB), task(0, 'FAILED'), task(2 * MiB)]);
    expect(table).toEqual([
      '**Recent runs:** 1 of the last 3 runs failed.',
      '',
      '| Ran at | Outcome | Files | Bytes | Duration | Transfer task |',
      '| --- | --- | --- | --- | --- | --- |',
      `| 2026-11-28 02:00 UTC | ✅ succeeded | 4 of 4 | \`▇▇▇▇▇▇▇▇▇▇\` 4.0 MiB | 10m | [11111111…](${APP}/activity/${TASK}/overview) SUCCEEDED |`,
      `| 2026-11-28 02:00 UTC | ❌ failed | 4 of 4 | \`▁▁▁▁▁▁▁▁▁▁\` 0 B | 10m | [11111111…](${APP}/activity/${TASK}/overview) FAILED |`,
      `| 2026-11-28 02:00 UTC | ✅ succeeded | 4 of 4 | \`▇▇▇▇▇▁▁▁▁▁\` 2.0 MiB | 10m | [11111111…](${APP}/activity/${TASK}/overview) SUCCEEDED |`,
      '',
    ]);
  });

  it('draws the bars by duration when no run moved a byte', () => {
    const slow = task(0, 'SUCCEEDED', { completion_time: '2026-11-28T02:20:05+00:00' });
    const [, , , , first, second] = lines([slow, task(0)]);
    expect(first).toContain('| 0 B | `▇▇▇▇▇▇▇▇▇▇` 20m |');
    expect(second).toContain('| 0 B | `▇▇▇▇▇▁▁▁▁▁` 10m |');
  });

  it('shows a dash for what is not known, and the run’s own id and status when not followed', () => {
    const unread: RunReport = { run: { ranAt: 'yesterday', status: 'FAILED', leadIds: [TASK] } };
    const nothing: RunReport = { run: { leadIds: [] } };
    const [, , , , first, second] = lines([unread, nothing]);
    expect(first).toBe(
      `| yesterday | ❌ failed | — | — | — | [11111111…](${APP}/activity/${TASK}/overview) FAILED |`,
    );
    expect(second).toBe('| ? | ❔ unknown | — | — | — | — |');
  });

  it('keeps a status with a pipe from breaking the table', () => {
    const odd = task(1, 'A|B');
    expect(lines([odd])[4]).toContain('A\\|B');
  });

  it('of a flow timer has no files nor bytes', () => {
    const flowTimer = timerFromDocument({ timer_type: 'flow', flow_id: 'f' });
    const run: RunReport = {
      run: { ranAt: '2026-11-28T02:00:00Z', status: 'INACTIVE', leadIds: ['r-1'] },
      lead: flowRunLead({ run_id: 'r-1', status: 'INACTIVE', start_time: '2026-11-28T02:00:00Z' }),
    };
    expect(lines([run], flowTimer).slice(2)).toEqual([
      '| Ran at | Outcome | Duration | Flows run |',
      '| --- | --- | --- | --- |',
      `| 2026-11-28 02:00 UTC | ⚠️ stalled | — | [r-1…](${APP}/runs/r-1) INACTIVE |`,
      '',
    ]);
  });

  it('is absent when history is off, and sits under the timer table in the summary', () => {
    expect(historyMarkdown(operationResult({ timer }), APP)).toEqual([]);
    const summary = summaryMarkdown(operationResult({ timer, history: [task(1)] }), APP);
    const timerTable = summary.indexOf('| Timer |');
    const recent = summary.indexOf('**Recent runs:**');
    expect(timerTable).toBeGreaterThan(0);
    expect(recent).toBeGreaterThan(timerTable);
  });
});

describe('the history output', () => {
  it('is the same runs as JSON, one shape whatever is known', () => {
    const unread: RunReport = { run: { leadIds: [] } };
    const output = JSON.parse(
      historyOutput(operationResult({ timer, history: [task(MiB), unread] }), APP),
    ) as unknown[];
    expect(output).toEqual([
      {
        ran_at: '2026-11-28T02:00:04.5+00:00',
        outcome: 'succeeded',
        run_status: 'SUCCEEDED',
        transfer_task_id: TASK,
        status: 'SUCCEEDED',
        files: 4,
        files_transferred: 4,
        bytes_transferred: MiB,
        duration_seconds: 600,
        url: `${APP}/activity/${TASK}/overview`,
      },
      {
        ran_at: null,
        outcome: 'unknown',
        run_status: null,
        transfer_task_id: null,
        status: null,
        files: null,
        files_transferred: null,
        bytes_transferred: null,
        duration_seconds: null,
        url: null,
      },
    ]);
  });

  it('is empty when history is off or there is no timer', () => {
    expect(historyOutput(operationResult({ timer }), APP)).toBe('');
    expect(historyOutput(operationResult({ history: [] }), APP)).toBe('');
  });

  it('drops a duration that does not add up (an end before the start)', () => {
    const odd = task(1, 'SUCCEEDED', { completion_time: '2026-11-28T01:00:00+00:00' });
    const [run] = JSON.parse(historyOutput(operationResult({ timer, history: [odd] }), APP)) as {
      duration_seconds: unknown;
    }[];
    expect(run?.duration_seconds).toBeNull();
  });
});
