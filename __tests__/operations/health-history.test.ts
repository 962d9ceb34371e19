import { describe, expect, it } from '@jest/globals';
import type { RunLead } from '../../src/kinds/kind.js';
import type { RunReport } from '../../src/operations/context.js';
import { healthFailures, historyHeadline, reportOutcome } from '../../src/operations/health.js';
import { followRecent } from '../../src/operations/recent-runs.js';
import type { TimerRun } from '../../src/timer/live-timer.js';
import { apiError } from '../../__fixtures__/kinds.js';
import { lifecycleContext } from '../../__fixtures__/lifecycle.js';
import { liveTimer, timerFromDocument } from '../../__fixtures__/live-timer.js';

const lead = (outcome: RunLead['outcome']) => ({ outcome }) as RunLead;
const report = (status: string | undefined, leadOutcome?: RunLead['outcome']): RunReport => ({
  run: { leadIds: [], ...(status ? { status } : {}) },
  ...(leadOutcome ? { lead: lead(leadOutcome) } : {}),
});

describe('how a run went, what it started included', () => {
  it.each([
    // The task says what moved: a run Timers calls SUCCEEDED whose task failed, failed.
    ['SUCCEEDED', 'failed', 'failed'],
    ['ACTIVE', 'stalled', 'stalled'],
    ['ACTIVE', 'succeeded', 'succeeded'],
    // What the task does not know, the run may.
    ['FAILED', 'unknown', 'failed'],
    ['SUCCEEDED', undefined, 'succeeded'],
    [undefined, undefined, 'unknown'],
  ] as const)('run %s, lead %s: %s', (status, leadOutcome, outcome) => {
    expect(reportOutcome(report(status, leadOutcome))).toBe(outcome);
  });
});

describe('the recent runs in a few words', () => {
  const runs = (...outcomes: RunLead['outcome'][]) =>
    outcomes.map((outcome) => report(undefined, outcome));

  it.each([
    [[], 'no runs yet'],
    [['succeeded'], 'the last run succeeded'],
    [['failed'], 'the last run failed'],
    [['stalled'], 'the last run stalled'],
    [['in-progress'], 'the last run is still in progress'],
    [['unknown'], 'the last run has no known outcome'],
    [['succeeded', 'succeeded'], 'all of the last 2 runs succeeded'],
    [['in-progress', 'succeeded'], 'none of the last 2 runs failed'],
    [['failed', 'failed', 'failed'], 'all of the last 3 runs failed'],
    [['stalled', 'stalled'], 'all of the last 2 runs stalled'],
    [['failed', 'succeeded', 'failed', 'succeeded', 'succeeded'], '2 of the last 5 runs failed'],
    [
      ['failed', 'failed', 'failed', 'succeeded', 'succeeded'],
      '3 of the last 5 runs failed, the last 3 in a row',
    ],
    [
      ['stalled', 'failed', 'succeeded', 'failed', 'succeeded'],
      '2 of the last 5 runs failed and 1 stalled, the last 2 in a row',
    ],
    [['succeeded', 'stalled', 'succeeded'], '1 of the last 3 runs stalled'],
    [['failed', 'stalled'], '1 of the last 2 runs failed and 1 stalled'],
  ] as [RunLead['outcome'][], string][])('%j: %s', (outcomes, words) => {
    expect(historyHeadline(runs(...outcomes))).toBe(words);
  });
});

describe('stale, with the recent runs', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const ranAt = '2026-11-28T11:00:00Z';

  it('does not count a run whose task failed as a success, and says how the runs went', () => {
    const run: TimerRun = { ranAt, status: 'SUCCEEDED', leadIds: [] };
    const timer = liveTimer({ results: [run], submittedAt: '2026-11-01T00:00:00Z' });
    const history = [{ run, lead: lead('failed') }];
    expect(healthFailures({ timer, failOn: ['stale'], now, history })).toEqual([
      'stale: no successful run within 2h (none on record); the last run failed',
    ]);
    // Without the history the run's own word stands.
    expect(healthFailures({ timer, failOn: ['stale'], now })).toEqual([]);
  });
});

describe('following the recent runs', () => {
  const TASKS = ['a', 'b', 'c'].map((c) => `${c.repeat(8)}-0000-4000-8000-000000000000`);
  const timer = timerFromDocument({
    results: {
      data: TASKS.map((task, i) => ({
        ran_at: `2026-11-28T0${3 - i}:00:00Z`,
        run_status: 'SUCCEEDED',
        data: { task_id: task },
      })),
    },
  });

  function context(task: (id: string) => Promise<unknown>) {
    const world = lifecycleContext({ history: 3 });
    const asked: string[] = [];
    Object.assign(world.context.transfer, {
      task: (id: string) => (asked.push(id), task(id)),
    });
    return { ...world, asked };
  }

  it.each([
    // Transfer answered with an error: the kind warns, as for the last run.
    [
      500,
      "warning: Could not read the run's Transfer task: Globus Transfer GET /x: HTTP 500: went wrong",
    ],
    // Transfer could not be reached: a check would fail for the last run; an older one is shown without it.
    [
      undefined,
      'warning: Could not follow the run of 2026-11-28T02:00:00Z: Globus Transfer GET /x: no answer: went wrong',
    ],
  ])(
    'an older run whose task gets %s is shown without it, with a warning',
    async (status, warning) => {
      const { context: ctx, logs } = context(async (id) => {
        if (id === TASKS[1]) throw apiError(status);
        return { task_id: id, status: 'SUCCEEDED' };
      });
      const reports = await followRecent(ctx, timer);
      expect(reports.map((r) => r.lead?.id)).toEqual([TASKS[0], undefined, TASKS[2]]);
      expect(logs).toEqual([warning]);
    },
  );

  it('fails when the newest run cannot be read, as a check always has', async () => {
    const { context: ctx } = context(async (id) => {
      if (id === TASKS[0]) throw new Error('boom');
      return { task_id: id, status: 'SUCCEEDED' };
    });
    await expect(followRecent(ctx, timer)).rejects.toThrow('boom');
  });

  it('does not read again a newest run already followed', async () => {
    const { context: ctx, asked } = context(async (id) => ({ task_id: id, status: 'SUCCEEDED' }));
    const known = { run: timer.results[0] as TimerRun };
    const reports = await followRecent(ctx, timer, known);
    expect(reports[0]).toBe(known);
    expect(asked).toEqual([TASKS[1], TASKS[2]]);
  });

  it('explains the newest run when it stands still, and only that one', async () => {
    let explained = 0;
    const stalled = (id: string) =>
      ({
        id,
        outcome: 'stalled',
        explain: async () => (explained++, { id, outcome: 'stalled' }),
      }) as unknown as RunLead;
    const known = { run: timer.results[0] as TimerRun, lead: stalled('newest') };
    const reports = await followRecent(
      context(async (id) => ({ task_id: id, status: 'SUCCEEDED' })).context,
      timer,
      known,
    );
    expect(explained).toBe(1);
    expect(reports[0]?.lead?.explain).toBeUndefined();
  });
});
