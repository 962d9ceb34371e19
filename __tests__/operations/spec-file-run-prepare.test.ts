import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../../emulator/index.js';
import { tokenScopes, writeRequests } from '../../__fixtures__/harness.js';
import { runSpecFile, entry } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * What a spec file looks up before its first write: the consents of every timer it creates
 * (a replace creates one too), and — for a plan — what would make apply fail.
 */

const emulator = useEmulator();
const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const { echo } = SEEDED_FLOWS;
const onMapped = (name: string, more = '') =>
  `${entry(name, more)}\n    source-endpoint: ${mapped}`;
const transferCalls = () =>
  emulator
    .requests()
    .filter((r) => r.service === 'transfer')
    .map((r) => `${r.method} ${r.path}`);

describe('a spec file’s look-ups before writing', () => {
  it('asks for a mapped collection’s data_access when it replaces a timer on it', async () => {
    await runSpecFile(emulator, [onMapped('m/a')]);
    emulator.clearRequests();
    const core = await runSpecFile(emulator, [onMapped('m/a', '\n    interval: 2h')]);
    expect(core.outputs.result).toBe('replaced');
    expect(tokenScopes(emulator).filter((scope) => scope.includes('data_access'))).toEqual([
      expect.stringContaining(`scopes/${mapped}/data_access`),
    ]);
  });

  it('looks up no collection for a timer it leaves alone', async () => {
    await runSpecFile(emulator, [onMapped('m/b')]);
    emulator.clearRequests();
    const core = await runSpecFile(emulator, [onMapped('m/b')]);
    expect(core.outputs.result).toBe('unchanged');
    expect(transferCalls()).toEqual([]);
  });
});

describe('a spec file plan', () => {
  it('fails with what would make apply fail, having written nothing', async () => {
    const flow = (name: string, input: string) =>
      `  - name: ${name}\n    flow-id: ${echo.id}\n    flow-input: '${input}'`;
    const core = await runSpecFile(
      emulator,
      [flow('f/ok', '{"echo_string": "hi"}'), flow('f/bad', '{}')],
      { operation: 'plan', defaults: ['  interval: 1h'] },
    );
    expect(writeRequests(emulator)).toEqual([]);
    expect(core.outputs.result).toBe('planned');
    expect(core.failed).toBe(
      `apply would fail: timer "f/bad" (line 7), flow-input: $.echo_string is required (the input schema of flow ${echo.id})`,
    );
  });

  it('passes when apply would succeed', async () => {
    const core = await runSpecFile(emulator, [entry('u/ok')], { operation: 'plan' });
    expect(core.failed).toBeUndefined();
    expect(core.outputs.result).toBe('planned');
  });
});
