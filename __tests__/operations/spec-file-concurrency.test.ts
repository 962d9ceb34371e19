import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS, type Emulator } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A spec file's writes run a few at a time: 200 new timers, with 10 % of the creates refused
 * with 429 first, come out exactly as a sequential run would — 200 timers, none twice, the log
 * in the file's order — and never more than `concurrency` writes are under way at once.
 */

const emulator = useEmulator();

function specFile(count: number): string {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-bulk-'));
  const names = Array.from(
    { length: count },
    (_, i) => `  - name: bulk/${String(i).padStart(3, '0')}`,
  );
  const text = [
    'defaults:',
    `  source-endpoint: ${SEEDED_COLLECTIONS.guest.id}`,
    `  destination-endpoint: ${SEEDED_COLLECTIONS.gcsv4Host.id}`,
    '  items: /data/, /backup/, true',
    '  interval: 1d',
    'timers:',
    ...names,
  ].join('\n');
  writeFileSync(join(workspace, 'timers.yml'), `${text}\n`);
  return workspace;
}

function apply(workspace: string, inputs: Record<string, string> = {}) {
  return runInProcess(
    emulator,
    { 'spec-file': 'timers.yml', ...inputs },
    { GITHUB_WORKSPACE: workspace },
  );
}

const liveNames = (target: Emulator) =>
  target
    .state()
    .timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status))
    .map((t) => t.name);

/** The most requests of `path` the emulator was answering at the same moment. */
function mostAtOnce(method: string, path: string): number {
  const posts = emulator.requests().filter((r) => r.method === method && r.path === path);
  return Math.max(
    ...posts.map(
      (post) =>
        posts.filter(
          (other) =>
            other.received_ms <= post.received_ms &&
            (other.answered_ms ?? Infinity) > post.received_ms,
        ).length,
    ),
  );
}

describe('a spec file of many timers', () => {
  it('creates 200 timers, a few at a time, through 429s, each exactly once', async () => {
    emulator.configure({ latency_ms: 2 });
    emulator.setFault({
      service: 'timers',
      method: 'POST',
      path: '/v2/timer',
      status: 429,
      retry_after: 1,
      times: 20,
    });
    const core = await apply(specFile(200));
    expect(core.failed).toBeUndefined();
    const names = liveNames(emulator);
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    const posts = emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v2/timer');
    expect(posts).toHaveLength(220); // 20 refused (not processed), 200 made
    expect(mostAtOnce('POST', '/v2/timer')).toBeLessThanOrEqual(8);
    expect(mostAtOnce('POST', '/v2/timer')).toBeGreaterThan(1);
    const created = core.logs.filter((line) => line.startsWith('Created timer "bulk/'));
    expect(created).toHaveLength(200);
    expect(created.map((line) => line.slice(15, 23))).toEqual([...names].sort());
    expect(JSON.parse(core.outputs.timers ?? '[]')).toHaveLength(200);
  });

  it('comes out as a sequential run would', async () => {
    const workspace = specFile(12);
    const together = await apply(workspace, { concurrency: '4' });
    const togetherTimers = JSON.parse(together.outputs.timers ?? '[]') as { name: string }[];
    emulator.reset();
    const alone = await apply(workspace, { concurrency: '1' });
    const aloneTimers = JSON.parse(alone.outputs.timers ?? '[]') as { name: string }[];
    const shape = (timers: { name: string }[]) => timers.map(({ name }) => name);
    expect(shape(togetherTimers)).toEqual(shape(aloneTimers));
    expect(together.outputs.result).toBe(alone.outputs.result);
    const lines = (logs: string[]) =>
      logs.filter((l) => /^created: /.test(l)).map((l) => l.slice(0, 18));
    expect(lines(together.logs)).toEqual(lines(alone.logs));
    expect(mostAtOnce('POST', '/v2/timer')).toBe(1);
  });
});
