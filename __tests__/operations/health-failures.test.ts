import { describe, expect, it } from '@jest/globals';
import type { TimerRun } from '../../src/timer/live-timer.js';
import type { FailReason } from '../../src/timer/fail-reasons.js';
import { healthFailures } from '../../src/operations/health.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const now = Date.parse('2026-11-28T12:00:00Z');
// An hourly timer is stale after two hours without a success: since 10:00.
const since = '2026-11-28T10:00:00.000Z';
const longAgo = '2026-11-01T00:00:00Z';

const runError = (run: Omit<TimerRun, 'leadIds'>) =>
  healthFailures({
    timer: liveTimer(),
    lastRun: { run: { leadIds: [], ...run } },
    failOn: ['run-error'],
    now,
  });

describe('healthFailures: run-error', () => {
  it('says what Globus said of the failed run after its time: its code and message', () => {
    const errors = { code: 'ServiceUnavailable', message: 'Try later', request_id: 'r1' };
    expect(runError({ ranAt: '2026-11-28T11:00:00Z', status: 'FAILED', errors })).toEqual([
      'run-error: the last run (2026-11-28T11:00:00Z) reported an error: ServiceUnavailable: "Try later"',
    ]);
  });

  it('shows an error document of no known shape by its values, never as JSON', () => {
    const errors = { a: 1, b: 'two', nested: { c: 3 } };
    expect(runError({ ranAt: 't', status: 'SUCCEEDED', errors })).toEqual([
      'run-error: the last run (t) reported an error: a: 1, b: two',
    ]);
  });

  it('says the time is unknown when the run has none', () => {
    expect(runError({ status: 'FAILED' })).toEqual([
      'run-error: the last run (time unknown) reported an error (FAILED)',
    ]);
  });

  it('gives no detail when the run has neither an error document nor a status', () => {
    expect(runError({ ranAt: '2026-11-28T11:00:00Z', submissionStatus: 500 })).toEqual([
      'run-error: the last run (2026-11-28T11:00:00Z) reported an error',
    ]);
  });

  it('quotes an error text of exactly 300 characters whole', () => {
    const errors = 'x'.repeat(300);
    expect(runError({ ranAt: 't', errors })).toEqual([
      `run-error: the last run (t) reported an error: "${errors}"`,
    ]);
  });

  it('cuts an error message longer than 300 characters, saying how much is left out', () => {
    const errors = { code: 'X', message: 'x'.repeat(301) };
    expect(runError({ ranAt: 't', errors })).toEqual([
      `run-error: the last run (t) reported an error: X: "${'x'.repeat(300)}… (1 more character)"`,
    ]);
  });

  it('says nothing about a run that succeeded', () => {
    expect(runError({ ranAt: 't', status: 'SUCCEEDED' })).toEqual([]);
  });
});

describe('healthFailures: stale', () => {
  const stale = (results: TimerRun[], submittedAt = longAgo, failOn: FailReason[] = ['stale']) =>
    healthFailures({ timer: liveTimer({ results, submittedAt }), failOn, now });
  const run = (ranAt: string, status: string): TimerRun => ({ leadIds: [], ranAt, status });

  it('names the latest successful run, skipping newer failures', () => {
    expect(
      stale([run('2026-11-28T09:00:00Z', 'FAILED'), run('2026-11-28T08:00:00Z', 'SUCCEEDED')]),
    ).toEqual(['stale: no successful run within 2h (the last one was at 2026-11-28T08:00:00Z)']);
  });

  it('says none is on record when no run succeeded', () => {
    expect(stale([run('2026-11-28T11:00:00Z', 'FAILED')])).toEqual([
      'stale: no successful run within 2h (none on record)',
    ]);
  });

  it('passes when the last success is exactly at the edge of the window', () => {
    expect(stale([run('2026-11-28T11:30:00Z', 'FAILED'), run(since, 'SUCCEEDED')])).toEqual([]);
  });

  it('passes a recent success even when the timer is old', () => {
    expect(stale([run('2026-11-28T11:00:00Z', 'SUCCEEDED')])).toEqual([]);
  });

  it('does not judge a timer submitted exactly one window ago', () => {
    expect(stale([], since)).toEqual([]);
  });

  it('does not judge a timer younger than the window', () => {
    expect(stale([], '2026-11-28T11:00:00Z')).toEqual([]);
  });

  it('is not checked unless fail-on asks for it', () => {
    expect(stale([], longAgo, ['run-error'])).toEqual([]);
  });
});
