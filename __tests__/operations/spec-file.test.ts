import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { runSpecFile } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

const emulator = useEmulator();

/** Runs the action on a spec file whose defaults name the destination and interval only. */
const applyFile = (timers: string[], { operation = 'apply', prune = '' } = {}) =>
  runSpecFile(emulator, timers, {
    operation,
    prune,
    defaults: [`  destination-endpoint: ${guest}`, '  interval: 1h'],
  });

const results = `  - name: ci/results\n    source-endpoint: ${mapped}\n    items: /results/, /backup/results/, true`;
const logs = (interval = '1h') =>
  `  - name: ci/logs\n    source-endpoint: ${gcsv4}\n    items: /logs/, /backup/logs/, true\n    interval: ${interval}`;
const live = () => emulator.state().timers.filter((t) => !/delete/.test(t.status));

describe('apply with a spec file', () => {
  it('creates every timer, then leaves them all alone', async () => {
    const first = await applyFile([results, logs()]);
    expect(first.failed).toBeUndefined();
    expect(first.outputs).toMatchObject({ result: 'created', changed: 'true', 'job-id': '' });
    expect(JSON.parse(first.outputs.timers ?? '[]')).toEqual([
      expect.objectContaining({ name: 'ci/results', result: 'created', action: 'create' }),
      expect.objectContaining({ name: 'ci/logs', result: 'created', action: 'create' }),
    ]);
    expect(
      live()
        .map((t) => t.name)
        .sort(),
    ).toEqual(['ci/logs', 'ci/results']);

    emulator.clearRequests();
    const second = await applyFile([results, logs()]);
    expect(second.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
    expect(writeRequests(emulator)).toEqual([]);
    expect(
      emulator
        .requests()
        .filter((r) => r.service === 'timers')
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['GET /jobs/']);
  });

  it('replaces only the timer that changed, renames with previous-name, and prunes the rest', async () => {
    await applyFile([
      results,
      logs(),
      `  - name: ci/stray\n    source-endpoint: ${gcsv4}\n    items: /s, /s`,
    ]);
    await runInProcess(emulator, {
      operation: 'create',
      name: 'other/kept',
      'source-endpoint': gcsv4,
      'destination-endpoint': guest,
      items: '/k, /k',
      interval: '1h',
    });
    const renamedResults = results.replace(
      'name: ci/results',
      'name: ci/results-v2\n    previous-name: ci/results',
    );
    const core = await applyFile([renamedResults, logs('2h')], { prune: 'ci/' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ result: 'applied', changed: 'true' });
    expect(
      JSON.parse(core.outputs.timers ?? '[]').map((t: { name: string; result: string }) => [
        t.name,
        t.result,
      ]),
    ).toEqual([
      ['ci/results-v2', 'renamed'],
      ['ci/logs', 'replaced'],
      ['ci/stray', 'deleted'],
    ]);
    expect(
      live()
        .map((t) => t.name)
        .sort(),
    ).toEqual(['ci/logs', 'ci/results-v2', 'other/kept']);
    expect(core.summaries.join('')).toContain('| ci/stray | deleted |');
  });

  it('plans the whole file without writing, as a JSON array', async () => {
    await applyFile([results]);
    emulator.clearRequests();
    const core = await applyFile([results, logs()], { operation: 'plan' });
    expect(JSON.parse(core.outputs.plan ?? '[]').map((p: { action: string }) => p.action)).toEqual([
      'unchanged',
      'create',
    ]);
    expect(core.outputs.result).toBe('planned');
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('writes nothing when any timer is ambiguous or a collection is unknown', async () => {
    await applyFile([results]);
    await runInProcess(emulator, {
      operation: 'create',
      name: 'ci/results',
      'source-endpoint': gcsv4,
      'destination-endpoint': guest,
      items: '/x, /y',
      interval: '1h',
    });
    emulator.clearRequests();
    const ambiguous = await applyFile([logs(), results]);
    expect(ambiguous.failed).toContain('2 timers are named "ci/results"');
    expect(writeRequests(emulator)).toEqual([]);

    const unknown = `  - name: ci/unknown\n    source-endpoint: 00000000-0000-4000-8000-00000000beef\n    items: /u, /u`;
    const missing = await applyFile([logs(), unknown]);
    expect(missing.failed).toContain(
      'source-endpoint 00000000-0000-4000-8000-00000000beef was not found',
    );
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('asks for data_access per timer, as each entry says', async () => {
    const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
    const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';
    const FIRST_TOKEN = `${TIMER}[${TRANSFER}] ${TRANSFER}`;
    const scopes = () =>
      emulator
        .requests()
        .filter((r) => r.path === '/v2/oauth2/token')
        .map((r) => String((r.body as Record<string, string>).scope));
    const credentials = (name: string) => live().find((t) => t.name === name)?.credentials;

    // A mapped collection whose entry says none, and a GCSv4 host: no data_access at all.
    await applyFile([results.concat('\n    data-access: none'), logs()]);
    expect(scopes()).toEqual([FIRST_TOKEN]);
    expect(credentials('ci/results')?.data_access).toEqual([]);

    // A mapped non-HA collection (auto) gets exactly its own; a High Assurance one needs none.
    emulator.clearRequests();
    const ha = SEEDED_COLLECTIONS.mappedHa.id;
    await applyFile([
      `  - name: ci/mapped\n    source-endpoint: ${mapped}\n    items: /m, /m`,
      `  - name: ci/ha\n    source-endpoint: ${ha}\n    items: /h, /h`,
      logs(),
    ]);
    expect(scopes()).toEqual([
      FIRST_TOKEN,
      `${TIMER}[${TRANSFER}[*https://auth.globus.org/scopes/${mapped}/data_access]]`,
    ]);
    expect(credentials('ci/mapped')?.data_access).toEqual([mapped]);
  });
});
