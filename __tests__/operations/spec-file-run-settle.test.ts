import { describe, expect, it } from '@jest/globals';
import { requestBarrier } from '../../__fixtures__/barrier.js';
import { runSpecFile, entry } from '../../__fixtures__/spec-file-run.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * After its writes, a spec file reads the client's timers once to settle what it created
 * against a second run applying the same file at the same moment.
 */

const emulator = useEmulator();
const liveIds = (name: string) =>
  emulator
    .state()
    .timers.filter((t) => t.name === name && !/delete/.test(t.status))
    .map((t) => t.job_id);
const timersCalls = () =>
  emulator
    .requests()
    .filter((r) => r.service === 'timers')
    .map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, 'ID')}`);

/** Two runs of one file whose creates meet, so both read before either writes. */
async function applyTwice(timers: string[]) {
  const barrier = requestBarrier(2, (r) => r.method === 'POST' && r.url.endsWith('/v2/timer'));
  const deps = { transport: barrier };
  return Promise.all([
    runSpecFile(emulator, timers, {}, deps),
    runSpecFile(emulator, timers, {}, deps),
  ]);
}

describe('settling a spec file against another run', () => {
  it('reads the timers once more after creating, and not at all when nothing was created', async () => {
    await runSpecFile(emulator, [entry('s/a')]);
    expect(timersCalls()).toEqual(['GET /jobs/', 'POST /v2/timer', 'GET /jobs/']);
    emulator.clearRequests();
    await runSpecFile(emulator, [entry('s/a')]);
    expect(timersCalls()).toEqual(['GET /jobs/']);
    emulator.clearRequests();
    await runSpecFile(emulator, [entry('s/a', '\n    interval: 2h')]);
    expect(timersCalls()).toEqual([
      'GET /jobs/',
      'POST /v2/timer',
      'DELETE /jobs/ID',
      'GET /jobs/',
    ]);
  });

  it('two runs creating the same file keep one timer, and both report it', async () => {
    const runs = await applyTwice([entry('s/twin')]);
    const live = liveIds('s/twin');
    expect(live).toHaveLength(1);
    expect(runs.map((core) => core.failed)).toEqual([undefined, undefined]);
    expect(runs.map((core) => core.outputs['job-id'])).toEqual([live[0], live[0]]);
    // The same spec: one run gives way with a notice, no one warns of a different spec.
    const said = runs.flatMap((core) => core.annotations.map((a) => a.level));
    expect(said).toEqual(['notice']);
  });

  it('two runs replacing the same timer keep one new timer, and both report it', async () => {
    await runSpecFile(emulator, [entry('s/rep')]);
    const runs = await applyTwice([entry('s/rep', '\n    interval: 12h')]);
    const live = liveIds('s/rep');
    expect(live).toHaveLength(1);
    expect(runs.map((core) => core.outputs.result)).toEqual(['replaced', 'replaced']);
    expect(runs.map((core) => core.outputs['job-id'])).toEqual([live[0], live[0]]);
  });
});
