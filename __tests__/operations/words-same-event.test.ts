import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../__fixtures__/harness.js';
import { gcsv4, guest, runSpecFile } from '../../__fixtures__/spec-file-run.js';
import type { FakeCore } from '../../__fixtures__/core.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * One event, one wording: what apply (and update, and create) logs of a timer it created, left
 * alone, replaced or renamed is worded exactly as a spec file's apply logs it.
 */

const emulator = useEmulator();

const inputs = (name: string, interval = '1h') => ({
  name,
  'source-endpoint': gcsv4,
  'destination-endpoint': guest,
  items: `/${name}, /${name}`,
  interval,
});
const entry = (name: string, more = '') =>
  `  - name: ${name}\n    items: /${name}, /${name}${more}`;

/** The lines a user reads about the timers, with every id the same placeholder. */
const told = (core: FakeCore) =>
  core.logs
    .filter((line) => !line.startsWith('debug: ') && !line.startsWith('Acting as'))
    .map((line) => line.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '<id>'));

const jobIdOf = (name: string) =>
  emulator.state().timers.find((t) => t.name === name && !/delete/.test(t.status))?.job_id ?? '';

describe('the same event, worded the same', () => {
  it('created, unchanged and replaced: apply by inputs and by a spec file say the same', async () => {
    const byInputs = [
      await runInProcess(emulator, inputs('same/one')),
      await runInProcess(emulator, inputs('same/one')),
      await runInProcess(emulator, inputs('same/one', '2h')),
    ].map(told);
    const byFile = [
      await runSpecFile(emulator, [entry('same/one')]),
      await runSpecFile(emulator, [entry('same/one')]),
      await runSpecFile(emulator, [entry('same/one', '\n    interval: 2h')]),
    ];
    // The spec file found the timer apply made: it replaced it back to 1h first.
    expect(told(byFile[0] as FakeCore)).toEqual([
      'Replaced timer "same/one" (<id> → <id>):',
      '  interval: 2h → 1h',
    ]);
    expect(byInputs).toEqual([
      ['Created timer "same/one" (<id>)'],
      ['Timer "same/one" (<id>) is unchanged: it already matches'],
      ['Replaced timer "same/one" (<id> → <id>):', '  interval: 1h → 2h'],
    ]);
    expect(byFile.slice(1).map(told)).toEqual([
      ['Timer "same/one" (<id>) is unchanged: it already matches'],
      ['Replaced timer "same/one" (<id> → <id>):', '  interval: 1h → 2h'],
    ]);
    const created = await runSpecFile(emulator, [entry('same/two')]);
    expect(told(created)).toEqual(['Created timer "same/two" (<id>)']);
  });

  it('renamed: update by job-id and a spec file’s previous-name say the same', async () => {
    await runSpecFile(emulator, [entry('same/a'), entry('same/b')]);
    const updated = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobIdOf('same/a'),
      name: 'same/a2',
    });
    const renamed = await runSpecFile(emulator, [
      `  - name: same/a2\n    items: /same/a, /same/a`,
      `  - name: same/b2\n    items: /same/b, /same/b\n    previous-name: same/b`,
    ]);
    expect(told(updated)).toEqual(['Renamed timer "same/a" to "same/a2" (<id>)']);
    expect(told(renamed)).toEqual([
      'Timer "same/a2" (<id>) is unchanged: it already matches',
      'Renamed timer "same/b" to "same/b2" (<id>)',
    ]);
  });

  it('create says it as apply does', async () => {
    const core = await runInProcess(emulator, { ...inputs('same/created'), operation: 'create' });
    expect(told(core)).toEqual(['Created timer "same/created" (<id>)']);
  });
});
