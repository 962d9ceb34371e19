import { describe, expect, it } from '@jest/globals';
import { runSpecFile, entry } from '../../__fixtures__/spec-file-run.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * Which live timer each entry of a spec file stands for: one entry per timer at most, names
 * compared exactly, a prune-prefix matched at the start of a name only; and what a spec-file
 * apply says of a matching timer that will not run.
 */

const emulator = useEmulator();
const apply = (timers: string[], options = {}) => runSpecFile(emulator, timers, options);
const live = () =>
  emulator
    .state()
    .timers.filter((t) => !/delete/.test(t.status))
    .map((t) => [t.name, t.job_id]);
const idOf = (name: string) => live().find(([n]) => n === name)?.[1];
/** An entry copying /same to /same: a new name alone makes it a rename. */
const same = (name: string, more = '') => `  - name: ${name}\n    items: /same, /same${more}`;

describe('one live timer, one entry', () => {
  it('refuses a file where a rename and a new timer both claim one timer, naming both, before any write', async () => {
    await apply([entry('nightly')]);
    const before = live();
    const id = idOf('nightly');
    emulator.clearRequests();
    const core = await apply(
      [entry('nightly-old', '\n    previous-name: nightly'), entry('nightly')],
      { operation: 'apply' },
    );
    expect(writeRequests(emulator)).toEqual([]);
    expect(live()).toEqual(before);
    expect(core.failed).toBe(
      [
        'Invalid inputs; nothing was changed in Globus:',
        `- spec-file (line 9): timer "nightly-old" (line 6) by previous-name and timer "nightly" (line 9) by its name both stand for timer "nightly" (${id}); a timer can be one entry's only: to rename it and make a new timer with its old name, apply the rename first, then add the new timer`,
      ].join('\n'),
    );
    // plan refuses it too: the plan would show what apply cannot do.
    const plan = await apply(
      [entry('nightly-old', '\n    previous-name: nightly'), entry('nightly')],
      { operation: 'plan' },
    );
    expect(plan.failed).toContain('both stand for timer "nightly"');
  });

  it('refuses two renames of one timer', async () => {
    await apply([entry('gone')]);
    const core = await apply([
      entry('first', '\n    previous-name: gone'),
      entry('second', '\n    previous-name: gone'),
    ]);
    expect(core.failed).toContain(
      'timer "first" (line 6) by previous-name and timer "second" (line 9) by previous-name both stand for timer "gone"',
    );
    expect(core.failed).toContain(
      "a timer can be one entry's only: keep previous-name on one of them",
    );
    expect(live().map(([name]) => name)).toEqual(['gone']);
  });

  it('renames, then on the next apply makes the new timer with the old name', async () => {
    await apply([same('nightly')]);
    const id = idOf('nightly');
    await apply([same('nightly-old', '\n    previous-name: nightly')]);
    expect(idOf('nightly-old')).toBe(id);
    const core = await apply([
      same('nightly-old', '\n    previous-name: nightly'),
      same('nightly'),
    ]);
    expect(core.failed).toBeUndefined();
    expect(idOf('nightly-old')).toBe(id);
    expect(idOf('nightly')).not.toBe(id);
    const timers = JSON.parse(core.outputs.timers ?? '[]') as { name: string; result: string }[];
    expect(timers.map((t) => [t.name, t.result])).toEqual([
      ['nightly-old', 'unchanged'],
      ['nightly', 'created'],
    ]);
  });
});

describe('names', () => {
  it('are compared case-sensitively: applying Nightly leaves nightly alone', async () => {
    await runInProcess(emulator, {
      name: 'nightly',
      'source-endpoint': 'c1000000-0000-4000-8000-000000000005',
      'destination-endpoint': 'b1000000-0000-4000-8000-000000000004',
      items: '/a, /b',
      interval: '1h',
    });
    const id = idOf('nightly');
    const core = await runInProcess(emulator, {
      name: 'Nightly',
      'source-endpoint': 'c1000000-0000-4000-8000-000000000005',
      'destination-endpoint': 'b1000000-0000-4000-8000-000000000004',
      items: '/a, /b',
      interval: '2h',
    });
    expect(core.outputs.result).toBe('created');
    expect(idOf('nightly')).toBe(id);
    const file = await apply([entry('Nightly')]);
    expect(JSON.parse(file.outputs.timers ?? '[]')[0]).toMatchObject({
      name: 'Nightly',
      result: 'replaced',
    });
    expect(idOf('nightly')).toBe(id);
  });

  it('match a prune-prefix only at their start', async () => {
    await apply([entry('ci-a'), entry('old-ci-x'), entry('ci-b')]);
    const kept = idOf('old-ci-x');
    const core = await apply([entry('ci-a')], { prune: 'ci-' });
    expect(core.failed).toBeUndefined();
    expect(
      live()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['ci-a', 'old-ci-x']);
    expect(idOf('old-ci-x')).toBe(kept);
  });
});

describe('a matching timer that will not run', () => {
  it('is left as it is, with the warning a one-timer apply gives', async () => {
    await apply([entry('paused'), entry('stuck'), entry('fine')]);
    const [paused, stuck] = [idOf('paused'), idOf('stuck')];
    await runInProcess(emulator, { operation: 'pause', 'job-id': paused ?? '' });
    emulator.makeInactive(stuck ?? '', ['urn:globus:auth:scope:transfer.api.globus.org:all']);
    emulator.clearRequests();
    const core = await apply([entry('paused'), entry('stuck'), entry('fine')]);
    expect(writeRequests(emulator)).toEqual([]);
    expect(core.outputs.result).toBe('unchanged');
    expect(core.failed).toBeUndefined();
    const warnings = core.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toEqual([
      `timer ${paused} is paused; resume it (operation: resume) to let it run again`,
      expect.stringContaining(`timer ${stuck} is inactive: Globus Auth requirements are not met`),
    ]);
  });

  it('that has ended is said to have ended', async () => {
    await apply([entry('short', '\n    stop-after-runs: 2')]);
    emulator.advance(3 * 3600);
    const core = await apply([entry('short', '\n    stop-after-runs: 2')]);
    expect(core.outputs.result).toBe('unchanged');
    expect(core.annotations.map((a) => a.message).join('\n')).toContain(
      `timer ${idOf('short')} matches the inputs but has ended`,
    );
  });
});
