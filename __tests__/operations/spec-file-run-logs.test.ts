import { describe, expect, it } from '@jest/globals';
import { runSpecFile, entry } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

const SOURCE = 'c1000000-0000-4000-8000-000000000005';
const DESTINATION = 'b1000000-0000-4000-8000-000000000004';

/* What a spec file's step tells in its log and outputs, line by line. */

const emulator = useEmulator();
const apply = (timers: string[], options = {}) => runSpecFile(emulator, timers, options);
const idOf = (name: string) =>
  emulator.state().timers.find((t) => t.name === name && !/delete/.test(t.status))?.job_id;
/** The log a user reads: no debug lines, no identity line. */
const told = (logs: string[]) =>
  logs.filter((line) => !line.startsWith('debug: ') && !line.startsWith('Acting as'));
/** The rows of the summary's timer table (the timers as they now stand), by name. */
function tableRows(summaries: string[]): string[] {
  const lines = summaries.join('').split('\n');
  const start = lines.indexOf(
    '| Timer | Schedule | Status | Next run | Last run | Transfer task or flow run |',
  );
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 2, end).map((row) => /^\| \[([^\]]+)\]/.exec(row)?.[1] ?? row);
}
const fixed = (name: string, more = '') => `  - name: ${name}\n    items: /same, /same${more}`;

describe('the log of a spec file', () => {
  it('tells what came of each timer, in the file order, then the pruned ones', async () => {
    await apply([fixed('x/a'), entry('x/b'), entry('x/c'), entry('x/e')]);
    const [a, b, c, e] = ['x/a', 'x/b', 'x/c', 'x/e'].map(idOf);
    const core = await apply(
      [
        fixed('x/a2', '\n    previous-name: x/a'),
        entry('x/b', '\n    interval: 2h'),
        entry('x/d'),
        entry('x/e'),
      ],
      { prune: 'x/' },
    );
    expect(core.failed).toBeUndefined();
    expect(told(core.logs)).toEqual([
      `Renamed timer "x/a" to "x/a2" (${a})`,
      `Replaced timer "x/b" (${b} → ${idOf('x/b')}):`,
      '  interval: 1h → 2h',
      `Created timer "x/d" (${idOf('x/d')})`,
      `Timer "x/e" (${e}) is unchanged: it already matches`,
      `Deleted timer "x/c" (${c}): the spec file no longer lists it`,
    ]);
    // Every timer is in the output, the deleted one as Globus last told it.
    const timers = JSON.parse(core.outputs.timers ?? '[]') as Record<string, unknown>[];
    expect(timers.map((t) => [t.name, t.job_id, t.result, t.status])).toEqual([
      ['x/a2', a, 'renamed', 'new'],
      ['x/b', idOf('x/b'), 'replaced', 'new'],
      ['x/d', idOf('x/d'), 'created', 'new'],
      ['x/e', e, 'unchanged', 'new'],
      ['x/c', c, 'deleted', 'delete_in_progress'],
    ]);
    expect(tableRows(core.summaries)).toEqual(['x/a2', 'x/b', 'x/d', 'x/e', 'x/c']);
  });

  it('reports the one timer of a one-timer file as the timer of the step', async () => {
    const core = await apply([entry('solo')]);
    expect(core.outputs['job-id']).toBe(idOf('solo'));
    expect(JSON.parse(core.outputs.timer ?? '{}')).toMatchObject({
      job_id: idOf('solo'),
      name: 'solo',
    });
    expect(JSON.parse(core.outputs.timers ?? '[]')).toHaveLength(1);
  });

  it('keeps a timer already under the new name rather than renaming the old one', async () => {
    // Both names exist: the entry's own name wins, previous-name is only a fallback.
    await apply([fixed('y/old'), fixed('y/new')]);
    const core = await apply([fixed('y/new', '\n    previous-name: y/old')], {
      operation: 'plan',
    });
    expect(JSON.parse(core.outputs.plan ?? '[]')).toEqual([
      { action: 'unchanged', name: 'y/new', job_id: idOf('y/new'), changes: [] },
    ]);
  });
});

describe('the log of a spec file plan', () => {
  it('tells each action with its changes, writes nothing and changes nothing', async () => {
    await apply([entry('p/b'), entry('p/c')]);
    const [b, c] = ['p/b', 'p/c'].map(idOf);
    emulator.clearRequests();
    const core = await apply([entry('p/b', '\n    interval: 3h'), entry('p/d')], {
      operation: 'plan',
      prune: 'p/',
    });
    expect(core.failed).toBeUndefined();
    // Every input a new timer will have, and every input a deleted one had, by input name.
    const options = [
      'encrypt-data',
      'preserve-timestamp',
      'delete-destination-extra',
      'skip-source-errors',
      'fail-on-quota-errors',
    ];
    expect(told(core.logs)).toEqual([
      `apply would replace timer "p/b" (${b})`,
      '  interval: 1h → 3h',
      'apply would create timer "p/d"',
      '  name: (none) → p/d',
      '  kind: (none) → transfer',
      '  interval: (none) → 1h',
      `  source-endpoint: (none) → ${SOURCE}`,
      `  destination-endpoint: (none) → ${DESTINATION}`,
      '  items: 1 added',
      '      + /p/d, /p/d',
      '  label: (none) → p-d',
      '  verify-checksum: (none) → true',
      ...options.map((option) => `  ${option}: (none) → false`),
      '  notify: (none) → default',
      `apply would delete timer "p/c" (${c}): the spec file no longer lists it`,
      '  name: p/c → (none)',
      '  kind: transfer → (none)',
      '  interval: 1h → (none)',
      expect.stringMatching(/^ {2}start: 2026-\d\d-\d\dT\d\d:\d\d(:\d\d)? UTC → \(none\)$/),
      `  source-endpoint: ${SOURCE} → (none)`,
      `  destination-endpoint: ${DESTINATION} → (none)`,
      '  items: 1 removed',
      '      - /p/c, /p/c',
      '  label: p-c → (none)',
      '  verify-checksum: true → (none)',
      ...options.map((option) => `  ${option}: false → (none)`),
      '  notify: default → (none)',
    ]);
    expect(core.outputs.changed).toBe('false');
    expect(core.outputs.result).toBe('planned');
    const timers = JSON.parse(core.outputs.timers ?? '[]') as Record<string, unknown>[];
    expect(timers.map((t) => [t.name, t.job_id, t.action])).toEqual([
      ['p/b', b, 'replace'],
      ['p/d', null, 'create'],
      ['p/c', c, 'delete'],
    ]);
    // The timers that exist: the one to create is not in the table yet.
    expect(tableRows(core.summaries)).toEqual(['p/b', 'p/c']);
    expect(JSON.parse(core.outputs.plan ?? '[]')[2]).toMatchObject({
      action: 'delete',
      name: 'p/c',
      job_id: c,
    });
    expect(JSON.parse(core.outputs.plan ?? '[]')[2].changes.slice(0, 3)).toEqual([
      { field: 'name', live: 'p/c', desired: null },
      { field: 'kind', live: 'transfer', desired: null },
      { field: 'interval', live: '1h', desired: null },
    ]);
  });
});
