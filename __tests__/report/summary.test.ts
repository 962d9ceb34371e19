import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';
import type { OperationResult } from '../../src/operations/context.js';
import { readableUtc, summaryMarkdown } from '../../src/report/summary.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/* The job summary of a check that fails for exactly one reason, to the character. */

const APP = 'https://app.globus.org';
const JOB = '7c9f3a52-0f8e-4b1d-9a55-2d1e0c7b8a10';

const timer = toLiveTimer(
  timerDocumentSchema.parse({
    job_id: JOB,
    name: 'nightly | backup',
    status: 'inactive',
    number_of_runs: 3,
    number_of_errors: 1,
    next_run: null,
    last_ran_at: '2026-11-28T02:00:04+00:00',
    schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-11-26T02:00:00+00:00' },
    timer_type: 'transfer',
    inactive_reason: { cause: 'user' },
    results: { data: [] },
  }),
);

const result: OperationResult = {
  operation: 'check',
  result: 'checked',
  changed: false,
  timer,
  failures: ['inactive: timer 7c9f3a52-0f8e-4b1d-9a55-2d1e0c7b8a10 is paused; resume it'],
};

describe('the job summary with one failing reason', () => {
  it('renders the headline, the timer row and that one reason, exactly', () => {
    expect(summaryMarkdown(result, APP)).toBe(
      [
        '### Globus timer: check → checked',
        '',
        '| Timer | Schedule | Status | Next run | Last run | Transfer task or flow run |',
        '| --- | --- | --- | --- | --- | --- |',
        `| [nightly \\| backup](${APP}/activity/timers/${JOB})<br>\`${JOB}\` | every 1d, from 2026-11-26T02:00 UTC | inactive (3 runs, 1 error) | — | 2026-11-28T02:00:04 UTC | — |`,
        '',
        '**Failing:**',
        '',
        `- inactive: timer ${JOB} is paused; resume it`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('escapes a reason that would break the list', () => {
    const reason = 'run-error: a | b\nsecond line';
    const markdown = summaryMarkdown({ ...result, failures: [reason] }, APP);
    expect(markdown.endsWith('**Failing:**\n\n- run-error: a \\| b second line\n\n')).toBe(true);
  });
});

describe('a failing check in a real step', () => {
  const emulator = useEmulator();

  it('writes one summary whose Failing section holds just the one reason the step failed with', async () => {
    const created = await runInProcess(emulator, {
      operation: 'create',
      name: 'hourly',
      'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
      'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
      items: '/in/, /out/, true',
      interval: '1h',
    });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const core = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'transfer-failed',
    });
    expect(core.failed).toMatch(/^transfer-failed: Transfer task [0-9a-f-]{36} FAILED: /);
    expect(core.failed).not.toContain('\n');
    expect(core.summaries).toHaveLength(1);
    const [, failing] = (core.summaries[0] ?? '').split('**Failing:**\n\n');
    expect(failing).toBe(`- ${core.failed}\n\n`);
  });
});

describe('readableUtc', () => {
  it.each([
    ['2026-12-07T04:58:19.959000+00:00', '2026-12-07T04:58:19 UTC'],
    ['2026-12-01T02:00:00Z', '2026-12-01T02:00 UTC'],
    ['2026-12-01T03:00:00+01:00', '2026-12-01T02:00 UTC'],
    ['2026-12-01T02:00:05', '2026-12-01T02:00:05 UTC'],
    ['not a time', 'not a time'],
    ['', ''],
  ])('%s reads %s', (wire, readable) => {
    expect(readableUtc(wire)).toBe(readable);
  });
});
