import { describe, expect, it } from '@jest/globals';
import { isDeleted, toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';

/*
 * toLiveTimer field by field: what each document field becomes, how a legacy run's status is
 * inferred, which pages count as listed oldest first, and which run times get a zone.
 */

const read = (document: Record<string, unknown>) =>
  toLiveTimer(timerDocumentSchema.parse({ job_id: 'j', ...document }));
/** The one run of a timer whose results hold just `result`. */
const run = (result: Record<string, unknown>) => read({ results: { data: [result] } }).results[0];

describe('toLiveTimer: the timer’s fields', () => {
  it('reads a job document with every common field', () => {
    const document = {
      job_id: 'j',
      name: 'nightly',
      status: 'active',
      submitted_at: '2026-01-01T00:00:00+00:00',
      last_ran_at: '2026-01-02T00:00:00+00:00',
      next_run: '2026-01-03T00:00:00+00:00',
      n_runs: 4,
      n_errors: 1,
      activity: { code: 'awaiting_next_run' },
      results: { data: [] },
    };
    const timer = read(document);
    expect(timer).toEqual({
      jobId: 'j',
      name: 'nightly',
      status: 'active',
      submittedAt: '2026-01-01T00:00:00+00:00',
      lastRanAt: '2026-01-02T00:00:00+00:00',
      nextRun: '2026-01-03T00:00:00+00:00',
      runs: 4,
      errors: 1,
      kind: 'transfer',
      activity: 'awaiting_next_run',
      ended: false,
      results: [],
      resultsOldestFirst: false,
    });
  });

  it('gives a timer without a name the empty name', () => {
    expect(read({ status: 'active' }).name).toBe('');
  });

  it('reads a run-once schedule with its time', () => {
    expect(read({ schedule: { type: 'once', datetime: '2026-02-01T10:00:00Z' } }).schedule).toEqual(
      { type: 'once', datetime: '2026-02-01T10:00:00Z' },
    );
    expect(read({ schedule: { type: 'once' } }).schedule).toEqual({ type: 'once' });
  });

  it('reads a legacy job’s run count limit as its end', () => {
    expect(
      read({ start: '2026-02-01T10:00:00Z', interval: 3600.5, stop_after: { n_runs: 3 } }).schedule,
    ).toEqual({
      type: 'recurring',
      interval_seconds: 3600,
      start: '2026-02-01T10:00:00Z',
      end: { condition: 'iterations', count: 3 },
    });
  });

  it('counts every deleting status as deleted', () => {
    expect(
      ['deleted', 'delete_in_progress', 'delete_pending', 'active', ''].map((status) =>
        isDeleted({ status }),
      ),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('toLiveTimer: a run', () => {
  it('keeps a run’s errors and when it ended', () => {
    expect(
      run({
        ran_at: '2026-01-02T00:00:00Z',
        run_status: 'FAILED',
        end_timestamp: '2026-01-02T00:01:00Z',
        errors: { code: 'PermissionDenied' },
      }),
    ).toEqual({
      ranAt: '2026-01-02T00:00:00Z',
      status: 'FAILED',
      leadIds: [],
      errors: { code: 'PermissionDenied' },
      endedAt: '2026-01-02T00:01:00Z',
    });
  });

  it.each([
    [
      'an error document',
      { status: 202, errors: { code: 'X' }, data: { status: 'ACTIVE' } },
      'FAILED',
    ],
    ['HTTP 400', { status: 400, data: { status: 'ACTIVE' } }, 'FAILED'],
    ['HTTP 399', { status: 399, data: { status: 'ACTIVE' } }, 'ACTIVE'],
    ['the provider’s own status', { status: 202, data: { status: 'SUCCEEDED' } }, 'SUCCEEDED'],
  ])('infers a legacy run’s status from %s', (_case, result, status) => {
    expect(run(result)?.status).toBe(status);
  });

  it.each([
    ['with Z', '2026-01-02T10:00:00Z', '2026-01-02T10:00:00Z'],
    ['with an offset', '2026-01-02T10:00:00+02:00', '2026-01-02T10:00:00+02:00'],
    ['with an offset without colon', '2026-01-02T10:00:00+0000', '2026-01-02T10:00:00+0000'],
    ['without a zone', '2026-01-02T10:00:00.123456', '2026-01-02T10:00:00.123456Z'],
    // An ISO expanded year starts with a sign; only a zone at the end is a zone.
    ['with an expanded year', '+002026-01-02T10:00:00', '+002026-01-02T10:00:00Z'],
  ])('reads a run time %s as UTC', (_case, ranAt, expected) => {
    expect(run({ ran_at: ranAt })?.ranAt).toBe(expected);
  });
});

describe('toLiveTimer: pages listed oldest first', () => {
  const page = (...times: (string | null)[]) =>
    read({ results: { data: times.map((ran_at) => ({ ran_at })), page_next: 'p2' } })
      .resultsOldestFirst;

  it.each([
    ['oldest first', ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'], true],
    ['newest first', ['2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z'], false],
    ['a single run', ['2026-01-01T00:00:00Z'], false],
    ['runs at the same time', ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'], false],
    // The first and the last run decide, not the first two.
    [
      'oldest first, its first two at the same time',
      ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'],
      true,
    ],
    ['runs without a time', [null, null], false],
    ['no runs', [], false],
  ])('%s', (_case, times, expected) => {
    expect(page(...times)).toBe(expected);
  });
});
