import { describe, expect, it } from '@jest/globals';
import { toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';
import { fixture } from '../../__fixtures__/globus-fixtures.js';

const read = (document: unknown) => toLiveTimer(timerDocumentSchema.parse(document));

describe('toLiveTimer', () => {
  it('reads a v2 create response', () => {
    const timer = read(
      fixture<{ timer: unknown }>('timers_create_timer_response_transfer.json').timer,
    );
    expect(timer).toMatchObject({
      jobId: '79c8c292-6b94-15b5-b498-82321e35049e',
      name: 'Very Cool Timer',
      status: 'new',
      runs: 0,
      errors: 0,
      nextRun: '2023-10-27T05:00:00+00:00',
      schedule: {
        type: 'recurring',
        interval_seconds: 604800,
        start: '2023-10-27T05:00:00+00:00',
        end: { condition: 'iterations', count: 2 },
      },
      body: {
        source_endpoint: '515c6123-6c88-1537-bcf3-bd58da60fb1c',
        verify_checksum: true,
        notify_on_failed: true,
      },
      results: [],
    });
  });

  it('reads a legacy job document with a Transfer Action Provider result', () => {
    const timer = read(fixture('timers_job_get_loaded_with_results.json'));
    expect(timer).toMatchObject({
      status: 'loaded',
      runs: 1,
      schedule: { type: 'recurring', interval_seconds: 864000, start: '2022-04-01T19:30:00+00:00' },
      body: {
        source_endpoint: 'aa752cea-8222-5bc8-acd9-555b090c0ccb',
        DATA: [{ source_path: '/share/godata/file1.txt', recursive: false }],
        sync_level: 3,
      },
      results: [
        {
          ranAt: '2022-04-01T19:30:07.103090Z',
          status: 'ACTIVE',
          submissionStatus: 202,
          leadIds: ['22f0148c-b1f2-11ec-b87e-3912f602f346'],
        },
      ],
    });
  });

  it('reads why a timer is inactive', () => {
    const paused = read(fixture('timers_job_get_inactive_user.json'));
    expect(paused.inactiveReason).toEqual({ cause: 'user', detail: null });
    const gare = read(fixture('timers_job_get_inactive_gare_consent_cli.json'));
    expect(gare.inactiveReason?.cause).toBe('globus_auth_requirements');
  });

  it('reads the list fixture and the CLI delete fixture', () => {
    const { jobs } = fixture<{ jobs: unknown[] }>('timers_job_list.json');
    expect(jobs.map(read).map((timer) => timer.status)).toEqual(['loaded']);
    const deleted = read(fixture('timers_job_delete_response_cli_deleted.json'));
    expect(deleted.status).toBe('deleted');
    expect(deleted.results).toEqual([]);
  });

  const T1 = '22f0148c-0000-4000-8000-000000000001';
  const T2 = '22f0148c-0000-4000-8000-000000000002';
  const T3 = '22f0148c-0000-4000-8000-000000000003';
  const runWith = (result: Record<string, unknown>) =>
    read({ job_id: 'j', status: 'loaded', results: { data: [{ ran_at: 'x', ...result }] } })
      .results[0]?.leadIds;

  it.each([
    [
      'details.task_id before all else',
      { resource_id: T3, data: { details: { task_id: T1 }, task_id: T2 } },
      [T1, T2, T3],
    ],
    ['data.task_id before resource_id', { resource_id: T3, data: { task_id: T2 } }, [T2, T3]],
    ['resource_id when it is a UUID', { resource_id: T3 }, [T3]],
    [
      'not a resource_id that is an action id',
      { resource_id: '15jfdBESgveZQ', data: { details: { task_id: T1 } } },
      [T1],
    ],
    ['each id once', { resource_id: T1, data: { details: { task_id: T1 } } }, [T1]],
    [
      'nothing when the run made no task',
      { resource_id: null, data: null, errors: { code: 'X' } },
      [],
    ],
  ])('reads the task id candidates: %s', (_case, result, expected) => {
    expect(runWith(result)).toEqual(expected);
  });

  it('sorts runs newest first', () => {
    const timer = read({
      job_id: 'j',
      status: 'loaded',
      results: {
        data: [
          { ran_at: '2026-01-01T00:00:00Z', run_status: 'SUCCEEDED', resource_id: T1 },
          { ran_at: '2026-01-02T00:00:00+00:00', run_status: 'FAILED', resource_id: T2 },
        ],
        page_next: 'token',
      },
    });
    expect(timer.results.map((run) => [run.leadIds, run.status])).toEqual([
      [[T2], 'FAILED'],
      [[T1], 'SUCCEEDED'],
    ]);
    expect(timer.resultsPageNext).toBe('token');
  });

  it.each([
    ['status ended', { status: 'ended', next_run: null }, true],
    ['no next run and activity null', { status: 'loaded', next_run: null, activity: null }, true],
    [
      'no next run, activity absent (an older document)',
      { status: 'loaded', next_run: null },
      false,
    ],
    [
      'a next run and activity null',
      { status: 'loaded', next_run: '2026-01-01T00:00:00Z', activity: null },
      false,
    ],
    ['paused with no next run', { status: 'inactive', next_run: null, activity: null }, false],
    ['deleted', { status: 'deleted', next_run: null, activity: null }, false],
    [
      'running its last run',
      { status: 'loaded', next_run: null, activity: { code: 'run_in_progress' } },
      false,
    ],
  ])('knows an ended timer: %s', (_case, document, ended) => {
    expect(read({ job_id: 'j', ...document }).ended).toBe(ended);
  });

  it('passes unknown statuses through, and reads past unknown fields', () => {
    const timer = read({ job_id: 'j', status: 'hibernating', novel_field: { a: 1 } });
    expect(timer.status).toBe('hibernating');
    expect(timer.jobId).toBe('j');
  });
});
