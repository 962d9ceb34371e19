import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { transferTimer } from '../../__fixtures__/apply-update.js';

/*
 * A step that fails still sets its outputs (result=failed and what it knew), and a check of a
 * timer Globus is deleting fails with the default fail-on: it will never run again.
 */

const emulator = useEmulator();

async function created(): Promise<string> {
  const core = await runInProcess(emulator, transferTimer());
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

describe('a step that fails half-way', () => {
  it('a replace whose delete of the old timer fails names the new timer it made', async () => {
    const old = await created();
    emulator.setFault({ service: 'timers', method: 'DELETE', status: 500, times: 5 });
    const core = await runInProcess(emulator, transferTimer({ interval: '2h', retries: '0' }));
    expect(core.failed).toBeDefined();
    const made = emulator.state().timers.find((t) => t.job_id !== old);
    expect(core.outputs).toMatchObject({
      result: 'failed',
      changed: 'true',
      'job-id': made?.job_id,
      status: made?.status,
    });
    expect(JSON.parse(core.outputs.timer ?? '')).toMatchObject({ job_id: made?.job_id });
  });

  it('a check of a timer nobody can see fails with result=failed and the job id asked for', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': missing });
    expect(core.failed).toMatch(/was not found/);
    expect(core.outputs).toMatchObject({ result: 'failed', changed: 'false', 'job-id': missing });
    expect(core.outputs.status).toBe('');
  });

  it('bad inputs set result=failed, every other output empty, and write a short summary', async () => {
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': 'nope' });
    expect(core.outputs.result).toBe('failed');
    expect(Object.entries(core.outputs).filter(([, v]) => v !== '')).toEqual([
      ['result', 'failed'],
      ['changed', 'false'],
    ]);
    expect(core.summaries).toEqual([
      expect.stringMatching(
        /^### Globus timer: check → failed\n\nInvalid inputs; nothing was sent to Globus:\n\n- job-id: /,
      ),
    ]);
  });
});

describe('a check of a timer being deleted', () => {
  it('fails with the default fail-on, and shows no next run', async () => {
    const jobId = await created();
    const deleted = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
    expect(deleted.outputs.status).toBe('delete_in_progress');
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toBe(
      `inactive: timer ${jobId} is being deleted (delete_in_progress) and will never run again; apply it again to make a new one`,
    );
    expect(core.outputs['next-run']).toBe('');
    const passes = await runInProcess(emulator, {
      operation: 'check',
      'job-id': jobId,
      'fail-on': 'run-error',
    });
    expect(passes.failed).toBeUndefined();
  });
});
