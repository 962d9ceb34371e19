import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * check and wait show the timer's recent runs: each followed into its Transfer task (or Flows
 * run) in one round, in the summary as a table with a bar per run, and as the history output.
 */

const emulator = useEmulator();
const { guest, gcsv4Host } = SEEDED_COLLECTIONS;
const HOUR = 3600;
const MiB = 1_048_576;

/** An hourly timer that has run `runs` times, each task taking 90 s; `failing` runs fail. */
async function timerThatRan(runs: number, failing: number[] = []): Promise<string> {
  emulator.configure({ task_active_seconds: 90 });
  const created = await runInProcess(emulator, {
    name: 'hourly/results',
    'source-endpoint': guest.id,
    'destination-endpoint': gcsv4Host.id,
    // A directory of two 1 MiB files in the emulator.
    items: '/data/, /backup/, true',
    interval: '1h',
  });
  const jobId = created.outputs['job-id'] ?? '';
  for (let run = 0; run < runs; run++) {
    if (failing.includes(run)) emulator.failNextRun(jobId, 'transfer');
    emulator.advance(run === 0 ? 60 : HOUR);
  }
  emulator.advance(120); // the last task finishes
  emulator.clearRequests();
  return jobId;
}

const parsed = (text: string | undefined) => JSON.parse(text ?? '') as Record<string, unknown>[];

describe('the recent runs of a check', () => {
  it('are in the history output, newest first, each with its task', async () => {
    const jobId = await timerThatRan(6, [4]);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    // The newest run succeeded: the default check passes.
    expect(core.failed).toBeUndefined();
    const history = parsed(core.outputs.history);
    expect(history.map((run) => run.outcome)).toEqual([
      'succeeded',
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect(history[0]).toEqual({
      ran_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      outcome: 'succeeded',
      run_status: 'SUCCEEDED',
      transfer_task_id: core.outputs['transfer-task-id'],
      status: 'SUCCEEDED',
      files: 2,
      files_transferred: 2,
      bytes_transferred: 2 * MiB,
      duration_seconds: 90,
      url: `https://app.globus.org/activity/${core.outputs['transfer-task-id']}/overview`,
    });
    expect(history[1]).toMatchObject({ status: 'FAILED', files_transferred: 1 });
    // Five tasks read at once after the timer: one round more than none, not five.
    const tasks = emulator.requests().filter((r) => r.path.startsWith('/v0.10/task/'));
    expect(tasks).toHaveLength(5);
  });

  it('are a table in the summary, with a bar per run by bytes and a headline', async () => {
    const jobId = await timerThatRan(6, [4]);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    const summary = core.summaries[0] ?? '';
    expect(summary).toContain('**Recent runs:** 1 of the last 5 runs failed.');
    const rows = summary.split('\n').filter((line) => /^\| \d{4}-/.test(line));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(
      /^\| \d{4}-\d\d-\d\d \d\d:\d\d UTC \| ✅ succeeded \| 2 of 2 \| `▇▇▇▇▇▇▇▇▇▇` 2\.0 MiB \| 1m30s \| \[[0-9a-f]{8}…\]\(https:\/\/app\.globus\.org\/activity\/[0-9a-f-]{36}\/overview\) SUCCEEDED \|$/,
    );
    expect(rows[1]).toContain('| ❌ failed | 1 of 2 | `▇▇▇▇▇▁▁▁▁▁` 1.0 MiB | 1m30s |');
    expect(summary).toContain(
      '| Ran at | Outcome | Files | Bytes | Duration | Transfer task |\n| --- | --- | --- | --- | --- | --- |',
    );
    expect(core.logs).toContain('Recent runs: 1 of the last 5 runs failed');
  });

  it('are as many as history asks, and none with history 0 (the last run is still followed)', async () => {
    const jobId = await timerThatRan(4);
    const two = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      history: '2',
    });
    expect(parsed(two.outputs.history)).toHaveLength(2);
    expect(two.summaries[0]).toContain('**Recent runs:** all of the last 2 runs succeeded.');
    emulator.clearRequests();
    const none = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      history: '0',
    });
    expect(none.outputs.history).toBe('');
    expect(none.outputs['transfer-status']).toBe('SUCCEEDED');
    expect(none.summaries[0]).not.toContain('Recent runs');
    expect(emulator.requests().filter((r) => r.path.startsWith('/v0.10/task/'))).toHaveLength(1);
  });

  it('of a timer that has not run are none, said in words', async () => {
    const created = await runInProcess(emulator, {
      name: 'later',
      'source-endpoint': guest.id,
      'destination-endpoint': gcsv4Host.id,
      items: '/a, /b',
      interval: '1d',
      start: new Date(emulator.now().getTime() + 86_400_000).toISOString(),
    });
    const core = await runInProcess(emulator, {
      operation: 'check',
      'job-id': created.outputs['job-id'] ?? '',
    });
    expect(core.outputs.history).toBe('[]');
    expect(core.summaries[0]).toContain('**Recent runs:** no runs yet.');
  });

  it('make the stale reason say how the last runs went', async () => {
    const jobId = await timerThatRan(3, [0, 1, 2]);
    const core = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'stale',
      'stale-after': '1h',
    });
    expect(core.failed).toMatch(
      /^stale: no successful run within 1h \(none on record\); all of the last 3 runs failed$/,
    );
  });

  it('of a flow timer show each Flows run by duration', async () => {
    emulator.configure({ run_active_seconds: 30 });
    const created = await runInProcess(emulator, {
      name: 'pipeline/hourly',
      'flow-id': SEEDED_FLOWS.echo.id,
      'flow-input': '{"echo_string": "hello"}',
      interval: '1h',
    });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.advance(60);
    emulator.advance(HOUR);
    emulator.advance(60);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    const history = parsed(core.outputs.history);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      outcome: 'succeeded',
      flow_run_id: core.outputs['flow-run-id'],
      status: 'SUCCEEDED',
      files: null,
      bytes_transferred: null,
      duration_seconds: 30,
      url: `https://app.globus.org/runs/${core.outputs['flow-run-id']}`,
    });
    expect(core.summaries[0]).toContain('| Ran at | Outcome | Duration | Flows run |');
    expect(core.summaries[0]).toContain('| ✅ succeeded | `▇▇▇▇▇▇▇▇▇▇` 30s |');
  });
});

describe('the recent runs of a wait', () => {
  it('are shown too, the awaited run read once', async () => {
    const jobId = await timerThatRan(3);
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '2h',
    });
    expect(core.failed).toBeUndefined();
    const history = parsed(core.outputs.history);
    expect(history).toHaveLength(4);
    const newest = history[0]?.transfer_task_id as string;
    const tasks = emulator.requests().filter((r) => r.path.startsWith('/v0.10/task/'));
    const lastLook = tasks.findLastIndex((r) => r.path === `/v0.10/task/${newest}`);
    // Polled while it ran (90 s), then judged: the runs before it read after it, not it again.
    expect(lastLook).toBeGreaterThan(0);
    // (In whatever order the concurrent requests arrived.)
    expect(
      tasks
        .slice(lastLook + 1)
        .map((r) => r.path)
        .sort(),
    ).toEqual(
      history
        .slice(1)
        .map((run) => `/v0.10/task/${String(run.transfer_task_id)}`)
        .sort(),
    );
  });
});
