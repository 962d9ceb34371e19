import { describe, expect, it } from '@jest/globals';
import { taskLead } from '../../src/kinds/transfer/task.js';
import type { Plan } from '../../src/operations/plan.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';
import { APP, operationResult } from '../../__fixtures__/report.js';

/* The job summary's sections — timer rows, spec-file entries, plans — to the character. */

const HEAD = [
  '| Timer | Schedule | Status | Next run | Last run | Transfer task or flow run |',
  '| --- | --- | --- | --- | --- | --- |',
];
const TASK = '11111111-2222-4333-8444-555555555555';
const RUN = '22222222-3333-4444-8555-666666666666';

/** A timer row's first cell: the name linked to its page, and the job id. */
const link = (name: string, jobId: string) =>
  `[${name}](${APP}/activity/timers/${jobId})<br>\`${jobId}\``;

describe('the timer table', () => {
  it('says there are no timers when list found none', () => {
    const markdown = summaryMarkdown(
      operationResult({ operation: 'list', result: 'listed', timers: [] }),
      APP,
    );
    expect(markdown).toBe('### Globus timer: list → listed\n\nNo timers.\n\n');
  });

  it('is left out for another operation that holds no timer', () => {
    const markdown = summaryMarkdown(
      operationResult({ operation: 'delete', result: 'deleted' }),
      APP,
    );
    expect(markdown).toBe('### Globus timer: delete → deleted\n\n');
  });

  it('has one row per listed timer, falling back where a timer lacks a value', () => {
    const described = timerFromDocument({
      job_id: 'job-1',
      name: 'hourly',
      interval: 3600,
      n_runs: 4,
      n_errors: 2,
      results: { data: [{ ran_at: '2026-11-28T02:00:00Z', data: { task_id: TASK } }] },
    });
    // No name, no schedule, no next run, no results: the job id, dashes, the last_ran_at.
    const bare = timerFromDocument({
      job_id: 'job-2',
      name: '',
      next_run: null,
      last_ran_at: '2026-11-27T01:00:00Z',
    });
    const unknownTime = timerFromDocument({
      job_id: 'job-3',
      name: 'multi\nline',
      next_run: null,
      results: { data: [{ run_status: 'FAILED' }] },
    });
    const never = timerFromDocument({ job_id: 'job-4', name: 'never', next_run: null });
    const markdown = summaryMarkdown(
      operationResult({
        operation: 'list',
        result: 'listed',
        timers: [described, bare, unknownTime, never],
      }),
      APP,
    );
    expect(markdown).toBe(
      [
        '### Globus timer: list → listed',
        '',
        ...HEAD,
        `| ${link('hourly', 'job-1')} | every 1h | active (4 runs, 2 errors) | 2026-11-28T13:00 UTC | 2026-11-28T02:00 UTC | [11111111…](${APP}/activity/${TASK}/overview) |`,
        `| ${link('job-2', 'job-2')} | — | active (0 runs, 0 errors) | — | 2026-11-27T01:00 UTC | — |`,
        `| ${link('multi line', 'job-3')} | — | active (0 runs, 0 errors) | — | ? FAILED | — |`,
        `| ${link('never', 'job-4')} | — | active (0 runs, 0 errors) | — | — | — |`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('shows the run followed for the timer acted on, with what its task did', () => {
    const timer = timerFromDocument({
      job_id: 'job-1',
      name: 'nightly',
      results: { data: [{ ran_at: '2026-11-27T02:00:00Z', run_status: 'SUCCEEDED' }] },
    });
    const lastRun = {
      run: { ranAt: '2026-11-28T02:00:00Z', status: 'FAILED', leadIds: [TASK] },
      lead: taskLead({ task_id: TASK, status: 'FAILED', faults: 3 }),
    };
    const markdown = summaryMarkdown(operationResult({ timer, lastRun }), APP);
    expect(markdown.split('\n')[4]).toBe(
      `| ${link('nightly', 'job-1')} | — | active (0 runs, 0 errors) | 2026-11-28T13:00 UTC | 2026-11-28T02:00 UTC FAILED | [11111111…](${APP}/activity/${TASK}/overview) FAILED: 3 faults |`,
    );
  });

  it('shows a followed run only on the row of the timer it belongs to', () => {
    const acted = timerFromDocument({ job_id: 'job-1', name: 'acted', next_run: null });
    const other = timerFromDocument({ job_id: 'job-2', name: 'other', next_run: null });
    const lastRun = { run: { ranAt: '2026-11-28T02:00:00Z', leadIds: [] } };
    const markdown = summaryMarkdown(
      operationResult({ timer: acted, timers: [acted, other], lastRun }),
      APP,
    );
    expect(markdown.split('\n').slice(4, 6)).toEqual([
      `| ${link('acted', 'job-1')} | — | active (0 runs, 0 errors) | — | 2026-11-28T02:00 UTC | — |`,
      `| ${link('other', 'job-2')} | — | active (0 runs, 0 errors) | — | — | — |`,
    ]);
  });

  it('links the Flows run a flow timer started', () => {
    const timer = timerFromDocument({
      job_id: 'job-1',
      name: 'flow',
      timer_type: 'flow',
      next_run: null,
      results: { data: [{ ran_at: '2026-11-28T02:00:00Z', data: { run_id: RUN } }] },
    });
    const markdown = summaryMarkdown(operationResult({ timer }), APP);
    expect(markdown.split('\n')[4]).toBe(
      `| ${link('flow', 'job-1')} | — | active (0 runs, 0 errors) | — | 2026-11-28T02:00 UTC | [22222222…](${APP}/runs/${RUN}) |`,
    );
  });
});

describe('the spec-file sections', () => {
  const replace: Plan = {
    action: 'replace',
    name: 'nightly | a',
    jobId: 'job-0',
    changes: [{ field: 'interval', live: '1h', desired: '2h' }],
  };
  const create: Plan = {
    action: 'create',
    name: 'fresh',
    changes: [
      { field: 'name', live: undefined, desired: 'fresh' },
      { field: 'interval', live: undefined, desired: '1m' },
    ],
  };
  const unchanged: Plan = { action: 'unchanged', name: 'same', jobId: 'job-5', changes: [] };

  it('lists each entry with its result and the diff of each plan that changes something', () => {
    const markdown = summaryMarkdown(
      operationResult({
        operation: 'apply',
        result: 'applied',
        entries: [
          { plan: replace, result: 'replaced', replacedJobId: 'job-0' },
          { plan: create, result: 'planned' },
          { plan: unchanged, result: 'unchanged' },
          {
            plan: { action: 'delete', name: 'old', jobId: 'job-9', changes: [] },
            result: 'deleted',
          },
        ],
      }),
      APP,
    );
    expect(markdown).toBe(
      [
        '### Globus timer: apply → applied',
        '',
        '| Timer | Result |',
        '| --- | --- |',
        '| nightly \\| a | replaced (was `job-0`) |',
        '| fresh | would create |',
        '| same | unchanged |',
        '| old | deleted |',
        '',
        '**Plan: replace** `nightly | a` (`job-0`)',
        '',
        '```diff',
        '- interval: 1h',
        '+ interval: 2h',
        '```',
        '',
        '**Plan: create** `fresh`',
        '',
        '```diff',
        '+ name: fresh',
        '+ interval: 1m',
        '```',
        '',
        '',
      ].join('\n'),
    );
  });

  it('shows no diff for a plan marked unchanged, whatever changes it carries', () => {
    // An unchanged plan keeps its timer as it is: a diff would claim otherwise.
    const marked: Plan = { ...unchanged, changes: replace.changes };
    const markdown = summaryMarkdown(operationResult({ plan: marked, result: 'planned' }), APP);
    expect(markdown).toBe('### Globus timer: check → planned\n\n');
  });

  it('shows the diff of a single plan and names the timer a replace deleted', () => {
    const markdown = summaryMarkdown(
      operationResult({
        operation: 'apply',
        result: 'replaced',
        plan: replace,
        replacedJobId: 'job-0',
      }),
      APP,
    );
    expect(markdown).toBe(
      [
        '### Globus timer: apply → replaced',
        '',
        'Replaced timer `job-0`.',
        '',
        '**Plan: replace** `nightly | a` (`job-0`)',
        '',
        '```diff',
        '- interval: 1h',
        '+ interval: 2h',
        '```',
        '',
        '',
      ].join('\n'),
    );
  });

  it('keeps a reason with Windows line ends on one list item', () => {
    const markdown = summaryMarkdown(operationResult({ failures: ['a\r\nb\nc'] }), APP);
    expect(markdown).toBe('### Globus timer: check → checked\n\n**Failing:**\n\n- a b c\n\n');
  });
});
