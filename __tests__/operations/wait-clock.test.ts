import { describe, expect, it } from '@jest/globals';
import { check } from '../../src/operations/check.js';
import { wait } from '../../src/operations/wait.js';
import { lifecycleContext } from '../../__fixtures__/lifecycle.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

/*
 * Times that come from Globus are compared with Globus's clock (the context's serviceTime, told
 * by the Date of its answers), not the runner's; and a long wait says what it waits for at
 * least once a minute. FakeTime's runner clock starts at 12:00:00Z.
 */

const HOUR = 3_600_000;
const run = (fields: Record<string, unknown>) => ({ results: { data: [fields] } });

/** A context whose Globus clock is `offset` ms ahead of the runner's (behind when negative). */
function skewed(
  offset: number,
  timers: ReturnType<typeof timerFromDocument>[],
  inputs: Record<string, unknown>,
) {
  const made = lifecycleContext(inputs, { gets: timers });
  made.context.serviceTime = () => made.time.clock() + offset;
  return made;
}

describe('wait, on Globus’s clock', () => {
  it('a run that finished before the step began on Globus’s clock is not the one waited for, though the runner’s clock is behind', async () => {
    // Globus says 15:00 when the runner says 12:00: a run at 13:00 is two hours old.
    const old = timerFromDocument({
      ...run({ ran_at: '2026-11-28T13:00:00Z', run_status: 'SUCCEEDED' }),
      next_run: '2026-11-28T15:01:00Z',
    });
    const next = timerFromDocument(
      run({ ran_at: '2026-11-28T15:01:00Z', run_status: 'SUCCEEDED' }),
    );
    const { context, time } = skewed(3 * HOUR, [old, next], {
      operation: 'wait',
      timeoutSeconds: 600,
    });
    const result = await wait(context);
    expect(result.failures).toEqual([]);
    expect(result.lastRun?.run.ranAt).toBe('2026-11-28T15:01:00Z');
    // It slept until the next run was due on Globus's clock (a minute and the slack), not 3 h.
    expect(time.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(65_000);
  });

  it('the timeout names the step’s start on Globus’s clock', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-29T00:00:00Z' });
    const { context } = skewed(-2 * HOUR, [timer], { operation: 'wait', timeoutSeconds: 10 });
    const result = await wait(context);
    expect(result.failures[0]).toMatch(
      /^timeout: waited 10s; no run has started since 2026-11-28T10:00:00\.000Z/,
    );
  });
});

describe('check, on Globus’s clock', () => {
  const lastRunAt = (ranAt: string) =>
    timerFromDocument({ n_runs: 1, ...run({ ran_at: ranAt, run_status: 'SUCCEEDED' }) });

  it('a run an hour old on Globus’s clock is not stale after 2h, though the runner’s clock is 3 h ahead', async () => {
    const { context } = skewed(-3 * HOUR, [lastRunAt('2026-11-28T08:00:00Z')], {
      failOn: ['stale'],
      staleAfterSeconds: 7200,
    });
    expect((await check(context)).failures).toEqual([]);
  });

  it('the same run is stale when Globus’s clock says it is three hours old', async () => {
    const { context } = skewed(0, [lastRunAt('2026-11-28T09:00:00Z')], {
      failOn: ['stale'],
      staleAfterSeconds: 7200,
    });
    expect((await check(context)).failures).toHaveLength(1);
  });
});

describe('a long wait says what it waits for', () => {
  it('at info level at least once a minute while the next run is hours away', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T15:00:00Z' });
    const ran = timerFromDocument(run({ ran_at: '2026-11-28T15:00:00Z', run_status: 'SUCCEEDED' }));
    const { context, time } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 4 * 3600 },
      { gets: [timer, ran] },
    );
    // The step's deadline as run() sets it for a wait: its timeout and a minute of grace.
    context.deadline = time.clock() + 4 * 3600_000 + 60_000;
    const said: number[] = [];
    const info = context.log.info;
    context.log = {
      ...context.log,
      info: (message) => {
        said.push(time.clock());
        info(message);
      },
    };
    const result = await wait(context);
    expect(result.failures).toEqual([]);
    const gaps = said.slice(1).map((at, index) => at - (said[index] ?? at));
    expect(said.length).toBeGreaterThan(180);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
  });

  it('names the run due, how soon, and the time left before the timeout', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T14:00:00Z' });
    const { context, logs } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 3 * 3600 },
      { gets: [timer] },
    );
    await wait(context);
    expect(logs).toContain(
      'Still waiting for a run of "nightly": the next is due at 2026-11-28T14:00:00Z (in 1h59m); 2h59m left before the timeout',
    );
  });

  it('says a run weeks away to the minute', async () => {
    const timer = timerFromDocument({ next_run: '2026-12-24T02:00:30Z' });
    const { context, logs } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 120 },
      { gets: [timer] },
    );
    await wait(context);
    expect(logs).toContain(
      'Still waiting for a run of "nightly": the next is due at 2026-12-24T02:00:30Z (in 3w4d13h59m); 1m left before the timeout',
    );
  });

  it('names the run under way and what it started', async () => {
    const taskId = '0f6a3c2e-1b7d-4c9a-9e21-5d8f3b6a7c10';
    const timer = timerFromDocument(
      run({ ran_at: '2026-11-28T11:59:00Z', run_status: 'ACTIVE', data: { task_id: taskId } }),
    );
    const { context, logs } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 300 },
      { gets: [timer], task: { task_id: taskId, status: 'ACTIVE' } },
    );
    await wait(context);
    const lines = logs.filter((line) => line.startsWith('Still waiting'));
    expect(lines[0]).toMatch(
      new RegExp(
        `^Still waiting: the run of "nightly" that started 2026-11-28T11:59:00Z is in progress \\(Transfer task ${taskId} ACTIVE\\); \\d+m\\d*s? left before the timeout$`,
      ),
    );
    // A 5-minute wait says so a few times, never more than once a minute.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
  });

  it('says nothing more once the step’s time is up mid-sleep (Ctrl-C moves its clock past the deadline)', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T15:00:00Z' });
    const { context, logs, time } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 4 * 3600 },
      { gets: [timer] },
    );
    const sleep = context.sleep;
    context.sleep = async (milliseconds) => {
      await sleep(milliseconds);
      // Interrupted during the first sleep: the clock jumps past every deadline.
      time.advance(10 * 365 * 86_400_000);
    };
    await wait(context);
    expect(logs.filter((line) => line.startsWith('Still waiting'))).toEqual([]);
  });
});
