import { describe, expect, it } from '@jest/globals';
import { check } from '../../src/operations/check.js';
import { wait } from '../../src/operations/wait.js';
import { lifecycleContext } from '../../__fixtures__/lifecycle.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

// FakeTime starts at 12:00:00Z; that is when the step began.
const STARTED = '2026-11-28T12:00:00Z';
const run = (fields: Record<string, unknown>) => ({ results: { data: [fields] } });

describe('check', () => {
  it('logs the last run with its time and status', async () => {
    const timer = timerFromDocument({
      n_runs: 1,
      ...run({ ran_at: '2026-11-28T11:00:00Z', run_status: 'SUCCEEDED' }),
    });
    const { context, logs } = lifecycleContext({}, { gets: [timer] });
    const result = await check(context);
    expect(result).toEqual({
      operation: 'check',
      result: 'checked',
      changed: false,
      timer,
      lastRun: { run: timer.results[0] },
      failures: [],
    });
    expect(logs).toEqual([
      'Timer "nightly" (job-1): active, 1 run, 0 errors; last run 2026-11-28T11:00:00Z: SUCCEEDED',
    ]);
  });

  it('says what it does not know about the last run', async () => {
    const timer = timerFromDocument({ ...run({}) });
    const { context, logs } = lifecycleContext({}, { gets: [timer] });
    await check(context);
    expect(logs).toEqual([
      'Timer "nightly" (job-1): active, 0 runs, 0 errors; last run ?: status unknown',
    ]);
  });

  it('says when the timer has not run yet', async () => {
    const timer = timerFromDocument();
    const { context, logs } = lifecycleContext({}, { gets: [timer] });
    expect(await check(context)).toEqual({
      operation: 'check',
      result: 'checked',
      changed: false,
      timer,
      failures: [],
    });
    expect(logs).toEqual(['Timer "nightly" (job-1): active, 0 runs, 0 errors; no runs yet']);
  });
});

const waitFor = (timers: ReturnType<typeof timerFromDocument>[], timeoutSeconds = 10) =>
  lifecycleContext({ operation: 'wait', timeoutSeconds }, { gets: timers });

describe('wait', () => {
  it('a run that starts exactly when the step began is the one waited for', async () => {
    const timer = timerFromDocument(run({ ran_at: STARTED, run_status: 'SUCCEEDED' }));
    const { context, logs, time } = waitFor([timer]);
    const result = await wait(context);
    expect(result.failures).toEqual([]);
    expect(result.lastRun).toEqual({ run: timer.results[0] });
    expect(time.sleeps).toEqual([]);
    expect(logs[0]).toBe('Waiting up to 10s for a run of "nightly" (job-1)');
  });

  it('an older finished run is not the one waited for: times out naming the next run', async () => {
    const timer = timerFromDocument(
      run({ ran_at: '2026-11-28T11:00:00Z', run_status: 'SUCCEEDED' }),
    );
    const { context, logs } = waitFor([timer]);
    const result = await wait(context);
    expect(result.failures).toEqual([
      `timeout: waited 10s; no run has started since ${new Date(STARTED).toISOString()} (next run: 2026-11-28T13:00:00Z)`,
    ]);
    // The report still shows the last run seen.
    expect(result.lastRun).toEqual({ run: timer.results[0] });
    expect(logs.at(-1)).toBe(
      'Timer "nightly" (job-1): active, 0 runs, 0 errors; last run 2026-11-28T11:00:00Z: SUCCEEDED',
    );
  });

  it('a finished run with no start time is not taken for the awaited one', async () => {
    const timer = timerFromDocument(run({ run_status: 'SUCCEEDED' }));
    const { context } = waitFor([timer]);
    const result = await wait(context);
    expect(result.failures[0]).toMatch(/^timeout: waited 10s; no run has started since/);
  });

  it('a run under way at the deadline is reported as still in progress', async () => {
    const timer = timerFromDocument(run({ ran_at: '2026-11-28T11:59:00Z', run_status: 'ACTIVE' }));
    const { context, time } = waitFor([timer]);
    const result = await wait(context);
    expect(result.failures).toEqual([
      'timeout: waited 10s; a run started at 2026-11-28T11:59:00Z is still in progress',
    ]);
    expect(result.lastRun).toEqual({ run: timer.results[0] });
    // Backoff: 2 s, 3 s, 4.5 s, then what is left of the 10 s.
    expect(time.sleeps).toEqual([2000, 3000, 4500, 500]);
  });

  it('names the Transfer task of a run still in progress at the deadline', async () => {
    const taskId = '0f6a3c2e-1b7d-4c9a-9e21-5d8f3b6a7c10';
    const timer = timerFromDocument(
      run({ ran_at: '2026-11-28T11:59:00Z', run_status: 'ACTIVE', data: { task_id: taskId } }),
    );
    const { context } = lifecycleContext(
      { operation: 'wait', timeoutSeconds: 10 },
      { gets: [timer], task: { task_id: taskId, status: 'ACTIVE' } },
    );
    const result = await wait(context);
    expect(result.failures).toEqual([
      `timeout: waited 10s; a run started at 2026-11-28T11:59:00Z is still in progress (Transfer task ${taskId} ACTIVE)`,
    ]);
  });

  it('a different run finishing later is not the run that was under way', async () => {
    const underWay = timerFromDocument(
      run({ ran_at: '2026-11-28T11:59:00Z', run_status: 'ACTIVE' }),
    );
    const other = timerFromDocument(
      run({ ran_at: '2026-11-28T11:00:00Z', run_status: 'SUCCEEDED' }),
    );
    const { context } = waitFor([underWay, other]);
    const result = await wait(context);
    expect(result.failures[0]).toMatch(/^timeout: waited 10s; no run has started since/);
  });

  it('a run due within the backoff is looked for after the backoff', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T12:00:01Z' });
    const { context, time } = waitFor([timer], 3);
    await wait(context);
    expect(time.sleeps).toEqual([2000, 1000]);
  });

  it('a run due exactly at the backoff is looked for after the backoff', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T12:00:02Z' });
    const { context, time } = waitFor([timer], 3);
    await wait(context);
    expect(time.sleeps).toEqual([2000, 1000]);
  });

  it('a run due later is looked for a little after it is due', async () => {
    const timer = timerFromDocument({ next_run: '2026-11-28T12:00:10Z' });
    const { context, time } = waitFor([timer], 60);
    await wait(context);
    expect(time.sleeps).toEqual([15000, 3000, 4500, 6750, 10125, 15187.5, 5437.5]);
  });

  it('a new timer with no next run yet is waited for until the timeout', async () => {
    const timer = timerFromDocument({ status: 'new', next_run: null });
    const { context } = waitFor([timer], 2);
    const result = await wait(context);
    expect(result.failures).toEqual([
      `timeout: waited 2s; no run has started since ${new Date(STARTED).toISOString()} (next run: none scheduled)`,
    ]);
  });

  it.each(['inactive', 'deleted', 'delete_in_progress'])(
    'stops early when the timer is %s',
    async (status) => {
      const timer = timerFromDocument({ status });
      const { context, logs, time } = waitFor([timer]);
      await wait(context);
      expect(time.sleeps).toEqual([]);
      expect(logs[1]).toBe(`warning: Timer job-1 is ${status}; no new run will come`);
    },
  );

  it('stops early when the timer has ended', async () => {
    const timer = timerFromDocument({ status: 'ended' });
    const { context, logs, time } = waitFor([timer]);
    await wait(context);
    expect(time.sleeps).toEqual([]);
    expect(logs[1]).toBe('warning: Timer job-1 has ended; no new run will come');
  });

  it('stops early when an active timer has no next run', async () => {
    const timer = timerFromDocument({ next_run: null });
    const { context, logs, time } = waitFor([timer]);
    await wait(context);
    expect(time.sleeps).toEqual([]);
    expect(logs[1]).toBe('warning: Timer job-1 is active; no new run will come');
  });
});
