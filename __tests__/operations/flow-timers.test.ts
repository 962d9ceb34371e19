import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../../emulator/index.js';
import { runInProcess, tokenScopes, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * Flow timers through their whole life against the emulator's Flows service, on its clock:
 * the flow looked up and its input checked before any write, the flow's scope under the Timers
 * scope, idempotent apply, replace, check and wait that follow a run into its Flows run, and
 * a resume after a missing consent.
 */

const emulator = useEmulator();
const { echo, pipeline, hidden } = SEEDED_FLOWS;
const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';
const flowScope = (id: string) =>
  `https://auth.globus.org/scopes/${id}/flow_${id.replace(/-/g, '_')}_user`;
const FLOWS = 'https://auth.globus.org/scopes/eec9b274-0c81-4334-bdc2-54e90e689b9a';
/** The scopes of the step's first token request, which brings the companions it will need. */
const firstRequestScopes = () => tokenScopes(emulator)[0]?.split(' ');

const flowTimer = (overrides: Record<string, string> = {}) => ({
  name: 'pipeline/nightly',
  'flow-id': echo.id,
  'flow-input': '{"echo_string": "hello"}',
  interval: '1h',
  ...overrides,
});

async function created(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, flowTimer(overrides));
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

const posts = () => writeRequests(emulator).filter((r) => r.path === '/v2/timer');

describe('flow timers', () => {
  it('are created as the official CLI creates them: timer[transfer:all] and timer[<flow scope>]', async () => {
    const core = await runInProcess(emulator, flowTimer({ 'run-tags': 'nightly' }));
    expect(core.outputs).toMatchObject({ result: 'created', changed: 'true' });
    expect(posts()[0]?.body).toEqual({
      timer: {
        timer_type: 'flow',
        flow_id: echo.id,
        name: 'pipeline/nightly',
        schedule: { type: 'recurring', interval_seconds: 3600 },
        body: { body: { echo_string: 'hello' }, tags: ['nightly'] },
      },
    });
    expect(tokenScopes(emulator).at(-1)).toBe(
      `${TIMER}[${TRANSFER}] ${TIMER}[${flowScope(echo.id)}]`,
    );
    const flowLookup = emulator.requests().find((r) => r.path === `/flows/${echo.id}`);
    expect(flowLookup?.method).toBe('GET');
    // The flow look-up's token came with the first Timers token: no request of its own.
    expect(firstRequestScopes()).toEqual([
      `${TIMER}[${TRANSFER}]`,
      `${FLOWS}/view_flows`,
      `${FLOWS}/run_status`,
    ]);
  });

  it('apply again writes nothing; a changed input is a replace; a new name alone a rename', async () => {
    const first = await created();
    emulator.clearRequests();
    const again = await runInProcess(emulator, flowTimer());
    expect(again.outputs).toMatchObject({ result: 'unchanged', 'job-id': first });
    expect(writeRequests(emulator)).toEqual([]);
    const replaced = await runInProcess(
      emulator,
      flowTimer({ 'flow-input': '{"echo_string": "bye"}' }),
    );
    expect(replaced.outputs.result).toBe('replaced');
    expect(JSON.parse(replaced.outputs.plan ?? '{}').changes).toEqual([
      { field: 'flow-input', diff: [{ path: '$.echo_string', live: 'hello', desired: 'bye' }] },
    ]);
    const renamed = await runInProcess(emulator, {
      operation: 'update',
      'job-id': replaced.outputs['job-id'] ?? '',
      name: 'pipeline/renamed',
    });
    expect(renamed.outputs).toMatchObject({
      result: 'renamed',
      'job-id': replaced.outputs['job-id'],
    });
  });

  it('refuse an input the flow’s schema refuses, naming its JSON path, before any write', async () => {
    const core = await runInProcess(
      emulator,
      flowTimer({
        'flow-id': pipeline.id,
        'flow-input': '{"source": {"collection_id": "x"}, "files": [], "checksum": "crc"}',
      }),
    );
    expect(core.failed).toMatch(/^Invalid inputs; nothing was changed in Globus:/);
    for (const path of [
      '$.destination is required',
      '$.source.path is required',
      '$.files',
      '$.checksum must be one of',
    ]) {
      expect(core.failed).toContain(path);
    }
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('plan shows the same problems and fails, writing nothing', async () => {
    const core = await runInProcess(emulator, {
      ...flowTimer({ 'flow-input': '{}' }),
      operation: 'plan',
    });
    expect(core.outputs.result).toBe('planned');
    expect(core.failed).toContain('apply would fail: flow-input: $.echo_string is required');
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('refuse a flow the client cannot see, naming the flow and the client', async () => {
    const core = await runInProcess(
      emulator,
      flowTimer({ 'flow-id': hidden.id, 'flow-input': '{}' }),
    );
    expect(core.failed).toMatch(
      new RegExp(
        `flow ${hidden.id} was not found, or de300000-.*@clients.auth.globus.org cannot see it`,
      ),
    );
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('check follows a run into its Flows run: SUCCEEDED passes, FAILED fails on flow-failed', async () => {
    const jobId = await created();
    emulator.advance(60);
    const good = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(good.failed).toBeUndefined();
    expect(good.outputs['flow-run-status']).toBe('SUCCEEDED');
    expect(good.outputs['flow-run-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(good.summaries.join('')).toContain(`/runs/${good.outputs['flow-run-id']}`);
    emulator.failNextRun(jobId, 'flow');
    emulator.advance(3600);
    const bad = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(bad.outputs['flow-run-status']).toBe('FAILED');
    expect(bad.failed).toMatch(/flow-failed: Flows run \S+ FAILED/);
  });

  it('wait waits for the Flows run to leave ACTIVE', async () => {
    emulator.configure({ run_active_seconds: 900 });
    const start = new Date(emulator.now().getTime() + 3600_000).toISOString();
    const jobId = await created({ start });
    const core = await runInProcess(emulator, {
      operation: 'wait',
      'job-id': jobId,
      timeout: '2h',
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs['flow-run-status']).toBe('SUCCEEDED');
  });

  it('a run missing the flow’s consent makes the timer inactive; resume asks for it again', async () => {
    const jobId = await created();
    emulator.failNextRun(jobId, 'auth');
    emulator.advance(60);
    const check = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(check.failed).toMatch(/inactive: .*Globus Auth requirements are not met/);
    emulator.clearRequests();
    const resumed = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
    expect(resumed.outputs).toMatchObject({ result: 'resumed', changed: 'true' });
    expect(tokenScopes(emulator).at(-1)).toContain(`${TIMER}[${flowScope(echo.id)}]`);
    emulator.advance(3600);
    const after = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(after.outputs['flow-run-status']).toBe('SUCCEEDED');
  });

  it('share a spec file with transfer timers, their input written as YAML in it', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'gta-flow-spec-'));
    const text = [
      'timers:',
      '  - name: mixed/transfer',
      `    source-endpoint: ${SEEDED_COLLECTIONS.guest.id}`,
      `    destination-endpoint: ${SEEDED_COLLECTIONS.gcsv4Host.id}`,
      '    items: /a, /b',
      '    interval: 1d',
      '  - name: mixed/flow',
      `    flow-id: ${echo.id}`,
      '    flow-input:',
      '      echo_string: from the spec file',
      '    run-tags: [nightly, spec]',
      '    interval: 1d',
    ].join('\n');
    writeFileSync(join(workspace, 'timers.yml'), `${text}\n`);
    const inputs = { 'spec-file': 'timers.yml' };
    const env = { GITHUB_WORKSPACE: workspace };
    const core = await runInProcess(emulator, inputs, env);
    expect(core.failed).toBeUndefined();
    // A spec file asks, in one first request, for what each of its kinds needs.
    expect(firstRequestScopes()).toEqual([
      `${TIMER}[${TRANSFER}]`,
      TRANSFER,
      `${FLOWS}/view_flows`,
      `${FLOWS}/run_status`,
    ]);
    const made = emulator.state().timers.map((t) => [t.name, t.timer_type]);
    expect(made).toEqual(
      expect.arrayContaining([
        ['mixed/transfer', 'transfer'],
        ['mixed/flow', 'flow'],
      ]),
    );
    const flowPost = posts().find(
      (r) => (r.body as { timer: { name: string } }).timer.name === 'mixed/flow',
    );
    expect((flowPost?.body as { timer: unknown }).timer).toMatchObject({
      body: { body: { echo_string: 'from the spec file' }, tags: ['nightly', 'spec'] },
    });
    emulator.clearRequests();
    const again = await runInProcess(emulator, inputs, env);
    expect(again.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('list shows the kind; pause and delete work as for transfer timers', async () => {
    const jobId = await created();
    const listed = await runInProcess(emulator, { operation: 'list' });
    expect(JSON.parse(listed.outputs.timers ?? '[]')).toEqual([
      expect.objectContaining({ job_id: jobId, kind: 'flow' }),
    ]);
    expect(listed.logs).toContain(`  ${jobId}  flow     new        pipeline/nightly`);
    const paused = await runInProcess(emulator, { operation: 'pause', 'job-id': jobId });
    expect(paused.outputs).toMatchObject({ result: 'paused', status: 'inactive' });
    const deleted = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
    expect(deleted.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
  });
});
