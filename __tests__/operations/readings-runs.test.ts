import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS, type EmulatorConfig } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * The scenarios that depend on how Globus shows a timer's runs and its end
 * (docs/globus-variants.md), each run under every reading the emulator can serve: the action must
 * do the right thing under all of them, not only under the one the emulator plays by default.
 */

const emulator = useEmulator();
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'readings',
  'source-endpoint': guest,
  'destination-endpoint': gcsv4,
  items: '/data/, /backup/, true',
  interval: '1h',
  ...overrides,
});

async function created(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, timer(overrides));
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

const TASK_ID_LOCATIONS: EmulatorConfig['task_id_location'][] = [
  'resource_id',
  'details_only',
  'no_resource_id',
  'data_task_id',
];

describe.each(TASK_ID_LOCATIONS)('where a run keeps its task id: %s', (location) => {
  it('check follows a succeeded run into its Transfer task', async () => {
    emulator.configure({ task_id_location: location });
    const jobId = await created();
    emulator.advance(60);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['transfer-status']).toBe('SUCCEEDED');
    expect(core.outputs['transfer-task-id']).toBe(emulator.state().tasks[0]?.task_id);
    expect(core.annotations.filter((a) => a.level === 'warning')).toEqual([]);
  });

  it('check fails on transfer-failed when the run’s task failed', async () => {
    emulator.configure({ task_id_location: location });
    const jobId = await created();
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toMatch(/^transfer-failed: Transfer task \S+ FAILED/m);
    expect(core.outputs['transfer-status']).toBe('FAILED');
  });

  it('wait waits for the task and judges it', async () => {
    emulator.configure({ task_id_location: location, task_active_seconds: 600 });
    const start = new Date(emulator.now().getTime() + 3600_000).toISOString();
    const jobId = await created({ start });
    emulator.failNextRun(jobId, 'transfer');
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '2h',
    });
    expect(core.failed).toMatch(/transfer-failed/);
    expect(core.outputs['transfer-status']).toBe('FAILED');
    expect(core.outputs['transfer-task-id']).toBe(emulator.state().tasks[0]?.task_id);
  });
});

describe.each(['status', 'next_run_null'] as const)('how an ended timer looks: %s', (shape) => {
  it('fail-on ended fires, apply warns, and wait stops early', async () => {
    emulator.configure({ ended_shape: shape });
    const jobId = await created({ 'stop-after-runs': '2' });
    emulator.advance(2 * 3600);
    const check = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'ended',
    });
    expect(check.failed).toBe(`ended: timer ${jobId} has ended and will not run again`);
    const again = await runInProcess(emulator, timer({ 'stop-after-runs': '2' }));
    expect(again.outputs.result).toBe('unchanged');
    expect(again.annotations.map((a) => a.message).join('\n')).toContain('has ended');
    const before = emulator.now().getTime();
    const wait = await runInProcess(emulator, { operation: 'wait', 'job-id': jobId });
    expect(wait.annotations.map((a) => a.message).join('\n')).toContain('no new run will come');
    expect(emulator.now().getTime()).toBe(before);
  });
});

describe.each(['any', 'strict'] as const)('the label rule: %s', (rule) => {
  it('the label the action derives from any name runs', async () => {
    emulator.configure({ label_rule: rule });
    const jobId = await created({ name: 'pipeline/nightly: results (v2) ✓' });
    emulator.advance(60);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['transfer-status']).toBe('SUCCEEDED');
  });

  it('a label outside the safe set is refused before anything is sent', async () => {
    emulator.configure({ label_rule: rule });
    const core = await runInProcess(emulator, timer({ label: 'results.v2' }));
    expect(core.failed).toMatch(
      /^Invalid inputs; nothing was sent to Globus:\n- label: "results.v2" may hold only/,
    );
    expect(emulator.requests()).toEqual([]);
  });
});

describe.each([300, 0])('how far in the past a start may be: %i s', (tolerance) => {
  it.each([
    ['a minute ago', 60_000],
    ['30 s ago', 30_000],
    ['a day and an hour ago', 25 * 3600_000],
  ])('creates a timer whose start was %s', async (_when, ago) => {
    emulator.configure({ start_tolerance_seconds: tolerance });
    const start = new Date(emulator.now().getTime() - ago).toISOString();
    const core = await runInProcess(emulator, timer({ start }));
    expect(core.failed).toBeUndefined();
    expect(core.outputs.result).toBe('created');
    const again = await runInProcess(emulator, timer({ start }));
    expect(again.outputs.result).toBe('unchanged');
  });
});
