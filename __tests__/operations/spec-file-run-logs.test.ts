import { describe, expect, it } from '@jest/globals';
import { runSpecFile, entry } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

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
      `renamed: "x/a" → "x/a2" (${a})`,
      `replaced: "x/b" (${b} → ${idOf('x/b')})`,
      '  schedule.interval_seconds: 3600 → 7200',
      `created: "x/d" (${idOf('x/d')})`,
      `unchanged: "x/e" (${e})`,
      `deleted: "x/c" (${c}), no longer in the spec file`,
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
    expect(told(core.logs)).toEqual([
      `replace: "p/b" (${b})`,
      '  schedule.interval_seconds: 3600 → 10800',
      'create: "p/d"',
      '  name: (none) → p/d',
      '  schedule: (none) → every 1h',
      `  body.source_endpoint: (none) → c1000000-0000-4000-8000-000000000005`,
      `  body.destination_endpoint: (none) → b1000000-0000-4000-8000-000000000004`,
      '  body.DATA: (none) → [{"DATA_TYPE":"transfer_item","source_path":"/p/d","destination_path":"/p/d"}]',
      `delete: "p/c" (${c})`,
      '  timer: p/c → (none)',
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
    expect(JSON.parse(core.outputs.plan ?? '[]')[2]).toEqual({
      action: 'delete',
      name: 'p/c',
      job_id: c,
      changes: [{ field: 'timer', live: 'p/c' }],
    });
  });
});
