import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_FLOWS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * What a flow timer's steps say, read as its user reads them against the emulator: a status
 * said once, "still running" only of a run that is, "matches its schema" only when the flow
 * has one, and a flow this client cannot see named with the fix.
 */

const emulator = useEmulator();
const IDENTITY = `${DEMO_CLIENT.id}@clients.auth.globus.org`;

const flowTimer = (overrides: Record<string, string> = {}) => ({
  name: 'words/flow',
  'flow-id': SEEDED_FLOWS.echo.id,
  'flow-input': '{"echo_string": "hello"}',
  interval: '1h',
  ...overrides,
});

async function created(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, flowTimer(overrides));
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

describe('a Flows run in words', () => {
  it('a failed run says FAILED once, not FAILED (FAILED)', async () => {
    const jobId = await created();
    emulator.failNextRun(jobId, 'flow');
    emulator.advance(60);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.outputs['flow-run-status']).toBe('FAILED');
    expect(core.failed).toMatch(/flow-failed: Flows run \S+ FAILED/);
    expect(core.visibleText()).not.toMatch(/\b([A-Z]{4,}) \(\1\)/);
  });

  it('a run waiting for someone (INACTIVE) is not "still running"; one under way is', async () => {
    const jobId = await created();
    emulator.failNextRun(jobId, 'flow_inactive');
    emulator.advance(60);
    const inactive = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(inactive.outputs['flow-run-status']).toBe('INACTIVE');
    expect(inactive.visibleText()).not.toContain('still running');
    expect(inactive.logs).toContainEqual(expect.stringMatching(/Flows run \S+ INACTIVE, started /));

    // An INACTIVE run holds its timer's next runs back: another timer's run, under way.
    emulator.configure({ run_active_seconds: 600 });
    const other = await created({ name: 'words/flow-2' });
    emulator.advance(60);
    const active = await runInProcess(emulator, { operation: 'check', 'job-id': other });
    expect(active.outputs['flow-run-status']).toBe('ACTIVE');
    expect(active.logs).toContainEqual(expect.stringMatching(/ACTIVE, \S+ → still running/));
  });
});

describe('a flow’s input schema', () => {
  it('a flow with a schema: the input matches it', async () => {
    const core = await runInProcess(emulator, flowTimer());
    expect(core.logs).toContain(
      `Flow ${SEEDED_FLOWS.echo.id} (Emulator Echo Flow): the input matches its schema`,
    );
  });

  it('a flow without one: nothing to match, and the log says the input was not checked', async () => {
    const flow = emulator.addFlow({ title: 'Schemaless', input_schema: {} });
    const core = await runInProcess(emulator, flowTimer({ 'flow-id': flow.id }));
    expect(core.failed).toBeUndefined();
    expect(core.visibleText()).not.toContain('matches its schema');
    expect(core.logs).toContain(
      `Flow ${flow.id} (Schemaless) has no input schema: the input is not checked before it runs`,
    );
  });
});

describe('a flow this client cannot see', () => {
  it('fails saying what to do: share it with the client’s identity as a viewer and a starter', async () => {
    const core = await runInProcess(emulator, flowTimer({ 'flow-id': SEEDED_FLOWS.hidden.id }));
    expect(core.outputs.result).toBe('failed');
    expect(core.failed).toContain(`flow ${SEEDED_FLOWS.hidden.id} was not found`);
    expect(core.failed).toContain(
      `share the flow with ${IDENTITY} as a viewer and a starter (its owner can, in the web app or with globus flows update)`,
    );
  });
});
