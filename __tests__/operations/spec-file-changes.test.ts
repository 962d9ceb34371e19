import { describe, expect, it } from '@jest/globals';
import { writeRequests } from '../../__fixtures__/harness.js';
import { entry, runSpecFile } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * What a spec file's step reports as changed, and what a rename that is not only a rename
 * becomes.
 */

const emulator = useEmulator();

const applyFile = (timers: string[]) => runSpecFile(emulator, timers);
const stored = (name: string) =>
  emulator.state().timers.filter((t) => t.name === name && !/delete/.test(t.status));
const results = (outputs: Record<string, string>) =>
  JSON.parse(outputs.timers ?? '[]').map((t: { name: string; result: string }) => [
    t.name,
    t.result,
  ]);

describe('the changed output of a spec file', () => {
  it('is true when some timers changed and others did not', async () => {
    await applyFile([entry('a'), entry('b')]);
    emulator.clearRequests();
    const core = await applyFile([entry('a'), entry('b', '\n    interval: 2h')]);
    expect(core.failed).toBeUndefined();
    expect(results(core.outputs)).toEqual([
      ['a', 'unchanged'],
      ['b', 'replaced'],
    ]);
    expect(core.outputs).toMatchObject({ result: 'applied', changed: 'true' });
    expect(writeRequests(emulator)).toHaveLength(2);
  });

  it('is false when every timer is unchanged', async () => {
    await applyFile([entry('a'), entry('b')]);
    const core = await applyFile([entry('a'), entry('b')]);
    expect(results(core.outputs)).toEqual([
      ['a', 'unchanged'],
      ['b', 'unchanged'],
    ]);
    expect(core.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
  });

  it('is true when the only change is one created timer among unchanged ones', async () => {
    await applyFile([entry('a'), entry('b')]);
    const core = await applyFile([entry('a'), entry('b'), entry('c')]);
    expect(results(core.outputs).map(([, result]: string[]) => result)).toEqual([
      'unchanged',
      'unchanged',
      'created',
    ]);
    expect(core.outputs.changed).toBe('true');
  });
});

describe('previous-name with another change', () => {
  it('replaces the timer under its new name with the change, instead of only renaming it', async () => {
    await applyFile([entry('a')]);
    const [old] = stored('a');
    emulator.clearRequests();
    const core = await applyFile([
      `  - name: a-v2\n    previous-name: a\n    items: /a, /a\n    interval: 2h`,
    ]);
    expect(core.failed).toBeUndefined();
    expect(results(core.outputs)).toEqual([['a-v2', 'replaced']]);
    expect(writeRequests(emulator).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/timer',
      `DELETE /jobs/${old?.job_id}`,
    ]);
    expect(stored('a')).toEqual([]);
    expect(stored('a-v2').map((t) => t.interval)).toEqual([7200]);
  });

  it('renames in place when the name is all that changed', async () => {
    await applyFile([entry('a')]);
    const [old] = stored('a');
    emulator.clearRequests();
    const core = await applyFile([`  - name: a-v2\n    previous-name: a\n    items: /a, /a`]);
    expect(results(core.outputs)).toEqual([['a-v2', 'renamed']]);
    expect(writeRequests(emulator).map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /jobs/${old?.job_id}`,
    ]);
  });
});

describe('a spec file applied right after one of its timers was replaced', () => {
  it('does not count the timer still being deleted', async () => {
    await applyFile([entry('a')]);
    await applyFile([entry('a', '\n    interval: 2h')]); // replaced; the old one is dying
    const core = await applyFile([entry('a')]); // the dying one matches this spec
    expect(core.failed).toBeUndefined();
    expect(results(core.outputs)).toEqual([['a', 'replaced']]);
    expect(stored('a').map((t) => t.interval)).toEqual([3600]);
  });
});
