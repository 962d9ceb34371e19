import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A count meets its noun in the right number everywhere a user reads it — the log, the
 * annotations, the summary — for one of a thing as for several: `1 run`, never `1 runs`,
 * nor `timer(s)`.
 */

const emulator = useEmulator();

const timer = (name: string) => ({
  name,
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/run.h5, /backup/run.h5',
  interval: '1h',
});

/** `1 runs`, `1 errors`, `1 files`, `(s)`: a count and a noun that disagree. */
const WRONG_NUMBER = /\b1 (runs|errors|files|faults|timers|fields|problems)\b|\w\(s\)/;

describe('plurals', () => {
  it('a timer with one run and one error says 1 run and 1 error, in the log and the summary', async () => {
    const start = new Date(emulator.now().getTime() + 600_000).toISOString();
    const created = await runInProcess(emulator, { ...timer('plural/one'), start });
    const jobId = created.outputs['job-id'] ?? '';
    emulator.failNextRun(jobId, 'submission');
    emulator.advance(660);
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.outputs).toMatchObject({ 'n-runs': '1', 'n-errors': '1' });
    const text = core.visibleText();
    expect(text).not.toMatch(WRONG_NUMBER);
    expect(core.logs).toContainEqual(expect.stringContaining(', 1 run, 1 error;'));
    expect(core.summaries[0]).toContain('(1 run, 1 error)');
  });

  it('a run that moved one file says 1 file', async () => {
    const created = await runInProcess(emulator, { ...timer('plural/file'), operation: 'apply' });
    emulator.advance(60);
    const core = await runInProcess(emulator, {
      operation: 'check',
      'job-id': created.outputs['job-id'] ?? '',
    });
    expect(core.visibleText()).not.toMatch(WRONG_NUMBER);
    expect(core.logs).toContainEqual(expect.stringContaining('1 of 1 file, '));
  });

  it('list says 1 timer, and 2 timers', async () => {
    await runInProcess(emulator, { ...timer('plural/list-a'), operation: 'apply' });
    const one = await runInProcess(emulator, { operation: 'list', name: 'plural/list-' });
    expect(one.visibleText()).not.toMatch(WRONG_NUMBER);
    expect(one.logs).toContain('1 timer matching "plural/list-"');
    await runInProcess(emulator, { ...timer('plural/list-b'), operation: 'apply' });
    const two = await runInProcess(emulator, { operation: 'list', name: 'plural/list-' });
    expect(two.logs).toContain('2 timers matching "plural/list-"');
  });

  it('an items line with one field says 1 field', async () => {
    const core = await runInProcess(emulator, {
      ...timer('plural/items'),
      items: '/only-a-source',
    });
    expect(core.failed).toContain('found 1 field');
    expect(core.visibleText()).not.toMatch(WRONG_NUMBER);
  });
});
