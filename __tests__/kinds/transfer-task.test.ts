import { describe, expect, it } from '@jest/globals';
import type { TransferTask } from '../../src/globus/transfer.js';
import { transferKind } from '../../src/kinds/transfer/index.js';
import { describeTask, followTransfer, taskLead, taskPath } from '../../src/kinds/transfer/task.js';
import { kindsContext } from '../../__fixtures__/kinds.js';

const task = (fields: Partial<TransferTask> = {}): TransferTask => ({
  task_id: 't-1',
  status: 'SUCCEEDED',
  ...fields,
});

describe('a Transfer task a run submitted', () => {
  it('is a lead with its status, outputs and web page', () => {
    const done = taskLead(task({ files: 2, files_transferred: 2, faults: 0 }));
    expect({ ...done, failures: undefined }).toEqual({
      what: 'Transfer task',
      id: 't-1',
      status: 'SUCCEEDED',
      settled: true,
      stalled: false,
      outcome: 'succeeded',
      measures: { files: 2, filesTransferred: 2 },
      description: 'SUCCEEDED: 2 of 2 files, 0 faults',
      webPath: '/activity/t-1/overview',
      outputs: {
        'transfer-task-id': 't-1',
        'transfer-status': 'SUCCEEDED',
        'transfer-nice-status': '',
        'transfer-faults': '0',
      },
      failures: undefined,
    });
    expect(done.failures(['transfer-failed'])).toEqual([]);
    expect(taskPath('abc')).toBe('/activity/abc/overview');
    expect(transferKind.leadPath('abc')).toBe('/activity/abc/overview');
  });

  it('measures what it moved and when, for the recent-runs table', () => {
    const done = task({
      files: 3,
      files_transferred: 2,
      bytes_transferred: 2048,
      request_time: '2026-11-28T02:00:00+00:00',
      completion_time: '2026-11-28T02:03:00+00:00',
    });
    expect(taskLead(done).measures).toEqual({
      files: 3,
      filesTransferred: 2,
      bytesTransferred: 2048,
      startedAt: '2026-11-28T02:00:00+00:00',
      endedAt: '2026-11-28T02:03:00+00:00',
    });
    expect(taskLead(task({ files: null, completion_time: null })).measures).toEqual({});
  });

  it.each([
    ['SUCCEEDED', 'succeeded'],
    ['FAILED', 'failed'],
    ['ACTIVE', 'in-progress'],
    ['INACTIVE', 'stalled'],
    ['SOMETHING_NEW', 'unknown'],
  ])('with status %s has the outcome %s', (status, outcome) => {
    expect(taskLead(task({ status })).outcome).toBe(outcome);
  });

  it('is settled unless ACTIVE (wait keeps waiting only for an ACTIVE task)', () => {
    expect(taskLead(task({ status: 'ACTIVE' })).settled).toBe(false);
    expect(taskLead(task({ status: 'FAILED' })).settled).toBe(true);
    expect(taskLead(task({ status: 'INACTIVE' })).settled).toBe(true);
  });

  it('a FAILED task fails the step only when fail-on names transfer-failed', () => {
    const failed = taskLead(
      task({
        status: 'FAILED',
        faults: 3,
        fatal_error: { code: 'PERMISSION_DENIED', description: 'no write access' },
      }),
    );
    expect(failed.failures(['transfer-failed', 'inactive'])).toEqual([
      'transfer-failed: Transfer task t-1 FAILED: PERMISSION_DENIED no write access (3 faults)',
    ]);
    expect(failed.failures(['run-error', 'inactive'])).toEqual([]);
    expect(taskLead(task({ status: 'ACTIVE' })).failures(['transfer-failed'])).toEqual([]);
  });

  it('says what it can of a failure: a code alone, or nothing, and 0 faults when not counted', () => {
    const failures = (fields: Partial<TransferTask>) =>
      taskLead(task({ status: 'FAILED', ...fields })).failures(['transfer-failed']);
    expect(failures({ fatal_error: { code: 'ENDPOINT_ERROR' } })).toEqual([
      'transfer-failed: Transfer task t-1 FAILED: ENDPOINT_ERROR (0 faults)',
    ]);
    expect(failures({ fatal_error: { description: 'gone' } })).toEqual([
      'transfer-failed: Transfer task t-1 FAILED:  gone (0 faults)',
    ]);
    expect(failures({ fatal_error: {} })).toEqual([
      'transfer-failed: Transfer task t-1 FAILED: (0 faults)',
    ]);
    expect(failures({ fatal_error: null })).toEqual([
      'transfer-failed: Transfer task t-1 FAILED (0 faults)',
    ]);
  });
});

describe('describing a Transfer task in one line', () => {
  it.each([
    [{}, 'SUCCEEDED'],
    [{ files: 3, files_transferred: 3 }, 'SUCCEEDED: 3 of 3 files'],
    [{ files: 3 }, 'SUCCEEDED: 0 of 3 files'],
    [{ files: 3, files_transferred: 1, files_skipped: 2 }, 'SUCCEEDED: 1 of 3 files, 2 skipped'],
    [{ files: 3, files_transferred: 3, files_skipped: 0 }, 'SUCCEEDED: 3 of 3 files'],
    [{ files: 0, files_transferred: 0 }, 'SUCCEEDED: 0 of 0 files'],
    [{ bytes_transferred: 0 }, 'SUCCEEDED: 0 B'],
    [{ faults: 0 }, 'SUCCEEDED: 0 faults'],
    [
      { files: 3, files_transferred: 3, bytes_transferred: 3 * 1024 ** 2, faults: 0 },
      'SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults',
    ],
    [
      { status: 'FAILED', fatal_error: { code: 'PERMISSION_DENIED', description: 'no access' } },
      'FAILED; PERMISSION_DENIED: no access',
    ],
    [{ status: 'FAILED', fatal_error: { code: 'GONE' } }, 'FAILED; GONE:'],
    [{ status: 'FAILED', fatal_error: { description: 'no code' } }, 'FAILED'],
    [{ status: 'FAILED', faults: 2, fatal_error: { code: 'X' } }, 'FAILED: 2 faults; X:'],
  ] as [Partial<TransferTask>, string][])('%j → %s', (fields, line) => {
    expect(describeTask(task(fields))).toBe(line);
  });

  it.each([
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 ** 2 - 1, '1024.0 KiB'],
    [5 * 1024 ** 3, '5.0 GiB'],
    [2 * 1024 ** 4, '2.0 TiB'],
    [1024 ** 5, '1.0 PiB'],
    // PiB is the largest unit: bigger amounts stay in it.
    [2048 * 1024 ** 5, '2048.0 PiB'],
  ])('counts %d bytes as %s', (bytes, shown) => {
    expect(describeTask(task({ bytes_transferred: bytes }))).toBe(`SUCCEEDED: ${shown}`);
  });
});

describe('following a transfer timer’s run', () => {
  it('reads the task under the run’s first id Transfer knows', async () => {
    const { context, asked, logs } = kindsContext({ tasks: { t2: task({ task_id: 't2' }) } });
    const found = await followTransfer(context, { leadIds: ['t1', 't2'] });
    expect(found?.id).toBe('t2');
    expect(found?.description).toBe('SUCCEEDED');
    expect(asked).toEqual(['task t1', 'task t2']);
    expect(logs).toEqual([]);
    expect(transferKind.follow).toBe(followTransfer);
  });

  it('names the Transfer task in the warning when it cannot be read', async () => {
    const { context, logs } = kindsContext();
    expect(await followTransfer(context, { leadIds: ['t1'] })).toBeUndefined();
    expect(logs).toEqual([
      "warning: Could not read the run's Transfer task: Globus Transfer GET /task/t1: HTTP 404: went wrong",
    ]);
  });
});
