import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, SEEDED_FLOWS } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../scripts/action-runner.js';
import { ACTION_DEFAULTS, emulatorEnv, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A flow timer's whole life through dist/index.js, as the runner runs it, against the
 * emulator's Flows and Timers: create, apply again (nothing written), plan, replace, check
 * (SUCCEEDED, then FAILED failing on flow-failed), wait, list, pause, resume after a missing
 * consent, delete — and an input the flow's schema refuses, stopped before any write.
 */

const emulator = useEmulator();
const { echo, pipeline } = SEEDED_FLOWS;
const workspace = mkdtempSync(join(tmpdir(), 'gta-flow-e2e-'));
writeFileSync(join(workspace, 'input.yml'), 'echo_string: hello from a file\n');

function action(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    { ...ACTION_DEFAULTS, ...inputs },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
    },
    { workspace },
  );
}

const flowTimer = (overrides: Record<string, string> = {}) => ({
  name: 'pipeline/flow',
  'flow-id': echo.id,
  'flow-input-file': 'input.yml',
  interval: '1h',
  ...overrides,
});

describe('a flow timer (dist/index.js)', () => {
  it('lives through create, apply, plan, replace, check, wait, list, pause, resume and delete', async () => {
    const created = await action({ ...flowTimer(), operation: 'create' });
    expect(created.exitCode).toBe(0);
    const jobId = created.outputs['job-id'] ?? '';
    expect(created.outputs).toMatchObject({ result: 'created', status: 'new' });

    const unchanged = await action(flowTimer());
    expect(unchanged.outputs).toMatchObject({ result: 'unchanged', 'job-id': jobId });
    const planned = await action({ ...flowTimer({ 'run-tags': 'ci' }), operation: 'plan' });
    expect(JSON.parse(planned.outputs.plan ?? '{}')).toMatchObject({ action: 'replace' });

    emulator.advance(60);
    const succeeded = await action({ operation: 'check', 'job-id': jobId });
    expect(succeeded.exitCode).toBe(0);
    expect(succeeded.outputs['flow-run-status']).toBe('SUCCEEDED');
    expect(succeeded.summary).toContain(
      `(https://app.globus.org/runs/${succeeded.outputs['flow-run-id']})`,
    );

    emulator.failNextRun(jobId, 'flow');
    emulator.advance(3600);
    const failed = await action({ operation: 'check', 'job-id': jobId });
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs['flow-run-status']).toBe('FAILED');
    expect(failed.stdout).toMatch(/::error::.*flow-failed: Flows run/);

    const replaced = await action(flowTimer({ 'run-tags': 'ci' }));
    expect(replaced.outputs.result).toBe('replaced');
    const newId = replaced.outputs['job-id'] ?? '';

    const listed = await action({ operation: 'list' });
    expect(JSON.parse(listed.outputs.timers ?? '[]')).toEqual([
      expect.objectContaining({ job_id: newId, kind: 'flow', name: 'pipeline/flow' }),
    ]);

    emulator.failNextRun(newId, 'auth');
    emulator.advance(3600);
    const inactive = await action({ operation: 'check', 'job-id': newId });
    expect(inactive.exitCode).toBe(1);
    expect(inactive.outputs.status).toBe('inactive');
    const resumed = await action({ operation: 'resume', 'job-id': newId });
    expect(resumed.outputs).toMatchObject({ result: 'resumed', changed: 'true' });

    const paused = await action({ operation: 'pause', 'job-id': newId });
    expect(paused.outputs).toMatchObject({ result: 'paused', status: 'inactive' });
    await action({ operation: 'resume', 'job-id': newId });
    const deleted = await action({ operation: 'delete', 'job-id': newId });
    expect(deleted.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
  });

  it('waits for the run that starts after the step began', async () => {
    const created = await action({
      ...flowTimer(),
      operation: 'create',
      start: new Date(emulator.now().getTime() + 3600_000).toISOString(),
    });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.advance(3600);
    const waited = await action({ operation: 'wait', 'job-id': jobId, timeout: '1m' });
    expect(waited.exitCode).toBe(0);
    expect(waited.outputs['flow-run-status']).toBe('SUCCEEDED');
  });

  it('stops an input the flow’s schema refuses before any write, naming the JSON path', async () => {
    const run = await action(
      flowTimer({ 'flow-id': pipeline.id, 'flow-input-file': '', 'flow-input': '{"files": [1]}' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Invalid inputs; nothing was changed in Globus/);
    expect(run.stdout).toContain('$.files[0] must be string');
    expect(run.stdout).toContain('$.source is required');
    expect(writeRequests(emulator)).toEqual([]);
  });
});
